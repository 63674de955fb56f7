// `sendplan travel-check`: journeys given by coordinates are priced as the zone model prices
// them (an outer-London journey at TfL's 18.3 mph, the uniform model's 11 mph beside it), a
// user's checked minutes are compared, and a broken journeys file names every problem.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <vector>

#include "e2e_support.h"

namespace sendplan::e2e {
namespace {

std::string boundaries() {
  return shared_dir() + "/data/boundaries/london_boroughs_gla.geojson";
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) out.push_back(cell);
  return out;
}

TEST(TravelCheck, PricesJourneysByZoneAndComparesCheckedMinutes) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  // Two points in Bromley 2 km apart (outer London), and two in Hackney (inner London).
  write_file(dir.file("journeys.csv"),
             "journey,from_lat,from_lon,to_lat,to_lon,checked_minutes\n"
             "Bromley,51.3700,0.0500,51.3880,0.0500,8\n"
             "Hackney,51.5400,-0.0600,51.5540,-0.0600,\n");
  const RunResult result =
      run(sendplan_bin() + " travel-check --journeys " + quote(dir.file("journeys.csv")) +
              " --boundaries " + quote(boundaries()) + " --csv " + quote(dir.file("out.csv")),
          dir.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Bromley"), std::string::npos) << result.out;
  std::stringstream csv(read_file(dir.file("out.csv")));
  std::string header;
  std::getline(csv, header);
  EXPECT_EQ(header,
            "journey,straight_miles,central_share,inner_share,outer_share,road_miles,am_minutes,"
            "pm_minutes,uniform_am_minutes,am_door_to_door_mph,tfl_am_mph,checked_minutes,"
            "checked_miles,am_minus_checked_minutes");
  std::string line;
  std::getline(csv, line);
  const std::vector<std::string> bromley = cells(line);
  ASSERT_EQ(bromley.size(), 14u) << line;
  EXPECT_EQ(bromley[4], "1.00");  // wholly outer London
  const double miles = std::stod(bromley[1]);
  EXPECT_NEAR(miles, 2001.5 / 1609.344, 0.01);
  // 60 s + road miles at 29.4 km/h (18.27 mph).
  const double road = std::stod(bromley[5]);
  EXPECT_NEAR(std::stod(bromley[6]), 1 + road / (29.4 / 1.609344) * 60, 0.06);
  // The uniform model's 11 mph is slower for this journey.
  EXPECT_NEAR(std::stod(bromley[8]), 1 + road / 11 * 60, 0.06);
  EXPECT_EQ(bromley[10], "18.3");
  EXPECT_EQ(bromley[11], "8");
  EXPECT_NEAR(std::stod(bromley[13]), std::stod(bromley[6]) - 8, 0.051);
  std::getline(csv, line);
  const std::vector<std::string> hackney = cells(line);
  ASSERT_GE(hackney.size(), 11u) << line;
  EXPECT_EQ(hackney[3], "1.00");  // wholly inner London
  EXPECT_EQ(hackney[10], "11.6");
}

TEST(TravelCheck, EveryProblemInTheJourneysFileIsNamed) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  write_file(dir.file("journeys.csv"),
             "journey,from_postcode,to_postcode,from_lat,from_lon,to_lat,to_lon,checked_minutes\n"
             "no place,,,,,51.5,-0.1,\n"
             "postcode without a directory,E8 1AA,,,,51.5,-0.1,\n"
             "bad minutes,,,51.5,-0.1,51.6,-0.1,soon\n");
  const RunResult result =
      run(sendplan_bin() + " travel-check --journeys " + quote(dir.file("journeys.csv")) +
              " --boundaries " + quote(boundaries()),
          dir.path());
  EXPECT_EQ(result.exit_code, 4) << result.err;
  EXPECT_NE(result.err.find("journeys.csv:2:4: the from place needs a postcode or a latitude"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("journeys.csv:3:2: a postcode needs --postcodes"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("journeys.csv:4:8: checked_minutes must be a number above 0"),
            std::string::npos)
      << result.err;

  write_file(dir.file("wrong.csv"), "name,from,to\nx,E8 1AA,N16 0AA\n");
  const RunResult wrong =
      run(sendplan_bin() + " travel-check --journeys " + quote(dir.file("wrong.csv")) +
              " --boundaries " + quote(boundaries()),
          dir.path());
  EXPECT_EQ(wrong.exit_code, 4);
  EXPECT_NE(wrong.err.find("the columns are journey"), std::string::npos) << wrong.err;
}

}  // namespace
}  // namespace sendplan::e2e
