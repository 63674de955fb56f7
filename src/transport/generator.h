// A generator of realistic synthetic boroughs for trying the planner: pupils.csv, schools.csv
// and fleet.csv texts in exactly the formats readers.h accepts. Everything is synthetic (pupil
// ids P0001..., made-up school names); every random choice comes from one sendplan::Random, so
// the same borough, pupil count and seed always give the same texts.
//
// What it models:
// - homes uniformly inside the borough's polygon (rejection sampling in its bounding box);
// - max(3, pupils/120) special schools plus max(2, pupils/150) mainstream schools with a
//   resourced provision; about 20 % of them just outside the borough (within about 5 km);
//   start times 08:30–09:30 in 15-minute steps, finishing 6h15–6h45 later;
// - pupils aged 4–19 (about 45 % primary), about 12 % wheelchair users, about 25 % needing a
//   passenger assistant (60 % of wheelchair users), about 3 % travelling alone, about 2 % in a
//   not_with pair (symmetric, same school), about 5 % with their own max_ride_minutes (30–60);
//   each pupil's school drawn with a distance-decay preference (nearer schools likelier);
// - a London fleet: taxi (4 seats, £65/day, £2.20/mile), wheelchair-accessible vehicle "wav"
//   (5 seats + 1 wheelchair, £95/day, £2.60/mile) and minibus (12 seats + 3 wheelchairs,
//   £210/day, £1.80/mile), generous counts, one depot inside the borough, assistants at the
//   policy's daily rate.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "transport/borough_boundaries.h"
#include "transport/inputs.h"

namespace sendplan::transport {

struct GeneratedBorough {
  std::string pupils_csv;
  std::string schools_csv;
  std::string fleet_csv;
  // Summary counts.
  int pupils = 0;
  int schools = 0;
  int wheelchair_users = 0;
  int vehicles = 0;  // available vehicles over all types
};

// `pupils` must be at least 1. `neighbours`, when given (e.g. every London borough), names the
// borough of each school placed outside `borough`; otherwise such schools are "Out of borough".
GeneratedBorough generate_borough(const BoroughBoundary& borough, int pupils, uint64_t seed,
                                  const Policy& policy,
                                  const std::vector<BoroughBoundary>* neighbours = nullptr);

}  // namespace sendplan::transport
