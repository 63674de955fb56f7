// The London model: pinned against hand-computed reference journeys, its settings and checks,
// the time-of-day periods, and agreement with geo::haversine_metres.
#include "travel/london_model.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>

#include "travel/travel_test_support.h"

namespace sendplan::travel {
namespace {

LondonModel default_model() {
  return LondonModel(LondonModelSettings{});
}

TravelMatrix matrix_of(const TravelSource& source, const std::vector<Place>& places,
                       TimeOfDay when) {
  Result<TravelMatrix> matrix = source.matrix(places, when);
  EXPECT_TRUE(matrix.ok()) << matrix.error().to_string();
  return matrix.ok() ? std::move(matrix).value() : TravelMatrix{};
}

// Reference journey 1: two points 0.045° apart on the meridian 0.1° W, Kennington to Highbury.
//   great circle = 6,371,008.8 m × 0.045 × π / 180 = 5,003.78 m
//   road         = 5,003.78 × 1.35 = 6,755.10 m
//   speeds       = mph × 1,609.344 / 3,600: 11 mph = 4.91744 m/s, 12 = 5.36448, 16 = 7.15264
//   morning      = 6,755.10 / 4.91744 + 60 = 1,373.70 + 60 = 1,433.70 s (23.9 minutes)
//   afternoon    = 6,755.10 / 5.36448 + 60 = 1,259.23 + 60 = 1,319.23 s
//   off-peak     = 6,755.10 / 7.15264 + 60 =   944.42 + 60 = 1,004.42 s
TEST(LondonModelCalibration, FiveKilometresNorthAlongAMeridian) {
  const std::vector<Place> places = {{"kennington", {51.5000, -0.1000}},
                                     {"highbury", {51.5450, -0.1000}}};
  const LondonModel model = default_model();
  const TravelMatrix am = matrix_of(model, places, TimeOfDay::kMorningPeak);
  EXPECT_NEAR(am.metres_between(0, 1), 6755.10, 0.01);
  EXPECT_NEAR(am.seconds_between(0, 1), 1433.70, 0.01);
  EXPECT_NEAR(am.seconds_between(0, 1) / 60, 23.9, 0.05);
  EXPECT_NEAR(matrix_of(model, places, TimeOfDay::kAfternoonPeak).seconds_between(0, 1), 1319.23,
              0.01);
  EXPECT_NEAR(matrix_of(model, places, TimeOfDay::kOffPeak).seconds_between(0, 1), 1004.42, 0.01);
}

// Reference journey 2: 0.072° east along the parallel 51.5° N (Kennington to Bermondsey/
// Rotherhithe). For so short a hop the great circle equals the parallel's arc to 0.2 mm:
//   great circle = 6,371,008.8 × cos 51.5° × 0.072 × π / 180
//                = 6,371,008.8 × 0.622515 × 0.00125664 = 4,983.88 m
//   road         = 4,983.88 × 1.35 = 6,728.24 m
//   morning      = 6,728.24 / 4.91744 + 60 = 1,368.24 + 60 = 1,428.24 s (23.8 minutes)
TEST(LondonModelCalibration, FiveKilometresEastAlongAParallel) {
  const std::vector<Place> places = {{"a", {51.5, -0.100}}, {"b", {51.5, -0.028}}};
  const TravelMatrix am = matrix_of(default_model(), places, TimeOfDay::kMorningPeak);
  EXPECT_NEAR(am.metres_between(0, 1), 6728.24, 0.01);
  EXPECT_NEAR(am.seconds_between(0, 1), 1428.24, 0.01);
}

// Reference journey 3: Trafalgar Square (51.50809, -0.12804) to King's Cross station
// (51.53088, -0.12344). One degree of latitude is 6,371,008.8 × π / 180 = 111,195.08 m:
//   north = 0.02279 × 111,195.08                       = 2,534.14 m
//   east  = 0.00460 × 111,195.08 × cos 51.5195° (0.62223) =   318.27 m
//   great circle ≈ √(2,534.14² + 318.27²) = 2,554.05 m; road = × 1.35 = 3,447.96 m
//   morning = 3,447.96 / 4.91744 + 60 = 701.17 + 60 = 761.17 s (12.7 minutes)
TEST(LondonModelCalibration, TrafalgarSquareToKingsCross) {
  const std::vector<Place> places = {{"trafalgar-square", {51.50809, -0.12804}},
                                     {"kings-cross", {51.53088, -0.12344}}};
  const TravelMatrix am = matrix_of(default_model(), places, TimeOfDay::kMorningPeak);
  EXPECT_NEAR(am.metres_between(0, 1), 3447.96, 0.05);
  EXPECT_NEAR(am.seconds_between(0, 1), 761.17, 0.05);
  EXPECT_NEAR(am.seconds_between(1, 0), am.seconds_between(0, 1), 1e-9);
}

// With circuity 1.2, 10/20/30 mph and no overhead, journey 1 is 5,003.78 × 1.2 = 6,004.53 m,
// and 6,004.53 / (10 × 0.44704) = 1,343.18 s in the morning peak.
TEST(LondonModel, UsesTheGivenSettings) {
  LondonModelSettings settings;
  settings.circuity = 1.2;
  settings.morning_mph = 10;
  settings.afternoon_mph = 20;
  settings.off_peak_mph = 30;
  settings.overhead_seconds = 0;
  const LondonModel model(settings);
  const std::vector<Place> places = {{"a", {51.5, -0.1}}, {"b", {51.545, -0.1}}};
  const TravelMatrix am = matrix_of(model, places, TimeOfDay::kMorningPeak);
  EXPECT_NEAR(am.metres_between(0, 1), 6004.53, 0.01);
  EXPECT_NEAR(am.seconds_between(0, 1), 1343.18, 0.01);
  EXPECT_NEAR(matrix_of(model, places, TimeOfDay::kAfternoonPeak).seconds_between(0, 1),
              1343.18 / 2, 0.01);
  EXPECT_NEAR(matrix_of(model, places, TimeOfDay::kOffPeak).seconds_between(0, 1), 1343.18 / 3,
              0.01);
}

TEST(LondonModel, SamePositionTakesNoTimeAndOtherwiseTheOverheadIsAdded) {
  const std::vector<Place> places = {
      {"home", {51.5, -0.1}}, {"twin", {51.5, -0.1}}, {"near", {51.5, -0.09999}}};
  const LondonModel model = default_model();
  const TravelMatrix matrix = matrix_of(model, places, TimeOfDay::kMorningPeak);
  EXPECT_EQ(matrix.size, 3);
  EXPECT_EQ(matrix.metres_between(0, 0), 0);
  EXPECT_EQ(matrix.seconds_between(0, 0), 0);
  EXPECT_EQ(matrix.metres_between(0, 1), 0);
  EXPECT_EQ(matrix.seconds_between(0, 1), 0);
  EXPECT_GT(matrix.metres_between(0, 2), 0.9);  // 0.69 m × 1.35
  EXPECT_GT(matrix.seconds_between(0, 2), 60);
  EXPECT_LT(matrix.seconds_between(0, 2), 61);
  EXPECT_EQ(model.seconds_for(0, TimeOfDay::kOffPeak), 0);
}

TEST(LondonModel, AgreesWithTheHaversineDistanceEverywhere) {
  const std::vector<Place> places = testing::random_london_places(120, 7);
  const LondonModel model = default_model();
  const TravelMatrix matrix = matrix_of(model, places, TimeOfDay::kOffPeak);
  for (int i = 0; i < matrix.size; ++i) {
    for (int j = 0; j < matrix.size; ++j) {
      const double expected = geo::haversine_metres(places[i].location, places[j].location) * 1.35;
      ASSERT_NEAR(matrix.metres_between(i, j), expected, 1e-6 + 1e-9 * expected) << i << " " << j;
      ASSERT_NEAR(matrix.seconds_between(i, j), model.seconds_for(expected, TimeOfDay::kOffPeak),
                  1e-6);
      ASSERT_NEAR(model.road_metres(places[i].location, places[j].location), expected, 1e-9);
    }
  }
}

TEST(LondonModel, EmptyAndSinglePlaceMatrices) {
  const LondonModel model = default_model();
  EXPECT_EQ(matrix_of(model, {}, TimeOfDay::kOffPeak).size, 0);
  const TravelMatrix one = matrix_of(model, {{"only", {51.5, 0}}}, TimeOfDay::kOffPeak);
  ASSERT_EQ(one.size, 1);
  EXPECT_EQ(one.seconds_between(0, 0), 0);
  EXPECT_EQ(one.fallback_pairs, 0);
  EXPECT_TRUE(one.notes.empty());
}

TEST(LondonModel, RejectsAPlaceThatIsNotOnEarth) {
  const LondonModel model = default_model();
  Result<TravelMatrix> matrix =
      model.matrix({{"ok", {51.5, 0}}, {"P7", {95, 0}}}, TimeOfDay::kOffPeak);
  ASSERT_FALSE(matrix.ok());
  EXPECT_EQ(matrix.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(matrix.error().message, "place 'P7': latitude 95 is not within -90..90");
  matrix = model.matrix({{"P8", {51.5, std::nan("")}}}, TimeOfDay::kOffPeak);
  ASSERT_FALSE(matrix.ok());
  EXPECT_NE(matrix.error().message.find("'P8': longitude nan"), std::string::npos);
}

TEST(LondonModelSettings, DefaultsAreValidAndDescribed) {
  Result<std::unique_ptr<TravelSource>> model = make_london_model();
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model.value()->description(),
            "London model (circuity 1.35, AM 11 mph, PM 12 mph, off-peak 16 mph, 60 s a journey)");
}

TEST(LondonModelSettings, RejectsValuesOutOfRange) {
  auto error_of = [](LondonModelSettings settings) {
    Result<std::unique_ptr<TravelSource>> model = make_london_model(settings);
    EXPECT_FALSE(model.ok());
    if (model.ok()) return std::string();
    EXPECT_EQ(model.error().code, ErrorCode::kInvalidArgument);
    return model.error().message;
  };
  LondonModelSettings settings;
  settings.circuity = 0.9;
  EXPECT_EQ(error_of(settings), "London model: the circuity is 0.9, but it must be at least 1");
  settings = {};
  settings.morning_mph = 0;
  EXPECT_EQ(error_of(settings),
            "London model: the morning speed (mph) is 0, but it must be more than 0");
  settings = {};
  settings.off_peak_mph = std::nan("");
  EXPECT_NE(error_of(settings).find("off-peak speed"), std::string::npos);
  settings = {};
  settings.afternoon_mph = -3;
  EXPECT_NE(error_of(settings).find("afternoon speed"), std::string::npos);
  settings = {};
  settings.overhead_seconds = -1;
  EXPECT_NE(error_of(settings).find("overhead"), std::string::npos);
}

TEST(TimeOfDay, SchoolRunPeriods) {
  EXPECT_EQ(time_of_day_at(6 * 60 + 59), TimeOfDay::kOffPeak);
  EXPECT_EQ(time_of_day_at(7 * 60), TimeOfDay::kMorningPeak);
  EXPECT_EQ(time_of_day_at(9 * 60 + 29.9), TimeOfDay::kMorningPeak);
  EXPECT_EQ(time_of_day_at(9 * 60 + 30), TimeOfDay::kOffPeak);
  EXPECT_EQ(time_of_day_at(14 * 60 + 29), TimeOfDay::kOffPeak);
  EXPECT_EQ(time_of_day_at(14 * 60 + 30), TimeOfDay::kAfternoonPeak);
  EXPECT_EQ(time_of_day_at(16 * 60 + 59), TimeOfDay::kAfternoonPeak);
  EXPECT_EQ(time_of_day_at(17 * 60), TimeOfDay::kOffPeak);
  EXPECT_STREQ(time_of_day_name(TimeOfDay::kMorningPeak), "morning peak");
  EXPECT_STREQ(time_of_day_name(TimeOfDay::kAfternoonPeak), "afternoon peak");
  EXPECT_STREQ(time_of_day_name(TimeOfDay::kOffPeak), "off-peak");
}

// A borough-sized problem: 3,200 places (about 3,000 pupils, their schools and depots). Not
// timed as a pass/fail check (no test here is); the time is printed for docs/benchmarks.md.
TEST(LondonModel, BuildsA3200PlaceMatrix) {
  const std::vector<Place> places = testing::random_london_places(3200, 11);
  const LondonModel model = default_model();
  int progress_calls = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  Result<TravelMatrix> matrix =
      model.matrix(places, TimeOfDay::kMorningPeak, [&](int done, int total) {
        ++progress_calls;
        EXPECT_EQ(done, total);
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  ASSERT_TRUE(matrix.ok());
  std::cout << "3,200-place London matrix built in " << seconds << " s (" << cpu_seconds
            << " s of CPU)\n";
  RecordProperty("seconds", std::to_string(seconds));
  EXPECT_EQ(progress_calls, 1);
  ASSERT_EQ(matrix.value().size, 3200);
  for (int i : {0, 17, 1999, 3199}) {
    for (int j : {5, 800, 3198}) {
      EXPECT_NEAR(matrix.value().metres_between(i, j),
                  model.road_metres(places[i].location, places[j].location), 1e-6);
    }
  }
}

}  // namespace
}  // namespace sendplan::travel
