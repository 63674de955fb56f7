// The entry's life: every allowed move and who may make it, refusals in words (who may, the
// deadline in London time, the next states), the call's window, and who may read, edit and
// review.
#include "practice/workflow.h"

#include <gtest/gtest.h>

#include "practice_test_support.h"

namespace sendplan::practice {
namespace {

using store::Role;

const Actor kHackneyOfficer{1, Role::kBoroughOfficer, "Hackney"};
const Actor kCamdenOfficer{2, Role::kBoroughOfficer, "Camden"};  // a partner
const Actor kSuttonOfficer{3, Role::kBoroughOfficer, "Sutton"};  // neither lead nor partner
const Actor kAnalyst{4, Role::kRegionalAnalyst, ""};
const Actor kAdmin{5, Role::kAdministrator, ""};

const std::string kNow = "2027-03-01T12:00:00Z";

store::PracticeEntry entry_in(const std::string& state, std::int64_t call_id = 0) {
  store::PracticeEntry entry = testing::valid_entry();
  entry.partner_boroughs = {"Camden"};
  entry.state = state;
  entry.call_id = call_id;
  entry.created_by = 1;
  return entry;
}

store::PracticeCall spotlight() {
  store::PracticeCall call;
  call.id = 7;
  call.name = "Practice Spotlight 2027";
  call.categories = {"send-impact", "data-for-children", "workforce"};
  call.opens_at = "2027-01-31T09:00:00Z";
  call.deadline_at = "2027-03-31T22:59:00Z";  // 23:59 BST on 31 March
  return call;
}

std::string refusal(const Result<store::PracticeEntry>& result) {
  EXPECT_FALSE(result.ok());
  if (result.ok()) return "";
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  return result.error().message;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Workflow, StatesAndNextStates) {
  EXPECT_EQ(states(), (std::vector<std::string>{"draft", "submitted", "under-review", "shortlisted",
                                                "not-shortlisted", "winner", "published"}));
  EXPECT_TRUE(is_state("under-review"));
  EXPECT_FALSE(is_state("Draft"));
  EXPECT_FALSE(is_state(""));
  EXPECT_EQ(next_states("draft"), (std::vector<std::string>{"submitted"}));
  EXPECT_EQ(next_states("submitted"),
            (std::vector<std::string>{"draft", "under-review", "published"}));
  EXPECT_EQ(next_states("under-review"),
            (std::vector<std::string>{"shortlisted", "not-shortlisted", "published"}));
  EXPECT_EQ(next_states("shortlisted"), (std::vector<std::string>{"winner", "published"}));
  EXPECT_EQ(next_states("not-shortlisted"), (std::vector<std::string>{"published"}));
  EXPECT_EQ(next_states("winner"), (std::vector<std::string>{"published"}));
  EXPECT_TRUE(next_states("published").empty());
  EXPECT_TRUE(next_states("lost").empty());
}

TEST(Workflow, LeadOfficerSubmitsWithoutACallAtAnyTime) {
  const Result<store::PracticeEntry> moved =
      move(kHackneyOfficer, entry_in("draft"), "submitted", "2031-08-15T03:00:00Z", std::nullopt);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved.value().state, "submitted");
  EXPECT_EQ(moved.value().submitted_at, "2031-08-15T03:00:00Z");
  EXPECT_EQ(moved.value().call_id, 0);
}

TEST(Workflow, SubmittingIntoAnOpenCall) {
  const Result<store::PracticeEntry> moved =
      move(kHackneyOfficer, entry_in("draft", 7), "submitted", kNow, spotlight());
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved.value().state, "submitted");
  EXPECT_EQ(moved.value().submitted_at, kNow);
  // An entry without a call submitted with one goes into it.
  const Result<store::PracticeEntry> into =
      move(kHackneyOfficer, entry_in("draft", 0), "submitted", kNow, spotlight());
  ASSERT_TRUE(into.ok());
  EXPECT_EQ(into.value().call_id, 7);
}

