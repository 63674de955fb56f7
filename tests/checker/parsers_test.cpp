// The checker's own instance parsers: hand-made files, malformed input, and every benchmark file
// in ../shared (skipped when the shared folder is absent).
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace sendplan::check {
namespace {

TEST(CheckerParsers, CordeauTiny) {
  Instance instance = read_instance(Format::kCordeau, testing::data_path("cordeau_2req.txt"));
  EXPECT_EQ(instance.fleet_size, 2);
  EXPECT_EQ(instance.max_route_duration, 60);
  EXPECT_EQ(instance.capacity, 1);
  EXPECT_EQ(instance.max_ride_time, 30);
  ASSERT_EQ(instance.nodes.size(), 6u);
  EXPECT_EQ(instance.start_depot, 0);
  EXPECT_EQ(instance.end_depot, 5);
  ASSERT_EQ(instance.requests.size(), 2u);
  EXPECT_EQ(instance.requests[1].name, "2");
  EXPECT_EQ(instance.requests[1].pickup, 2);
  EXPECT_EQ(instance.requests[1].delivery, 4);
  EXPECT_EQ(instance.nodes[4].due, 26);
  EXPECT_DOUBLE_EQ(instance.travel(1, 3), 5);
  EXPECT_FALSE(instance.is_stop(0));
  EXPECT_FALSE(instance.is_stop(5));
  EXPECT_TRUE(instance.is_stop(4));
}

TEST(CheckerParsers, CordeauTinyIn2003Dialect) {
  Instance instance = read_instance(Format::kCordeau, testing::data_path("cordeau_2req_2003.txt"));
  ASSERT_EQ(instance.nodes.size(), 5u);
  EXPECT_EQ(instance.start_depot, 0);
  EXPECT_EQ(instance.end_depot, 0);
  ASSERT_EQ(instance.requests.size(), 2u);
  EXPECT_EQ(instance.requests[1].pickup, 2);
  EXPECT_EQ(instance.requests[1].delivery, 4);
}

TEST(CheckerParsers, SolomonTinyWithCrLf) {
  Instance instance = read_instance(Format::kSolomon, testing::data_path("solomon_3cust.txt"));
  EXPECT_EQ(instance.fleet_size, 2);
  EXPECT_EQ(instance.capacity, 10);
  ASSERT_EQ(instance.nodes.size(), 4u);
  EXPECT_EQ(instance.end_depot, 0);
  ASSERT_EQ(instance.requests.size(), 3u);
  EXPECT_EQ(instance.requests[2].delivery, -1);
  EXPECT_EQ(instance.nodes[2].ready, 10);
  EXPECT_EQ(instance.nodes[2].service, 2);
  EXPECT_EQ(instance.nodes[3].demand, 5);
}

TEST(CheckerParsers, LiLimTinyPairsFromBothSides) {
  Instance instance = read_instance(Format::kLiLim, testing::data_path("lilim_2pair.txt"));
  EXPECT_EQ(instance.fleet_size, 2);
  ASSERT_EQ(instance.requests.size(), 2u);
  EXPECT_EQ(instance.requests[0].pickup, 1);
  EXPECT_EQ(instance.requests[0].delivery, 3);
  EXPECT_EQ(instance.requests[1].pickup, 4);
  EXPECT_EQ(instance.requests[1].delivery, 2);
  EXPECT_EQ(instance.request_of_node[2], 1);
  EXPECT_EQ(instance.nodes[2].demand, -6);
}

TEST(CheckerParsers, ErrorsNameFileAndLine) {
  try {
    parse_cordeau("1 1 10 1 10\n0 0 0 0 0 0 10\n1 x 0 0 1 0 10\n2 0 0 0 -1 0 10\n3 0 0 0 0 0 10\n",
                  "bad.txt");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(), "bad.txt:3: field 2 ('x') is not a number");
  }
  EXPECT_THROW(parse_cordeau("1 2 10 1 10\n0 0 0 0 0 0 10\n", "short.txt"), InputError);
  EXPECT_THROW(parse_cordeau("", "empty.txt"), InputError);
  EXPECT_THROW(parse_lilim("1 10 1\n0 0 0 0 0 9 0 0 0\n1 0 0 5 0 9 0 0 2\n2 0 0 -5 0 9 0 0 0\n",
                           "unpaired.txt"),
               InputError);
  EXPECT_THROW(parse_solomon("X\nVEHICLE\n", "cut.txt"), InputError);
  EXPECT_THROW(read_instance(Format::kCordeau, "/nonexistent/file.txt"), InputError);
}

// Every stored benchmark file parses with the expected node and request counts.
TEST(CheckerParsers, AllBenchmarkFiles) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(SENDPLAN_SHARED_DIR) / "benchmarks";
  if (!fs::exists(root)) GTEST_SKIP() << "no " << root;
  struct Set {
    const char* folder;
    Format format;
  };
  int files = 0;
  for (Set set : {Set{"darp_cordeau/a_instances", Format::kCordeau},
                  Set{"darp_cordeau/b_instances", Format::kCordeau},
                  Set{"vrptw_solomon/instances", Format::kSolomon},
                  Set{"pdptw_lilim/instances", Format::kLiLim}}) {
    for (const auto& entry : fs::directory_iterator(root / set.folder)) {
      if (entry.path().extension() != ".txt") continue;
      SCOPED_TRACE(entry.path().string());
      Instance instance = read_instance(set.format, entry.path().string());
      ++files;
      EXPECT_GT(instance.fleet_size, 0);
      EXPECT_GT(instance.capacity, 0);
      size_t stops = instance.nodes.size() - (set.format == Format::kCordeau ? 2 : 1);
      size_t per_request = set.format == Format::kSolomon ? 1 : 2;
      EXPECT_EQ(instance.requests.size() * per_request, stops);
    }
  }
  EXPECT_GE(files, 150);
}

}  // namespace
}  // namespace sendplan::check
