// Plans and their output files on both backends; plans as versions (parent, kind, note).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using StorePlansTest = StoreTest;

TEST_P(StorePlansTest, PlanRoundTripsAndReportsProgress) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  const std::int64_t current = must(store().add_dataset(make_dataset("Hackney", "current")), "cur");
  PlanRecord record = make_plan("Hackney", f.pupils, f.schools, f.fleet);
  record.current_dataset = current;
  record.created_by = f.user;
  record.message = "waiting";
  const std::int64_t id = must(store().add_plan(record), "add");
  EXPECT_GT(id, f.plan);

  std::optional<PlanRecord> plan = must(store().get_plan(id), "get");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->id, id);
  EXPECT_EQ(plan->borough, "Hackney");
  EXPECT_EQ(plan->created_by, f.user);
  EXPECT_EQ(plan->created_at, "2026-11-23T18:20:00Z");
  EXPECT_EQ(plan->status, PlanStatus::kQueued);
  EXPECT_EQ(plan->progress, 0);
  EXPECT_EQ(plan->message, "waiting");
  EXPECT_EQ(plan->settings_json, R"({"time_limit":30})");
  EXPECT_EQ(plan->summary_json, "");
  EXPECT_EQ(plan->pupils_dataset, f.pupils);
  EXPECT_EQ(plan->schools_dataset, f.schools);
  EXPECT_EQ(plan->fleet_dataset, f.fleet);
  EXPECT_EQ(plan->current_dataset, current);
  EXPECT_EQ(plan->finished_at, "");
  EXPECT_EQ(must(store().get_plan(f.plan), "first")->current_dataset, 0);  // none

  const double third = 1.0 / 3.0;  // no rounding on the way
  ASSERT_TRUE(store().update_plan_progress(id, PlanStatus::kRunning, third, "routing 1/3").ok());
  plan = must(store().get_plan(id), "progress");
  EXPECT_EQ(plan->status, PlanStatus::kRunning);
  EXPECT_EQ(plan->progress, third);
  EXPECT_EQ(plan->message, "routing 1/3");

  EXPECT_EQ(store().update_plan_progress(id + 50, PlanStatus::kRunning, 0.5, "x").error().code,
            ErrorCode::kNotFound);
  for (double bad : {-0.1, 1.5, std::nan("")}) {
    EXPECT_EQ(store().update_plan_progress(id, PlanStatus::kRunning, bad, "x").error().code,
              ErrorCode::kInvalidArgument);
  }
  EXPECT_EQ(must(store().get_plan(id), "unchanged")->progress, third);
  EXPECT_FALSE(must(store().get_plan(id + 50), "missing").has_value());
}

TEST_P(StorePlansTest, PlanNeedsItsDatasets) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  Result<std::int64_t> without = store().add_plan(make_plan("Hackney", f.pupils, 0, f.fleet));
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.error().code, ErrorCode::kInvalidArgument);
  Result<std::int64_t> unknown =
      store().add_plan(make_plan("Hackney", f.pupils, f.schools, f.fleet + 1000));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(must(store().list_plans(""), "list").size(), 1u);
}

TEST_P(StorePlansTest, FinishStoresTheSummaryAndFiles) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  std::map<std::string, std::string> files = {
      {"routes.csv", "route,stop\r\n1,\"Zoë's house\"\r\n"},
      {"summary.json", R"({"routes":1})"},
      {"map.geojson", std::string(300000, 'g')},
      {"empty.txt", ""},
  };
  ASSERT_TRUE(store().finish_plan(f.plan, R"({"routes":1})", files, "2026-11-23T18:30:00Z").ok());
  const std::optional<PlanRecord> plan = must(store().get_plan(f.plan), "get");
  EXPECT_EQ(plan->status, PlanStatus::kDone);
  EXPECT_EQ(plan->progress, 1);
  EXPECT_EQ(plan->summary_json, R"({"routes":1})");
  EXPECT_EQ(plan->finished_at, "2026-11-23T18:30:00Z");
  for (const auto& [name, content] : files) {
    const std::optional<std::string> back = must(store().plan_file(f.plan, name), name);
    ASSERT_TRUE(back.has_value()) << name;
    EXPECT_TRUE(*back == content) << name;
  }
  EXPECT_FALSE(must(store().plan_file(f.plan, "stops.csv"), "absent").has_value());
  EXPECT_FALSE(must(store().plan_file(f.plan + 1, "routes.csv"), "other plan").has_value());

  // Finishing again replaces the files.
  ASSERT_TRUE(store().finish_plan(f.plan, "{}", {{"routes.csv", "v2"}}, "").ok());
  EXPECT_EQ(*must(store().plan_file(f.plan, "routes.csv"), "v2"), "v2");
  EXPECT_FALSE(must(store().plan_file(f.plan, "map.geojson"), "gone").has_value());
  EXPECT_EQ(must(store().get_plan(f.plan), "again")->finished_at.size(), 20u);

  EXPECT_EQ(store().finish_plan(f.plan + 9, "{}", {}, "2026-11-23T18:30:00Z").error().code,
            ErrorCode::kNotFound);
}

