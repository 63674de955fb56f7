// Tests for write_report_files: the five files land together with no temporaries left, and a
// failure leaves the earlier set untouched.
#include "report/report_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "report/pupils_csv.h"
#include "report/routes_csv.h"
#include "report/routes_geojson.h"
#include "report/summary_json.h"
#include "sample_plan.h"

namespace sendplan::report {
namespace {

namespace fs = std::filesystem;

class ReportFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::path(::testing::TempDir()) / (std::string("sendplan_report_") + test->name() +
                                                   "_" + std::to_string(::getpid()));
    fs::remove_all(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::set<std::string> listing() const {
    std::set<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory_))
      names.insert(entry.path().filename().string());
    return names;
  }

  fs::path directory_;
  transport::DayPlan plan_ = testing::sample_plan();
  transport::DayPlan current_ = testing::sample_current();
  std::vector<transport::Pupil> pupils_ = testing::sample_pupils();
  std::vector<transport::School> schools_ = testing::sample_schools();
  ReportInputs inputs_{.plan = plan_,
                       .current = &current_,
                       .pupils = pupils_,
                       .schools = schools_,
                       .settings = {{"seed", 7}},
                       .heading = {"Camden", "2025-03-14"}};
};

const std::set<std::string> kFiveFiles = {"routes.csv", "pupils.csv", "summary.json",
                                          "routes.geojson", "route_sheets.html"};

TEST_F(ReportFilesTest, WritesTheFiveFilesAndNoTemporaries) {
  const Status status = write_report_files(directory_.string(), inputs_);
  ASSERT_TRUE(status.ok()) << status.error().to_string();
  EXPECT_EQ(listing(), kFiveFiles);
  EXPECT_EQ(read(directory_ / "routes.csv"), routes_csv(plan_));
  EXPECT_EQ(read(directory_ / "pupils.csv"), pupils_csv(plan_));
  EXPECT_EQ(read(directory_ / "summary.json"),
            summary_json_text(plan_, &current_, nlohmann::json{{"seed", 7}}));
  EXPECT_EQ(read(directory_ / "routes.geojson"), routes_geojson_text(plan_));
  EXPECT_EQ(read(directory_ / "route_sheets.html"),
            route_sheets_html(plan_, pupils_, schools_, {"Camden", "2025-03-14"}));
  EXPECT_EQ(nlohmann::json::parse(read(directory_ / "summary.json"))["settings"]["seed"], 7);
}

TEST_F(ReportFilesTest, ReplacesAnEarlierSet) {
  fs::create_directories(directory_);
  for (const std::string& name : report_file_names()) write(directory_ / name, "old");
  ASSERT_TRUE(write_report_files(directory_.string(), inputs_).ok());
  EXPECT_EQ(listing(), kFiveFiles);
  EXPECT_EQ(read(directory_ / "routes.csv"), routes_csv(plan_));
}

TEST_F(ReportFilesTest, OutputPathThatIsAFileFailsAndWritesNothing) {
  fs::create_directories(directory_);
  const fs::path file = directory_ / "not_a_directory";
  write(file, "x");
  const Status status = write_report_files(file.string(), inputs_);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kIo);
  EXPECT_EQ(listing(), std::set<std::string>{"not_a_directory"});
}

TEST_F(ReportFilesTest, FailureLeavesTheEarlierSetUntouched) {
  fs::create_directories(directory_);
  for (const std::string& name : report_file_names()) {
    if (name != "routes.geojson") write(directory_ / name, "old");
  }
  fs::create_directory(directory_ / "routes.geojson");  // cannot be replaced by a file
  const Status status = write_report_files(directory_.string(), inputs_);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kIo);
  EXPECT_NE(status.error().message.find("routes.geojson: is a directory"), std::string::npos)
      << status.error().message;
  EXPECT_EQ(listing(), kFiveFiles);  // no temporaries
  for (const std::string& name : report_file_names()) {
    if (name != "routes.geojson") {
      EXPECT_EQ(read(directory_ / name), "old") << name;
    }
  }
}

}  // namespace
}  // namespace sendplan::report
