// Exchange local search: swap two requests between two routes, each going to its cheapest
// feasible position in the other route (ride times, windows and capacity checked exactly).
//   before: route A  0 .. P_r .. D_r .. 0     route B  0 .. P_s .. D_s .. 0
//   after:  route A  0 .. P_s .. D_s .. 0     route B  0 .. P_r .. D_r .. 0   (best positions)
// Relocate cannot make this move when both routes are full or tight: neither request fits until
// the other has left. Pairs are a request and the requests most related to it on other routes
// (NearestRequests), so one sweep costs O(requests × neighbours) insertions. A swap is made only
// when it lowers the cost. Not thread-safe: one per search thread.
#pragma once

#include <vector>

#include "core/random.h"
#include "solver/nearest_requests.h"
#include "solver/solution.h"

namespace sendplan::solver {

class ExchangeSearch {
 public:
  // `nearest` must outlive the search.
  ExchangeSearch(InsertionEvaluator& inserter, const NearestRequests& nearest);
  // Improves `solution` in place; returns how many swaps were made. At most `max_passes` sweeps
  // over the requests on `routes`, in random order.
  int improve(Solution& solution, Random& random, const std::vector<int>& routes,
              int max_passes = 2);

 private:
  // `route` without request r, refreshed (false when that is not feasible: non-metric travel).
  bool without(const Route& route, int r, Route& out);

  InsertionEvaluator* inserter_;
  RouteEvaluator* evaluator_;
  const NearestRequests* nearest_;
  std::vector<int> order_;
  Route without_r_, without_s_;
};

}  // namespace sendplan::solver
