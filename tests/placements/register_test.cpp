// The register on a real store (SQLite file): provider lists imported twice change nothing, a
// borough's placements file goes in all or nothing (another borough's rows and unknown providers
// are refused with their line), and the synthetic dataset loads once.
#include "placements/register.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "placements/london_boroughs.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace sendplan::placements {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kShared = SENDPLAN_SHARED_DIR;

class RegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::make_unique<sendplan::testing::TempDir>("register-test");
    Result<std::unique_ptr<store::Store>> opened =
        store::open_store("sqlite:" + folder_->file("db.sqlite"));
    ASSERT_TRUE(opened.ok()) << opened.error().to_string();
    store_ = std::move(opened).value();
  }
  void TearDown() override {
    store_.reset();
    folder_.reset();
  }

  std::int64_t add_provider(const std::string& name, const std::string& urn) {
    store::ProviderRecord provider;
    provider.name = name;
    provider.urn = urn;
    provider.type = "independent-special";
    provider.boarding = "day";
    Result<std::int64_t> id = store_->add_provider(provider);
    EXPECT_TRUE(id.ok());
    return id.ok() ? id.value() : 0;
  }

  std::unique_ptr<sendplan::testing::TempDir> folder_;
  std::unique_ptr<store::Store> store_;
};

constexpr const char* kHeader =
    "placement_id,borough,child_ref,need,age,provider_id,provider_urn,start_date,end_date,"
    "residential,fee_from,fee_education,fee_care,fee_therapy,fee_other,transport_cost,"
    "distance_km\n";

TEST_F(RegisterTest, TheRealDfeListsImportOnceAndThenChangeNothing) {
  const std::vector<RegisterFile> files = {
      {"section41_approved_list_2022_03_22.csv",
       read(kShared + "/data/inmss/section41_approved_list_2022_03_22.csv")},
      {"independent_special_schools_not_s41_2022.csv",
       read(kShared + "/data/inmss/independent_special_schools_not_s41_2022.csv")}};
  if (files[0].content.empty()) GTEST_SKIP() << "no ../shared/data/inmss";
  Checked<ProviderFilesReport> first = import_provider_files(*store_, files, "tester");
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_GT(first.value().outcome.added, 700);
  Checked<ProviderFilesReport> again = import_provider_files(*store_, files, "tester");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().outcome.added, 0);
  EXPECT_EQ(again.value().outcome.updated, 0);
  EXPECT_EQ(again.value().outcome.unchanged, first.value().outcome.added);
  // One bad file: nothing of the batch is imported.
  Checked<ProviderFilesReport> bad =
      import_provider_files(*store_, {{"providers.csv", "what,is,this\n1,2,3\n"}}, "tester");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().to_string().find("providers.csv"), std::string::npos);
}

TEST_F(RegisterTest, APlacementsFileGoesInAllOrNothing) {
  const std::int64_t oak = add_provider("Oak School", "100001");
  const std::string good = std::string(kHeader) + ",Hackney,HK-0001,asd,12," + std::to_string(oak) +
                           ",,2024-09-01,,no,2024-09-01,50000,0,8000,0,9000,12.5\n"
                           ",Hackney,HK-0002,semh,14,,100001,2024-09-01,,no,2024-09-01,60000,0,"
                           "9000,0,9000,20\n";
  Checked<std::vector<std::int64_t>> added =
      import_placement_file(*store_, "Hackney", {"hackney.csv", good}, "officer");
  ASSERT_TRUE(added.ok()) << added.error().to_string();
  EXPECT_EQ(added.value().size(), 2u);
  Result<std::vector<Placement>> stored = load_placements(*store_, "Hackney");
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored.value().size(), 2u);
  EXPECT_EQ(stored.value()[1].provider_id, oak);  // found by its URN
  EXPECT_EQ(stored.value()[0].fees.at(0).recorded_by, "officer");

  const std::string mixed = std::string(kHeader) + ",Hackney,HK-0003,asd,12," +
                            std::to_string(oak) +
                            ",,2024-09-01,,no,2024-09-01,50000,0,8000,0,9000,12.5\n"
                            ",Camden,CM-0001,asd,12," +
                            std::to_string(oak) +
                            ",,2024-09-01,,no,2024-09-01,50000,0,8000,0,9000,12.5\n"
                            ",Hackney,HK-0004,asd,12,,999999,2024-09-01,,no,2024-09-01,50000,0,"
                            "8000,0,9000,12.5\n";
  Checked<std::vector<std::int64_t>> refused =
      import_placement_file(*store_, "Hackney", {"mixed.csv", mixed}, "officer");
  ASSERT_FALSE(refused.ok());
  const std::string message = refused.error().to_string();
  EXPECT_NE(message.find("mixed.csv:3"), std::string::npos) << message;  // Camden's row
  EXPECT_NE(message.find("Camden"), std::string::npos) << message;
  EXPECT_NE(message.find("mixed.csv:4"), std::string::npos) << message;  // unknown URN
  EXPECT_NE(message.find("999999"), std::string::npos) << message;
  EXPECT_EQ(load_placements(*store_, "Hackney").value().size(), 2u);  // nothing added
}

TEST_F(RegisterTest, TheSyntheticDatasetLoadsOnce) {
  Result<std::vector<GeneratorBorough>> boroughs =
      read_london_boroughs(kShared + "/data/boundaries/london_boroughs.csv");
  if (!boroughs.ok()) GTEST_SKIP() << boroughs.error().to_string();
  ASSERT_EQ(boroughs.value().size(), 33u);
  for (GeneratorBorough& borough : boroughs.value()) {
    borough.children[static_cast<std::size_t>(Need::kAsd)] = 40;
    borough.children[static_cast<std::size_t>(Need::kSemh)] = 30;
  }
  PlacementGeneratorOptions options;
  options.scale = 0.1;
  Result<SyntheticLoad> first = load_synthetic_placements(*store_, boroughs.value(), 7, options);
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first.value().placements, 33 * 7);  // 4 + 3 a borough
  EXPECT_GT(first.value().providers, 0);
  Result<SyntheticLoad> again = load_synthetic_placements(*store_, boroughs.value(), 7, options);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().providers, 0);
  EXPECT_EQ(again.value().placements, 0);
  // Every stored placement's provider is in the register and caters for its need.
  Result<std::vector<Provider>> providers = load_providers(*store_);
  ASSERT_TRUE(providers.ok());
  Result<std::vector<Placement>> placements = load_placements(*store_, "");
  ASSERT_TRUE(placements.ok());
  for (const Placement& placement : placements.value()) {
    const auto provider =
        std::find_if(providers.value().begin(), providers.value().end(),
                     [&](const Provider& p) { return p.id == placement.provider_id; });
    ASSERT_NE(provider, providers.value().end());
    EXPECT_EQ(provider->needs.count(placement.need), 1u) << placement.child_ref;
  }
}

}  // namespace
}  // namespace sendplan::placements
