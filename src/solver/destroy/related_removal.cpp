// Related (Shaw) removal: start from a random served request; repeatedly take a removed request
// and remove the served request most related to it, with rank floor(y^6 * remaining) for a little
// randomness. Related = near in place and time (SearchModel::relatedness).
#include <algorithm>
#include <cmath>

#include "solver/destroy/removal.h"

namespace sendplan::solver {

void related_removal(Solution& solution, int count, DestroyContext& context) {
  collect_served(solution, context.served);
  std::vector<int> remaining = context.served;
  if (remaining.empty()) return;
  const SearchModel& model = context.evaluator.model();
  std::vector<int> removed;
  const size_t first = context.random.below(static_cast<uint32_t>(remaining.size()));
  removed.push_back(remaining[first]);
  remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(first));
  std::vector<std::pair<double, int>> ranked;
  while (static_cast<int>(removed.size()) < count && !remaining.empty()) {
    const int anchor = removed[context.random.below(static_cast<uint32_t>(removed.size()))];
    ranked.clear();
    for (int r : remaining) ranked.emplace_back(model.relatedness(anchor, r), r);
    const double y = context.random.unit();
    const size_t pick = static_cast<size_t>(std::pow(y, 6.0) * static_cast<double>(ranked.size()));
    // Only the element of that rank is needed: O(n) instead of sorting them all.
    std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(pick),
                     ranked.end());
    const int chosen = ranked[pick].second;
    removed.push_back(chosen);
    remaining.erase(std::find(remaining.begin(), remaining.end(), chosen));
  }
  for (int r : removed) solution.remove(r, context.evaluator);
}

}  // namespace sendplan::solver
