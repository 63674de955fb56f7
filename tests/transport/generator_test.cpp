// The borough boundaries and the synthetic borough generator: boundaries load and contain their
// centroids; generated files parse cleanly with the readers, put every home inside the borough,
// have a plausible mix of needs and ages, and are deterministic for a seed. A generated region's
// boroughs share schools, row for row, so that a pool sees each shared school once.
#include "transport/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "support/temp_dir.h"
#include "test_helpers.h"
#include "transport/borough_boundaries.h"
#include "transport/pool.h"
#include "transport/readers.h"

namespace sendplan::transport {
namespace {

using testing::dump;

const std::string kBoundariesDir = std::string(SENDPLAN_SHARED_DIR) + "/data/boundaries";
const std::string kGeojson = kBoundariesDir + "/london_boroughs_gla.geojson";

class BoroughData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kGeojson)) return;
    auto read = read_borough_boundaries(kGeojson);
    ASSERT_TRUE(read.ok()) << read.error().to_string();
    boroughs_ = new std::vector<BoroughBoundary>(std::move(read).value());
  }
  static void TearDownTestSuite() {
    delete boroughs_;
    boroughs_ = nullptr;
  }
  void SetUp() override {
    if (boroughs_ == nullptr) GTEST_SKIP() << "no boundaries at " << kGeojson;
  }
  static const BoroughBoundary& hackney() {
    static const BoroughBoundary borough = find_borough(*boroughs_, "hackney").value();
    return borough;
  }
  // Croydon, Sutton and Merton: three adjacent outer boroughs.
  static std::vector<BoroughBoundary> south_london() {
    std::vector<BoroughBoundary> region;
    for (const char* name : {"Croydon", "Sutton", "Merton"}) {
      region.push_back(find_borough(*boroughs_, name).value());
    }
    return region;
  }
  static std::vector<BoroughBoundary>* boroughs_;
};
std::vector<BoroughBoundary>* BoroughData::boroughs_ = nullptr;

// Splits one simple CSV line (the centroid file has no quoted cells).
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  return cells;
}

TEST_F(BoroughData, LoadsAllThirtyThreeBoroughs) {
  EXPECT_EQ(boroughs_->size(), 33u);
  for (const BoroughBoundary& borough : *boroughs_) {
    EXPECT_FALSE(borough.name.empty());
    EXPECT_EQ(borough.gss_code.rfind("E09", 0), 0u) << borough.gss_code;
    EXPECT_FALSE(borough.polygons.empty()) << borough.name;
  }
}

TEST_F(BoroughData, ContainsMostCentroidsAndNotPointsOutsideLondon) {
  std::ifstream in(kBoundariesDir + "/london_boroughs.csv");
  ASSERT_TRUE(in) << "no london_boroughs.csv";
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split(line);
  const auto column = [&header](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t code = column("gss_code"), lat = column("centroid_lat"),
               lon = column("centroid_long");
  ASSERT_LT(lon, header.size());
  int rows = 0, inside = 0;
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = split(line);
    if (cells.size() <= lon) continue;
    ++rows;
    const geo::LatLon centroid{std::stod(cells[lat]), std::stod(cells[lon])};
    for (const BoroughBoundary& borough : *boroughs_) {
      if (borough.gss_code == cells[code] && borough.contains(centroid)) ++inside;
    }
  }
  EXPECT_EQ(rows, 33);
  EXPECT_GE(inside, 30);  // a centroid can fall outside a concave borough (or in the Thames)

  const geo::LatLon oxford{51.752, -1.2577};
  const geo::LatLon brighton{50.8225, -0.1372};
  for (const BoroughBoundary& borough : *boroughs_) {
    EXPECT_FALSE(borough.contains(oxford)) << borough.name;
    EXPECT_FALSE(borough.contains(brighton)) << borough.name;
  }
}

TEST_F(BoroughData, FindsBoroughsForgivingly) {
  auto kc = find_borough(*boroughs_, "  kensington & CHELSEA ");
  ASSERT_TRUE(kc.ok()) << kc.error().to_string();
  EXPECT_EQ(kc.value().name, "Kensington and Chelsea");
  EXPECT_TRUE(find_borough(*boroughs_, "Barking and Dagenham").ok());
  auto unknown = find_borough(*boroughs_, "Gotham");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().message.find("Hackney"), std::string::npos);
}