TEST_P(StorePlansTest, FailPlanAndFailUnfinishedPlans) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  const PlanRecord base = make_plan("Hackney", f.pupils, f.schools, f.fleet);
  const std::int64_t running = must(store().add_plan(base), "running");
  const std::int64_t done = must(store().add_plan(base), "done");
  const std::int64_t failed = must(store().add_plan(base), "failed");
  must(store().update_plan_progress(running, PlanStatus::kRunning, 0.4, "routing"), "progress");
  must(store().finish_plan(done, "{}", {{"routes.csv", "r"}}, "2026-11-23T18:40:00Z"), "finish");
  must(store().fail_plan(failed, "no vehicles", "2026-11-23T18:41:00Z"), "fail");
  EXPECT_EQ(store().fail_plan(failed + 10, "x", "").error().code, ErrorCode::kNotFound);
  std::optional<PlanRecord> plan = must(store().get_plan(failed), "failed");
  EXPECT_EQ(plan->status, PlanStatus::kFailed);
  EXPECT_EQ(plan->message, "no vehicles");
  EXPECT_EQ(plan->finished_at, "2026-11-23T18:41:00Z");

  // f.plan is queued and `running` is running: both were left by a stopped server.
  EXPECT_EQ(must(store().fail_unfinished_plans("server restarted", "2026-11-23T19:00:00Z"), "f"),
            2);
  for (std::int64_t id : {f.plan, running}) {
    plan = must(store().get_plan(id), "unfinished");
    EXPECT_EQ(plan->status, PlanStatus::kFailed) << id;
    EXPECT_EQ(plan->message, "server restarted");
    EXPECT_EQ(plan->finished_at, "2026-11-23T19:00:00Z");
  }
  EXPECT_EQ(plan->progress, 0.4);  // kept: how far it got
  plan = must(store().get_plan(done), "done");
  EXPECT_EQ(plan->status, PlanStatus::kDone);
  EXPECT_EQ(plan->finished_at, "2026-11-23T18:40:00Z");
  EXPECT_EQ(must(store().get_plan(failed), "failed")->message, "no vehicles");
  EXPECT_EQ(must(store().fail_unfinished_plans("again", ""), "again"), 0);
}

TEST_P(StorePlansTest, ListPlansIsNewestFirstByBorough) {
  const PlanFixture hackney = add_plan_fixture(store(), "Hackney", "amina");
  const PlanFixture camden = add_plan_fixture(store(), "Camden", "bilal");
  const std::int64_t newest =
      must(store().add_plan(make_plan("Hackney", hackney.pupils, hackney.schools, hackney.fleet)),
           "newest");
  const std::vector<PlanRecord> in_hackney = must(store().list_plans("Hackney"), "hackney");
  ASSERT_EQ(in_hackney.size(), 2u);
  EXPECT_EQ(in_hackney[0].id, newest);
  EXPECT_EQ(in_hackney[1].id, hackney.plan);
  const std::vector<PlanRecord> all = must(store().list_plans(""), "all");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, newest);
  EXPECT_EQ(all[1].id, camden.plan);
  EXPECT_EQ(all[1].borough, "Camden");
  EXPECT_EQ(all[2].id, hackney.plan);
  EXPECT_TRUE(must(store().list_plans("Ealing"), "ealing").empty());
}

