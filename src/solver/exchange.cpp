#include "solver/exchange.h"

#include "solver/local_search.h"

namespace sendplan::solver {

namespace {
constexpr double kGainEpsilon = 1e-7;
}

ExchangeSearch::ExchangeSearch(InsertionEvaluator& inserter, const NearestRequests& nearest)
    : inserter_(&inserter), evaluator_(&inserter.evaluator()), nearest_(&nearest) {}

bool ExchangeSearch::without(const Route& route, int r, Route& out) {
  out.vehicle = route.vehicle;
  out.stops.clear();
  for (int s : route.stops)
    if (request_of(s) != r) out.stops.push_back(s);
  return refresh(out, *evaluator_);
}

int ExchangeSearch::improve(Solution& solution, Random& random, const std::vector<int>& routes,
                            int max_passes) {
  int swaps = 0;
  for (int pass = 0; pass < max_passes; ++pass) {
    shuffled_requests_on(solution, routes, random, order_);

    bool improved = false;
    for (int r : order_) {
      const int a = solution.route_of(r);
      if (a < 0) continue;
      const Route& route_a = solution.route(a);
      if (route_a.size() <= 2 || !without(route_a, r, without_r_)) continue;
      const double a_saving = route_a.cost() - without_r_.cost();
      // The best swap of r with one of its nearest requests on another route.
      double best_gain = kGainEpsilon;
      int best_s = -1;
      Insertion best_r_in_b, best_s_in_a;
      for (int s : nearest_->of(r)) {
        const int b = solution.route_of(s);
        if (b < 0 || b == a) continue;
        const Route& route_b = solution.route(b);
        if (route_b.size() <= 2) continue;
        const Insertion s_in_a = inserter_->best(s, without_r_);
        if (!s_in_a.feasible() || !without(route_b, s, without_s_)) continue;
        const double b_saving = route_b.cost() - without_s_.cost();
        const Insertion r_in_b = inserter_->best(r, without_s_);
        if (!r_in_b.feasible()) continue;
        const double gain = a_saving + b_saving - s_in_a.cost - r_in_b.cost;
        if (gain > best_gain) {
          best_gain = gain;
          best_s = s;
          best_r_in_b = r_in_b;
          best_s_in_a = s_in_a;
        }
      }
      if (best_s < 0) continue;
      const int b = solution.route_of(best_s);
      // After the two removals the routes are exactly the ones the insertions were found on.
      solution.remove(r, *evaluator_);
      solution.remove(best_s, *evaluator_);
      solution.insert(r, b, best_r_in_b, *inserter_);
      solution.insert(best_s, a, best_s_in_a, *inserter_);
      improved = true;
      ++swaps;
    }
    if (!improved) break;
  }
  return swaps;
}

}  // namespace sendplan::solver
