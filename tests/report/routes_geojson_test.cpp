// Tests for routes.geojson: valid RFC 7946 (parses, FeatureCollection, [lon, lat] positions),
// one line per route and one point per stop, with their properties.
#include "report/routes_geojson.h"

#include <gtest/gtest.h>

#include "sample_plan.h"

namespace sendplan::report {
namespace {

using nlohmann::json;

json parsed_sample() {
  return json::parse(routes_geojson_text(testing::sample_plan()));
}

json position(geo::LatLon place) {
  return json::array({place.longitude, place.latitude});
}

TEST(RoutesGeojson, OneLinePerRouteAndOnePointPerStop) {
  const json collection = parsed_sample();
  EXPECT_EQ(collection["type"], "FeatureCollection");
  ASSERT_TRUE(collection["features"].is_array());
  int lines = 0, points = 0;
  for (const json& feature : collection["features"]) {
    EXPECT_EQ(feature["type"], "Feature");
    const std::string type = feature["geometry"]["type"];
    if (type == "LineString") ++lines;
    if (type == "Point") ++points;
  }
  EXPECT_EQ(lines, 3);
  EXPECT_EQ(points, 10);
  EXPECT_EQ(collection["features"].size(), 13u);
}

TEST(RoutesGeojson, RouteLineGoesDepotStopsDepotInLonLatOrder) {
  const json line = parsed_sample()["features"][0];
  ASSERT_EQ(line["geometry"]["type"], "LineString");
  const json expected = json::array({position(testing::kDepot), position(testing::kHome1),
                                     position(testing::kHome2), position(testing::kSchool1),
                                     position(testing::kSchool1), position(testing::kDepot)});
  EXPECT_EQ(line["geometry"]["coordinates"], expected);
  EXPECT_EQ(line["geometry"]["coordinates"][1], json::array({-0.1057, 51.5321}));
  const json properties = {{"run", "AM"},
                           {"route_id", "AM-001"},
                           {"vehicle_type", "Minibus, 8 seat"},
                           {"with_assistant", true},
                           {"stops", 4},
                           {"depart", "07:30"},
                           {"return", "09:06"},
                           {"miles", 12.35}};
  EXPECT_EQ(line["properties"], properties);
}

TEST(RoutesGeojson, StopPoints) {
  const json features = parsed_sample()["features"];
  const json point = features[6];  // AM-002's line is features[5]
  ASSERT_EQ(point["geometry"]["type"], "Point");
  EXPECT_EQ(point["geometry"]["coordinates"], json::array({-0.09, 51.56}));
  const json properties = {{"run", "AM"},
                           {"route_id", "AM-002"},
                           {"seq", 1},
                           {"action", "pickup"},
                           {"place", "home"},
                           {"time", "08:10"},
                           {"pupil_id", testing::kScriptId}};
  EXPECT_EQ(point["properties"], properties);
  EXPECT_EQ(features[12]["properties"]["seq"], 4);
  EXPECT_EQ(features[12]["properties"]["action"], "dropoff");
  EXPECT_EQ(features[12]["properties"]["time"], "16:12");
}

TEST(RoutesGeojson, EveryPositionIsLongitudeThenLatitudeInLondon) {
  const json collection = parsed_sample();
  for (const json& feature : collection["features"]) {
    const json& geometry = feature["geometry"];
    const json positions = geometry["type"] == "Point" ? json::array({geometry["coordinates"]})
                                                       : geometry["coordinates"];
    for (const json& lon_lat : positions) {
      ASSERT_EQ(lon_lat.size(), 2u);
      EXPECT_GT(lon_lat[0].get<double>(), -0.6);  // longitude
      EXPECT_LT(lon_lat[0].get<double>(), 0.4);
      EXPECT_GT(lon_lat[1].get<double>(), 51.2);  // latitude
      EXPECT_LT(lon_lat[1].get<double>(), 51.8);
    }
  }
}

TEST(RoutesGeojson, EmptyPlanIsAnEmptyCollection) {
  const json collection = json::parse(routes_geojson_text(transport::DayPlan{}));
  EXPECT_EQ(collection, json({{"type", "FeatureCollection"}, {"features", json::array()}}));
}

}  // namespace
}  // namespace sendplan::report