TEST_P(StorePlansTest, AVersionKeepsItsParentKindAndNote) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  // A plan made the old way is a fresh plan: no parent, kind "planned", no note.
  const std::optional<PlanRecord> first = must(store().get_plan(f.plan), "first");
  EXPECT_EQ(first->parent_plan, 0);
  EXPECT_EQ(first->kind, PlanKind::kPlanned);
  EXPECT_EQ(first->note, "");

  PlanRecord edited = make_plan("Hackney", f.pupils, f.schools, f.fleet);
  edited.created_by = f.user;
  edited.parent_plan = f.plan;
  edited.kind = PlanKind::kEdited;
  edited.note = "moved 1 child (to AM-003); removed AM-010";
  const std::int64_t edited_id = must(store().add_plan(edited), "edited");
  PlanRecord replanned = edited;
  replanned.parent_plan = edited_id;
  replanned.kind = PlanKind::kReplanned;
  replanned.note = "locked AM-003, AM-007";
  const std::int64_t replanned_id = must(store().add_plan(replanned), "replanned");

  std::optional<PlanRecord> back = must(store().get_plan(edited_id), "get edited");
  EXPECT_EQ(back->parent_plan, f.plan);
  EXPECT_EQ(back->kind, PlanKind::kEdited);
  EXPECT_EQ(back->note, "moved 1 child (to AM-003); removed AM-010");
  EXPECT_EQ(back->created_by, f.user);
  back = must(store().get_plan(replanned_id), "get replanned");
  EXPECT_EQ(back->parent_plan, edited_id);
  EXPECT_EQ(back->kind, PlanKind::kReplanned);

  // Stored under the API's names.
  const SqlRows kinds = must(connect(url())->query("SELECT kind FROM plans ORDER BY id"), "kinds");
  ASSERT_EQ(kinds.size(), 3u);
  EXPECT_EQ(kinds[0].text(0), "planned");
  EXPECT_EQ(kinds[1].text(0), "edited");
  EXPECT_EQ(kinds[2].text(0), "re-planned around locked routes");

  // The list carries the same fields, newest first.
  const std::vector<PlanRecord> versions = must(store().list_plans("Hackney"), "list");
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].kind, PlanKind::kReplanned);
  EXPECT_EQ(versions[0].note, "locked AM-003, AM-007");
  EXPECT_EQ(versions[1].parent_plan, f.plan);
  EXPECT_EQ(versions[2].parent_plan, 0);

  // An update's note is known only when it has run.
  PlanRecord updated = make_plan("Hackney", f.pupils, f.schools, f.fleet);
  updated.parent_plan = replanned_id;
  updated.kind = PlanKind::kUpdated;
  const std::int64_t updated_id = must(store().add_plan(updated), "updated");
  must(store().set_plan_note(updated_id, "1 joined, 0 left, 0 moved; 2 routes changed"), "note");
  back = must(store().get_plan(updated_id), "get updated");
  EXPECT_EQ(back->kind, PlanKind::kUpdated);
  EXPECT_EQ(back->note, "1 joined, 0 left, 0 moved; 2 routes changed");
  EXPECT_EQ(store().set_plan_note(updated_id + 10, "x").error().code, ErrorCode::kNotFound);
}

TEST_P(StorePlansTest, AVersionNeedsAParentThatExists) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  PlanRecord orphan = make_plan("Hackney", f.pupils, f.schools, f.fleet);
  orphan.parent_plan = f.plan + 100;
  orphan.kind = PlanKind::kEdited;
  Result<std::int64_t> added = store().add_plan(orphan);
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(must(store().list_plans(""), "list").size(), 1u);
  // The database refuses a kind it does not know, whoever writes it.
  Result<std::int64_t> unknown =
      connect(url())->execute("UPDATE plans SET kind = 'guessed' WHERE id = ?", {f.plan});
  EXPECT_FALSE(unknown.ok());
  EXPECT_EQ(must(store().get_plan(f.plan), "kept")->kind, PlanKind::kPlanned);
}

TEST(PlanKindNames, RoundTripAndAreTheApiNames) {
  for (PlanKind kind :
       {PlanKind::kPlanned, PlanKind::kReplanned, PlanKind::kEdited, PlanKind::kUpdated})
    EXPECT_EQ(parse_plan_kind(plan_kind_name(kind)), kind);
  EXPECT_STREQ(plan_kind_name(PlanKind::kReplanned), "re-planned around locked routes");
  EXPECT_STREQ(plan_kind_name(PlanKind::kUpdated), "updated");
  EXPECT_FALSE(parse_plan_kind("replanned").has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, StorePlansTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
