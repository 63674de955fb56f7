// Tests for parse_pupils: every location form, policy defaults, and each kind of bad input
// reported with its row, column and reason.
#include <gtest/gtest.h>

#include "test_helpers.h"
#include "transport/readers.h"

namespace sendplan::transport {
namespace {

using testing::dump;
using testing::has_problem;

const std::string kHeader =
    "pupil_id,borough,school_id,wheelchair,passenger_assistant,travel_alone,age,phase,"
    "home_lat,home_lon,home_easting,home_northing,home_postcode,max_ride_minutes,"
    "boarding_minutes,not_with\n";

Checked<std::vector<Pupil>, Problem> parse(const std::string& rows,
                                           const geo::PostcodeDirectory* postcodes = nullptr,
                                           const Policy& policy = {}) {
  return parse_pupils(kHeader + rows, "pupils.csv", policy, postcodes);
}

std::vector<Problem> problems_of(const std::string& rows) {
  auto result = parse(rows);
  EXPECT_FALSE(result.ok());
  return result.ok() ? std::vector<Problem>{} : result.problems();
}

TEST(PupilReader, ReadsLatLonAndEastingNorthing) {
  auto result = parse(
      "P1,Camden,S1,no,yes,no,8,,51.54,-0.14,,,,,,\n"
      "P2,Camden,S1,yes,no,yes,,secondary,,,529900,182600,,60,3,P1\n");
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  const auto& pupils = result.value();
  ASSERT_EQ(pupils.size(), 2u);
  EXPECT_EQ(pupils[0].id, "P1");
  EXPECT_DOUBLE_EQ(pupils[0].home.latitude, 51.54);
  EXPECT_DOUBLE_EQ(pupils[0].home.longitude, -0.14);
  EXPECT_TRUE(pupils[0].needs_passenger_assistant);
  EXPECT_EQ(pupils[0].phase, Phase::kPrimary);
  EXPECT_EQ(pupils[0].age, 8);
  EXPECT_EQ(pupils[0].source_row, 2);
  EXPECT_NEAR(pupils[1].home.latitude, 51.53, 0.02);
  EXPECT_NEAR(pupils[1].home.longitude, -0.14, 0.02);
  EXPECT_TRUE(pupils[1].wheelchair);
  EXPECT_TRUE(pupils[1].must_travel_alone);
  EXPECT_EQ(pupils[1].phase, Phase::kSecondary);
  EXPECT_EQ(pupils[1].max_ride_minutes, 60);
  EXPECT_EQ(pupils[1].boarding_minutes, 3);
  EXPECT_EQ(pupils[1].not_with, std::vector<std::string>{"P1"});
}

TEST(PupilReader, AppliesPolicyDefaults) {
  auto result = parse(
      "P1,Camden,S1,no,no,no,10,,51.5,-0.1,,,,,,\n"
      "P2,Camden,S1,yes,no,no,11,,51.5,-0.1,,,,,,\n"
      "P3,Camden,S1,no,no,no,,primary,51.5,-0.1,,,,,,\n");
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  const auto& pupils = result.value();
  EXPECT_EQ(pupils[0].max_ride_minutes, 45);
  EXPECT_EQ(pupils[0].boarding_minutes, 2);
  EXPECT_EQ(pupils[1].max_ride_minutes, 75);
  EXPECT_EQ(pupils[1].boarding_minutes, 5);
  EXPECT_EQ(pupils[2].max_ride_minutes, 45);
  EXPECT_EQ(pupils[2].age, 0);

  Policy policy;
  policy.primary_max_ride_minutes = 40;
  policy.wheelchair_boarding_minutes = 7;
  auto custom = parse("P1,Camden,S1,yes,no,no,9,,51.5,-0.1,,,,,,\n", nullptr, policy);
  ASSERT_TRUE(custom.ok());
  EXPECT_EQ(custom.value()[0].max_ride_minutes, 40);
  EXPECT_EQ(custom.value()[0].boarding_minutes, 7);
}

TEST(PupilReader, ColumnsInAnyOrderAnyCaseExtraIgnored) {
  auto result = parse_pupils(
      "Notes,PHASE,Home_Lon,Home_Lat,School_ID,Travel_Alone,Passenger_Assistant,Wheelchair,"
      "Borough,Pupil_ID\n"
      "hello,primary,-0.1,51.5,S1,no,no,no,Camden,P1\n",
      "pupils.csv", {}, nullptr);
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  EXPECT_EQ(result.value()[0].id, "P1");
  EXPECT_DOUBLE_EQ(result.value()[0].home.longitude, -0.1);
}

TEST(PupilReader, BomAndCrlf) {
  std::string text = "\xEF\xBB\xBF" + kHeader + "P1,Camden,S1,no,no,no,8,,51.5,-0.1,,,,,,\n";
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto result = parse_pupils(crlf, "pupils.csv", {}, nullptr);
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  EXPECT_EQ(result.value()[0].id, "P1");
  EXPECT_EQ(result.value()[0].not_with.size(), 0u);
}

TEST(PupilReader, ResolvesPostcodes) {
  auto directory =
      geo::PostcodeDirectory::read_csv(std::string(SENDPLAN_TEST_DATA_DIR) + "/postcodes.csv");
  ASSERT_TRUE(directory.ok()) << directory.error().to_string();
  auto result = parse("P1,Camden,S1,no,no,no,8,,,,,,nw12db,,,\n", &directory.value());
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  EXPECT_EQ(result.value()[0].home_postcode, "NW1 2DB");
  EXPECT_NEAR(result.value()[0].home.latitude, 51.53, 0.02);

  auto unknown = parse("P1,Camden,S1,no,no,no,8,,,,,,E1 6AN,,,\n", &directory.value());
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(has_problem(unknown.problems(), 2, "home_postcode", "unknown postcode 'E1 6AN'"))
      << dump(unknown.problems());
}

TEST(PupilReader, PostcodeWithoutDirectoryAsksForPostcodesOption) {
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,,,,,NW1 2DB,,,\n"), 2,
                          "home_postcode", "--postcodes"));
}

