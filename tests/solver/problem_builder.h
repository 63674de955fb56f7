// Small hand-made and random problems for solver tests.
#pragma once

#include <vector>

#include "core/random.h"
#include "model/problem.h"

namespace sendplan::testing {

struct PointRequest {
  double px, py, dx, dy;  // pickup and delivery coordinates
  double pick_ready, pick_due, drop_ready, drop_due;
  double service = 1;
  int load = 1;
  double max_ride = model::kUnlimited;
};

// One vehicle type at the origin; Euclidean travel.
model::ProblemData paired_problem(const std::vector<PointRequest>& requests, int vehicles,
                                  int capacity, double shift_end, double max_duration);

// A random DARP-like instance with `n` requests on a 20x20 square, windows over [0, horizon].
model::ProblemData random_problem(Random& random, int n, double horizon, double max_ride);

}  // namespace sendplan::testing
