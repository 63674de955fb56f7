// Pools (several boroughs planned together) and their files on both backends.
#include <gtest/gtest.h>

#include <map>

#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using StorePoolsTest = StoreTest;

// A pool of the fixtures' boroughs, in their order.
PoolRecord make_pool(const std::vector<std::pair<std::string, PlanFixture>>& members) {
  PoolRecord pool;
  pool.created_at = "2026-11-23T18:40:00Z";
  pool.message = "Waiting to start";
  pool.settings_json = R"({"time_limit_seconds":30})";
  for (const auto& [borough, f] : members)
    pool.boroughs.push_back({borough, f.pupils, f.schools, f.fleet});
  return pool;
}

TEST_P(StorePoolsTest, PoolRoundTripsWithItsBoroughsAndProgress) {
  const PlanFixture hackney = add_plan_fixture(store(), "Hackney", "hackney");
  const PlanFixture camden = add_plan_fixture(store(), "Camden", "camden");
  PoolRecord record = make_pool({{"Hackney", hackney}, {"Camden", camden}});
  record.created_by = hackney.user;
  const std::int64_t id = must(store().add_pool(record), "add");
  EXPECT_GT(id, 0);

  std::optional<PoolRecord> pool = must(store().get_pool(id), "get");
  ASSERT_TRUE(pool.has_value());
  EXPECT_EQ(pool->id, id);
  EXPECT_EQ(pool->created_by, hackney.user);
  EXPECT_EQ(pool->created_at, "2026-11-23T18:40:00Z");
  EXPECT_EQ(pool->status, PlanStatus::kQueued);
  EXPECT_EQ(pool->message, "Waiting to start");
  EXPECT_EQ(pool->settings_json, R"({"time_limit_seconds":30})");
  EXPECT_EQ(pool->pool_json, "");
  EXPECT_EQ(pool->finished_at, "");
  ASSERT_EQ(pool->boroughs.size(), 2u);
  // The pool's order is kept (not sorted by name).
  EXPECT_EQ(pool->boroughs[0].borough, "Hackney");
  EXPECT_EQ(pool->boroughs[0].pupils_dataset, hackney.pupils);
  EXPECT_EQ(pool->boroughs[0].schools_dataset, hackney.schools);
  EXPECT_EQ(pool->boroughs[0].fleet_dataset, hackney.fleet);
  EXPECT_EQ(pool->boroughs[1].borough, "Camden");
  EXPECT_EQ(pool->boroughs[1].fleet_dataset, camden.fleet);
  EXPECT_TRUE(pool->includes("Camden"));
  EXPECT_FALSE(pool->includes("Islington"));

  PoolRecord progress;
  progress.status = PlanStatus::kRunning;
  progress.step = "seams";
  progress.steps_done = 3;
  progress.steps_total = 12;
  progress.message = "Pooling at the seams: 3 of 12";
  ASSERT_TRUE(store().update_pool_progress(id, progress).ok());
  pool = must(store().get_pool(id), "progress");
  EXPECT_EQ(pool->status, PlanStatus::kRunning);
  EXPECT_EQ(pool->step, "seams");
  EXPECT_EQ(pool->steps_done, 3);
  EXPECT_EQ(pool->steps_total, 12);
  EXPECT_EQ(pool->message, "Pooling at the seams: 3 of 12");
  EXPECT_EQ(pool->boroughs.size(), 2u) << "progress leaves the boroughs as they were";

  EXPECT_EQ(store().update_pool_progress(id + 50, progress).error().code, ErrorCode::kNotFound);
  progress.steps_done = -1;
  EXPECT_EQ(store().update_pool_progress(id, progress).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(must(store().get_pool(id), "unchanged")->steps_done, 3);
  EXPECT_FALSE(must(store().get_pool(id + 50), "missing").has_value());
}

TEST_P(StorePoolsTest, APoolNeedsTwoBoroughsOnceEachWithTheirDatasets) {
  const PlanFixture hackney = add_plan_fixture(store(), "Hackney", "hackney");
  const PlanFixture camden = add_plan_fixture(store(), "Camden", "camden");
  auto refused = [&](const PoolRecord& pool, const char* what) {
    Result<std::int64_t> added = store().add_pool(pool);
    ASSERT_FALSE(added.ok()) << what;
    EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument) << what;
  };
  refused(make_pool({{"Hackney", hackney}}), "one borough");
  refused(make_pool({{"Hackney", hackney}, {"Hackney", camden}}), "a borough twice");
  PlanFixture missing = camden;
  missing.schools = 0;
  refused(make_pool({{"Hackney", hackney}, {"Camden", missing}}), "no schools dataset");
  missing.schools = camden.fleet + 1000;
  refused(make_pool({{"Hackney", hackney}, {"Camden", missing}}), "an unknown dataset");
  // Nothing half-stored: no pool, no boroughs.
  EXPECT_TRUE(must(store().list_pools(""), "list").empty());
  EXPECT_EQ(count_rows(url(), "pools"), 0);
  EXPECT_EQ(count_rows(url(), "pool_boroughs"), 0);
}

