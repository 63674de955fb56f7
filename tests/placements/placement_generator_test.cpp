// The synthetic placements register: deterministic for a seed, the need mix asked for, every
// placement at a provider that takes its need, age and day/residential choice, fees within the
// documented ranges with ordered history, and child refs that are codes, never names.
#include "placements/placement_generator.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>
#include <set>

namespace sendplan::placements {
namespace {

NeedCounts counts(std::initializer_list<std::pair<Need, int>> values) {
  NeedCounts result{};
  for (const auto& [need, count] : values) result[static_cast<std::size_t>(need)] = count;
  return result;
}

// Four boroughs with SEN2-like independent + non-maintained special counts.
std::vector<GeneratorBorough> boroughs() {
  std::vector<GeneratorBorough> list(4);
  list[0] = {{"Hackney", "204", "Central London Forward"},
             {51.5454, -0.0553},
             counts({{Need::kAsd, 44},
                     {Need::kSemh, 43},
                     {Need::kSlcn, 30},
                     {Need::kPd, 14},
                     {Need::kMld, 10},
                     {Need::kPmld, 10},
                     {Need::kOth, 10},
                     {Need::kSld, 8},
                     {Need::kHi, 4},
                     {Need::kVi, 1}}),
             ""};
  list[1] = {{"Camden", "202", "Central London Forward"},
             {51.5290, -0.1255},
             counts({{Need::kAsd, 60}, {Need::kSemh, 25}, {Need::kSlcn, 12}, {Need::kMsi, 5}}),
             ""};
  list[2] = {{"Croydon", "306", "South London Partnership"},
             {51.3714, -0.0977},
             counts({{Need::kAsd, 120}, {Need::kSemh, 90}, {Need::kSld, 20}, {Need::kSpld, 6}}),
             ""};
  list[3] = {{"Barking and Dagenham", "301", "Local London"},
             {51.5455, 0.1295},
             counts({{Need::kAsd, 35}, {Need::kSemh, 40}, {Need::kHi, 5}}),
             ""};
  return list;
}

SyntheticPlacements generate(std::uint64_t seed, PlacementGeneratorOptions options = {}) {
  Result<SyntheticPlacements> result = generate_placements(boroughs(), seed, options);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().to_string());
  return std::move(result).value();
}

// Every field, so two registers compare equal only when they are the same.
std::string describe(const SyntheticPlacements& data) {
  std::string text;
  for (const Provider& p : data.providers) {
    text += fmt::format(
        "P {} {} {} {} {:.6f} {:.6f} {}-{} {} {} {} {} {} {} {} {}\n", p.id, p.name,
        static_cast<int>(p.type), p.la_number, p.location->latitude, p.location->longitude,
        p.age_low, p.age_high, p.needs.size(), static_cast<int>(p.boarding), p.capacity,
        p.vacancies, p.places_commissioned, p.ofsted_grade.value_or(0), p.ofsted_date, p.section41);
    for (const Need need : p.needs) text += fmt::format(" {}", static_cast<int>(need));
  }
  for (const Placement& p : data.placements) {
    text += fmt::format("L {} {} {} {} {} {} {} {} {} {:.3f}", p.id, p.borough, p.child_ref,
                        static_cast<int>(p.need), p.age, p.provider_id, p.start_date, p.residential,
                        p.transport_cost, p.distance_km);
    for (const FeePeriod& f : p.fees)
      text += fmt::format(" [{} {} {} {} {}]", f.from, f.fees.education, f.fees.care,
                          f.fees.therapy, f.fees.other);
    text += "\n";
  }
  return text;
}

std::map<std::int64_t, const Provider*> by_id(const SyntheticPlacements& data) {
  std::map<std::int64_t, const Provider*> map;
  for (const Provider& p : data.providers) map.emplace(p.id, &p);
  return map;
}

TEST(PlacementGeneratorTest, SameSeedSameRegisterOtherSeedOther) {
  const std::string first = describe(generate(42));
  EXPECT_EQ(first, describe(generate(42)));
  EXPECT_NE(first, describe(generate(43)));
}

TEST(PlacementGeneratorTest, NeedMixFollowsTheInput) {
  for (const double scale : {0.1, 0.5}) {
    PlacementGeneratorOptions options;
    options.scale = scale;
    const SyntheticPlacements data = generate(7, options);
    std::map<std::pair<std::string, Need>, long> placed;
    for (const Placement& p : data.placements) ++placed[{p.borough, p.need}];
    std::size_t expected_total = 0;
    for (const GeneratorBorough& borough : boroughs()) {
      for (std::size_t n = 0; n < static_cast<std::size_t>(kNeedCount); ++n) {
        const long expected = std::lround(borough.children[n] * scale);
        expected_total += static_cast<std::size_t>(expected);
        EXPECT_EQ((placed[{borough.info.name, static_cast<Need>(n)}]), expected)
            << borough.info.name << " need " << n << " scale " << scale;
      }
    }
    EXPECT_EQ(data.placements.size(), expected_total);
  }
}

TEST(PlacementGeneratorTest, EveryProviderTakesItsPlacementsNeedAgeAndBoarding) {
  const SyntheticPlacements data = generate(11, {.scale = 0.5});
  const auto providers = by_id(data);
  std::map<std::int64_t, int> placed;
  for (const Placement& p : data.placements) {
    ASSERT_EQ(providers.count(p.provider_id), 1u);
    const Provider& provider = *providers.at(p.provider_id);
    EXPECT_EQ(provider.needs.count(p.need), 1u) << p.child_ref;
    EXPECT_GE(p.age, provider.age_low);
    EXPECT_LE(p.age, provider.age_high);
    if (provider.boarding == Boarding::kDay) {
      EXPECT_FALSE(p.residential);
    }
    if (provider.boarding == Boarding::kResidential) {
      EXPECT_TRUE(p.residential);
    }
    ++placed[p.provider_id];
  }
  for (const Provider& provider : data.providers) {
    EXPECT_EQ(provider.places_commissioned, placed[provider.id]);
    EXPECT_GE(provider.vacancies, 0);
    EXPECT_LE(provider.vacancies + std::min(provider.places_commissioned, provider.capacity),
              provider.capacity);
  }
}

TEST(PlacementGeneratorTest, ProvidersLookRealistic) {
  const SyntheticPlacements data = generate(5);
  ASSERT_GE(data.providers.size(), 60u);
  ASSERT_LE(data.providers.size(), 120u);
  std::set<std::string> names;
  std::array<int, kNeedCount> catering{};
  int in_london = 0;
  int grade_two = 0;
  const std::set<std::string> london = {"204", "202", "306", "301"};
  for (const Provider& p : data.providers) {
    EXPECT_EQ(p.name.rfind("Synthetic ", 0), 0u) << p.name;
    names.insert(p.name);
    EXPECT_TRUE(is_independent_sector(p.type));
    EXPECT_GE(p.capacity, 20);
    EXPECT_LE(p.capacity, 150);
    EXPECT_FALSE(p.needs.empty());
    ASSERT_TRUE(p.location.has_value());
    // Inside or near London: within about 80 km of Charing Cross.
    EXPECT_LT(geo::haversine_metres(*p.location, {51.5074, -0.1278}), 80'000);
    EXPECT_LT(p.age_low, p.age_high);
    ASSERT_TRUE(p.ofsted_grade.has_value());
    EXPECT_GE(*p.ofsted_grade, 1);
    EXPECT_LE(*p.ofsted_grade, 4);
    EXPECT_LT(p.ofsted_date, "2025-09-01");
    if (*p.ofsted_grade == 2) ++grade_two;
    if (london.count(p.la_number) > 0) ++in_london;
    for (const Need need : p.needs) ++catering[static_cast<std::size_t>(need)];
  }
  EXPECT_EQ(names.size(), data.providers.size());
  const auto count = [&](Need need) { return catering[static_cast<std::size_t>(need)]; };
  EXPECT_GT(count(Need::kAsd), count(Need::kVi));
  EXPECT_GT(count(Need::kSemh), count(Need::kMsi));
  EXPECT_GT(count(Need::kAsd), count(Need::kMld));
  EXPECT_GT(grade_two * 2, static_cast<int>(data.providers.size()));  // mostly grade 2
  EXPECT_GT(in_london * 2, static_cast<int>(data.providers.size()));
  EXPECT_LT(in_london, static_cast<int>(data.providers.size()));  // some in the home counties
}

TEST(PlacementGeneratorTest, FeesWithinRangesAndHistoryOrdered) {
  const SyntheticPlacements data = generate(3, {.scale = 0.5});
  int uplifted = 0;
  int residential = 0;
  for (const Placement& p : data.placements) {
    ASSERT_FALSE(p.fees.empty());
    ASSERT_LE(p.fees.size(), 2u);
    const Fees& first = p.fees.front().fees;
    const std::int64_t low = p.residential ? kResidentialFeeLow : kDayFeeLow;
    const std::int64_t high = p.residential ? kResidentialFeeHigh : kDayFeeHigh;
    EXPECT_GE(first.total(), low) << p.child_ref;
    EXPECT_LE(first.total(), high) << p.child_ref;
    EXPECT_GE(first.education, 0);
    EXPECT_GE(first.care, 0);
    EXPECT_GE(first.therapy, 0);
    EXPECT_EQ(first.other, 0);
    if (p.residential) {
      EXPECT_GT(first.care, first.education);  // residential fees are mostly care
      ++residential;
    } else {
      EXPECT_GT(first.education, first.care);
    }
    EXPECT_EQ(p.fees.front().from, p.start_date);
    EXPECT_TRUE(p.end_date.empty());
    EXPECT_LE(p.start_date, "2025-09-01");
    EXPECT_GE(p.start_date, "2022-09-01");
    if (p.fees.size() == 2) {
      ++uplifted;
      const FeePeriod& later = p.fees[1];
      EXPECT_GT(later.from, p.fees[0].from);
      EXPECT_LE(later.from, "2025-09-01");
      EXPECT_EQ(later.from.substr(5), "04-01");
      const double ratio =
          static_cast<double>(later.fees.total()) / static_cast<double>(first.total());
      EXPECT_GE(ratio, 1 + kUpliftLow - 1e-4);
      EXPECT_LE(ratio, 1 + kUpliftHigh + 1e-4);
    }
    EXPECT_TRUE(is_active_on(p, "2025-09-01"));
    EXPECT_NE(fees_in_force(p, "2025-09-01"), nullptr);
  }
  const double share = static_cast<double>(uplifted) / static_cast<double>(data.placements.size());
  EXPECT_GT(share, 0.15);  // 30 % drawn, fewer when the start leaves no 1 April before as_of
  EXPECT_LT(share, 0.40);
  EXPECT_GT(residential, 0);
  EXPECT_LT(residential * 3, static_cast<int>(data.placements.size()));
}

TEST(PlacementGeneratorTest, TransportAndDistance) {
  const SyntheticPlacements data = generate(9, {.scale = 0.5});
  double day_distance = 0;
  int day = 0;
  for (const Placement& p : data.placements) {
    EXPECT_GT(p.distance_km, 0);
    const double journeys = p.residential ? 76 : 380;
    EXPECT_EQ(p.transport_cost, std::llround(journeys * p.distance_km * kTransportPoundsPerKm));
    if (!p.residential) {
      day_distance += p.distance_km;
      ++day;
    }
  }
  // Nearer providers are preferred: day placements average well under the distance to a
  // provider picked at random (London spans about 50 km, the home counties more).
  ASSERT_GT(day, 0);
  EXPECT_LT(day_distance / day, 20);
}

TEST(PlacementGeneratorTest, ChildRefsAreCodesNotNames) {
  std::vector<GeneratorBorough> list = boroughs();
  list[1].ref_prefix = "CM";
  Result<SyntheticPlacements> result = generate_placements(list, 1);
  ASSERT_TRUE(result.ok());
  const std::regex code("[A-Z]{2}-[0-9]{5}");
  std::map<std::string, std::set<std::string>> refs;
  std::map<std::string, std::string> prefix;
  for (const Placement& p : result.value().placements) {
    EXPECT_TRUE(std::regex_match(p.child_ref, code)) << p.child_ref;
    EXPECT_TRUE(refs[p.borough].insert(p.child_ref).second) << "repeated " << p.child_ref;
    prefix[p.borough] = p.child_ref.substr(0, 2);
  }
  EXPECT_EQ(prefix["Hackney"], "HC");
  EXPECT_EQ(prefix["Camden"], "CM");
  EXPECT_EQ(prefix["Croydon"], "CR");
  EXPECT_EQ(prefix["Barking and Dagenham"], "BD");
  EXPECT_EQ(*refs["Hackney"].begin(), "HC-00001");
}

TEST(PlacementGeneratorTest, ProviderCountAndRareNeedsCovered) {
  // With only 5 providers the rare needs (VI, MSI, HI) must still be catered for somewhere.
  const SyntheticPlacements data = generate(2, {.scale = 1.0, .provider_count = 5});
  EXPECT_EQ(data.providers.size(), 5u);
  const auto providers = by_id(data);
  for (const Placement& p : data.placements)
    EXPECT_EQ(providers.at(p.provider_id)->needs.count(p.need), 1u);
}

TEST(PlacementGeneratorTest, RejectsBadInput) {
  EXPECT_EQ(generate_placements({}, 1).error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(generate_placements(boroughs(), 1, {.scale = 0}).ok());
  EXPECT_FALSE(generate_placements(boroughs(), 1, {.scale = NAN}).ok());
  EXPECT_FALSE(generate_placements(boroughs(), 1, {.provider_count = -1}).ok());
  EXPECT_FALSE(generate_placements(boroughs(), 1, {.as_of = "2025-02-30"}).ok());
  EXPECT_FALSE(generate_placements(boroughs(), 1, {.as_of = "1 Sept 2025"}).ok());
  std::vector<GeneratorBorough> negative = boroughs();
  negative[0].children[0] = -1;
  EXPECT_FALSE(generate_placements(negative, 1).ok());
  std::vector<GeneratorBorough> bad_prefix = boroughs();
  bad_prefix[0].ref_prefix = "hk";
  EXPECT_FALSE(generate_placements(bad_prefix, 1).ok());
}

TEST(PlacementGeneratorTest, HomesInsideABoundaryWhenGiven) {
  // A square "borough" around Hackney's centroid: the register is still complete and valid.
  transport::BoroughBoundary square;
  square.name = "Hackney";
  square.polygons.push_back({{{{51.52, -0.09}, {51.52, -0.02}, {51.57, -0.02}, {51.57, -0.09}}}});
  const std::vector<transport::BoroughBoundary> boundaries = {square};
  const SyntheticPlacements with = generate(4, {.boundaries = &boundaries});
  const SyntheticPlacements without = generate(4);
  EXPECT_EQ(with.placements.size(), without.placements.size());
  EXPECT_EQ(describe(with), describe(generate(4, {.boundaries = &boundaries})));
}

}  // namespace
}  // namespace sendplan::placements
