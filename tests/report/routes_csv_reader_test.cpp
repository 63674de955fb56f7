// Tests for reading a borough's current routes.csv: the round trip with routes_csv, the format
// freedoms (column order and case, CRLF, BOM, blank time) and deliberately broken files, each
// problem checked exactly (line, column, reason).
#include "report/routes_csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "report/routes_csv.h"
#include "sample_plan.h"

namespace sendplan::report {
namespace {

using Expected = std::tuple<int, std::string, std::string>;  // row, column, reason

const std::string kDataDir = SENDPLAN_TEST_DATA_DIR;
const std::string kHeader = "run,route_id,vehicle_type,seq,pupil_id,action\n";

// The problems, exactly and in order, all naming `file`.
void expect_problems(const Checked<std::vector<CurrentRoute>, transport::Problem>& result,
                     const std::string& file, const std::vector<Expected>& expected) {
  ASSERT_FALSE(result.ok());
  std::vector<Expected> found;
  for (const transport::Problem& problem : result.problems()) {
    EXPECT_EQ(problem.file, file);
    found.emplace_back(problem.row, problem.column, problem.reason);
  }
  EXPECT_EQ(found, expected) << transport::format_problems(result.problems());
}

TEST(RoutesCsvReader, RoundTripsTheWriter) {
  const transport::DayPlan plan = testing::sample_plan();
  auto result = parse_current_routes(routes_csv(plan), "routes.csv");
  ASSERT_TRUE(result.ok()) << transport::format_problems(result.problems());
  const std::vector<CurrentRoute>& routes = result.value();
  ASSERT_EQ(routes.size(), plan.routes.size());
  int line = 2;
  for (size_t r = 0; r < routes.size(); ++r) {
    const transport::TransportRoute& written = plan.routes[r];
    const CurrentRoute& read = routes[r];
    EXPECT_EQ(read.run, written.run);
    EXPECT_EQ(read.route_id, written.route_id);
    EXPECT_EQ(read.vehicle_type, written.vehicle_type);
    EXPECT_EQ(read.source_row, line);
    ASSERT_EQ(read.stops.size(), written.stops.size());
    for (size_t s = 0; s < read.stops.size(); ++s) {
      EXPECT_EQ(read.stops[s].pupil_id, written.stops[s].pupil_id);
      EXPECT_EQ(read.stops[s].pickup, written.stops[s].pickup);
      ASSERT_TRUE(read.stops[s].time.has_value());
      EXPECT_NEAR(*read.stops[s].time, written.stops[s].time, 0.5);
      EXPECT_EQ(read.stops[s].source_row, line++);
    }
  }
  EXPECT_EQ(routes[0].stops[1].time, 479.0);  // 478.5 was written as 07:59
}

// Regression (security review): ids that a spreadsheet would run are written neutralised
// ("'=..."), and the reader gives them back exactly as the plan had them.
TEST(RoutesCsvReader, RoundTripsFormulaLikeIdsThroughTheNeutralisedCells) {
  transport::DayPlan plan = testing::sample_plan();
  plan.routes[0].route_id = "=AM-001";
  plan.routes[0].vehicle_type = "@minibus";
  for (transport::RouteStop& stop : plan.routes[0].stops) {
    if (stop.pupil_id == "P1") stop.pupil_id = "-P1";
  }
  const std::string text = routes_csv(plan);
  EXPECT_NE(text.find("\nAM,\"'=AM-001\",\"'@minibus\",1,\"'-P1\",pickup,home,51.53210,-0.10570,"),
            std::string::npos)
      << text;
  auto result = parse_current_routes(text, "routes.csv");
  ASSERT_TRUE(result.ok()) << transport::format_problems(result.problems());
  EXPECT_EQ(result.value()[0].route_id, "=AM-001");
  EXPECT_EQ(result.value()[0].vehicle_type, "@minibus");
  EXPECT_EQ(result.value()[0].stops[0].pupil_id, "-P1");
}

// Regression: a routes.csv saved as Latin-1 is refused with where the first bad byte is.
TEST(RoutesCsvReader, Latin1IsRefusedWithLineAndColumn) {
  expect_problems(parse_current_routes(kHeader + "AM,R1,taxi,1,P\xE9,pickup\n", "routes.csv"),
                  "routes.csv",
                  {{2, "",
                    "file is not UTF-8 (byte 0xE9 at line 2, column 15; looks like "
                    "Latin-1/Windows-1252: save it as CSV UTF-8)"}});
}

TEST(RoutesCsvReader, AcceptsAnyColumnOrderCaseCrlfBomAndBlankTimes) {
  auto result = read_current_routes(kDataDir + "/current_routes_crlf.csv");
  ASSERT_TRUE(result.ok()) << transport::format_problems(result.problems());
  const std::vector<CurrentRoute>& routes = result.value();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].run, transport::Run::kMorning);
  EXPECT_EQ(routes[0].route_id, "R7");
  EXPECT_EQ(routes[0].vehicle_type, "taxi");
  ASSERT_EQ(routes[0].stops.size(), 2u);
  EXPECT_TRUE(routes[0].stops[0].pickup);
  EXPECT_EQ(routes[0].stops[0].time, 7 * 60 + 5.0);
  EXPECT_FALSE(routes[0].stops[1].pickup);
  EXPECT_FALSE(routes[0].stops[1].time.has_value());
  EXPECT_EQ(routes[0].stops[1].source_row, 4);  // after the blank line
  EXPECT_EQ(routes[1].run, transport::Run::kAfternoon);
  EXPECT_EQ(routes[1].stops[1].time, 16 * 60.0);
}