TEST(Workflow, TheCallWindowIncludesOpeningAndExcludesTheDeadline) {
  const store::PracticeCall call = spotlight();
  EXPECT_EQ(call_closed_reason(call, "2027-01-31T09:00:00Z"), "");
  EXPECT_EQ(call_closed_reason(call, "2027-03-31T22:58:59Z"), "");
  EXPECT_EQ(call_closed_reason(call, "2027-01-31T08:59:59Z"),
            "Practice Spotlight 2027 opens on 31 January 2027, 09:00 (London time)");
  EXPECT_EQ(call_closed_reason(call, "2027-03-31T22:59:00Z"),
            "the deadline for Practice Spotlight 2027 passed at 31 March 2027, 23:59 (London "
            "time)");
  store::PracticeCall open_ended = call;
  open_ended.opens_at = "";
  open_ended.deadline_at = "";
  EXPECT_EQ(call_closed_reason(open_ended, "1999-01-01T00:00:00Z"), "");
}

TEST(Workflow, SubmittingAfterTheDeadlineSaysWhenItPassedInLondonTime) {
  const std::string message = refusal(move(kHackneyOfficer, entry_in("draft", 7), "submitted",
                                           "2027-03-31T23:00:00Z", spotlight()));
  EXPECT_TRUE(has(message,
                  "the deadline for Practice Spotlight 2027 passed at 31 March 2027, "
                  "23:59 (London time)"))
      << message;
  EXPECT_TRUE(has(refusal(move(kHackneyOfficer, entry_in("draft", 7), "submitted",
                               "2027-01-01T00:00:00Z", spotlight())),
                  "opens on 31 January 2027"));
}

TEST(Workflow, SubmittingNeedsTheEntrysCategoriesAmongTheCalls) {
  store::PracticeEntry entry = entry_in("draft", 7);
  entry.categories = {"send-impact", "care-leavers"};
  const std::string message = refusal(move(kHackneyOfficer, entry, "submitted", kNow, spotlight()));
  EXPECT_TRUE(has(message, "'care-leavers' is not one of them")) << message;
  EXPECT_TRUE(has(message, "Supporting the workforce (workforce)")) << message;
  entry.categories.clear();
  EXPECT_TRUE(has(refusal(move(kHackneyOfficer, entry, "submitted", kNow, spotlight())),
                  "choose at least one of the categories of Practice Spotlight 2027"));
}

TEST(Workflow, SubmittingIntoACallNeedsTheCall) {
  EXPECT_TRUE(
      has(refusal(move(kHackneyOfficer, entry_in("draft", 7), "submitted", kNow, std::nullopt)),
          "the entry's call (id 7) was not found"));
  store::PracticeCall other = spotlight();
  other.id = 8;
  EXPECT_TRUE(has(refusal(move(kHackneyOfficer, entry_in("draft", 7), "submitted", kNow, other)),
                  "belongs to call 7, not to call 8"));
}

TEST(Workflow, OnlyTheLeadBoroughsOfficersSubmitOrWithdraw) {
  for (const Actor& actor : {kCamdenOfficer, kSuttonOfficer, kAdmin}) {
    const std::string message =
        refusal(move(actor, entry_in("draft"), "submitted", kNow, std::nullopt));
    EXPECT_TRUE(has(message, "only officers of Hackney, the entry's lead borough, may submit it"))
        << message;
    EXPECT_TRUE(has(refusal(move(actor, entry_in("submitted"), "draft", kNow, std::nullopt)),
                    "may withdraw it"));
  }
  // An officer with no borough is nobody's officer.
  EXPECT_FALSE(
      move(Actor{9, Role::kBoroughOfficer, ""}, entry_in("draft"), "submitted", kNow, std::nullopt)
          .ok());
}

TEST(Workflow, WithdrawingBeforeTheDeadlineOnly) {
  store::PracticeEntry submitted = entry_in("submitted", 7);
  submitted.submitted_at = "2027-02-01T10:00:00Z";
  const Result<store::PracticeEntry> withdrawn =
      move(kHackneyOfficer, submitted, "draft", kNow, spotlight());
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().message;
  EXPECT_EQ(withdrawn.value().state, "draft");
  EXPECT_EQ(withdrawn.value().submitted_at, "");
  const std::string message =
      refusal(move(kHackneyOfficer, submitted, "draft", "2027-04-01T00:00:00Z", spotlight()));
  EXPECT_TRUE(has(message,
                  "cannot withdraw this entry: the deadline for Practice Spotlight "
                  "2027 passed at 31 March 2027, 23:59 (London time)"))
      << message;
  // Without a call there is no deadline.
  EXPECT_TRUE(
      move(kHackneyOfficer, entry_in("submitted"), "draft", "2040-01-01T00:00:00Z", std::nullopt)
          .ok());
}

