// CSV and JSON in and out: exact round trips (commas, quotes, newlines, separators, formulas and
// non-ASCII in fields), columns in any order, and every problem of a broken file with its line
// (or entry number) and column.
#include "practice/entry_files.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "practice/entry_json.h"
#include "practice/seed.h"
#include "practice_test_support.h"

namespace sendplan::practice {
namespace {

using testing::all_reasons;
using testing::london_boroughs;

// Every field a file carries (not created_by or revision, which belong to one store).
void expect_same(const store::PracticeEntry& a, const store::PracticeEntry& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.call_id, b.call_id);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.summary, b.summary);
  EXPECT_EQ(a.lead_borough, b.lead_borough);
  EXPECT_EQ(a.partner_boroughs, b.partner_boroughs);
  EXPECT_EQ(a.categories, b.categories);
  EXPECT_EQ(a.problem, b.problem);
  EXPECT_EQ(a.actions, b.actions);
  EXPECT_EQ(a.age_from, b.age_from);
  EXPECT_EQ(a.age_to, b.age_to);
  EXPECT_EQ(a.needs, b.needs);
  EXPECT_EQ(a.settings, b.settings);
  ASSERT_EQ(a.impact.size(), b.impact.size()) << a.title;
  for (std::size_t i = 0; i < a.impact.size(); ++i) {
    EXPECT_EQ(a.impact[i].measure, b.impact[i].measure);
    EXPECT_EQ(a.impact[i].before, b.impact[i].before);
    EXPECT_EQ(a.impact[i].after, b.impact[i].after);
    EXPECT_EQ(a.impact[i].period, b.impact[i].period);
    EXPECT_EQ(a.impact[i].source, b.impact[i].source);
  }
  EXPECT_EQ(a.impact_summary, b.impact_summary);
  EXPECT_EQ(a.cost_and_resources, b.cost_and_resources);
  EXPECT_EQ(a.how_to_adopt, b.how_to_adopt);
  EXPECT_EQ(a.contact_name, b.contact_name);
  EXPECT_EQ(a.contact_role, b.contact_role);
  EXPECT_EQ(a.links, b.links);
  EXPECT_EQ(a.indicators, b.indicators);
  EXPECT_EQ(a.started_on, b.started_on);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.winner_category, b.winner_category);
  EXPECT_EQ(a.evidence_strength, b.evidence_strength);
  EXPECT_EQ(a.example, b.example);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.updated_at, b.updated_at);
  EXPECT_EQ(a.submitted_at, b.submitted_at);
  EXPECT_EQ(a.published_at, b.published_at);
}

// Entries whose text holds everything a file format can trip on.
std::vector<store::PracticeEntry> awkward_entries() {
  store::PracticeEntry a = testing::valid_entry();
  a.id = 41;
  a.call_id = 3;
  a.title = "Quotes \"here\", commas, and café – naïve 日本語 🙂";
  a.summary = "Line one,\nline two with \"quotes\"\r\nand a CRLF; semicolons | pipes \\ slash";
  a.problem = "=SUM(A1:A9) looks like a formula";
  a.actions = "'=already guarded";
  a.impact = {{"Plans; on time | within 20 weeks", "41% \\ of", "78%", "2022/23; 2024/25", "-"},
              {"Second, with comma", "", "", "", ""},
              {"Trailing backslash \\", "@risk", "+3", "-2", "'quoted'"}};
  a.impact_summary = " leading and trailing spaces ";
  a.cost_and_resources = "-";
  a.how_to_adopt = "Tab\there";
  a.contact_role = "Head of SEND, Hackney & Camden";
  a.links = {"https://example.org/a;b?c=d|e", "https://example.org/x,y"};
  a.started_on = "2022-04-01";
  a.state = "published";
  a.evidence_strength = 5;
  a.example = true;
  a.created_at = "2024-01-02T03:04:05Z";
  a.updated_at = "2024-02-02T03:04:05Z";
  a.submitted_at = "2024-03-02T03:04:05Z";
  a.published_at = "2024-06-02T03:04:05Z";
  a.created_by = 9;  // JSON only: CSV leaves the store's bookkeeping out
  a.revision = 4;

  store::PracticeEntry b;  // a bare draft
  b.title = "Bare draft";
  b.lead_borough = "Kensington and Chelsea";
  b.age_from = 3;
  b.age_to = 7;

  store::PracticeEntry c = testing::valid_entry();
  c.state = "winner";
  c.winner_category = "data-for-children";
  c.partner_boroughs.clear();
  c.impact.clear();
  c.links.clear();
  c.indicators.clear();
  return {a, b, c};
}

