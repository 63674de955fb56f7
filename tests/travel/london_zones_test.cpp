// The London zone model: zones from the GLA boundaries (central, inner, outer, the river and
// beyond London), journeys priced by TfL's speeds for their mix of zones and time of day
// (hand-computed), symmetry, settings, and the matrix made metric.
#include "travel/london_zones.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/coordinates.h"
#include "travel/london_zone_model.h"
#include "travel/metric_closure.h"
#include "travel/travel_test_support.h"

namespace sendplan::travel {
namespace {

const std::string kBoundaries =
    std::string(SENDPLAN_SHARED_DIR) + "/data/boundaries/london_boroughs_gla.geojson";

std::shared_ptr<const LondonZoneMap> zones() {
  static std::shared_ptr<const LondonZoneMap> map = [] {
    Result<LondonZoneMap> read = LondonZoneMap::read(kBoundaries);
    return read.ok() ? std::make_shared<const LondonZoneMap>(std::move(read).value()) : nullptr;
  }();
  return map;
}

class LondonZones : public ::testing::Test {
 protected:
  void SetUp() override {
    if (zones() == nullptr) GTEST_SKIP() << "no GLA boundaries at " << kBoundaries;
  }
};

// Places whose zone anyone can check on a map.
TEST_F(LondonZones, PlacesFallInTheirZone) {
  const struct {
    const char* where;
    geo::LatLon position;
    LondonZone zone;
  } places[] = {
      {"Bank (City of London)", {51.5134, -0.0890}, LondonZone::kCentral},
      {"Oxford Circus (Westminster)", {51.5154, -0.1418}, LondonZone::kCentral},
      {"Dalston (Hackney)", {51.5463, -0.0753}, LondonZone::kInner},
      {"Brixton (Lambeth)", {51.4613, -0.1156}, LondonZone::kInner},
      {"Stratford (Newham)", {51.5416, -0.0033}, LondonZone::kInner},
      {"Orpington (Bromley)", {51.3730, 0.0980}, LondonZone::kOuter},
      {"Uxbridge (Hillingdon)", {51.5462, -0.4787}, LondonZone::kOuter},
      {"Romford (Havering)", {51.5751, 0.1830}, LondonZone::kOuter},
      {"Reading (outside London)", {51.4543, -0.9781}, LondonZone::kOuter},
      {"Edinburgh (far outside the grid)", {55.95, -3.19}, LondonZone::kOuter},
  };
  for (const auto& place : places)
    EXPECT_EQ(zones()->zone_at(place.position), place.zone) << place.where;
}

// The GLA polygons leave out the tidal Thames: the river takes its banks' zone, the slower one
// where they differ, so a journey along it is not priced as outer London.
TEST_F(LondonZones, TheRiverTakesTheSlowerBank) {
  // Mid-river between the City (central) and Southwark (inner), by London Bridge.
  EXPECT_EQ(zones()->zone_at({51.5080, -0.0880}), LondonZone::kCentral);
  // Mid-river between Wandsworth and Hammersmith and Fulham (both inner), at Putney Bridge.
  EXPECT_EQ(zones()->zone_at({51.4668, -0.2135}), LondonZone::kInner);
  const auto counts = zones()->cell_counts();
  // About 200 m cells: the City and Westminster are ~24 km², London ~1,570 km².
  EXPECT_GT(counts[0], 400);
  EXPECT_LT(counts[0], 1000);
  EXPECT_GT(counts[1], counts[0]);
  EXPECT_GT(counts[2], counts[1]);
}

TEST(LondonZoneMapErrors, UnknownInnerOuterAndNoCentralBoroughAreRefused) {
  geo::GeoJsonArea area;
  area.properties = {{"gss_code", "E09000012"}, {"inner_outer", "Middle"}};
  area.polygons.push_back({{{{51.5, -0.1}, {51.55, -0.1}, {51.55, -0.05}, {51.5, -0.05}}}});
  Result<LondonZoneMap> map = LondonZoneMap::from_boroughs({area}, "test");
  ASSERT_FALSE(map);
  EXPECT_EQ(map.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(map.error().message.find("Middle"), std::string::npos) << map.error().message;

  area.properties["inner_outer"] = "Inner";
  map = LondonZoneMap::from_boroughs({area}, "test");
  ASSERT_FALSE(map);  // no City of London or Westminster
  EXPECT_EQ(map.error().code, ErrorCode::kInvalidInput);

  EXPECT_FALSE(LondonZoneMap::read("/no/such/boundaries.geojson"));
}

// A journey wholly inside one zone: road metres = great circle × 1.35; seconds = 60 + road
// metres ÷ TfL's speed for that zone and time of day (km/h ÷ 3.6).
TEST_F(LondonZones, AJourneyInsideOneZoneTakesItsTflSpeed) {
  const LondonZoneModel model(zones(), {});
  const struct {
    const char* where;
    geo::LatLon from;
    geo::LatLon to;
    double am_kmh;
    double pm_kmh;
    double off_peak_kmh;
  } cases[] = {
      // Two points in Bromley, 2 km apart north-south.
      {"outer", {51.3700, 0.0500}, {51.3880, 0.0500}, 29.4, (27.4 + 33.9) / 2, 33.9},
      // Two points in Hackney.
      {"inner", {51.5400, -0.0600}, {51.5540, -0.0600}, 18.7, (16.9 + 20.3) / 2, 20.3},
      // Two points in Westminster (Mayfair to Marylebone).
      {"central", {51.5100, -0.1450}, {51.5180, -0.1450}, 14.1, (13.1 + 12.6) / 2, 12.6},
  };
  for (const auto& c : cases) {
    const double metres = geo::haversine_metres(c.from, c.to);
    const ZoneJourney am = model.journey(c.from, c.to, TimeOfDay::kMorningPeak);
    EXPECT_NEAR(am.great_circle_metres, metres, 0.01) << c.where;
    EXPECT_NEAR(am.road_metres, metres * 1.35, 0.01) << c.where;
    EXPECT_NEAR(am.seconds, 60 + metres * 1.35 / (c.am_kmh / 3.6), 1e-6) << c.where;
    const int zone = c.where == std::string("outer") ? 2 : c.where == std::string("inner") ? 1 : 0;
    EXPECT_DOUBLE_EQ(am.shares[static_cast<std::size_t>(zone)], 1.0) << c.where;
    EXPECT_NEAR(model.journey(c.from, c.to, TimeOfDay::kAfternoonPeak).seconds,
                60 + metres * 1.35 / (c.pm_kmh / 3.6), 1e-6)
        << c.where;
    EXPECT_NEAR(model.journey(c.from, c.to, TimeOfDay::kOffPeak).seconds,
                60 + metres * 1.35 / (c.off_peak_kmh / 3.6), 1e-6)
        << c.where;
  }
  // The worked example (docs/travel-calibration.md): Orpington to Bromley town, 2 km due north.
  EXPECT_NEAR(model.journey({51.3700, 0.0500}, {51.3880, 0.0500}, TimeOfDay::kMorningPeak).seconds,
              60 + geo::haversine_metres({51.3700, 0.0500}, {51.3880, 0.0500}) * 1.35 / 8.1666667,
              0.01);
}

// A journey from inner into outer London is priced by the share of its line in each: between
// the all-inner and all-outer times for the same distance; and the same both ways.
TEST_F(LondonZones, AJourneyAcrossZonesIsPricedByItsShares) {
  const LondonZoneModel model(zones(), {});
  const geo::LatLon tottenham{51.5880, -0.0700};  // Haringey (inner)
  const geo::LatLon enfield{51.6520, -0.0800};    // Enfield (outer)
  const ZoneJourney there = model.journey(tottenham, enfield, TimeOfDay::kMorningPeak);
  const ZoneJourney back = model.journey(enfield, tottenham, TimeOfDay::kMorningPeak);
  EXPECT_DOUBLE_EQ(there.seconds, back.seconds);
  EXPECT_GT(there.shares[1], 0.1);
  EXPECT_GT(there.shares[2], 0.1);
  EXPECT_NEAR(there.shares[0] + there.shares[1] + there.shares[2], 1.0, 1e-12);
  const double road = there.great_circle_metres * 1.35;
  const double all_inner = 60 + road / (18.7 / 3.6);
  const double all_outer = 60 + road / (29.4 / 3.6);
  EXPECT_GT(there.seconds, all_outer);
  EXPECT_LT(there.seconds, all_inner);
  const double by_shares =
      60 + road * (there.shares[1] / (18.7 / 3.6) + there.shares[2] / (29.4 / 3.6));
  EXPECT_NEAR(there.seconds, by_shares, 1e-6);
  // The same spot: nothing.
  EXPECT_EQ(model.journey(enfield, enfield, TimeOfDay::kMorningPeak).seconds, 0);
}

TEST_F(LondonZones, SettingsScaleTheTimesAndAreChecked) {
  LondonZoneModelSettings slower;
  slower.speed_factor = 0.8;
  slower.circuity = {1.4, 1.4, 1.3};
  const LondonZoneModel base(zones(), {});
  const LondonZoneModel model(zones(), slower);
  const geo::LatLon a{51.3700, 0.0500};
  const geo::LatLon b{51.3880, 0.0500};
  const double metres = geo::haversine_metres(a, b);
  EXPECT_NEAR(model.journey(a, b, TimeOfDay::kMorningPeak).seconds,
              60 + metres * 1.3 / (0.8 * 29.4 / 3.6), 1e-6);
  EXPECT_GT(model.journey(a, b, TimeOfDay::kMorningPeak).seconds,
            base.journey(a, b, TimeOfDay::kMorningPeak).seconds);

  for (auto broken : {+[](LondonZoneModelSettings& s) { s.speed_factor = 0; },
                      +[](LondonZoneModelSettings& s) { s.circuity.inner = 0.9; },
                      +[](LondonZoneModelSettings& s) { s.morning_mph.outer = -1; },
                      +[](LondonZoneModelSettings& s) { s.overhead_seconds = std::nan(""); }}) {
    LondonZoneModelSettings settings;
    broken(settings);
    Result<std::unique_ptr<TravelSource>> made = make_london_zone_model(zones(), settings);
    ASSERT_FALSE(made);
    EXPECT_EQ(made.error().code, ErrorCode::kInvalidArgument) << made.error().message;
  }
  EXPECT_FALSE(make_london_zone_model(nullptr));
  Result<std::unique_ptr<TravelSource>> made = make_london_zone_model(zones());
  ASSERT_TRUE(made);
  EXPECT_NE(made.value()->description().find("TfL"), std::string::npos);
  EXPECT_NE(made.value()->description().find("18.3"), std::string::npos)
      << made.value()->description();
}

// Speeds differ by zone, so a detour through faster roads can beat the straight line; the
// matrix is made metric: symmetric, zero diagonal, the triangle inequality on every triple, and
// never slower than the model's own journey.
TEST_F(LondonZones, TheMatrixIsMetricAndNeverSlowerThanTheJourney) {
  const LondonZoneModel model(zones(), {});
  const std::vector<Place> places = testing::random_london_places(160, 7);
  for (TimeOfDay when : {TimeOfDay::kMorningPeak, TimeOfDay::kAfternoonPeak}) {
    Result<TravelMatrix> built = model.matrix(places, when);
    ASSERT_TRUE(built);
    const TravelMatrix& m = built.value();
    const int n = static_cast<int>(places.size());
    auto at = [&](int i, int k) { return m.seconds[static_cast<std::size_t>(i * n + k)]; };
    int shortened = 0;
    double cut_share_sum = 0;
    double largest_cut_share = 0;
    for (int i = 0; i < n; ++i) {
      EXPECT_EQ(at(i, i), 0);
      for (int k = 0; k < n; ++k) {
        ASSERT_DOUBLE_EQ(at(i, k), at(k, i));
        if (i == k) continue;
        const double raw = model.journey(places[i].location, places[k].location, when).seconds;
        ASSERT_LE(at(i, k), raw + 1e-6);
        if (at(i, k) < raw - 1e-6) {
          ++shortened;
          cut_share_sum += 1 - at(i, k) / raw;
          largest_cut_share = std::max(largest_cut_share, 1 - at(i, k) / raw);
        }
        for (int j = 0; j < n; ++j) ASSERT_LE(at(i, k), at(i, j) + at(j, k) + 1e-6);
      }
    }
    // Journeys across inner or central London are cut to a chain through faster outer roads
    // when that is quicker, as a driver would go round; the cut is modest.
    const double mean_cut = shortened > 0 ? cut_share_sum / shortened : 0;
    std::printf("%s: %d of %d journeys cut by a chain, mean %.1f %%, largest %.1f %%\n",
                time_of_day_name(when), shortened, n * (n - 1), 100 * mean_cut,
                100 * largest_cut_share);
    EXPECT_LT(mean_cut, 0.12);
    EXPECT_LT(largest_cut_share, 0.35);
  }
}

// Above the repair's limit the matrix is the journeys as priced, and says so.
TEST_F(LondonZones, AboveTheRepairLimitTheJourneysAreKeptAndANoteSaysSo) {
  LondonZoneModelSettings settings;
  settings.metric_repair_max_places = 100;
  const LondonZoneModel model(zones(), settings);
  const std::vector<Place> places = testing::random_london_places(160, 7);
  Result<TravelMatrix> built = model.matrix(places, TimeOfDay::kMorningPeak);
  ASSERT_TRUE(built);
  const TravelMatrix& m = built.value();
  ASSERT_EQ(m.notes.size(), 1u);
  EXPECT_NE(m.notes[0].find("160 places"), std::string::npos) << m.notes[0];
  const int n = static_cast<int>(places.size());
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < n; ++k) {
      if (i == k) continue;
      ASSERT_DOUBLE_EQ(
          m.seconds_between(i, k),
          model.journey(places[i].location, places[k].location, TimeOfDay::kMorningPeak).seconds);
    }
  }
  // Within the limit, no note.
  EXPECT_TRUE(
      LondonZoneModel(zones(), {}).matrix(places, TimeOfDay::kMorningPeak).value().notes.empty());
  settings.metric_repair_max_places = 2;
  EXPECT_FALSE(settings.validate().ok());
}

}  // namespace
}  // namespace sendplan::travel