TEST(Workflow, AdministratorsMoveSubmittedEntriesOn) {
  store::PracticeEntry entry = entry_in("submitted", 7);
  for (const std::string to : {"under-review", "shortlisted"}) {
    Result<store::PracticeEntry> moved = move(kAdmin, entry, to, kNow, std::nullopt);
    ASSERT_TRUE(moved.ok()) << to << ": " << moved.error().message;
    entry = std::move(moved).value();
    EXPECT_EQ(entry.state, to);
  }
  Result<store::PracticeEntry> won =
      move(kAdmin, entry, "winner", kNow, spotlight(), "send-impact");
  ASSERT_TRUE(won.ok()) << won.error().message;
  EXPECT_EQ(won.value().winner_category, "send-impact");
  Result<store::PracticeEntry> published =
      move(kAdmin, won.value(), "published", "2027-06-01T09:00:00Z", std::nullopt);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published.value().state, "published");
  EXPECT_EQ(published.value().published_at, "2027-06-01T09:00:00Z");
  EXPECT_EQ(published.value().winner_category, "send-impact") << "a published winner stays one";

  Result<store::PracticeEntry> not_shortlisted =
      move(kAdmin, entry_in("under-review"), "not-shortlisted", kNow, std::nullopt);
  ASSERT_TRUE(not_shortlisted.ok());
  EXPECT_TRUE(move(kAdmin, not_shortlisted.value(), "published", kNow, std::nullopt).ok());
}

TEST(Workflow, AdministratorsPublishFromAnyStateAfterSubmission) {
  for (const std::string from :
       {"submitted", "under-review", "shortlisted", "not-shortlisted", "winner"}) {
    store::PracticeEntry entry = entry_in(from);
    if (from == "winner") entry.winner_category = "send-impact";
    const Result<store::PracticeEntry> moved = move(kAdmin, entry, "published", kNow, std::nullopt);
    ASSERT_TRUE(moved.ok()) << from << ": " << moved.error().message;
    EXPECT_EQ(moved.value().published_at, kNow);
  }
  EXPECT_TRUE(
      has(refusal(move(kAdmin, entry_in("draft"), "published", kNow, std::nullopt)),
          "an entry that is draft cannot move to published; from draft it can move to submitted"));
}

TEST(Workflow, AWinnerNeedsOneOfItsOwnCategories) {
  const store::PracticeEntry shortlisted = entry_in("shortlisted");
  EXPECT_TRUE(
      has(refusal(move(kAdmin, shortlisted, "winner", kNow, std::nullopt)), "no category given"));
  const std::string message =
      refusal(move(kAdmin, shortlisted, "winner", kNow, std::nullopt, "care-leavers"));
  EXPECT_TRUE(has(message, "'care-leavers' is not one of its categories")) << message;
  EXPECT_TRUE(has(message, "send-impact, data-for-children")) << message;
}

TEST(Workflow, OfficersCannotMakeAdministratorsMoves) {
  for (const Actor& actor : {kHackneyOfficer, kSuttonOfficer}) {
    EXPECT_TRUE(has(refusal(move(actor, entry_in("submitted"), "under-review", kNow, std::nullopt)),
                    "only an administrator may move an entry from submitted to under-review"));
    EXPECT_FALSE(move(actor, entry_in("submitted"), "published", kNow, std::nullopt).ok());
  }
}

TEST(Workflow, RegionalAnalystsMoveNothing) {
  for (const std::string from : {"draft", "submitted", "under-review", "shortlisted"}) {
    for (const std::string& to : next_states(from)) {
      EXPECT_TRUE(
          has(refusal(move(kAnalyst, entry_in(from), to, kNow, std::nullopt, "send-impact")),
              "regional analysts"))
          << from << " → " << to;
    }
  }
}

