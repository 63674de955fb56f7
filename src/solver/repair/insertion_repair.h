// Repair operators: insert every unassigned request back, one at a time, each time choosing
//   greedy   — the request with the cheapest best insertion, or
//   regret-k — the request that would lose most if its best route were taken (sum over the k best
//              routes of the cost above the best; requests with fewer than k feasible routes
//              first).
// Optional noise perturbs insertion costs by up to ±noise·(largest distance) to diversify.
// Best insertions per (request, route) are cached; after an insertion only the changed route is
// re-evaluated. Only non-empty routes and one empty vehicle per type are tried (empty vehicles of
// a type are interchangeable), and no empty vehicle of a group whose fleet limit is reached:
// opening the last allowed vehicle of a group withdraws the other types' empty candidates (a
// repair only adds requests, so a group never frees up during one). Requests that fit nowhere
// stay unassigned.
#pragma once

#include <vector>

#include "core/random.h"
#include "solver/solution.h"

namespace sendplan::solver {

struct RepairKind {
  int regret = 1;      // 1 = greedy; k >= 2 = regret-k
  bool noise = false;  // perturb insertion costs
};

class InsertionRepair {
 public:
  explicit InsertionRepair(InsertionEvaluator& inserter);
  void repair(Solution& solution, RepairKind kind, Random& random, double noise_amount);

 private:
  void evaluate_route(const Solution& solution, int v);
  bool is_candidate_route(const Solution& solution, int v) const;
  // Withdraws every empty vehicle of the group's types from the candidates (its limit is reached).
  void close_fleet(const Solution& solution, int fleet);

  InsertionEvaluator* inserter_;
  const SearchModel* model_;
  std::vector<int> pending_;
  // cache_[i * vehicles + v]: best insertion of pending_[i] into route v.
  std::vector<Insertion> cache_;
  std::vector<double> noise_;  // same layout: the noise added to cache_ costs
  std::vector<char> candidate_route_;
};

}  // namespace sendplan::solver
