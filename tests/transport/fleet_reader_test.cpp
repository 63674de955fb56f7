// Tests for parse_fleet: money in pence, depot forms, defaults and bad input.
#include <gtest/gtest.h>

#include "test_helpers.h"
#include "transport/readers.h"

namespace sendplan::transport {
namespace {

using testing::dump;
using testing::has_problem;

const std::string kHeader =
    "vehicle_type,seats,wheelchair_spaces,available,fixed_cost_per_day,cost_per_mile,"
    "cost_per_hour,assistant_cost_per_day,depot_lat,depot_lon,depot_easting,depot_northing,"
    "depot_postcode\n";

Checked<std::vector<VehicleType>, Problem> parse(
    const std::string& rows, const geo::PostcodeDirectory* postcodes = nullptr) {
  return parse_fleet(kHeader + rows, "fleet.csv", {}, postcodes);
}

std::vector<Problem> problems_of(const std::string& rows) {
  auto result = parse(rows);
  EXPECT_FALSE(result.ok());
  return result.ok() ? std::vector<Problem>{} : result.problems();
}

TEST(FleetReader, ReadsVehiclesAndMoney) {
  auto directory =
      geo::PostcodeDirectory::read_csv(std::string(SENDPLAN_TEST_DATA_DIR) + "/postcodes.csv");
  ASSERT_TRUE(directory.ok());
  auto result = parse(
      "minibus,8,2,4,120,1.2,18.50,,51.53,-0.12,,,\n"
      "taxi,4,0,0,£60.05,1.85,15,75.5,,,530000,183000,\n"
      "car,3,0,1,50,1,10,,,,,,NW1 2DB\n",
      &directory.value());
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  const auto& fleet = result.value();
  ASSERT_EQ(fleet.size(), 3u);
  EXPECT_EQ(fleet[0].name, "minibus");
  EXPECT_EQ(fleet[0].seats, 8);
  EXPECT_EQ(fleet[0].wheelchair_spaces, 2);
  EXPECT_EQ(fleet[0].available, 4);
  EXPECT_EQ(fleet[0].fixed_cost_per_day_pence, 12000);
  EXPECT_EQ(fleet[0].cost_per_mile_pence, 120);
  EXPECT_EQ(fleet[0].cost_per_hour_pence, 1850);
  EXPECT_EQ(fleet[0].assistant_cost_per_day_pence, 9000);
  EXPECT_EQ(fleet[1].fixed_cost_per_day_pence, 6005);
  EXPECT_EQ(fleet[1].assistant_cost_per_day_pence, 7550);
  EXPECT_EQ(fleet[1].available, 0);
  EXPECT_NEAR(fleet[1].depot.latitude, 51.53, 0.02);
  EXPECT_EQ(fleet[2].depot_postcode, "NW1 2DB");
}

TEST(FleetReader, AssistantCostColumnIsOptional) {
  auto result = parse_fleet(
      "vehicle_type,seats,wheelchair_spaces,available,fixed_cost_per_day,cost_per_mile,"
      "cost_per_hour,depot_lat,depot_lon\n"
      "taxi,4,0,2,60,1.85,15,51.5,-0.1\n",
      "fleet.csv", Policy{.assistant_cost_per_day_pence = 8000}, nullptr);
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  EXPECT_EQ(result.value()[0].assistant_cost_per_day_pence, 8000);
}

TEST(FleetReader, ZeroSeatsAndNegativeAvailable) {
  const auto problems = problems_of("van,0,1,-1,60,1,10,,51.5,-0.1,,,\n");
  EXPECT_TRUE(has_problem(problems, 2, "seats", "must be at least 1, got 0")) << dump(problems);
  EXPECT_TRUE(has_problem(problems, 2, "available", "must not be negative, got -1"));
  EXPECT_EQ(problems.size(), 2u) << dump(problems);
}

TEST(FleetReader, BadMoney) {
  EXPECT_TRUE(has_problem(problems_of("taxi,4,0,1,sixty,1,10,,51.5,-0.1,,,\n"), 2,
                          "fixed_cost_per_day", "expected an amount in pounds"));
  EXPECT_TRUE(has_problem(problems_of("taxi,4,0,1,60,1.234,10,,51.5,-0.1,,,\n"), 2, "cost_per_mile",
                          "expected an amount in pounds"));
  EXPECT_TRUE(has_problem(problems_of("taxi,4,0,1,60,1,-10,,51.5,-0.1,,,\n"), 2, "cost_per_hour",
                          "must not be negative"));
}

TEST(FleetReader, DuplicateTypeAndMissingDepot) {
  const auto problems = problems_of(
      "taxi,4,0,1,60,1,10,,51.5,-0.1,,,\n"
      "taxi,4,0,1,60,1,10,,,,,,\n");
  EXPECT_TRUE(has_problem(problems, 3, "vehicle_type", "duplicate vehicle_type 'taxi'"));
  EXPECT_TRUE(has_problem(problems, 3, "depot_postcode", "no location"));
}

}  // namespace
}  // namespace sendplan::transport
