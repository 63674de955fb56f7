// Route removal: empties one random non-empty route, then, if fewer than `count` requests were
// removed, tops up with random removal. Gives the search a way to use fewer vehicles.
#include <algorithm>

#include "solver/destroy/removal.h"

namespace sendplan::solver {

void route_removal(Solution& solution, int count, DestroyContext& context) {
  std::vector<int> used;
  for (const Route& route : solution.routes())
    if (!route.empty()) used.push_back(route.vehicle);
  if (used.empty()) return;
  const int v = used[context.random.below(static_cast<uint32_t>(used.size()))];
  std::vector<int> requests;
  for (int s : solution.route(v).stops)
    if (std::find(requests.begin(), requests.end(), request_of(s)) == requests.end())
      requests.push_back(request_of(s));
  for (int r : requests) solution.remove(r, context.evaluator);
  const int more = count - static_cast<int>(requests.size());
  if (more > 0) random_removal(solution, more, context);
}

}  // namespace sendplan::solver
