// Every benchmark file in ../shared/benchmarks parses into a Problem with the expected shape.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "io/bks_csv.h"
#include "io/instance_readers.h"
#include "io/test_paths.h"

namespace sendplan::io {
namespace {

namespace fs = std::filesystem;
using test_support::benchmarks_dir;

std::vector<std::string> instance_files(const fs::path& dir) {
  std::vector<std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// "a2-16" -> {2, 16}.
std::pair<int, int> cordeau_size(const std::string& name) {
  const size_t dash = name.find('-');
  return {std::stoi(name.substr(1, dash - 1)), std::stoi(name.substr(dash + 1))};
}

// The a and b sets' files, a first.
std::vector<std::string> cordeau_files() {
  std::vector<std::string> files = instance_files(benchmarks_dir() / "darp_cordeau/a_instances");
  const std::vector<std::string> b = instance_files(benchmarks_dir() / "darp_cordeau/b_instances");
  files.insert(files.end(), b.begin(), b.end());
  return files;
}

TEST(RealInstances, AllCordeauFilesParse) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  const std::vector<std::string> files = cordeau_files();
  ASSERT_EQ(files.size(), 48u);
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    Result<model::Problem> result = read_instance(InstanceFormat::kCordeau, path);
    ASSERT_TRUE(result.ok()) << result.error().to_string();
    const model::Problem& p = result.value();
    const auto [m, n] = cordeau_size(p.name());
    const bool set_a = p.name()[0] == 'a';
    EXPECT_EQ(p.request_count(), n);
    EXPECT_EQ(p.location_count(), 2 * n + 2);
    ASSERT_EQ(p.vehicle_types().size(), 1u);
    const model::VehicleType& type = p.vehicle_types()[0];
    EXPECT_EQ(type.count, m);
    EXPECT_EQ(type.capacity.amount[0], set_a ? 3 : 6);
    EXPECT_EQ(type.start_location, 0);
    EXPECT_EQ(type.end_location, 2 * n + 1);
    EXPECT_EQ(type.shift_start, 0);
    EXPECT_EQ(type.shift_end, type.max_duration);  // depot window end = T in every file
    for (int r = 0; r < n; ++r) {
      const model::Request& req = p.request(r);
      EXPECT_EQ(req.name, std::to_string(r + 1));
      EXPECT_EQ(req.pickup.location, r + 1);
      EXPECT_EQ(req.delivery.location, n + r + 1);
      EXPECT_EQ(req.delivery.external_id, n + r + 1);
      EXPECT_EQ(req.max_ride_time, set_a ? 30 : 45);
      const int q = req.load.amount[0];
      if (set_a) {
        EXPECT_EQ(q, 1);
        EXPECT_EQ(req.pickup.service, 3);
      } else {
        EXPECT_TRUE(q >= 1 && q <= 6) << q;
        EXPECT_EQ(req.pickup.service, q);  // b set: d = q
      }
    }
  }
}

// Every a/b file rewritten in Cordeau & Laporte's 2003 dialect (header 2n, no end-depot line:
// the end depot is the start depot in these files) reads as the same instance.
TEST(RealInstances, EveryCordeauFileReadsTheSameInThe2003Dialect) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  const std::vector<std::string> files = cordeau_files();
  ASSERT_EQ(files.size(), 48u);
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
      if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
    std::istringstream header(lines.front());
    int m = 0, n = 0;
    std::string rest;
    header >> m >> n;
    std::getline(header, rest);
    std::string rewritten = std::to_string(m) + " " + std::to_string(2 * n) + rest + "\n";
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) rewritten += lines[i] + "\n";
    Result<model::Problem> now = read_instance(InstanceFormat::kCordeau, path);
    Result<model::Problem> old =
        parse_cordeau(rewritten, "pr-" + fs::path(path).filename().string());
    ASSERT_TRUE(now.ok() && old.ok()) << (old.ok() ? "" : old.error().to_string());
    ASSERT_EQ(old.value().request_count(), n);
    EXPECT_EQ(old.value().vehicle_types()[0].end_location, 0);
    EXPECT_EQ(old.value().vehicle_types()[0].shift_end, now.value().vehicle_types()[0].shift_end);
    for (int r = 0; r < n; ++r) {
      const model::Request& x = old.value().request(r);
      const model::Request& y = now.value().request(r);
      EXPECT_EQ(x.pickup.ready, y.pickup.ready);
      EXPECT_EQ(x.delivery.due, y.delivery.due);
      EXPECT_DOUBLE_EQ(old.value().distance(x.delivery.location, 0),
                       now.value().distance(y.delivery.location, 2 * n + 1));
    }
  }
}

