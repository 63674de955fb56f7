#include "solver/route.h"

#include <algorithm>

namespace sendplan::solver {

bool refresh(Route& route, RouteEvaluator& evaluator) {
  const SearchModel& m = evaluator.model();
  const VehicleData& v = m.vehicle(route.vehicle);
  const bool feasible =
      evaluator.evaluate(route.vehicle, route.stops.data(), route.size(), route.schedule);
  const int k = route.size();
  const int last = k + 1;

  route.location.resize(static_cast<size_t>(last) + 1);
  route.location[0] = v.start_location;
  for (int i = 0; i < k; ++i) route.location[i + 1] = m.stop(route.stops[i]).location;
  route.location[last] = v.end_location;

  route.latest.resize(route.location.size());
  route.latest[last] = v.shift_end;
  for (int p = k; p >= 0; --p) {
    const double service = p == 0 ? 0.0 : m.stop(route.stops[p - 1]).service;
    const double due = p == 0 ? v.shift_end : m.stop(route.stops[p - 1]).due;
    route.latest[p] = std::min(due, route.latest[p + 1] - service -
                                        m.travel_time(route.location[p], route.location[p + 1]));
  }

  route.load_after.resize(static_cast<size_t>(k) + 1);
  model::Load load;
  for (int s : route.stops) {
    const int r = request_of(s);
    if (m.kind(r) == model::RequestKind::kDelivery) load += m.request(r).load;
  }
  route.load_after[0] = load;
  for (int i = 0; i < k; ++i) {
    load += m.stop(route.stops[i]).delta;
    route.load_after[i + 1] = load;
  }
  route.max_load_up_to.resize(route.load_after.size());
  route.max_load_from.resize(route.load_after.size());
  route.max_load_up_to[0] = route.load_after[0];
  for (int p = 1; p <= k; ++p)
    route.max_load_up_to[p] = model::Load::max(route.max_load_up_to[p - 1], route.load_after[p]);
  route.max_load_from[k] = route.load_after[k];
  for (int p = k - 1; p >= 0; --p)
    route.max_load_from[p] = model::Load::max(route.max_load_from[p + 1], route.load_after[p]);
  return feasible;
}

}  // namespace sendplan::solver
