// Gaps in provision on a hand-made London of three boroughs in two sub-regions; every figure is
// worked out in the comments.
#include "placements/gaps.h"

#include <gtest/gtest.h>

namespace sendplan::placements {
namespace {

constexpr const char* kDate = "2025-01-15";

std::vector<BoroughInfo> boroughs() {
  return {{"Ashford Vale", "201", "North"},
          {"Brookmere", "202", "North"},
          {"Cresthill", "203", "South"}};
}

NeedCounts counts(std::initializer_list<std::pair<Need, int>> values) {
  NeedCounts result{};
  for (const auto& [need, count] : values) result[static_cast<std::size_t>(need)] = count;
  return result;
}

// SEN2: Ashford ASD 30, SEMH 4; Brookmere ASD 6; Cresthill ASD 3, SLCN 2; "Zed" is not listed.
std::vector<BoroughDemand> demand() {
  return {{"Ashford Vale", counts({{Need::kAsd, 30}, {Need::kSemh, 4}})},
          {"Brookmere", counts({{Need::kAsd, 6}})},
          {"Cresthill", counts({{Need::kAsd, 3}, {Need::kSlcn, 2}})},
          {"Zed", counts({{Need::kAsd, 1}})}};
}

Provider provider(std::int64_t id, ProviderType type, std::string la, std::set<Need> needs,
                  int capacity, int vacancies) {
  Provider p;
  p.id = id;
  p.name = "Synthetic provider " + std::to_string(id);
  p.type = type;
  p.la_number = std::move(la);
  p.needs = std::move(needs);
  p.capacity = capacity;
  p.vacancies = vacancies;
  return p;
}

// P1 Ashford {ASD, SEMH} 40 places, 4 free: 20 and 2 for each need.
// P2 Brookmere {ASD} 12 places, 3 free.
// P3 Cresthill {ASD, SLCN, SEMH} 30 places, 6 free: 10 and 2 for each.
// P4 Kent (886) {ASD} 100: outside London, no sub-region's capacity.
// P5 Ashford maintained special {ASD} 50: counts only when the whole sector is asked for.
// P6 Brookmere, no needs recorded; P7 Cresthill, capacity unknown: counted nowhere.
std::vector<Provider> providers() {
  return {provider(1, ProviderType::kIndependentSpecial, "201", {Need::kAsd, Need::kSemh}, 40, 4),
          provider(2, ProviderType::kNonMaintainedSpecial, "202", {Need::kAsd}, 12, 3),
          provider(3, ProviderType::kSpecialPost16, "203", {Need::kAsd, Need::kSlcn, Need::kSemh},
                   30, 6),
          provider(4, ProviderType::kIndependentSpecial, "886", {Need::kAsd}, 100, 10),
          provider(5, ProviderType::kMaintainedSpecial, "201", {Need::kAsd}, 50, 5),
          provider(6, ProviderType::kIndependentSpecial, "202", {}, 20, 2),
          provider(7, ProviderType::kIndependentSpecial, "203", {Need::kSemh}, 0, 0)};
}

Placement placement(std::string borough, Need need, std::int64_t provider_id) {
  Placement p;
  p.borough = std::move(borough);
  p.need = need;
  p.provider_id = provider_id;
  p.start_date = "2024-09-01";
  return p;
}

// Ashford ASD at P1 (home), P2 (North), P3 (South); Ashford SEMH at P4 (Kent); Brookmere ASD at
// provider 9 (not listed: location unknown) and one that ended; Cresthill SLCN at P3 (home),
// Cresthill ASD at P1 (North); Zed's is not counted.
std::vector<Placement> placements() {
  std::vector<Placement> list = {
      placement("Ashford Vale", Need::kAsd, 1), placement("Ashford Vale", Need::kAsd, 2),
      placement("Ashford Vale", Need::kAsd, 3), placement("Ashford Vale", Need::kSemh, 4),
      placement("Brookmere", Need::kAsd, 9),    placement("Brookmere", Need::kAsd, 2),
      placement("Cresthill", Need::kSlcn, 3),   placement("Cresthill", Need::kAsd, 1),
      placement("Zed", Need::kAsd, 1)};
  list[5].end_date = "2024-12-31";
  return list;
}

GapAnalysis analyse(bool independent_sector_only = true) {
  GapOptions options;
  options.date = kDate;
  options.independent_sector_only = independent_sector_only;
  return analyse_gaps(boroughs(), demand(), placements(), providers(), options);
}

const GapCell& borough_cell(const GapAnalysis& gaps, const std::string& borough, Need need) {
  for (const GapCell& cell : gaps.by_borough)
    if (cell.area == borough && cell.need == need) return cell;
  ADD_FAILURE() << "no cell for " << borough;
  return gaps.by_borough.front();
}

TEST(GapsTest, TableShape) {
  const GapAnalysis gaps = analyse();
  EXPECT_EQ(gaps.sub_regions, (std::vector<std::string>{"North", "South"}));
  EXPECT_EQ(gaps.by_sub_region.size(), 2u * kNeedCount);
  EXPECT_EQ(gaps.by_borough.size(), 3u * kNeedCount);
  EXPECT_EQ(gaps.london.size(), static_cast<std::size_t>(kNeedCount));
  EXPECT_EQ(gaps.by_sub_region[0].area, "North");
  EXPECT_EQ(gaps.by_sub_region[0].need, Need::kAsd);
  EXPECT_EQ(gaps.by_sub_region[kNeedCount].area, "South");
  EXPECT_EQ(gaps.unknown_boroughs, (std::vector<std::string>{"Zed"}));
  EXPECT_EQ(gaps.providers_without_needs, 2);  // P6 and P7
}

TEST(GapsTest, SubRegionDemandCapacityAndGap) {
  const GapAnalysis gaps = analyse();
  // North ASD: demand 30 + 6 = 36; capacity P1's 20 + P2's 12 = 32, vacancies 2 + 3 = 5;
  // commissioned: Ashford's three and Brookmere's one at an unknown provider (the ended one
  // does not count); out of the sub-region: Ashford's at P3.
  const GapCell& north_asd = gaps.cell("North", Need::kAsd);
  EXPECT_EQ(north_asd.demand, 36);
  EXPECT_DOUBLE_EQ(north_asd.capacity, 32);
  EXPECT_DOUBLE_EQ(north_asd.vacancies, 5);
  EXPECT_DOUBLE_EQ(north_asd.gap, 4);
  EXPECT_EQ(north_asd.commissioned, 4);
  EXPECT_EQ(north_asd.placed_out_of_area, 1);
  EXPECT_EQ(north_asd.placed_out_of_sub_region, 1);
  EXPECT_EQ(north_asd.location_unknown, 1);
  // North SEMH: demand 4, capacity 20 (P1), gap −16; Ashford's SEMH child is in Kent.
  const GapCell& north_semh = gaps.cell("North", Need::kSemh);
  EXPECT_EQ(north_semh.demand, 4);
  EXPECT_DOUBLE_EQ(north_semh.capacity, 20);
  EXPECT_DOUBLE_EQ(north_semh.gap, -16);
  EXPECT_EQ(north_semh.placed_out_of_sub_region, 1);
  // South: ASD demand 3 against P3's 10 (gap −7), SLCN 2 against 10 (−8), SEMH 0 against 10
  // (P7's unknown capacity adds nothing). Cresthill's ASD child is in the North.
  const GapCell& south_asd = gaps.cell("South", Need::kAsd);
  EXPECT_EQ(south_asd.demand, 3);
  EXPECT_DOUBLE_EQ(south_asd.capacity, 10);
  EXPECT_DOUBLE_EQ(south_asd.vacancies, 2);
  EXPECT_DOUBLE_EQ(south_asd.gap, -7);
  EXPECT_EQ(south_asd.commissioned, 1);
  EXPECT_EQ(south_asd.placed_out_of_sub_region, 1);
  EXPECT_DOUBLE_EQ(gaps.cell("South", Need::kSlcn).gap, -8);
  EXPECT_EQ(gaps.cell("South", Need::kSlcn).placed_out_of_sub_region, 0);
  EXPECT_DOUBLE_EQ(gaps.cell("South", Need::kSemh).capacity, 10);
  EXPECT_DOUBLE_EQ(gaps.cell("South", Need::kSemh).gap, -10);
  EXPECT_DOUBLE_EQ(gaps.cell("South", Need::kPmld).gap, 0);
}

TEST(GapsTest, PerBoroughBreakdown) {
  const GapAnalysis gaps = analyse();
  // Ashford ASD: demand 30; capacity in the borough P1's 20 (P5 is maintained); three placed,
  // two of them out of the borough, one out of the sub-region.
  const GapCell& ashford = borough_cell(gaps, "Ashford Vale", Need::kAsd);
  EXPECT_EQ(ashford.demand, 30);
  EXPECT_DOUBLE_EQ(ashford.capacity, 20);
  EXPECT_DOUBLE_EQ(ashford.gap, 10);
  EXPECT_EQ(ashford.commissioned, 3);
  EXPECT_EQ(ashford.placed_out_of_area, 2);
  EXPECT_EQ(ashford.placed_out_of_sub_region, 1);
  const GapCell& brookmere = borough_cell(gaps, "Brookmere", Need::kAsd);
  EXPECT_EQ(brookmere.commissioned, 1);
  EXPECT_EQ(brookmere.location_unknown, 1);
  EXPECT_EQ(brookmere.placed_out_of_area, 0);
  EXPECT_DOUBLE_EQ(brookmere.capacity, 12);
  EXPECT_DOUBLE_EQ(brookmere.gap, -6);
  const GapCell& cresthill = borough_cell(gaps, "Cresthill", Need::kSlcn);
  EXPECT_EQ(cresthill.commissioned, 1);
  EXPECT_EQ(cresthill.placed_out_of_area, 0);
}

TEST(GapsTest, LondonTotals) {
  const GapAnalysis gaps = analyse();
  const GapCell& asd = gaps.london[static_cast<std::size_t>(Need::kAsd)];
  EXPECT_EQ(asd.area, "London");
  EXPECT_EQ(asd.demand, 39);  // Zed's 1 is not London's
  EXPECT_DOUBLE_EQ(asd.capacity, 42);
  EXPECT_DOUBLE_EQ(asd.gap, -3);
  EXPECT_EQ(asd.commissioned, 5);
  EXPECT_EQ(asd.placed_out_of_sub_region, 2);
  EXPECT_EQ(asd.placed_out_of_area, 0);  // none outside London
  EXPECT_EQ(asd.location_unknown, 1);
  const GapCell& semh = gaps.london[static_cast<std::size_t>(Need::kSemh)];
  EXPECT_EQ(semh.placed_out_of_area, 1);  // Kent
  EXPECT_DOUBLE_EQ(semh.capacity, 30);
  EXPECT_DOUBLE_EQ(semh.gap, -26);
}

TEST(GapsTest, WholeSectorCapacityOnRequest) {
  const GapAnalysis gaps = analyse(false);
  EXPECT_DOUBLE_EQ(gaps.cell("North", Need::kAsd).capacity, 82);  // + P5's 50
  EXPECT_DOUBLE_EQ(gaps.cell("North", Need::kAsd).gap, -46);
  EXPECT_DOUBLE_EQ(borough_cell(gaps, "Ashford Vale", Need::kAsd).capacity, 70);
}

TEST(GapsTest, EmptyInputs) {
  const GapAnalysis gaps = analyse_gaps({}, {}, {}, {}, GapOptions{kDate, true});
  EXPECT_TRUE(gaps.sub_regions.empty());
  EXPECT_TRUE(gaps.by_sub_region.empty());
  EXPECT_EQ(gaps.london.size(), static_cast<std::size_t>(kNeedCount));
  EXPECT_EQ(gaps.london[0].demand, 0);
}

}  // namespace
}  // namespace sendplan::placements
