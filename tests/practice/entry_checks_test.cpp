// Entry checks: a valid entry passes; each broken field is named by its column; a draft needs
// only a title and a lead borough; a submission needs the rest; child data is refused in any
// text field.
#include "practice/entry_checks.h"

#include <gtest/gtest.h>

#include "practice_test_support.h"

namespace sendplan::practice {
namespace {

using testing::about;
using testing::all_reasons;
using testing::london_boroughs;
using testing::valid_entry;

std::vector<transport::Problem> submission(const store::PracticeEntry& entry) {
  return submission_problems(entry, london_boroughs(), "entry", 0);
}

std::vector<transport::Problem> draft(const store::PracticeEntry& entry) {
  return draft_problems(entry, london_boroughs(), "entry", 0);
}

// The one problem with `entry` is about `column` and says `part`.
void expect_only(const std::vector<transport::Problem>& problems, const std::string& column,
                 const std::string& part) {
  ASSERT_EQ(problems.size(), 1u) << all_reasons(problems);
  EXPECT_EQ(problems[0].column, column) << all_reasons(problems);
  EXPECT_NE(problems[0].reason.find(part), std::string::npos) << all_reasons(problems);
  EXPECT_EQ(problems[0].file, "entry");
  EXPECT_EQ(problems[0].row, 0);
}

TEST(EntryChecks, AValidEntryHasNoProblems) {
  EXPECT_TRUE(submission(valid_entry()).empty()) << all_reasons(submission(valid_entry()));
  EXPECT_TRUE(draft(valid_entry()).empty());
}

TEST(EntryChecks, AnEmptyDraftNeedsOnlyATitleAndALeadBorough) {
  store::PracticeEntry entry;
  entry.title = "Travel training";
  entry.lead_borough = "Sutton";
  EXPECT_TRUE(draft(entry).empty()) << all_reasons(draft(entry));

  const std::vector<transport::Problem> none = draft(store::PracticeEntry{});
  ASSERT_EQ(none.size(), 2u) << all_reasons(none);
  EXPECT_EQ(none[0].column, "title");
  EXPECT_EQ(none[1].column, "lead_borough");
  EXPECT_NE(none[0].reason.find("is required"), std::string::npos);
}

TEST(EntryChecks, ASubmissionNeedsEveryPart) {
  store::PracticeEntry entry;
  entry.title = "Travel training";
  entry.lead_borough = "Sutton";
  entry.state = "submitted";
  const std::vector<transport::Problem> problems = submission(entry);
  std::vector<std::string> columns;
  for (const transport::Problem& problem : problems) columns.push_back(problem.column);
  EXPECT_EQ(columns, (std::vector<std::string>{"summary", "categories", "problem", "actions",
                                               "impact_summary", "how_to_adopt", "contact_name",
                                               "contact_role"}))
      << all_reasons(problems);
  // The impact in words or one measure will do.
  entry = valid_entry();
  entry.impact_summary.clear();
  EXPECT_TRUE(submission(entry).empty());
  entry.impact.clear();
  expect_only(submission(entry), "impact_summary", "at least one measure");
}

TEST(EntryChecks, LengthsAreCountedInCharacters) {
  store::PracticeEntry entry = valid_entry();
  entry.title = std::string(200, 'a');
  EXPECT_TRUE(submission(entry).empty());
  entry.title = std::string(201, 'a');
  expect_only(submission(entry), "title", "201 characters long; the limit is 200");
  // 200 two-byte characters are 200 characters, not 400.
  entry.title.clear();
  for (int i = 0; i < 200; ++i) entry.title += "é";
  EXPECT_TRUE(submission(entry).empty());

  entry = valid_entry();
  entry.actions = std::string(12001, 'x');
  expect_only(submission(entry), "actions", "12001 characters");
  EntryLimits tight;
  tight.summary_chars = 10;
  EXPECT_EQ(
      about(submission_problems(valid_entry(), london_boroughs(), "entry", 0, tight), "summary")
          .size(),
      1u);
}

TEST(EntryChecks, OneLineFieldsAndUtf8) {
  store::PracticeEntry entry = valid_entry();
  entry.title = "Two\nlines";
  expect_only(submission(entry), "title", "must be one line");
  entry = valid_entry();
  entry.summary = "bad \xC3\x28 byte";
  expect_only(submission(entry), "summary", "not UTF-8");
}

TEST(EntryChecks, BoroughsMustBeCanonicalNames) {
  store::PracticeEntry entry = valid_entry();
  entry.lead_borough = "hackney";
  expect_only(submission(entry), "lead_borough", "unknown borough 'hackney'");
  entry = valid_entry();
  entry.partner_boroughs = {"Camden", "Hackney", "Camden", "Gotham"};
  const std::vector<transport::Problem> problems = about(submission(entry), "partner_boroughs");
  ASSERT_EQ(problems.size(), 3u) << all_reasons(problems);
  EXPECT_NE(problems[0].reason.find("Hackney is the lead borough"), std::string::npos);
  EXPECT_NE(problems[1].reason.find("'Camden' is listed twice"), std::string::npos);
  EXPECT_NE(problems[2].reason.find("unknown borough 'Gotham'"), std::string::npos);
}

TEST(EntryChecks, KeysMustBeKnown) {
  store::PracticeEntry entry = valid_entry();
  entry.categories = {"send-impact", "racial_disparities"};
  expect_only(submission(entry), "categories", "unknown category 'racial_disparities'");
  entry = valid_entry();
  entry.needs = {"asd"};
  expect_only(submission(entry), "needs", "unknown need 'asd' (known: SPLD, MLD");
  entry = valid_entry();
  entry.settings = {"school"};
  expect_only(submission(entry), "settings", "unknown setting 'school'");
  entry = valid_entry();
  entry.indicators = {"ehc-plans", "ehc-plan", "ehc-plans"};
  const std::vector<transport::Problem> problems = submission(entry);
  ASSERT_EQ(problems.size(), 2u) << all_reasons(problems);
  EXPECT_NE(problems[0].reason.find("unknown dashboard indicator 'ehc-plan'"), std::string::npos);
  EXPECT_NE(problems[1].reason.find("listed twice"), std::string::npos);
  entry = valid_entry();
  entry.categories = {"workforce", "workforce"};
  expect_only(submission(entry), "categories", "listed twice");
}

TEST(EntryChecks, Ages) {
  store::PracticeEntry entry = valid_entry();
  entry.age_from = 16;
  entry.age_to = 11;
  expect_only(submission(entry), "age_to", "11 is below age_from (16)");
  entry.age_from = -1;
  entry.age_to = 26;
  const std::vector<transport::Problem> problems = submission(entry);
  ASSERT_EQ(problems.size(), 2u) << all_reasons(problems);
  EXPECT_EQ(problems[0].column, "age_from");
  EXPECT_EQ(problems[1].column, "age_to");
  entry.age_from = 25;
  entry.age_to = 25;
  EXPECT_TRUE(submission(entry).empty());
}

TEST(EntryChecks, LinksAreHttpAddresses) {
  store::PracticeEntry entry = valid_entry();
  entry.links = {"https://example.org/a?b=c#d",
                 "HTTP://EXAMPLE.ORG",
                 "javascript:alert(1)",
                 "ftp://example.org",
                 "https://",
                 "https://exa mple.org",
                 "example.org",
                 "https:///path",
                 "https://example.org/\"onclick"};
  const std::vector<transport::Problem> problems = submission(entry);
  ASSERT_EQ(problems.size(), 7u) << all_reasons(problems);
  for (const transport::Problem& problem : problems) EXPECT_EQ(problem.column, "links");
  entry.links.assign(11, "https://example.org");
  expect_only(submission(entry), "links", "has 11 links; the limit is 10");
}

TEST(EntryChecks, StartedOnIsARealDate) {
  store::PracticeEntry entry = valid_entry();
  for (const std::string good : {"", "2024-02-29", "1999-12-31"}) {
    entry.started_on = good;
    EXPECT_TRUE(submission(entry).empty()) << good;
  }
  for (const std::string bad : {"2023-02-29", "2024-13-01", "01/09/2024", "2024-9-1", "soon",
                                "2024-09-01T00:00:00Z", "1850-01-01"}) {
    entry.started_on = bad;
    expect_only(submission(entry), "started_on", "is not a date");
  }
}

TEST(EntryChecks, StateWinnerAndEvidence) {
  store::PracticeEntry entry = valid_entry();
  entry.state = "approved";
  expect_only(submission(entry), "state", "unknown state 'approved'");
  entry = valid_entry();
  entry.state = "winner";
  expect_only(submission(entry), "winner_category", "is required for a winner");
  entry.winner_category = "care-leavers";
  expect_only(submission(entry), "winner_category", "not one of the entry's categories");
  entry.winner_category = "send-impact";
  EXPECT_TRUE(submission(entry).empty());
  entry.state = "published";
  EXPECT_TRUE(submission(entry).empty()) << "a published winner keeps its category";
  entry.state = "submitted";
  expect_only(submission(entry), "winner_category", "only a winner has one");
  entry = valid_entry();
  entry.evidence_strength = 6;
  expect_only(submission(entry), "evidence_strength", "scale 0 (not rated) to 5");
  entry.evidence_strength = -1;
  expect_only(submission(entry), "evidence_strength", "-1");
}

TEST(EntryChecks, ImpactMeasures) {
  store::PracticeEntry entry = valid_entry();
  entry.impact.push_back({"", "1", "2", "2024", "survey"});
  expect_only(submission(entry), "impact", "measure 2: say what was measured");
  entry = valid_entry();
  entry.impact.assign(13, {"Plans on time", "1", "2", "2024", "SEN2"});
  expect_only(submission(entry), "impact", "has 13 measures; the limit is 12");
  entry = valid_entry();
  entry.impact[0].source = "line one\nline two";
  expect_only(submission(entry), "impact", "measure 1 (source): must be one line");
  entry = valid_entry();
  entry.impact[0].after = "A123456789012";
  expect_only(submission(entry), "impact", "Unique Pupil Number");
}

TEST(EntryChecks, TheContactIsAnOfficerNotAChild) {
  store::PracticeEntry entry = valid_entry();
  entry.contact_role = "Pupil";
  expect_only(submission(entry), "contact_role", "not a lead officer's role");
  entry = valid_entry();
  entry.contact_role = " young person ";
  expect_only(submission(entry), "contact_role", "not a lead officer's role");
  entry = valid_entry();
  entry.contact_name = "Example Lead Officer, DOB: 03/05/2015";
  expect_only(submission(entry), "contact_name", "date of birth");
}

TEST(EntryChecks, ChildDataIsRefusedInAnyTextField) {
  const std::string upn = "Supported A123456789012 this year.";
  for (const auto& [column, field] :
       std::vector<std::pair<std::string, std::string store::PracticeEntry::*>>{
           {"title", &store::PracticeEntry::title},
           {"summary", &store::PracticeEntry::summary},
           {"problem", &store::PracticeEntry::problem},
           {"actions", &store::PracticeEntry::actions},
           {"impact_summary", &store::PracticeEntry::impact_summary},
           {"cost_and_resources", &store::PracticeEntry::cost_and_resources},
           {"how_to_adopt", &store::PracticeEntry::how_to_adopt}}) {
    store::PracticeEntry entry = valid_entry();
    entry.*field = upn;
    const std::vector<transport::Problem> problems = submission(entry);
    expect_only(problems, column, "looks like it identifies a child");
    EXPECT_EQ(problems[0].reason.find("123456789012"), std::string::npos)
        << "the reason must not repeat the number";
  }
}

TEST(EntryChecks, ProblemsCarryTheFileAndRow) {
  store::PracticeEntry entry = valid_entry();
  entry.title.clear();
  const std::vector<transport::Problem> problems =
      draft_problems(entry, london_boroughs(), "practice.csv", 14);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(),
            "practice.csv:14: column 'title': is required (a short name "
            "for the practice)");
}

}  // namespace
}  // namespace sendplan::practice
