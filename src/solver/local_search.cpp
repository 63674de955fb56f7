#include "solver/local_search.h"

#include <utility>

namespace sendplan::solver {

namespace {
constexpr double kGainEpsilon = 1e-7;
}

RelocateSearch::RelocateSearch(InsertionEvaluator& inserter)
    : inserter_(&inserter), evaluator_(&inserter.evaluator()) {}

int RelocateSearch::improve(Solution& solution, Random& random, int max_passes) {
  const SearchModel& model = inserter_->model();
  int moved = 0;
  for (int pass = 0; pass < max_passes; ++pass) {
    order_.clear();
    for (int r = 0; r < solution.request_count(); ++r)
      if (solution.route_of(r) >= 0) order_.push_back(r);
    for (size_t i = order_.size(); i > 1; --i)
      std::swap(order_[i - 1], order_[random.below(static_cast<uint32_t>(i))]);
    bool improved = false;
    for (int r : order_) {
      const double before = solution.routes_cost();
      solution.remove(r, *evaluator_);
      if (solution.route_of(r) >= 0) continue;  // removal emptied a route: not this move
      const double saving = before - solution.routes_cost();
      Insertion best;
      int best_route = -1;
      for (int v = 0; v < model.vehicle_count(); ++v) {
        const Route& route = solution.route(v);
        if (route.empty() && solution.first_empty_vehicle_of_type(model.vehicle(v).type) != v)
          continue;
        const Insertion insertion = inserter_->best(r, route);
        if (insertion.feasible() && insertion.cost < best.cost) {
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
