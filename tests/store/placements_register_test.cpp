// The placements register on both backends: providers imported from lists (recognised again by
// URN or by name and LA, empty fields keeping what is known), edited; placements added all or
// nothing; fee history kept (a new period never overwrites an old one).
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using PlacementsRegisterTest = StoreTest;

ProviderRecord provider(const std::string& name, const std::string& urn = "",
                        const std::string& la_number = "204") {
  ProviderRecord p;
  p.urn = urn;
  p.name = name;
  p.type = "independent-special";
  p.la_number = la_number;
  p.local_authority = "Hackney";
  p.boarding = "day";
  p.source = "test list";
  return p;
}

PlacementRecord placement(std::int64_t provider_id, const std::string& child_ref) {
  PlacementRecord p;
  p.borough = "Hackney";
  p.child_ref = child_ref;
  p.need = "asd";
  p.age = 11;
  p.provider_id = provider_id;
  p.start_date = "2024-09-01";
  p.transport_cost = 9000;
  p.distance_km = 12.5;
  p.fees.push_back({"2024-09-01", 50000, 10000, 5000, 0, "officer", ""});
  return p;
}

TEST_P(PlacementsRegisterTest, AListImportedTwiceChangesNothingAndRecognisesProviders) {
  std::vector<ProviderRecord> list = {provider("Oak School"), provider("Elm College", "123456")};
  ProviderImportOutcome first = must(store().import_providers(list), "first");
  EXPECT_EQ(first.added, 2);
  ProviderImportOutcome again = must(store().import_providers(list), "again");
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 2);

  // A richer list (e.g. from GIAS) fills in what the first lacked: "OAK SCHOOL" in the same LA
  // is the same provider, now with a URN; empty fields keep what is known.
  ProviderRecord richer = provider("OAK SCHOOL", "654321");
  richer.capacity = 60;
  richer.needs = "asd;semh";
  richer.local_authority = "";
  ProviderImportOutcome third = must(store().import_providers({richer}), "third");
  EXPECT_EQ(third.updated, 1);
  EXPECT_EQ(third.added, 0);
  const std::vector<ProviderRecord> all = must(store().list_providers(), "list");
  ASSERT_EQ(all.size(), 2u);
  const ProviderRecord& oak = all[1].urn == "654321" ? all[1] : all[0];
  EXPECT_EQ(oak.urn, "654321");
  EXPECT_EQ(oak.capacity, 60);
  EXPECT_EQ(oak.needs, "asd;semh");
  EXPECT_EQ(oak.local_authority, "Hackney");  // kept
  EXPECT_EQ(oak.name, "OAK SCHOOL");
}

TEST_P(PlacementsRegisterTest, AProviderIsEditedWithItsOptionalFields) {
  ProviderRecord p = provider("Ash House");
  p.latitude = 51.55;
  p.longitude = -0.06;
  p.ofsted_grade = 2;
  const std::int64_t id = must(store().add_provider(p), "add");
  ProviderRecord stored = *must(store().get_provider(id), "get");
  EXPECT_EQ(stored.latitude, 51.55);
  EXPECT_EQ(stored.ofsted_grade, 2);
  EXPECT_FALSE(stored.updated_at.empty());
  stored.vacancies = 3;
  stored.ofsted_grade.reset();
  stored.latitude.reset();
  stored.longitude.reset();
  must(store().update_provider(stored), "update");
  const ProviderRecord edited = *must(store().get_provider(id), "get again");
  EXPECT_EQ(edited.vacancies, 3);
  EXPECT_FALSE(edited.ofsted_grade.has_value());
  EXPECT_FALSE(edited.latitude.has_value());
  stored.id = 999999;
  Status missing = store().update_provider(stored);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  // Negative counts are refused by the database itself.
  ProviderRecord bad = provider("Negative");
  bad.capacity = -1;
  EXPECT_FALSE(store().add_provider(bad).ok());
}

TEST_P(PlacementsRegisterTest, PlacementsAreAddedAllOrNothingWithTheirFees) {
  const std::int64_t oak = must(store().add_provider(provider("Oak School")), "oak");
  const std::vector<std::int64_t> ids =
      must(store().add_placements({placement(oak, "HK-0001"), placement(oak, "HK-0002")}), "add");
  ASSERT_EQ(ids.size(), 2u);
  // One unknown provider: nothing of the batch is stored.
  Result<std::vector<std::int64_t>> bad =
      store().add_placements({placement(oak, "HK-0003"), placement(oak + 100, "HK-0004")});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  PlacementRecord feeless = placement(oak, "HK-0005");
  feeless.fees.clear();
  EXPECT_FALSE(store().add_placements({feeless}).ok());
  EXPECT_EQ(must(store().list_placements("Hackney"), "list").size(), 2u);
  EXPECT_TRUE(must(store().list_placements("Camden"), "camden").empty());
  const PlacementRecord stored = *must(store().get_placement(ids[0]), "get");
  EXPECT_EQ(stored.child_ref, "HK-0001");
  ASSERT_EQ(stored.fees.size(), 1u);
  EXPECT_EQ(stored.fees[0].education, 50000);
  EXPECT_EQ(stored.fees[0].recorded_by, "officer");
  EXPECT_DOUBLE_EQ(stored.distance_km, 12.5);
}

TEST_P(PlacementsRegisterTest, FeeHistoryIsKeptAndOnlyMovesForward) {
  const std::int64_t oak = must(store().add_provider(provider("Oak School")), "oak");
  const std::int64_t id = must(store().add_placements({placement(oak, "HK-0001")}), "add")[0];
  must(store().add_fee_period(id, {"2025-04-01", 52000, 10400, 5000, 0, "officer", ""}), "rise");
  Status earlier = store().add_fee_period(id, {"2025-01-01", 1, 1, 1, 1, "officer", ""});
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.error().code, ErrorCode::kInvalidArgument);
  Status unknown = store().add_fee_period(id + 50, {"2026-01-01", 1, 1, 1, 1, "officer", ""});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  must(store().end_placement(id, "2026-07-31"), "end");
  const PlacementRecord stored = *must(store().get_placement(id), "get");
  ASSERT_EQ(stored.fees.size(), 2u);
  EXPECT_EQ(stored.fees[0].from, "2024-09-01");
  EXPECT_EQ(stored.fees[0].education, 50000);
  EXPECT_EQ(stored.fees[1].from, "2025-04-01");
  EXPECT_EQ(stored.fees[1].education, 52000);
  EXPECT_EQ(stored.end_date, "2026-07-31");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlacementsRegisterTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
