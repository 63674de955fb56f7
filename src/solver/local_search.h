// Relocate local search: take each served request out and put it back at its cheapest feasible
// position on any route (possibly where it was); repeat while some request moves for a gain.
//   before: route A  0 .. P_r .. D_r .. 0     route B  0 .. x y .. 0
//   after:  route A  0 ..  ..  ..  .. 0       route B  0 .. x P_r y D_r .. 0
// Never makes the solution worse (the old position is one of the candidates). Intensifies the
// large neighbourhood search on promising solutions. Tries the candidate routes
// (Solution::candidate_routes) or, granular, only those near the request (near_candidate_routes).
// Not thread-safe: one per search thread.
#pragma once

#include <vector>

#include "core/random.h"
#include "solver/nearest_requests.h"
#include "solver/solution.h"

namespace sendplan::solver {

// Fisher-Yates shuffle of `items` (the search's own random stream: runs stay reproducible).
void shuffle(std::vector<int>& items, Random& random);
// The requests on `routes`, each once, in random order.
void shuffled_requests_on(const Solution& solution, const std::vector<int>& routes, Random& random,
                          std::vector<int>& out);

class RelocateSearch {
 public:
  // `nearest` (may be null: every candidate route is tried) must outlive the search.
  explicit RelocateSearch(InsertionEvaluator& inserter, const NearestRequests* nearest = nullptr);
  // Improves `solution` in place; returns how many requests moved. At most `max_passes` sweeps,
  // each over the requests on `routes` (every served request when null), in random order.
  int improve(Solution& solution, Random& random, int max_passes = 4,
              const std::vector<int>* routes = nullptr);

 private:
  InsertionEvaluator* inserter_;
  RouteEvaluator* evaluator_;
  const NearestRequests* nearest_;
  std::vector<int> order_;
  std::vector<int> routes_;
};

}  // namespace sendplan::solver