TEST(EntryFiles, CsvRoundTripIsExact) {
  const std::vector<store::PracticeEntry> entries = awkward_entries();
  const std::string csv = entries_csv(entries);
  const auto read = read_entries_csv(csv, "practice.csv", london_boroughs());
  ASSERT_TRUE(read.ok()) << all_reasons(read.problems()) << csv;
  ASSERT_EQ(read.value().size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) expect_same(entries[i], read.value()[i]);
  // And the file written again is the same file.
  EXPECT_EQ(entries_csv(read.value()), csv);
}

TEST(EntryFiles, JsonRoundTripIsExact) {
  const std::vector<store::PracticeEntry> entries = awkward_entries();
  const std::string json = entries_json(entries);
  const auto read = read_entries_json(json, "practice.json", london_boroughs());
  ASSERT_TRUE(read.ok()) << all_reasons(read.problems());
  ASSERT_EQ(read.value().size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) expect_same(entries[i], read.value()[i]);
  EXPECT_EQ(read.value()[0].created_by, 9);
  EXPECT_EQ(read.value()[0].revision, 4);
  EXPECT_EQ(entries_json(read.value()), json);
}

TEST(EntryFiles, JsonIsTheApisEntryJson) {
  const std::vector<store::PracticeEntry> entries = awkward_entries();
  const nlohmann::json document = nlohmann::json::parse(entries_json(entries));
  ASSERT_EQ(document.at("entries").size(), entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i)
    EXPECT_EQ(document.at("entries")[i], entry_to_json(entries[i]));
}

TEST(EntryFiles, TheSeedSetRoundTripsThroughBothFormats) {
  const std::vector<store::PracticeEntry> seed = seed_entries(london_boroughs());
  const auto from_csv = read_entries_csv(entries_csv(seed), "seed.csv", london_boroughs());
  ASSERT_TRUE(from_csv.ok()) << all_reasons(from_csv.problems());
  const auto from_json = read_entries_json(entries_json(seed), "seed.json", london_boroughs());
  ASSERT_TRUE(from_json.ok()) << all_reasons(from_json.problems());
  ASSERT_EQ(from_csv.value().size(), seed.size());
  ASSERT_EQ(from_json.value().size(), seed.size());
  for (std::size_t i = 0; i < seed.size(); ++i) {
    expect_same(seed[i], from_csv.value()[i]);
    expect_same(seed[i], from_json.value()[i]);
  }
}

TEST(EntryFiles, CsvFormatAsDocumented) {
  store::PracticeEntry entry = testing::valid_entry();
  const std::string csv = entries_csv({entry});
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "id,call_id,title,summary,lead_borough,partner_boroughs,categories,problem,actions,"
            "age_from,age_to,needs,settings,impact,impact_summary,cost_and_resources,"
            "how_to_adopt,contact_name,contact_role,links,indicators,started_on,state,"
            "winner_category,evidence_strength,example,created_at,updated_at,submitted_at,"
            "published_at");
  EXPECT_NE(csv.find(",Camden; Islington,"), std::string::npos);
  EXPECT_NE(csv.find(",Plans issued within 20 weeks | 41% | 78% | 2022 to 2024 | SEN2,"),
            std::string::npos);
  EXPECT_NE(csv.find(",no,"), std::string::npos);  // example
}

TEST(EntryFiles, CsvColumnsInAnyOrderAndOptionalOnesLeftOut) {
  const std::string csv =
      "Lead_Borough , title,needs,age_to,example\n"
      "Sutton,Travel buddies,ASD;MLD ; ,16,YES\n"
      "\n"
      "Merton,\"Multi\nline, title\",,,\n";
  const auto read = read_entries_csv(csv, "practice.csv", london_boroughs());
  ASSERT_FALSE(read.ok());  // a title must be one line
  ASSERT_EQ(read.problems().size(), 1u) << all_reasons(read.problems());
  EXPECT_EQ(read.problems()[0].row, 4);
  EXPECT_EQ(read.problems()[0].column, "title");

  const auto good = read_entries_csv(
      "Lead_Borough , title,needs,age_to,example\nSutton,Travel buddies,ASD;MLD ; ,16,YES\n",
      "practice.csv", london_boroughs());
  ASSERT_TRUE(good.ok()) << all_reasons(good.problems());
  const store::PracticeEntry& entry = good.value()[0];
  EXPECT_EQ(entry.lead_borough, "Sutton");
  EXPECT_EQ(entry.title, "Travel buddies");
  EXPECT_EQ(entry.needs, (std::vector<std::string>{"ASD", "MLD"}));
  EXPECT_EQ(entry.age_from, 0);
  EXPECT_EQ(entry.age_to, 16);
  EXPECT_TRUE(entry.example);
  EXPECT_EQ(entry.state, "draft");
}