TEST_P(StorePoolsTest, FinishStoresPoolJsonAndFiles) {
  const PlanFixture hackney = add_plan_fixture(store(), "Hackney", "hackney");
  const PlanFixture camden = add_plan_fixture(store(), "Camden", "camden");
  const std::int64_t id =
      must(store().add_pool(make_pool({{"Hackney", hackney}, {"Camden", camden}})), "add");
  const std::map<std::string, std::string> files = {
      {"routes.csv", "run,route_id\r\nAM,\"Zoë's route\"\r\n"},
      {"Camden/routes.geojson", std::string(300000, 'g')},
      {"pool.csv", ""},
  };
  ASSERT_TRUE(
      store().finish_pool(id, R"({"saving_percent":12.5})", files, "2026-11-23T18:50:00Z").ok());
  const std::optional<PoolRecord> pool = must(store().get_pool(id), "get");
  EXPECT_EQ(pool->status, PlanStatus::kDone);
  EXPECT_EQ(pool->pool_json, R"({"saving_percent":12.5})");
  EXPECT_EQ(pool->finished_at, "2026-11-23T18:50:00Z");
  for (const auto& [name, content] : files) {
    const std::optional<std::string> stored = must(store().pool_file(id, name), name);
    ASSERT_TRUE(stored.has_value()) << name;
    EXPECT_EQ(*stored, content) << name;
  }
  EXPECT_FALSE(must(store().pool_file(id, "nothing.csv"), "absent").has_value());
  EXPECT_FALSE(must(store().pool_file(id + 1, "routes.csv"), "other pool").has_value());

  // Finishing again replaces the files.
  ASSERT_TRUE(store().finish_pool(id, "{}", {{"pool.csv", "x"}}, "").ok());
  EXPECT_EQ(*must(store().pool_file(id, "pool.csv"), "again"), "x");
  EXPECT_FALSE(must(store().pool_file(id, "routes.csv"), "gone").has_value());
  EXPECT_EQ(store().finish_pool(id + 50, "{}", {}, "").error().code, ErrorCode::kNotFound);
}

TEST_P(StorePoolsTest, ListIsNewestFirstAndByBorough) {
  const PlanFixture hackney = add_plan_fixture(store(), "Hackney", "hackney");
  const PlanFixture camden = add_plan_fixture(store(), "Camden", "camden");
  const PlanFixture islington = add_plan_fixture(store(), "Islington", "islington");
  const std::int64_t first =
      must(store().add_pool(make_pool({{"Hackney", hackney}, {"Camden", camden}})), "first");
  const std::int64_t second =
      must(store().add_pool(make_pool({{"Camden", camden}, {"Islington", islington}})), "second");
  const std::int64_t third =
      must(store().add_pool(
               make_pool({{"Islington", islington}, {"Hackney", hackney}, {"Camden", camden}})),
           "third");

  const std::vector<PoolRecord> all = must(store().list_pools(""), "all");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, third);
  EXPECT_EQ(all[1].id, second);
  EXPECT_EQ(all[2].id, first);
  ASSERT_EQ(all[0].boroughs.size(), 3u);
  EXPECT_EQ(all[0].boroughs[0].borough, "Islington");
  EXPECT_EQ(all[0].boroughs[2].borough, "Camden");

  const std::vector<PoolRecord> of_hackney = must(store().list_pools("Hackney"), "Hackney");
  ASSERT_EQ(of_hackney.size(), 2u);
  EXPECT_EQ(of_hackney[0].id, third);
  EXPECT_EQ(of_hackney[1].id, first);
  // Every borough of a listed pool, not only the one asked for.
  EXPECT_EQ(of_hackney[0].boroughs.size(), 3u);
  EXPECT_EQ(of_hackney[1].boroughs.size(), 2u);
  EXPECT_TRUE(must(store().list_pools("Barnet"), "Barnet").empty());
}

TEST_P(StorePoolsTest, FailPoolAndFailUnfinishedPoolsWithThePlans) {
  const PlanFixture hackney = add_plan_fixture(store(), "Hackney", "hackney");
  const PlanFixture camden = add_plan_fixture(store(), "Camden", "camden");
  const std::int64_t failed =
      must(store().add_pool(make_pool({{"Hackney", hackney}, {"Camden", camden}})), "a");
  const std::int64_t done =
      must(store().add_pool(make_pool({{"Hackney", hackney}, {"Camden", camden}})), "b");
  const std::int64_t running =
      must(store().add_pool(make_pool({{"Hackney", hackney}, {"Camden", camden}})), "c");
  ASSERT_TRUE(store().fail_pool(failed, "no vehicles", "2026-11-23T18:45:00Z").ok());
  ASSERT_TRUE(store().finish_pool(done, "{}", {}, "").ok());
  PoolRecord progress;
  progress.status = PlanStatus::kRunning;
  ASSERT_TRUE(store().update_pool_progress(running, progress).ok());
  EXPECT_EQ(store().fail_pool(running + 50, "x", "").error().code, ErrorCode::kNotFound);

  // The two fixtures' plans are queued too: 2 plans and 1 pool.
  EXPECT_EQ(must(store().fail_unfinished_plans("server restarted", "2026-11-23T19:00:00Z"), "f"),
            3);
  const PoolRecord a = *must(store().get_pool(failed), "failed");
  EXPECT_EQ(a.status, PlanStatus::kFailed);
  EXPECT_EQ(a.message, "no vehicles");
  EXPECT_EQ(a.finished_at, "2026-11-23T18:45:00Z");
  EXPECT_EQ(must(store().get_pool(done), "done")->status, PlanStatus::kDone);
  const PoolRecord c = *must(store().get_pool(running), "running");
  EXPECT_EQ(c.status, PlanStatus::kFailed);
  EXPECT_EQ(c.message, "server restarted");
  EXPECT_EQ(c.finished_at, "2026-11-23T19:00:00Z");
  EXPECT_EQ(must(store().fail_unfinished_plans("again", ""), "again"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorePoolsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