TEST(PupilReader, MissingColumnsReportedAtRowOne) {
  auto result =
      parse_pupils("pupil_id,borough,wheelchair\nP1,Camden,no\n", "pupils.csv", {}, nullptr);
  ASSERT_FALSE(result.ok());
  const auto& problems = result.problems();
  for (const char* column : {"school_id", "passenger_assistant", "travel_alone"}) {
    EXPECT_TRUE(has_problem(problems, 1, column, "required column is missing")) << column;
  }
  EXPECT_TRUE(has_problem(problems, 1, "home_postcode", "no location columns"));
  EXPECT_TRUE(has_problem(problems, 1, "age", "give age or phase"));
  EXPECT_EQ(problems.size(), 5u) << dump(problems);
}

TEST(PupilReader, EmptyRequiredCell) {
  EXPECT_TRUE(has_problem(problems_of("P1,,S1,no,no,no,8,,51.5,-0.1,,,,,,\n"), 2, "borough",
                          "required value is empty"));
}

TEST(PupilReader, BadYesNo) {
  const auto problems = problems_of("P1,Camden,S1,maybe,no,no,8,,51.5,-0.1,,,,,,\n");
  ASSERT_EQ(problems.size(), 1u) << dump(problems);
  EXPECT_EQ(problems[0].to_string(),
            "pupils.csv:2: column 'wheelchair': expected yes or no, got 'maybe'");
}

TEST(PupilReader, BadAndNegativeNumbers) {
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,51.5,-0.1,,,,abc,,\n"), 2,
                          "max_ride_minutes", "expected a whole number, got 'abc'"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,51.5,-0.1,,,,,-2,\n"), 2,
                          "boarding_minutes", "must not be negative"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,51.5,x,,,,,,\n"), 2, "home_lon",
                          "expected a number, got 'x'"));
}

