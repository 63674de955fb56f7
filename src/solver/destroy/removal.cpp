#include "solver/destroy/removal.h"

namespace sendplan::solver {

void collect_served(const Solution& solution, std::vector<int>& out) {
  out.clear();
  const int n = solution.request_count();
  for (int r = 0; r < n; ++r)
    if (solution.route_of(r) >= 0) out.push_back(r);
}

void destroy(DestroyKind kind, Solution& solution, int count, DestroyContext& context) {
  switch (kind) {
    case DestroyKind::kRandom:
      return random_removal(solution, count, context);
    case DestroyKind::kWorst:
      return worst_removal(solution, count, context);
    case DestroyKind::kRelated:
      return related_removal(solution, count, context);
    case DestroyKind::kRoute:
      return route_removal(solution, count, context);
    case DestroyKind::kSplit:
      return split_removal(solution, count, context);
  }
}

}  // namespace sendplan::solver
