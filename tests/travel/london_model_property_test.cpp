// Properties the solver relies on (it tightens time windows only for metric travel times):
// the London model's times and distances are symmetric, zero on the diagonal, and obey the
// triangle inequality, for every time of day and for other settings too.
#include <gtest/gtest.h>

#include "travel/london_model.h"
#include "travel/travel_test_support.h"

namespace sendplan::travel {
namespace {

// i → k is never longer than i → j → k (up to rounding).
void expect_metric(const std::vector<double>& values, int n, const char* what) {
  auto at = [&](int i, int j) { return values[static_cast<std::size_t>(i) * n + j]; };
  for (int i = 0; i < n; ++i) {
    ASSERT_EQ(at(i, i), 0) << what;
    for (int j = 0; j < n; ++j) {
      ASSERT_EQ(at(i, j), at(j, i)) << what << " " << i << " " << j;
      ASSERT_GE(at(i, j), 0) << what;
      for (int k = 0; k < n; ++k) {
        ASSERT_LE(at(i, k), at(i, j) + at(j, k) + 1e-9 * (1 + at(i, k)))
            << what << " " << i << " -> " << j << " -> " << k;
      }
    }
  }
}

std::vector<Place> places_with_twins(uint64_t seed) {
  std::vector<Place> places = testing::random_london_places(140, seed);
  // Siblings at one address, and a school next door to a home: zero and tiny legs.
  places.push_back({"twin-of-P0", places[0].location});
  places.push_back({"twin-of-P1", places[1].location});
  places.push_back(
      {"next-to-P2", {places[2].location.latitude + 1e-6, places[2].location.longitude}});
  return places;
}

TEST(LondonModelProperties, SymmetricAndTriangleInequalityAtEveryTimeOfDay) {
  const std::vector<Place> places = places_with_twins(3);
  const LondonModel model(LondonModelSettings{});
  for (TimeOfDay when : {TimeOfDay::kMorningPeak, TimeOfDay::kAfternoonPeak, TimeOfDay::kOffPeak}) {
    Result<TravelMatrix> matrix = model.matrix(places, when);
    ASSERT_TRUE(matrix.ok());
    expect_metric(matrix.value().metres, matrix.value().size, "metres");
    expect_metric(matrix.value().seconds, matrix.value().size, time_of_day_name(when));
  }
}

TEST(LondonModelProperties, TriangleInequalityHoldsForOtherSettings) {
  const std::vector<Place> places = places_with_twins(4);
  LondonModelSettings settings;
  settings.circuity = 1.0;
  settings.morning_mph = 4;
  settings.overhead_seconds = 600;  // a large overhead must not break it
  const LondonModel model(settings);
  Result<TravelMatrix> matrix = model.matrix(places, TimeOfDay::kMorningPeak);
  ASSERT_TRUE(matrix.ok());
  expect_metric(matrix.value().seconds, matrix.value().size, "seconds");
}

TEST(LondonModelProperties, TimeGrowsWithDistance) {
  const std::vector<Place> places = testing::random_london_places(60, 5);
  const LondonModel model(LondonModelSettings{});
  Result<TravelMatrix> matrix = model.matrix(places, TimeOfDay::kAfternoonPeak);
  ASSERT_TRUE(matrix.ok());
  const TravelMatrix& m = matrix.value();
  for (std::size_t a = 0; a < m.metres.size(); ++a) {
    for (std::size_t b = 0; b < m.metres.size(); b += 37) {
      if (m.metres[a] < m.metres[b]) {
        ASSERT_LE(m.seconds[a], m.seconds[b]);
      }
    }
  }
}

}  // namespace
}  // namespace sendplan::travel