TEST(BoroughBoundaries, MissingAndMalformedFiles) {
  auto missing = read_borough_boundaries("/nonexistent/boroughs.geojson");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  const sendplan::testing::TempDir folder("boundaries-test");
  const std::string path = folder.file("bad_boundaries.geojson");
  {
    std::ofstream out(path);
    out << "{\"type\": \"FeatureCollection\", \"features\": [";
  }
  auto bad = read_borough_boundaries(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kParse);
}

TEST(BoroughBoundaries, ContainsHandlesHoles) {
  BoroughBoundary square;
  square.polygons.push_back({{{{51.0, -1.0}, {51.0, 1.0}, {52.0, 1.0}, {52.0, -1.0}},
                              {{51.4, -0.1}, {51.4, 0.1}, {51.6, 0.1}, {51.6, -0.1}}}});
  EXPECT_TRUE(square.contains({51.2, 0.0}));
  EXPECT_FALSE(square.contains({51.5, 0.0}));  // in the hole
  EXPECT_FALSE(square.contains({53.0, 0.0}));
}

TEST_F(BoroughData, GeneratedHackneyParsesCleanlyAndLooksRealistic) {
  const Policy policy;
  const GeneratedBorough generated = generate_borough(hackney(), 300, 1, policy, boroughs_);
  auto pupils = parse_pupils(generated.pupils_csv, "pupils.csv", policy, nullptr);
  ASSERT_TRUE(pupils.ok()) << dump(pupils.problems());
  auto schools = parse_schools(generated.schools_csv, "schools.csv", policy, nullptr);
  ASSERT_TRUE(schools.ok()) << dump(schools.problems());
  auto fleet = parse_fleet(generated.fleet_csv, "fleet.csv", policy, nullptr);
  ASSERT_TRUE(fleet.ok()) << dump(fleet.problems());
  EXPECT_TRUE(validate_references(pupils.value(), schools.value(), "pupils.csv").empty());

  ASSERT_EQ(pupils.value().size(), 300u);
  EXPECT_EQ(generated.pupils, 300);
  EXPECT_EQ(generated.schools, static_cast<int>(schools.value().size()));
  EXPECT_GE(schools.value().size(), 3u);
  int wheelchair = 0, primary = 0, assistants = 0;
  for (const Pupil& pupil : pupils.value()) {
    EXPECT_TRUE(hackney().contains(pupil.home)) << pupil.id;
    EXPECT_GE(pupil.age, 4);
    EXPECT_LE(pupil.age, 19);
    wheelchair += pupil.wheelchair ? 1 : 0;
    primary += pupil.phase == Phase::kPrimary ? 1 : 0;
    assistants += pupil.needs_passenger_assistant ? 1 : 0;
    for (const std::string& other : pupil.not_with) {
      const auto partner = std::find_if(pupils.value().begin(), pupils.value().end(),
                                        [&other](const Pupil& p) { return p.id == other; });
      ASSERT_NE(partner, pupils.value().end());
      EXPECT_EQ(partner->school_id, pupil.school_id);
      EXPECT_EQ(partner->not_with, std::vector<std::string>{pupil.id});  // symmetric
    }
  }
  EXPECT_EQ(generated.wheelchair_users, wheelchair);
  EXPECT_GE(wheelchair, 15);  // about 12 % of 300 = 36
  EXPECT_LE(wheelchair, 60);
  EXPECT_GE(primary, 105);  // about 45 % of 300 = 135
  EXPECT_LE(primary, 165);
  EXPECT_GE(assistants, 50);  // about 25 % of 300 = 75
  EXPECT_LE(assistants, 105);

  for (const School& school : schools.value()) {
    EXPECT_GE(school.start_minutes, 8 * 60 + 30);
    EXPECT_LE(school.start_minutes, 9 * 60 + 30);
    EXPECT_GE(school.finish_minutes - school.start_minutes, 6 * 60 + 15);
    EXPECT_LE(school.finish_minutes - school.start_minutes, 6 * 60 + 45);
  }
  ASSERT_EQ(fleet.value().size(), 3u);
  int wheelchair_spaces = 0;
  for (const VehicleType& type : fleet.value()) {
    EXPECT_TRUE(hackney().contains(type.depot)) << type.name;
    wheelchair_spaces += type.wheelchair_spaces * type.available;
  }
  EXPECT_GE(wheelchair_spaces, wheelchair);
  EXPECT_EQ(fleet.value()[0].name, "taxi");
  EXPECT_EQ(fleet.value()[0].fixed_cost_per_day_pence, 6500);
  EXPECT_EQ(fleet.value()[0].cost_per_mile_pence, 220);
  EXPECT_EQ(fleet.value()[2].name, "minibus");
  EXPECT_EQ(fleet.value()[2].seats, 12);
  EXPECT_EQ(fleet.value()[2].wheelchair_spaces, 3);
}