TEST(PupilReader, DuplicateId) {
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,51.5,-0.1,,,,,,\n"
                                      "P1,Camden,S1,no,no,no,8,,51.5,-0.1,,,,,,\n"),
                          3, "pupil_id", "duplicate pupil_id 'P1' (first on row 2)"));
}

TEST(PupilReader, LocationOutOfRangeOrMissingOrHalfGiven) {
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,40.7,-0.1,,,,,,\n"), 2, "home_lat",
                          "outside Great Britain"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,51.5,-74.0,,,,,,\n"), 2, "home_lon",
                          "outside Great Britain"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,,,900000,100,,,,\n"), 2,
                          "home_easting", "outside the National Grid"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,,,,,,,,\n"), 2, "home_postcode",
                          "no location"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,8,,51.5,,,,,,,\n"), 2, "home_lon",
                          "must be given together"));
}

TEST(PupilReader, NotWithUnknownOrSelf) {
  const auto problems = problems_of(
      "P1,Camden,S1,no,no,no,8,,51.5,-0.1,,,,,,P9\n"
      "P2,Camden,S1,no,no,no,8,,51.5,-0.1,,,,,,P1; P2\n");
  EXPECT_TRUE(has_problem(problems, 2, "not_with", "unknown pupil_id 'P9'")) << dump(problems);
  EXPECT_TRUE(has_problem(problems, 3, "not_with", "from itself")) << dump(problems);
  EXPECT_EQ(problems.size(), 2u) << dump(problems);
}

TEST(PupilReader, AgeAndPhaseChecks) {
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,,,51.5,-0.1,,,,,,\n"), 2, "age",
                          "age or phase is required"));
  EXPECT_TRUE(
      has_problem(problems_of("P1,Camden,S1,no,no,no,3,,51.5,-0.1,,,,,,\n"), 2, "age", "4 to 19"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,,nursery,51.5,-0.1,,,,,,\n"), 2,
                          "phase", "expected primary or secondary, got 'nursery'"));
  EXPECT_TRUE(has_problem(problems_of("P1,Camden,S1,no,no,no,14,primary,51.5,-0.1,,,,,,\n"), 2,
                          "phase", "does not match age 14"));
}

TEST(PupilReader, ReportsEveryProblemInTheFile) {
  const auto problems = problems_of(
      "P1,Camden,S1,maybe,no,no,8,,51.5,-0.1,,,,,,\n"
      ",Camden,S1,no,no,no,8,,51.5,-0.1,,,,,,\n"
      "P3,Camden,S1,no,no,no,8,,99,-0.1,,,,fast,,\n"
      "P4,Camden,S1,no,no,no,8,,51.5,-0.1,,,,,,P77\n");
  EXPECT_TRUE(has_problem(problems, 2, "wheelchair", "expected yes or no"));
  EXPECT_TRUE(has_problem(problems, 3, "pupil_id", "required value is empty"));
  EXPECT_TRUE(has_problem(problems, 4, "home_lat", "outside Great Britain"));
  EXPECT_TRUE(has_problem(problems, 4, "max_ride_minutes", "expected a whole number"));
  EXPECT_TRUE(has_problem(problems, 5, "not_with", "unknown pupil_id 'P77'"));
  EXPECT_EQ(problems.size(), 5u) << dump(problems);
  for (size_t i = 1; i < problems.size(); ++i) EXPECT_LE(problems[i - 1].row, problems[i].row);
}

TEST(PupilReader, EmptyFile) {
  auto result = parse_pupils("\xEF\xBB\xBF\n\n", "pupils.csv", {}, nullptr);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(has_problem(result.problems(), 1, "", "empty"));
}

}  // namespace
}  // namespace sendplan::transport
