#include "solver/two_opt.h"

#include <algorithm>

namespace sendplan::solver {

namespace {
constexpr double kGainEpsilon = 1e-7;
}

TwoOptSearch::TwoOptSearch(RouteEvaluator& evaluator) : evaluator_(&evaluator) {}

// Reverse positions i..j (1-based stop positions) when the distance falls.
bool TwoOptSearch::try_reverse(Solution& solution, int v) {
  const SearchModel& m = evaluator_->model();
  const Route& route = solution.route(v);
  const int k = route.size();
  const std::vector<int>& loc = route.location;
  for (int i = 1; i < k; ++i) {
    for (int j = i + 1; j <= k; ++j) {
      const double delta = m.distance(loc[i - 1], loc[j]) + m.distance(loc[i], loc[j + 1]) -
                           m.distance(loc[i - 1], loc[i]) - m.distance(loc[j], loc[j + 1]);
      if (delta >= -kGainEpsilon) continue;
      first_ = route.stops;
      std::reverse(first_.begin() + (i - 1), first_.begin() + j);
      if (solution.replace_if_better(v, first_, -1, second_, *evaluator_, kGainEpsilon))
        return true;
    }
  }
  return false;
}

// Route a keeps positions 0..i and takes b's stops after j; b keeps 0..j and takes a's after i.
bool TwoOptSearch::try_swap_tails(Solution& solution, int a, int b) {
  const SearchModel& m = evaluator_->model();
  const Route& ra = solution.route(a);
  const Route& rb = solution.route(b);
  const int ka = ra.size(), kb = rb.size();
  const int end_a = ra.location[ka + 1], end_b = rb.location[kb + 1];
  for (int i = 0; i <= ka; ++i) {
    for (int j = 0; j <= kb; ++j) {
      if ((i == ka && j == kb) || (i == 0 && j == 0)) continue;  // nothing or everything swaps
      const int next_a = i < ka ? ra.location[i + 1] : end_a;
      const int next_b = j < kb ? rb.location[j + 1] : end_b;
      // Joins: a's head to b's tail (ending at a's depot), b's head to a's tail.
      const int last_of_b_tail = rb.location[kb];
      const int last_of_a_tail = ra.location[ka];
      double delta = 0;
      delta += (j < kb ? m.distance(ra.location[i], next_b) : m.distance(ra.location[i], end_a)) -
               m.distance(ra.location[i], next_a);
      delta += (i < ka ? m.distance(rb.location[j], next_a) : m.distance(rb.location[j], end_b)) -
               m.distance(rb.location[j], next_b);
      if (j < kb) delta += m.distance(last_of_b_tail, end_a) - m.distance(last_of_b_tail, end_b);
      if (i < ka) delta += m.distance(last_of_a_tail, end_b) - m.distance(last_of_a_tail, end_a);
      if (delta >= -kGainEpsilon) continue;
      first_.assign(ra.stops.begin(), ra.stops.begin() + i);
      first_.insert(first_.end(), rb.stops.begin() + j, rb.stops.end());
      second_.assign(rb.stops.begin(), rb.stops.begin() + j);
      second_.insert(second_.end(), ra.stops.begin() + i, ra.stops.end());
      if (solution.replace_if_better(a, first_, b, second_, *evaluator_, kGainEpsilon)) return true;
    }
  }
  return false;
}

int TwoOptSearch::improve_routes(Solution& solution, int max_moves) {
  int moves = 0;
  for (int v = 0; v < static_cast<int>(solution.routes().size()) && moves < max_moves; ++v) {
    while (moves < max_moves && solution.route(v).size() >= 3 && try_reverse(solution, v)) ++moves;
  }
  return moves;
}

int TwoOptSearch::improve_tails(Solution& solution, int max_moves) {
  int moves = 0;
  bool improved = true;
  while (improved && moves < max_moves) {
    improved = false;
    const int n = static_cast<int>(solution.routes().size());
    for (int a = 0; a < n && !improved; ++a) {
      if (solution.route(a).empty()) continue;
      for (int b = a + 1; b < n && !improved; ++b) {
        if (solution.route(b).empty()) continue;
        if (try_swap_tails(solution, a, b)) {
          improved = true;
          ++moves;
        }
      }
    }
  }
  return moves;
}

}  // namespace sendplan::solver
