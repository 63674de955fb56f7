// Helpers for the travel tests: random places in Greater London, from a seeded generator.
#pragma once

#include <string>
#include <vector>

#include "core/random.h"
#include "travel/travel_matrix.h"

namespace sendplan::travel::testing {

// `count` places spread uniformly over Greater London's bounding box (51.28–51.69 N,
// 0.51 W–0.33 E), with ids "P0", "P1", ...
inline std::vector<Place> random_london_places(int count, uint64_t seed) {
  Random random(seed);
  std::vector<Place> places;
  places.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const double latitude = 51.28 + 0.41 * random.unit();
    const double longitude = -0.51 + 0.84 * random.unit();
    places.push_back({"P" + std::to_string(i), {latitude, longitude}});
  }
  return places;
}

}  // namespace sendplan::travel::testing