TEST(Workflow, MovesTheLifeDoesNotAllowListTheNextStates) {
  EXPECT_TRUE(has(refusal(move(kAdmin, entry_in("submitted"), "winner", kNow, std::nullopt, "x")),
                  "from submitted it can move to draft, under-review, published"));
  EXPECT_TRUE(has(refusal(move(kAdmin, entry_in("published"), "draft", kNow, std::nullopt)),
                  "published is its last state"));
  EXPECT_TRUE(has(refusal(move(kAdmin, entry_in("winner"), "shortlisted", kNow, std::nullopt)),
                  "from winner it can move to published"));
  EXPECT_TRUE(has(refusal(move(kHackneyOfficer, entry_in("draft"), "draft", kNow, std::nullopt)),
                  "already draft"));
  EXPECT_TRUE(has(refusal(move(kAdmin, entry_in("submitted"), "archived", kNow, std::nullopt)),
                  "'archived' is not a state"));
  EXPECT_TRUE(has(refusal(move(kAdmin, entry_in("lost"), "published", kNow, std::nullopt)),
                  "state 'lost' is not known"));
  EXPECT_TRUE(
      has(refusal(move(kHackneyOfficer, entry_in("draft"), "submitted", "yesterday", std::nullopt)),
          "not a UTC time"));
}

TEST(Workflow, WhoReads) {
  for (const std::string state : {"draft", "submitted", "under-review", "winner"}) {
    const store::PracticeEntry entry = entry_in(state);
    EXPECT_TRUE(may_read(kHackneyOfficer, entry, false)) << state;
    EXPECT_TRUE(may_read(kCamdenOfficer, entry, false)) << "partners read: " << state;
    EXPECT_FALSE(may_read(kSuttonOfficer, entry, false)) << state;
    EXPECT_FALSE(may_read(kAnalyst, entry, false)) << state;
    EXPECT_EQ(may_read(kAdmin, entry, false), state != "draft") << state;
  }
  const store::PracticeEntry published = entry_in("published");
  for (const Actor& actor : {kHackneyOfficer, kCamdenOfficer, kSuttonOfficer, kAnalyst, kAdmin})
    EXPECT_TRUE(may_read(actor, published, false));
}

TEST(Workflow, ReviewersReadWhatTheyAreAssignedButNeverDrafts) {
  EXPECT_TRUE(may_read(kSuttonOfficer, entry_in("under-review"), true));
  EXPECT_TRUE(may_read(kAnalyst, entry_in("under-review"), true));
  EXPECT_FALSE(may_read(kSuttonOfficer, entry_in("draft"), true));
  EXPECT_FALSE(may_read(kAnalyst, entry_in("draft"), true));
}

TEST(Workflow, WhoEdits) {
  EXPECT_TRUE(may_edit(kHackneyOfficer, entry_in("draft")));
  EXPECT_FALSE(may_edit(kHackneyOfficer, entry_in("submitted")));
  EXPECT_FALSE(may_edit(kCamdenOfficer, entry_in("draft"))) << "partners read, not edit";
  EXPECT_FALSE(may_edit(kSuttonOfficer, entry_in("draft")));
  EXPECT_FALSE(may_edit(kAdmin, entry_in("draft")));
  EXPECT_FALSE(may_edit(kAnalyst, entry_in("draft")));
}

TEST(Workflow, WhoReviews) {
  const store::PracticeEntry entry = entry_in("under-review");
  EXPECT_TRUE(may_review(kSuttonOfficer, entry));
  EXPECT_TRUE(may_review(kAnalyst, entry));
  EXPECT_FALSE(may_review(kHackneyOfficer, entry)) << "own borough";
  EXPECT_FALSE(may_review(kCamdenOfficer, entry)) << "partner borough";
  EXPECT_FALSE(may_review(kAdmin, entry)) << "administrators assign";
  EXPECT_FALSE(may_review(Actor{1, Role::kRegionalAnalyst, ""}, entry)) << "the author";
}

}  // namespace
}  // namespace sendplan::practice
