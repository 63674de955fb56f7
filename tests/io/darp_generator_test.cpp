// The DARP generator (Cordeau & Laporte's recipe): the same seed gives the same file, another
// seed another; the file reads back with the recipe's parameters; half the requests have a tight
// window on the drop-off and half on the pickup; every request can be served alone from the
// depot and back within the horizon and its ride limit; impossible recipes are refused.
#include "io/darp_generator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/instance_readers.h"

namespace sendplan::io {
namespace {

TEST(DarpGenerator, SameSeedSameFileAndItReadsBack) {
  DarpRecipe recipe;
  recipe.requests = 48;
  recipe.seed = 7;
  Result<std::string> a = generate_darp(recipe);
  Result<std::string> b = generate_darp(recipe);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value(), b.value());
  recipe.seed = 8;
  EXPECT_NE(generate_darp(recipe).value(), a.value());

  Result<model::Problem> problem = parse_cordeau(a.value(), "pr-48-7.txt");
  ASSERT_TRUE(problem.ok()) << problem.error().to_string();
  const model::Problem& p = problem.value();
  ASSERT_EQ(p.request_count(), 48);
  const model::VehicleType& type = p.vehicle_types()[0];
  EXPECT_EQ(type.count, 5);  // 48 / 12 + 1
  EXPECT_EQ(type.capacity.amount[0], 6);
  EXPECT_EQ(type.max_duration, 480);
  int tight_dropoffs = 0, tight_pickups = 0;
  for (int r = 0; r < p.request_count(); ++r) {
    const model::Request& req = p.request(r);
    EXPECT_EQ(req.max_ride_time, 90);
    EXPECT_EQ(req.load.amount[0], 1);
    EXPECT_EQ(req.pickup.service, 10);
    const bool outbound = r < 24;
    const model::StopSpec& tight = outbound ? req.delivery : req.pickup;
    const model::StopSpec& open = outbound ? req.pickup : req.delivery;
    EXPECT_NEAR(tight.due - tight.ready, 15, 1e-9) << r;
    EXPECT_EQ(open.ready, 0);
    EXPECT_EQ(open.due, 480);
    (outbound ? tight_dropoffs : tight_pickups)++;
    // Served alone: from the depot to the pickup, the ride, and back, within the windows.
    const double out = p.distance(0, req.pickup.location);
    const double ride = p.distance(req.pickup.location, req.delivery.location);
    const double back = p.distance(req.delivery.location, 2 * 48 + 1);
    EXPECT_LE(ride, req.max_ride_time);
    const double pickup_at = std::max(out, req.pickup.ready);
    double dropoff_at = pickup_at + 10 + ride;
    if (outbound) {
      EXPECT_LE(out + 10 + ride, req.delivery.due) << r;
      dropoff_at = std::max(dropoff_at, req.delivery.ready);
    } else {
      EXPECT_LE(out, req.pickup.due) << r;
    }
    EXPECT_LE(dropoff_at + 10 + back, 480) << r;
  }
  EXPECT_EQ(tight_dropoffs, 24);
  EXPECT_EQ(tight_pickups, 24);
}

// The instances kept in the repository are what the generator makes from their names.
TEST(DarpGenerator, TheKeptInstancesAreTheGeneratorsOwn) {
  const std::filesystem::path dir =
      std::filesystem::path(SENDPLAN_TEST_DATA_DIR) / "../../../bench/instances/darp_loose";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string name = entry.path().stem().string();  // cl-48-s1
    SCOPED_TRACE(name);
    DarpRecipe recipe;
    recipe.requests = std::stoi(name.substr(3, name.rfind('-') - 3));
    recipe.seed = std::stoull(name.substr(name.rfind('s') + 1));
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_EQ(generate_darp(recipe).value(), text.str());
    EXPECT_TRUE(parse_cordeau(text.str(), entry.path().string()).ok());
    ++files;
  }
  EXPECT_EQ(files, 12);
}

TEST(DarpGenerator, RefusesRecipesItCannotMake) {
  DarpRecipe recipe;
  recipe.requests = 1;
  EXPECT_FALSE(generate_darp(recipe).ok());
  recipe = {};
  recipe.max_ride = 20;  // shorter than a ride across the square
  Result<std::string> refused = generate_darp(recipe);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("ride limit"), std::string::npos);
  recipe = {};
  recipe.capacity = 0;
  EXPECT_FALSE(generate_darp(recipe).ok());
}

}  // namespace
}  // namespace sendplan::io