TEST(RealInstances, CordeauA216Details) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  Result<model::Problem> result = read_instance(
      InstanceFormat::kCordeau, (benchmarks_dir() / "darp_cordeau/a_instances/a2-16.txt").string());
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  const model::Problem& p = result.value();
  EXPECT_EQ(p.name(), "a2-16");
  EXPECT_EQ(p.request_count(), 16);
  EXPECT_EQ(p.vehicle_types()[0].count, 2);
  EXPECT_EQ(p.vehicle_types()[0].capacity.amount[0], 3);
  EXPECT_EQ(p.vehicle_types()[0].max_duration, 480);
  EXPECT_EQ(p.vehicle_types()[0].shift_end, 480);
  EXPECT_EQ(p.request(0).max_ride_time, 30);
  EXPECT_DOUBLE_EQ(p.coordinates()[1].x, -1.198);
  EXPECT_DOUBLE_EQ(p.coordinates()[1].y, -5.164);
  EXPECT_EQ(p.request(0).pickup.ready, 0);
  EXPECT_EQ(p.request(0).pickup.due, 1440);
  EXPECT_EQ(p.request(0).delivery.external_id, 17);
  EXPECT_DOUBLE_EQ(p.coordinates()[17].x, 6.687);
  EXPECT_EQ(p.request(0).delivery.ready, 402);
  EXPECT_EQ(p.request(0).delivery.due, 417);
}

TEST(RealInstances, CordeauA896DepotToNode1Distance) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  Result<model::Problem> result = read_instance(
      InstanceFormat::kCordeau, (benchmarks_dir() / "darp_cordeau/a_instances/a8-96.txt").string());
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  EXPECT_NEAR(result.value().distance(0, 1), 10.518, 5e-4);
  EXPECT_EQ(result.value().request_count(), 96);
  EXPECT_EQ(result.value().vehicle_types()[0].count, 8);
}

TEST(RealInstances, AllSolomonFilesParse) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  const fs::path dir = benchmarks_dir() / "vrptw_solomon";
  const std::vector<std::string> files = instance_files(dir / "instances");
  ASSERT_EQ(files.size(), 56u);
  // BKS.csv records the fleet size and capacity of each file: cross-check them.
  Result<std::map<std::string, double>> fleet =
      read_bks_csv((dir / "BKS.csv").string(), "fleet_size_in_file");
  Result<std::map<std::string, double>> capacity =
      read_bks_csv((dir / "BKS.csv").string(), "capacity");
  ASSERT_TRUE(fleet.ok() && capacity.ok());
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    Result<model::Problem> result = read_instance(InstanceFormat::kSolomon, path);
    ASSERT_TRUE(result.ok()) << result.error().to_string();
    const model::Problem& p = result.value();
    EXPECT_EQ(p.request_count(), 100);
    EXPECT_EQ(p.location_count(), 101);
    const model::VehicleType& type = p.vehicle_types().at(0);
    ASSERT_TRUE(fleet.value().count(p.name())) << p.name();
    EXPECT_EQ(type.count, fleet.value().at(p.name()));
    EXPECT_EQ(type.capacity.amount[0], capacity.value().at(p.name()));
    EXPECT_EQ(type.start_location, 0);
    EXPECT_EQ(type.end_location, 0);
    for (const model::Request& r : p.requests()) {
      EXPECT_EQ(r.kind, model::RequestKind::kDelivery);
      EXPECT_GT(r.load.amount[0], 0);
      EXPECT_EQ(r.name, std::to_string(r.delivery.external_id));
    }
  }
}

