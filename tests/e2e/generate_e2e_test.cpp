// End-to-end: `sendplan generate` writes a synthetic borough the transport readers accept, and
// rejects what it cannot do with the documented exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "e2e_support.h"

namespace sendplan::e2e {
namespace {

std::string boundaries() {
  return shared_dir() + "/data/boundaries/london_boroughs_gla.geojson";
}

TEST(Generate, WritesThreeFilesAndSummarises) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const RunResult r =
      run(sendplan_bin() + " generate --borough Hackney --pupils 40 --seed 5 --out " +
              quote(dir.file("borough")) + " --boundaries " + quote(boundaries()),
          dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("40 pupils"), std::string::npos) << r.out;
  for (const char* name : {"pupils.csv", "schools.csv", "fleet.csv"}) {
    const std::string text = read_file(dir.file("borough") + "/" + name);
    EXPECT_FALSE(text.empty()) << name;
  }
  // 40 pupils: a header and 40 rows.
  const std::string pupils = read_file(dir.file("borough") + "/pupils.csv");
  EXPECT_EQ(std::count(pupils.begin(), pupils.end(), '\n'), 41);
}

TEST(Generate, SameSeedSameFiles) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  for (const char* out : {"a", "b"}) {
    const RunResult r =
        run(sendplan_bin() + " generate --borough Camden --pupils 30 --seed 9 --out " +
                quote(dir.file(out)) + " --boundaries " + quote(boundaries()),
            dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(read_file(dir.file("a") + "/pupils.csv"), read_file(dir.file("b") + "/pupils.csv"));
}

TEST(Generate, UnknownBoroughAndMissingBoundariesAreErrors) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const RunResult unknown = run(sendplan_bin() + " generate --borough Gotham --pupils 10 --out " +
                                    quote(dir.file("x")) + " --boundaries " + quote(boundaries()),
                                dir.path());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("Gotham"), std::string::npos) << unknown.err;
  const RunResult missing =
      run(sendplan_bin() + " generate --borough Camden --pupils 10 --out " + quote(dir.file("y")) +
              " --boundaries " + quote(dir.file("nope.geojson")),
          dir.path());
  EXPECT_EQ(missing.exit_code, 5);
  EXPECT_FALSE(std::filesystem::exists(dir.file("y") + "/pupils.csv"));
}

TEST(Generate, RegionWritesAFolderPerBoroughWithSharedSchools) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const RunResult r = run(sendplan_bin() +
                              " generate --region 'Croydon, Sutton,Kingston upon Thames' --pupils "
                              "60 --seed 2 --cross-border-share 0.3 --out " +
                              quote(dir.file("region")) + " --boundaries " + quote(boundaries()),
                          dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* label : {"croydon", "sutton", "kingston-upon-thames"}) {
    const std::string pupils = read_file(dir.file("region") + "/" + label + "/pupils.csv");
    EXPECT_EQ(std::count(pupils.begin(), pupils.end(), '\n'), 61) << label;
    EXPECT_FALSE(read_file(dir.file("region") + "/" + label + "/fleet.csv").empty()) << label;
  }
  // Croydon's own schools' ids start with its label.
  const std::string schools = read_file(dir.file("region") + "/croydon/schools.csv");
  EXPECT_NE(schools.find("\ncroydon-S01,"), std::string::npos) << schools;
  for (const char* part : {"Kingston upon Thames", "at other boroughs' schools", "written to"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << r.out;
  }
}

TEST(Generate, RegionArgumentErrors) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string tail =
      " --pupils 10 --out " + quote(dir.file("x")) + " --boundaries " + quote(boundaries());
  const RunResult unknown =
      run(sendplan_bin() + " generate --region Croydon,Gotham" + tail, dir.path());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("Gotham"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("Sutton"), std::string::npos) << unknown.err;  // valid ones named

  const RunResult twice =
      run(sendplan_bin() + " generate --region Croydon,Sutton,croydon" + tail, dir.path());
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("Croydon twice"), std::string::npos) << twice.err;

  const RunResult both = run(
      sendplan_bin() + " generate --borough Hackney --region Croydon,Sutton" + tail, dir.path());
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("exactly one of --borough"), std::string::npos) << both.err;
  const RunResult neither = run(sendplan_bin() + " generate" + tail, dir.path());
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_NE(neither.err.find("exactly one of --borough"), std::string::npos) << neither.err;

  const RunResult share =
      run(sendplan_bin() + " generate --region Croydon,Sutton --cross-border-share 1.5" + tail,
          dir.path());
  EXPECT_EQ(share.exit_code, 2);
  EXPECT_NE(share.err.find("--cross-border-share"), std::string::npos) << share.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("x")));
}

}  // namespace
}  // namespace sendplan::e2e