TEST(EntryFiles, CsvHeaderProblems) {
  const auto read = read_entries_csv("title,colour,summary,summary,age\nA,b,c,d,e\n",
                                     "practice.csv", london_boroughs());
  ASSERT_FALSE(read.ok());
  const std::vector<transport::Problem>& problems = read.problems();
  ASSERT_EQ(problems.size(), 4u) << all_reasons(problems);
  EXPECT_EQ(problems[0].to_string().substr(0, 48),
            "practice.csv:1: column 'colour': unknown column ");
  EXPECT_EQ(problems[1].column, "summary");
  EXPECT_NE(problems[1].reason.find("appears twice"), std::string::npos);
  EXPECT_EQ(problems[2].column, "age");
  EXPECT_EQ(problems[3].column, "lead_borough");
  EXPECT_EQ(problems[3].reason, "required column is missing");
  for (const transport::Problem& problem : problems) EXPECT_EQ(problem.row, 1);
}

TEST(EntryFiles, CsvValueProblemsWithLineAndColumn) {
  const std::string csv =
      "title,lead_borough,age_from,age_to,example,created_at,id,state,summary,impact\n"
      "Good,Hackney,5,11,no,,1,draft,,\n"                                                 // line 2
      "Bad ages,Hackney,ten,99,maybe,yesterday,-3,draft,,\n"                              // line 3
      "Unknown borough,Hackney and Camden,,,,,,draft,,\n"                                 // line 4
      "Published early,Camden,,,,,,published,,\n"                                         // line 5
      "Too many cells,Camden,,,,,,draft,,,extra\n"                                        // line 6
      "Measures,Camden,,,,,,draft,,a | b | c | d | e | f; g\n"                            // line 7
      "\"Child data\",Camden,,,,,,draft,\"One\nmore line: the child, Amara Okafor\",\n";  // 8
  const auto read = read_entries_csv(csv, "practice.csv", london_boroughs());
  ASSERT_FALSE(read.ok());
  const std::vector<transport::Problem>& problems = read.problems();
  const auto at = [&](int row, const std::string& column) {
    int found = 0;
    for (const transport::Problem& problem : problems)
      if (problem.row == row && problem.column == column) ++found;
    return found;
  };
  EXPECT_EQ(at(3, "age_from"), 1) << all_reasons(problems);
  EXPECT_EQ(at(3, "example"), 1);
  EXPECT_EQ(at(3, "created_at"), 1);
  EXPECT_EQ(at(3, "id"), 1);
  EXPECT_EQ(at(4, "lead_borough"), 1);
  EXPECT_GE(at(5, "problem"), 1) << "a published entry is checked as a submission";
  EXPECT_GE(at(5, "summary"), 1);
  EXPECT_EQ(at(6, ""), 1);
  EXPECT_EQ(at(7, "impact"), 1);
  EXPECT_EQ(at(8, "summary"), 1) << "the child's name is on the cell's second line, but the "
                                    "cell starts on line 8: "
                                 << all_reasons(problems);
  EXPECT_EQ(at(3, "age_to"), 1) << "the values read are still checked";
  for (const transport::Problem& problem : problems) {
    EXPECT_NE(problem.row, 2) << problem.to_string();
    EXPECT_EQ(problem.file, "practice.csv");
    EXPECT_EQ(problem.reason.find("Amara"), std::string::npos) << problem.to_string();
  }
}

TEST(EntryFiles, CsvProblemsAreOnTheLineTheCellStarts) {
  // The bad borough's cell starts on line 3 (its record starts on line 2).
  const std::string csv = "title,summary,lead_borough\nT,\"two\nlines\",Gotham\n";
  const auto read = read_entries_csv(csv, "practice.csv", london_boroughs());
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.problems().size(), 1u);
  EXPECT_EQ(read.problems()[0].row, 3);
  EXPECT_EQ(read.problems()[0].column, "lead_borough");
}