TEST(RealInstances, SolomonC101Details) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  Result<model::Problem> result = read_instance(
      InstanceFormat::kSolomon, (benchmarks_dir() / "vrptw_solomon/instances/C101.txt").string());
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  const model::Problem& p = result.value();
  EXPECT_EQ(p.name(), "C101");
  EXPECT_EQ(p.vehicle_types()[0].count, 25);
  EXPECT_EQ(p.vehicle_types()[0].capacity.amount[0], 200);
  EXPECT_EQ(p.vehicle_types()[0].shift_start, 0);
  EXPECT_EQ(p.vehicle_types()[0].shift_end, 1236);
  const model::Request& first = p.request(0);
  EXPECT_EQ(first.name, "1");
  EXPECT_EQ(first.load.amount[0], 10);
  EXPECT_EQ(first.delivery.ready, 912);
  EXPECT_EQ(first.delivery.due, 967);
  EXPECT_EQ(first.delivery.service, 90);
  EXPECT_EQ(p.coordinates()[1].x, 45);
  EXPECT_EQ(p.coordinates()[1].y, 68);
  EXPECT_DOUBLE_EQ(p.distance(0, 1), std::hypot(5.0, 18.0));
}

TEST(RealInstances, AllLiLimFilesParse) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  const std::vector<std::string> files = instance_files(benchmarks_dir() / "pdptw_lilim/instances");
  ASSERT_EQ(files.size(), 56u);
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    Result<model::Problem> result = read_instance(InstanceFormat::kLiLim, path);
    ASSERT_TRUE(result.ok()) << result.error().to_string();
    const model::Problem& p = result.value();
    EXPECT_GE(p.request_count(), 50);
    EXPECT_EQ(p.location_count(), 2 * p.request_count() + 1);
    EXPECT_EQ(p.vehicle_types().at(0).count, 25);
    std::vector<int> seen(p.location_count(), 0);
    for (const model::Request& r : p.requests()) {
      EXPECT_EQ(r.kind, model::RequestKind::kPickupDelivery);
      EXPECT_GT(r.load.amount[0], 0);
      EXPECT_EQ(r.name, std::to_string(r.pickup.external_id));
      ++seen[r.pickup.location];
      ++seen[r.delivery.location];
    }
    // Every customer node is used by exactly one request.
    for (int node = 1; node < p.location_count(); ++node) EXPECT_EQ(seen[node], 1) << node;
  }
}

TEST(RealInstances, LiLimLc101Details) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  Result<model::Problem> result = read_instance(
      InstanceFormat::kLiLim, (benchmarks_dir() / "pdptw_lilim/instances/lc101.txt").string());
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  const model::Problem& p = result.value();
  EXPECT_EQ(p.name(), "lc101");
  EXPECT_EQ(p.request_count(), 53);
  EXPECT_EQ(p.vehicle_types()[0].capacity.amount[0], 200);
  EXPECT_EQ(p.vehicle_types()[0].shift_end, 1236);
  // The first pickup in file order is node 3, delivered at node 75.
  EXPECT_EQ(p.request(0).name, "3");
  EXPECT_EQ(p.request(0).delivery.external_id, 75);
  EXPECT_EQ(p.request(0).delivery.ready, 997);
  // Node 1 is a delivery (listed before its pickup 11).
  const auto it = std::find_if(p.requests().begin(), p.requests().end(),
                               [](const model::Request& r) { return r.delivery.location == 1; });
  ASSERT_NE(it, p.requests().end());
  EXPECT_EQ(it->name, "11");
  EXPECT_EQ(it->load.amount[0], 10);
}

}  // namespace
}  // namespace sendplan::io
