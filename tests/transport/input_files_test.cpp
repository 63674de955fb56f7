// Tests for reading the files from disk, the cross-file checks and read_transport_inputs.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "support/temp_dir.h"
#include "test_helpers.h"
#include "transport/readers.h"
#include "transport/templates.h"

namespace sendplan::transport {
namespace {

using testing::dump;
using testing::has_problem;

// Files in one folder per test process, removed when it exits.
std::string write_temp(const std::string& name, const std::string& text) {
  static const sendplan::testing::TempDir folder("transport-test");
  const std::string path = folder.file(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(InputFiles, MissingFileIsAProblem) {
  auto result = read_pupils("/nonexistent/pupils.csv", {}, nullptr);
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 1u);
  EXPECT_EQ(result.problems()[0].row, 0);
  EXPECT_EQ(result.problems()[0].to_string(),
            "/nonexistent/pupils.csv: cannot open the file (does it exist?)");
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
}

TEST(InputFiles, UnknownSchoolIsReported) {
  auto pupils = parse_pupils(pupils_template(), "pupils.csv", {}, nullptr);
  auto schools = parse_schools(
      "school_id,name,borough,lat,lon,start_time,finish_time\nS02,B,Camden,51.5,-0.1,09:00,15:00\n",
      "schools.csv", {}, nullptr);
  ASSERT_TRUE(pupils.ok() && schools.ok());
  const auto problems = validate_references(pupils.value(), schools.value(), "pupils.csv");
  ASSERT_EQ(problems.size(), 2u) << dump(problems);
  EXPECT_EQ(problems[0].to_string(),
            "pupils.csv:2: column 'school_id': unknown school_id 'S01' (not in the schools file)");
  EXPECT_TRUE(has_problem(problems, 3, "school_id", "unknown school_id 'S01'"));
}

TEST(InputFiles, ReadsAllInputsOrEveryProblem) {
  const InputPaths good{write_temp("pupils.csv", pupils_template()),
                        write_temp("schools.csv", schools_template()),
                        write_temp("fleet.csv", fleet_template())};
  auto inputs = read_transport_inputs(good, {}, nullptr);
  ASSERT_TRUE(inputs.ok()) << dump(inputs.problems());
  EXPECT_EQ(inputs.value().pupils.size(), 2u);
  EXPECT_EQ(inputs.value().schools.size(), 2u);
  EXPECT_EQ(inputs.value().fleet.size(), 2u);

  InputPaths bad = good;
  bad.schools = write_temp("bad_schools.csv", "school_id\nS09\n");
  bad.fleet = "/nonexistent/fleet.csv";
  auto failed = read_transport_inputs(bad, {}, nullptr);
  ASSERT_FALSE(failed.ok());
  const auto& problems = failed.problems();
  EXPECT_TRUE(has_problem(problems, 1, "name", "required column is missing")) << dump(problems);
  EXPECT_TRUE(has_problem(problems, 0, "", "cannot open the file")) << dump(problems);
  const Error error = failed.error();
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_NE(error.message.find("column 'name'"), std::string::npos) << error.message;
}

// `text` as UTF-16 little-endian (ASCII only), as Excel's "Unicode text" saves it.
std::string utf16le(const std::string& text, bool bom) {
  std::string out = bom ? std::string("\xFF\xFE") : std::string();
  for (char c : text) {
    out += c;
    out += '\0';
  }
  return out;
}

// Regression: UTF-16 files read as "required column is missing"; now they are named.
TEST(InputFiles, Utf16WithBomIsRefusedClearly) {
  auto result = parse_pupils(utf16le(pupils_template(), true), "pupils.csv", {}, nullptr);
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 1u) << dump(result.problems());
  EXPECT_EQ(result.problems()[0].to_string(),
            "pupils.csv: file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
}

TEST(InputFiles, Utf16WithoutBomIsRefusedClearly) {
  const InputPaths paths{write_temp("utf16_pupils.csv", utf16le(pupils_template(), false)),
                         write_temp("utf16_schools.csv", utf16le(schools_template(), false)),
                         write_temp("utf16_fleet.csv", utf16le(fleet_template(), false))};
  auto inputs = read_transport_inputs(paths, {}, nullptr);
  ASSERT_FALSE(inputs.ok());
  const std::vector<Problem>& problems = inputs.problems();
  ASSERT_EQ(problems.size(), 3u) << dump(problems);
  for (const Problem& problem : problems) {
    EXPECT_EQ(problem.reason, "file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
    EXPECT_EQ(problem.row, 0);
  }
  EXPECT_EQ(problems[2].file, paths.fleet);
}

// Regression: a Latin-1 (Windows-1252) file was accepted with broken names; now it is refused
// with the line and column of the first byte that is not UTF-8.
TEST(InputFiles, Latin1IsRefusedWithLineAndColumn) {
  const std::string schools =
      "school_id,name,borough,lat,lon,start_time,finish_time\n"
      "S01,St Ren\xE9"
      "e's,Camden,51.5,-0.1,09:00,15:00\n";
  auto result = parse_schools(schools, "schools.csv", {}, nullptr);
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 1u) << dump(result.problems());
  EXPECT_EQ(result.problems()[0].to_string(),
            "schools.csv:2: file is not UTF-8 (byte 0xE9 at line 2, column 11; looks like "
            "Latin-1/Windows-1252: save it as CSV UTF-8)");
}

// Regression: CR-only line ends (old Mac) made one giant line and "required column is missing".
TEST(InputFiles, CrOnlyLineEndsAreLineEnds) {
  std::string text = fleet_template();
  for (char& c : text) {
    if (c == '\n') c = '\r';
  }
  ASSERT_EQ(text.find('\n'), std::string::npos);
  auto fleet = parse_fleet(text, "fleet.csv", {}, nullptr);
  ASSERT_TRUE(fleet.ok()) << dump(fleet.problems());
  EXPECT_EQ(fleet.value().size(), 2u);
  auto bad = parse_fleet("vehicle_type,seats\rtaxi,4\r", "fleet.csv", {}, nullptr);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(has_problem(bad.problems(), 1, "wheelchair_spaces", "required column is missing"));
}

// Regression: a 1 GB cell was echoed whole into stderr; a problem quotes 80 characters of it.
TEST(InputFiles, AHugeCellIsQuotedShort) {
  const std::string huge(1 << 20, '9');
  auto result = parse_pupils(
      "pupil_id,borough,school_id,wheelchair,passenger_assistant,travel_alone,age,home_lat,"
      "home_lon\nP1,Camden,S1," +
          huge + ",no,no,8,51.5,-0.1\n",
      "pupils.csv", {}, nullptr);
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 1u);
  const std::string message = result.problems()[0].to_string();
  EXPECT_LT(message.size(), 200u);
  EXPECT_NE(message.find("expected yes or no, got '" + std::string(80, '9') +
                         "\xE2\x80\xA6' (1048576 characters)"),
            std::string::npos)
      << message;
}

// Cells guarded against spreadsheet formulas when sendplan wrote them read as they were.
TEST(InputFiles, FormulaGuardIsRemovedOnReading) {
  auto result = parse_schools(
      "school_id,name,borough,lat,lon,start_time,finish_time\n"
      "S01,\"'=HYPERLINK(\"\"http://x\"\")\",Camden,51.5,-0.1,09:00,15:00\n"
      "S02,'plain,Camden,51.5,-0.1,09:00,15:00\n",
      "schools.csv", {}, nullptr);
  ASSERT_TRUE(result.ok()) << dump(result.problems());
  EXPECT_EQ(result.value()[0].name, "=HYPERLINK(\"http://x\")");
  EXPECT_EQ(result.value()[1].name, "'plain");
}

}  // namespace
}  // namespace sendplan::transport