TEST(EntryFiles, BrokenCsvFiles) {
  const auto empty = read_entries_csv("", "practice.csv", london_boroughs());
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.problems()[0].reason.find("the file is empty"), std::string::npos);

  const auto unterminated =
      read_entries_csv("title,lead_borough\n\"Open,Hackney\n", "practice.csv", london_boroughs());
  ASSERT_FALSE(unterminated.ok());
  EXPECT_EQ(unterminated.problems()[0].row, 2);
  EXPECT_NE(unterminated.problems()[0].reason.find("unterminated"), std::string::npos);

  const auto latin1 =
      read_entries_csv("title,lead_borough\ncaf\xE9,Hackney\n", "practice.csv", london_boroughs());
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.problems()[0].row, 2);
  EXPECT_NE(latin1.problems()[0].reason.find("not UTF-8"), std::string::npos);

  // A header alone is an empty repository, not a problem.
  const auto header_only =
      read_entries_csv("\xEF\xBB\xBFtitle,lead_borough\r\n", "practice.csv", london_boroughs());
  ASSERT_TRUE(header_only.ok()) << all_reasons(header_only.problems());
  EXPECT_TRUE(header_only.value().empty());
}

TEST(EntryFiles, BrokenJsonFiles) {
  const auto not_json = read_entries_json("{\"entries\": [", "p.json", london_boroughs());
  ASSERT_FALSE(not_json.ok());
  EXPECT_NE(not_json.problems()[0].reason.find("not JSON"), std::string::npos);
  for (const std::string shape : {"[]", "{}", "{\"entries\": {}}", "\"entries\"", "null"}) {
    const auto read = read_entries_json(shape, "p.json", london_boroughs());
    ASSERT_FALSE(read.ok()) << shape;
    EXPECT_NE(read.problems()[0].reason.find("{\"entries\": [ ... ]}"), std::string::npos);
  }
  const auto extra =
      read_entries_json("{\"entries\": [], \"version\": 2}", "p.json", london_boroughs());
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.problems()[0].column, "version");
  EXPECT_TRUE(read_entries_json("{\"entries\": []}", "p.json", london_boroughs()).ok());
}

TEST(EntryFiles, JsonEntryProblemsWithEntryNumberAndField) {
  const std::string json = R"({"entries": [
    {"title": "Good", "lead_borough": "Hackney"},
    42,
    {"title": "Types", "lead_borough": "Hackney", "age_from": "5", "needs": "ASD",
     "example": "yes", "categories": ["workforce", 3], "id": 1.5, "colour": "red"},
    {"title": "Impact", "lead_borough": "Hackney",
     "impact": [{"measure": "m", "before": 1}, "x", {"measure": "n", "unit": "%"}]},
    {"lead_borough": "Hackney"},
    {"title": "Range", "lead_borough": "Hackney", "age_to": 99999999999, "call_id": -4,
     "evidence_strength": 18446744073709551615},
    {"title": "Bad borough", "lead_borough": "Gotham", "created_at": "yesterday"}
  ]})";
  const auto read = read_entries_json(json, "p.json", london_boroughs());
  ASSERT_FALSE(read.ok());
  const std::vector<transport::Problem>& problems = read.problems();
  const auto at = [&](int row, const std::string& column) {
    int found = 0;
    for (const transport::Problem& problem : problems)
      if (problem.row == row && problem.column == column) ++found;
    return found;
  };
  EXPECT_EQ(at(2, ""), 1) << all_reasons(problems);
  for (const std::string column : {"age_from", "needs", "example", "categories", "id", "colour"}) {
    EXPECT_EQ(at(3, column), 1) << column << "\n" << all_reasons(problems);
  }
  EXPECT_EQ(at(4, "impact"), 1);
  EXPECT_EQ(at(5, "title"), 1);
  EXPECT_EQ(at(6, "age_to"), 1);
  EXPECT_EQ(at(6, "call_id"), 1);
  EXPECT_EQ(at(6, "evidence_strength"), 1);
  EXPECT_EQ(at(7, "lead_borough"), 1);
  EXPECT_EQ(at(7, "created_at"), 1);
  for (const transport::Problem& problem : problems) EXPECT_NE(problem.row, 1);
  const std::string impact = [&] {
    for (const transport::Problem& problem : problems)
      if (problem.row == 4) return problem.reason;
    return std::string();
  }();
  EXPECT_NE(impact.find("measure 1: before must be text"), std::string::npos) << impact;
  EXPECT_NE(impact.find("measure 2 is text, not an object"), std::string::npos) << impact;
  EXPECT_NE(impact.find("measure 3: unknown field 'unit'"), std::string::npos) << impact;
}

TEST(EntryFiles, ImportIsAllOrNothing) {
  std::vector<store::PracticeEntry> entries = awkward_entries();
  entries[1].lead_borough = "Nowhere";
  EXPECT_FALSE(read_entries_csv(entries_csv(entries), "p.csv", london_boroughs()).ok());
  EXPECT_FALSE(read_entries_json(entries_json(entries), "p.json", london_boroughs()).ok());
}

}  // namespace
}  // namespace sendplan::practice