TEST_F(BoroughData, SameSeedSameTextsOtherSeedDifferent) {
  const Policy policy;
  const GeneratedBorough a = generate_borough(hackney(), 300, 1, policy);
  const GeneratedBorough b = generate_borough(hackney(), 300, 1, policy);
  const GeneratedBorough c = generate_borough(hackney(), 300, 2, policy);
  EXPECT_EQ(a.pupils_csv, b.pupils_csv);
  EXPECT_EQ(a.schools_csv, b.schools_csv);
  EXPECT_EQ(a.fleet_csv, b.fleet_csv);
  EXPECT_NE(a.pupils_csv, c.pupils_csv);
  EXPECT_NE(a.schools_csv, c.schools_csv);
}

TEST_F(BoroughData, SmallBoroughAndOnePupil) {
  const BoroughBoundary city = find_borough(*boroughs_, "city of london").value();
  const GeneratedBorough generated = generate_borough(city, 1, 7, Policy{}, boroughs_);
  auto pupils = parse_pupils(generated.pupils_csv, "pupils.csv", {}, nullptr);
  ASSERT_TRUE(pupils.ok()) << dump(pupils.problems());
  ASSERT_EQ(pupils.value().size(), 1u);
  EXPECT_EQ(pupils.value()[0].id, "P0001");
  auto schools = parse_schools(generated.schools_csv, "schools.csv", {}, nullptr);
  ASSERT_TRUE(schools.ok()) << dump(schools.problems());
}

TEST(BoroughLabel, LowerCaseWordsJoinedBySingleDashes) {
  const std::pair<const char*, const char*> cases[] = {
      {"Kingston upon Thames", "kingston-upon-thames"},
      {"Croydon", "croydon"},
      {"  Kensington & Chelsea ", "kensington-chelsea"},
      {"Richmond--upon  Thames!", "richmond-upon-thames"},
      {"E09000001", "e09000001"},
      {"Z\xC3\xBC"
       "rich 2",
       "z-rich-2"},  // non-ASCII bytes are separators
      {" - ", ""},
  };
  for (const auto& [name, label] : cases) EXPECT_EQ(borough_label(name), label) << name;
}

// One generated borough's school rows by id, as written (header left out).
std::map<std::string, std::string> school_rows(const std::string& schools_csv) {
  std::map<std::string, std::string> rows;
  std::stringstream in(schools_csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) rows[split(line).at(0)] = line;
  return rows;
}

TEST_F(BoroughData, RegionIsDeterministicForItsSeedAndShare) {
  const std::vector<BoroughBoundary> region = south_london();
  const auto a = generate_region(region, 100, 1, Policy{});
  const auto b = generate_region(region, 100, 1, Policy{});
  const auto c = generate_region(region, 100, 2, Policy{});
  const auto d = generate_region(region, 100, 1, Policy{}, 0.5);
  ASSERT_EQ(a.size(), 3u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].files.pupils_csv, b[i].files.pupils_csv);
    EXPECT_EQ(a[i].files.schools_csv, b[i].files.schools_csv);
    EXPECT_EQ(a[i].files.fleet_csv, b[i].files.fleet_csv);
    EXPECT_NE(a[i].files.pupils_csv, c[i].files.pupils_csv);
    EXPECT_NE(a[i].files.pupils_csv, d[i].files.pupils_csv);
  }
  EXPECT_EQ(a[0].label, "croydon");
  EXPECT_EQ(a[1].name, "Sutton");
}

TEST_F(BoroughData, RegionIdsAreUniqueAndEveryAttendedSchoolIsListed) {
  const std::vector<BoroughBoundary> region = south_london();
  const Policy policy;
  const std::vector<RegionBorough> generated = generate_region(region, 150, 3, policy);
  std::set<std::string> own_ids;
  for (size_t b = 0; b < generated.size(); ++b) {
    const GeneratedBorough& files = generated[b].files;
    auto pupils = parse_pupils(files.pupils_csv, "pupils.csv", policy, nullptr);
    ASSERT_TRUE(pupils.ok()) << dump(pupils.problems());
    auto schools = parse_schools(files.schools_csv, "schools.csv", policy, nullptr);
    ASSERT_TRUE(schools.ok()) << dump(schools.problems());
    ASSERT_TRUE(parse_fleet(files.fleet_csv, "fleet.csv", policy, nullptr).ok());
    // Every child's school is in their own borough's schools.csv.
    EXPECT_TRUE(validate_references(pupils.value(), schools.value(), "pupils.csv").empty())
        << region[b].name;
    ASSERT_EQ(pupils.value().size(), 150u);
    EXPECT_EQ(pupils.value().front().id, "P0001");
    EXPECT_EQ(files.schools, static_cast<int>(schools.value().size()));
    const std::string prefix = generated[b].label + "-S";
    for (const School& school : schools.value()) {
      if (school.borough != region[b].name) continue;  // another borough's, listed here too
      EXPECT_EQ(school.id.rfind(prefix, 0), 0u) << school.id;
      EXPECT_TRUE(region[b].contains(school.location)) << school.id;
      EXPECT_TRUE(own_ids.insert(school.id).second) << "id used twice: " << school.id;
    }
  }
}

