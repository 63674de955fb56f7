#include "solver/local_search.h"

#include <algorithm>
#include <utility>

namespace sendplan::solver {

namespace {
constexpr double kGainEpsilon = 1e-7;
}

void shuffle(std::vector<int>& items, Random& random) {
  for (size_t i = items.size(); i > 1; --i)
    std::swap(items[i - 1], items[random.below(static_cast<uint32_t>(i))]);
}

void shuffled_requests_on(const Solution& solution, const std::vector<int>& routes, Random& random,
                          std::vector<int>& out) {
  out.clear();
  for (int v : routes)
    for (int s : solution.route(v).stops) out.push_back(request_of(s));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  shuffle(out, random);
}

RelocateSearch::RelocateSearch(InsertionEvaluator& inserter, const NearestRequests* nearest)
    : inserter_(&inserter), evaluator_(&inserter.evaluator()), nearest_(nearest) {}

int RelocateSearch::improve(Solution& solution, Random& random, int max_passes,
                            const std::vector<int>* routes) {
  int moved = 0;
  for (int pass = 0; pass < max_passes; ++pass) {
    order_.clear();
    if (routes == nullptr) {
      for (int r = 0; r < solution.request_count(); ++r)
        if (solution.route_of(r) >= 0) order_.push_back(r);
      shuffle(order_, random);
    } else {
      shuffled_requests_on(solution, *routes, random, order_);
    }
    bool improved = false;
    for (int r : order_) {
      const double before = solution.routes_cost();
      const int from = solution.route_of(r);
      solution.remove(r, *evaluator_);
      if (solution.route_of(r) >= 0) continue;  // removal emptied a route: not this move
      const double saving = before - solution.routes_cost();
      Insertion best;
      int best_route = -1;
      if (nearest_ != nullptr)
        near_candidate_routes(solution, *nearest_, r, from, routes_);
      else
        solution.candidate_routes(routes_);
      for (int v : routes_) {
        const Insertion insertion = inserter_->best(r, solution.route(v), best.cost);
        if (insertion.feasible()) {
          best = insertion;
          best_route = v;
        }
      }
      if (best_route < 0) continue;  // cannot happen when travel obeys the triangle inequality
      solution.insert(r, best_route, best, *inserter_);
      if (best.cost < saving - kGainEpsilon) {
        improved = true;
        ++moved;
      }
    }
    if (!improved) break;
  }
  return moved;
}

}  // namespace sendplan::solver
