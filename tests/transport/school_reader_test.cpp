// Tests for parse_schools: location forms, times, defaults and bad input.
#include <gtest/gtest.h>

#include "test_helpers.h"
#include "transport/readers.h"

namespace sendplan::transport {
namespace {

using testing::dump;
using testing::has_problem;

const std::string kHeader =
    "school_id,name,borough,lat,lon,easting,northing,postcode,start_time,finish_time,"
    "earliest_arrival_minutes\n";

Checked<std::vector<School>, Problem> parse(const std::string& rows,
                                            const geo::PostcodeDirectory* postcodes = nullptr) {
  return parse_schools(kHeader + rows, "schools.csv", {}, postcodes);
}

std::vector<Problem> problems_of(const std::string& rows) {
  auto result = parse(rows);
  EXPECT_FALSE(result.ok());
  return result.ok() ? std::vector<Problem>{} : result.problems();
}

TEST(SchoolReader, ReadsEveryLocationForm) {
  auto directory =
      geo::PostcodeDirectory::read_csv(std::string(SENDPLAN_TEST_DATA_DIR) + "/postcodes.csv");
  ASSERT_TRUE(directory.ok());
  auto result = parse(
      "S1,First School,Camden,51.54,-0.15,,,,08:50,15:20,\n"
      "S2,Second School,Islington,,,531000,186000,,9:00,15:30,20\n"
      "S3,Third School,Islington,,,,,N1 9GU,08:45,15:15,\n",
      &directory.value());
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  const auto& schools = result.value();
  ASSERT_EQ(schools.size(), 3u);
  EXPECT_EQ(schools[0].name, "First School");
  EXPECT_EQ(schools[0].start_minutes, 8 * 60 + 50);
  EXPECT_EQ(schools[0].finish_minutes, 15 * 60 + 20);
  EXPECT_EQ(schools[0].earliest_arrival_minutes, 30);
  EXPECT_EQ(schools[1].start_minutes, 9 * 60);
  EXPECT_EQ(schools[1].earliest_arrival_minutes, 20);
  EXPECT_NEAR(schools[1].location.latitude, 51.56, 0.02);
  EXPECT_EQ(schools[2].postcode, "N1 9GU");
  EXPECT_NEAR(schools[2].location.longitude, -0.12, 0.02);
}

TEST(SchoolReader, BadTimes) {
  EXPECT_TRUE(has_problem(problems_of("S1,A,Camden,51.5,-0.1,,,,8.50,15:20,\n"), 2, "start_time",
                          "expected a time HH:MM (00:00 to 23:59), got '8.50'"));
  EXPECT_TRUE(has_problem(problems_of("S1,A,Camden,51.5,-0.1,,,,08:50,24:00,\n"), 2, "finish_time",
                          "expected a time HH:MM"));
  EXPECT_TRUE(has_problem(problems_of("S1,A,Camden,51.5,-0.1,,,,,15:20,\n"), 2, "start_time",
                          "required value is empty"));
}

TEST(SchoolReader, FinishBeforeStart) {
  EXPECT_TRUE(has_problem(problems_of("S1,A,Camden,51.5,-0.1,,,,15:20,08:50,\n"), 2, "finish_time",
                          "finish time 08:50 is not after the start time 15:20"));
}

TEST(SchoolReader, NegativeEarliestArrival) {
  EXPECT_TRUE(has_problem(problems_of("S1,A,Camden,51.5,-0.1,,,,08:50,15:20,-5\n"), 2,
                          "earliest_arrival_minutes", "must not be negative"));
}

TEST(SchoolReader, DuplicateIdAndMissingColumns) {
  EXPECT_TRUE(has_problem(problems_of("S1,A,Camden,51.5,-0.1,,,,08:50,15:20,\n"
                                      "S1,B,Camden,51.5,-0.1,,,,08:50,15:20,\n"),
                          3, "school_id", "duplicate school_id 'S1'"));
  auto result =
      parse_schools("school_id,name,lat,lon\nS1,A,51.5,-0.1\n", "schools.csv", {}, nullptr);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_problem(result.problems(), 1, "borough", "required column is missing"));
  EXPECT_TRUE(has_problem(result.problems(), 1, "start_time", "required column is missing"));
  EXPECT_TRUE(has_problem(result.problems(), 1, "finish_time", "required column is missing"));
  EXPECT_EQ(result.problems().size(), 3u) << dump(result.problems());
}

TEST(SchoolReader, PostcodeWithoutDirectory) {
  EXPECT_TRUE(has_problem(problems_of("S1,A,Camden,,,,,N1 9GU,08:50,15:20,\n"), 2, "postcode",
                          "--postcodes"));
}

}  // namespace
}  // namespace sendplan::transport