TEST_F(BoroughData, SharedSchoolsHaveIdenticalRowsAndPoolAsOne) {
  const std::vector<BoroughBoundary> region = south_london();
  const std::vector<RegionBorough> generated = generate_region(region, 200, 1, Policy{});
  std::map<std::string, std::string> first_row;  // school id -> its row in the first file
  std::map<std::string, int> listings;
  for (const RegionBorough& borough : generated) {
    for (const auto& [id, row] : school_rows(borough.files.schools_csv)) {
      const auto [it, inserted] = first_row.emplace(id, row);
      EXPECT_EQ(it->second, row) << "school " << id << " differs in " << borough.name;
      ++listings[id];
    }
  }
  const int listed_twice = static_cast<int>(std::count_if(
      listings.begin(), listings.end(), [](const auto& entry) { return entry.second > 1; }));
  EXPECT_GT(listed_twice, 0);

  std::vector<BoroughInputs> inputs;
  for (const RegionBorough& borough : generated) {
    const Policy policy;
    BoroughInputs in{borough.label, {}};
    in.inputs.pupils =
        parse_pupils(borough.files.pupils_csv, "pupils.csv", policy, nullptr).value();
    in.inputs.schools =
        parse_schools(borough.files.schools_csv, "schools.csv", policy, nullptr).value();
    inputs.push_back(std::move(in));
  }
  const MergedInputs merged = merge_boroughs(inputs);
  EXPECT_EQ(merged.shared_schools, listed_twice);
  EXPECT_EQ(merged.inputs.schools.size(), listings.size());  // no school prefixed or doubled
}

TEST_F(BoroughData, CrossBorderShareGivesThatFractionAtOtherBoroughsSchools) {
  const std::vector<BoroughBoundary> region = south_london();
  const std::vector<RegionBorough> generated = generate_region(region, 400, 1, Policy{}, 0.2);
  int away = 0, total = 0, shared = 0;
  for (size_t b = 0; b < generated.size(); ++b) {
    // Recount from the files: a child whose school's borough column is not their own.
    const auto schools =
        parse_schools(generated[b].files.schools_csv, "schools.csv", {}, nullptr).value();
    const auto pupils =
        parse_pupils(generated[b].files.pupils_csv, "pupils.csv", {}, nullptr).value();
    int counted = 0;
    for (const Pupil& pupil : pupils) {
      const auto school = std::find_if(schools.begin(), schools.end(), [&pupil](const School& s) {
        return s.id == pupil.school_id;
      });
      ASSERT_NE(school, schools.end());
      counted += school->borough != region[b].name ? 1 : 0;
    }
    EXPECT_EQ(generated[b].pupils_at_other_schools, counted) << region[b].name;
    away += counted;
    total += static_cast<int>(pupils.size());
    shared += generated[b].shared_schools;
  }
  const double fraction = static_cast<double>(away) / total;
  EXPECT_GE(fraction, 0.1);
  EXPECT_LE(fraction, 0.3);
  EXPECT_GT(shared, 0);
}

TEST_F(BoroughData, ZeroShareKeepsEveryChildInTheirOwnBorough) {
  const std::vector<BoroughBoundary> region = south_london();
  for (const RegionBorough& borough : generate_region(region, 200, 1, Policy{}, 0.0)) {
    EXPECT_EQ(borough.pupils_at_other_schools, 0) << borough.name;
    EXPECT_EQ(borough.shared_schools, 0) << borough.name;
    for (const auto& [id, row] : school_rows(borough.files.schools_csv)) {
      EXPECT_EQ(id.rfind(borough.label + "-", 0), 0u) << "another borough's school " << id;
    }
  }
}

}  // namespace
}  // namespace sendplan::transport
