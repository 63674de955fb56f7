// Tests for reading the files from disk, the cross-file checks and read_transport_inputs.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "test_helpers.h"
#include "transport/readers.h"
#include "transport/templates.h"

namespace sendplan::transport {
namespace {

using testing::dump;
using testing::has_problem;

std::string write_temp(const std::string& name, const std::string& text) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("sendplan_transport_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
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

}  // namespace
}  // namespace sendplan::transport