TEST(RoutesCsvReader, LatLonAndPlaceAreOptional) {
  auto result = parse_current_routes(kHeader + "AM,R1,car,1,P1,pickup\nAM,R1,car,2,P1,dropoff\n",
                                     "routes.csv");
  ASSERT_TRUE(result.ok()) << transport::format_problems(result.problems());
  ASSERT_EQ(result.value().size(), 1u);
  EXPECT_EQ(result.value()[0].stops.size(), 2u);
  EXPECT_FALSE(result.value()[0].stops[0].time.has_value());
}

TEST(RoutesCsvReader, EveryBadCellIsReported) {
  const std::string path = kDataDir + "/broken_cells.csv";
  expect_problems(read_current_routes(path), path,
                  {
                      {3, "run", "unknown run 'XM': expected AM or PM"},
                      {4, "action", "unknown action 'collect': expected pickup or dropoff"},
                      {5, "seq", "expected a whole number, got 'two'"},
                      {5, "time", "expected a time HH:MM (00:00 to 23:59), got '8.10'"},
                      {6, "seq", "must be at least 1, got 0"},
                      {6, "pupil_id", "required value is empty"},
                  });
}

TEST(RoutesCsvReader, EveryBadRouteIsReported) {
  const std::string path = kDataDir + "/broken_routes.csv";
  expect_problems(
      read_current_routes(path), path,
      {
          {4, "vehicle_type",
           "route 'R1' has vehicle type 'minibus' (row 2) but this row says 'car': a route has "
           "one vehicle type"},
          {5, "run",
           "route 'R1' is on the AM run (row 2) but this row says PM: a route is on one run and "
           "route ids are unique within the day"},
          {8, "seq",
           "seq 2 comes after seq 3 (row 7) in route 'R2': a route's rows must be in stop order, "
           "seq increasing"},
          {9, "seq", "seq 2 is repeated in route 'R2' (first on row 8)"},
          {10, "action", "pupil 'P5' is dropped off before being picked up (row 11) on route 'R3'"},
          {12, "action", "pupil 'P6' is picked up but never dropped off on route 'R3'"},
          {13, "action", "pupil 'P7' is dropped off but never picked up on route 'R3'"},
          {14, "action", "pupil 'P1' is picked up twice on the AM run (first on row 2)"},
          {16, "action", "pupil 'P1' is dropped off twice on route 'R4' (first on row 15)"},
      });
}

TEST(RoutesCsvReader, SameRouteIdOnBothRunsIsAMixedRoute) {
  expect_problems(
      parse_current_routes(kHeader + "AM,R1,car,1,P1,pickup\nAM,R1,car,2,P1,dropoff\n"
                                     "PM,R1,car,3,P1,pickup\nPM,R1,car,4,P1,dropoff\n",
                           "routes.csv"),
      "routes.csv",
      {
          {4, "run",
           "route 'R1' is on the AM run (row 2) but this row says PM: a route is on one run and "
           "route ids are unique within the day"},
          {5, "run",
           "route 'R1' is on the AM run (row 2) but this row says PM: a route is on one run and "
           "route ids are unique within the day"},
      });
}

TEST(RoutesCsvReader, PickedUpOnTwoRoutesOfOneRun) {
  expect_problems(
      parse_current_routes(kHeader + "AM,R1,car,1,P1,pickup\nAM,R1,car,2,P1,dropoff\n"
                                     "AM,R2,taxi,1,P1,pickup\nAM,R2,taxi,2,P1,dropoff\n"
                                     "PM,R3,taxi,1,P1,pickup\nPM,R3,taxi,2,P1,dropoff\n",
                           "routes.csv"),
      "routes.csv",
      {{4, "action", "pupil 'P1' is picked up twice on the AM run (first on row 2)"}});
}

TEST(RoutesCsvReader, MissingColumnsAreReportedAtTheHeader) {
  expect_problems(
      parse_current_routes("run,route,vehicle_type,seq,pupil_id\nAM,R1,car,1,P1\n", "routes.csv"),
      "routes.csv",
      {
          {1, "route_id", "required column is missing"},
          {1, "action", "required column is missing"},
      });
}

TEST(RoutesCsvReader, EmptyFiles) {
  expect_problems(parse_current_routes("", "routes.csv"), "routes.csv",
                  {{1, "", "the file is empty: expected a header row"}});
  expect_problems(parse_current_routes(kHeader, "routes.csv"), "routes.csv",
                  {{1, "", "no routes: the file has a header but no stop rows"}});
}

TEST(RoutesCsvReader, BadQuotingIsReportedWithTheLine) {
  auto result = parse_current_routes(kHeader + "AM,R1,car,1,\"P1,pickup\n", "routes.csv");
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 1u);
  EXPECT_EQ(result.problems()[0].row, 2);
  EXPECT_NE(result.problems()[0].reason.find("unterminated quoted field"), std::string::npos);
}

TEST(RoutesCsvReader, MissingFileIsAProblemAtRowZero) {
  const std::string path = kDataDir + "/no_such_file.csv";
  expect_problems(read_current_routes(path), path,
                  {{0, "", "cannot open the file (does it exist?)"}});
}

}  // namespace
}  // namespace sendplan::report
