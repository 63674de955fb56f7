// NearestRequests: for each request, the `count` requests most related to it (nearest first, by
// SearchModel::relatedness: near in place and time). They define granular neighbourhoods (Toth &
// Vigo 2003) for local search on large instances: relocate and 2-opt* only try the routes that
// hold one of a request's nearest requests (and empty vehicles). Immutable once built.
#pragma once

#include <vector>

#include "solver/solution.h"

namespace sendplan::solver {

class NearestRequests {
 public:
  // O(n^2) relatedness evaluations and O(n * count) memory. `count` is clamped to n - 1.
  NearestRequests(const SearchModel& model, int count);

  int count() const { return count_; }
  // The requests most related to r, nearest first (ties by request id); r itself is not listed.
  const std::vector<int>& of(int r) const { return nearest_[r]; }

 private:
  int count_ = 0;
  std::vector<std::vector<int>> nearest_;
};

// The granular candidate routes of request r: the routes of its nearest requests, route `also`
// (when >= 0 and not empty), and per type the vehicle Solution::first_empty_vehicle_of_type
// offers. Written to `out` in ascending vehicle order, without repeats.
void near_candidate_routes(const Solution& solution, const NearestRequests& nearest, int r,
                           int also, std::vector<int>& out);

}  // namespace sendplan::solver
