// Split removal: cut a random route with at least 4 stops at a random point and move its tail to
// an empty vehicle of the same type, then remove about half of `count` requests at random.
//   before: A  0 a b c d e f 0        (B empty)
//   after:  A  0 a b c 0    B  0 d e f 0   (pairs cut in two become unassigned)
// Falls back to random removal when no route is long enough or no vehicle is free.
#include "solver/destroy/removal.h"

namespace sendplan::solver {

void split_removal(Solution& solution, int count, DestroyContext& context) {
  const SearchModel& model = context.evaluator.model();
  std::vector<int> long_routes;
  for (const Route& route : solution.routes())
    if (route.size() >= 4 &&
        solution.first_empty_vehicle_of_type(model.vehicle(route.vehicle).type) >= 0)
      long_routes.push_back(route.vehicle);
  if (long_routes.empty()) return random_removal(solution, count, context);
  const int v = long_routes[context.random.below(static_cast<uint32_t>(long_routes.size()))];
  const int size = solution.route(v).size();
  const int cut = context.random.between(1, size - 1);
  const int target = solution.first_empty_vehicle_of_type(model.vehicle(v).type);
  solution.split(v, cut, target, context.evaluator);
  random_removal(solution, (count + 1) / 2, context);
}

}  // namespace sendplan::solver
