#include "solver/decomposition.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>

#include "solver/alns.h"

namespace sendplan::solver {

namespace {

// A route's place for cutting: an angle in [0, 2pi) around `centre`, or its mean service start.
double route_key(const Solution& solution, int v, const model::Point& centre, bool by_angle,
                 double offset) {
  const Route& route = solution.route(v);
  const auto& coordinates = solution.model().problem().coordinates();
  double x = 0, y = 0, time = 0;
  for (int p = 1; p <= route.size(); ++p) {
    if (by_angle) {
      x += coordinates[route.location[p]].x;
      y += coordinates[route.location[p]].y;
    }
    time += route.schedule.start[p];
  }
  const double n = std::max(1, route.size());
  if (!by_angle) return time / n;
  const double angle = std::atan2(y / n - centre.y, x / n - centre.x) - offset;
  const double two_pi = 2 * std::numbers::pi;
  return std::fmod(std::fmod(angle, two_pi) + two_pi, two_pi);
}

// The part as a problem of its own. Request and vehicle-type indices of the part are their order
// in `requests` and `vehicles`; locations are renumbered densely.
struct PartProblem {
  std::vector<int> requests;  // part request -> request of the whole
  model::Problem problem;
};

Result<PartProblem> part_problem(const Solution& solution, const std::vector<int>& vehicles) {
  const SearchModel& m = solution.model();
  const model::Problem& whole = m.problem();
  model::ProblemData data;
  data.name = whole.name() + " (part)";
  data.load_dimensions = whole.load_dimensions();
  std::vector<int> location_of(static_cast<size_t>(whole.location_count()), -1);
  std::vector<int> locations;
  auto place = [&](int l) {
    if (location_of[l] < 0) {
      location_of[l] = static_cast<int>(locations.size());
      locations.push_back(l);
    }
    return location_of[l];
  };
  std::vector<int> requests, part_of(static_cast<size_t>(whole.request_count()), -1);
  for (int v : vehicles) {
    model::VehicleType type = whole.vehicle_types()[m.vehicle(v).type];
    type.count = 1;
    type.start_location = place(type.start_location);
    type.end_location = place(type.end_location);
    data.vehicle_types.push_back(std::move(type));
    for (int s : solution.route(v).stops) {
      const int r = request_of(s);
      if (part_of[r] >= 0) continue;
      part_of[r] = static_cast<int>(requests.size());
      requests.push_back(r);
    }
  }
  for (int r : requests) {
    model::Request request = whole.request(r);
    if (request.has_pickup()) request.pickup.location = place(request.pickup.location);
    if (request.has_delivery()) request.delivery.location = place(request.delivery.location);
    if (!request.allowed_vehicle_types.empty()) {
      std::vector<int> allowed;
      for (size_t t = 0; t < vehicles.size(); ++t)
        if (whole.type_allowed(r, m.vehicle(vehicles[t]).type))
          allowed.push_back(static_cast<int>(t));
      request.allowed_vehicle_types = std::move(allowed);
    }
    data.requests.push_back(std::move(request));
  }
  for (const auto& [a, b] : whole.not_together())
    if (part_of[a] >= 0 && part_of[b] >= 0) data.not_together.emplace_back(part_of[a], part_of[b]);
  const size_t k = locations.size();
  data.distances.resize(k * k);
  data.travel_times.resize(k * k);
  for (size_t i = 0; i < k; ++i)
    for (size_t j = 0; j < k; ++j) {
      data.distances[i * k + j] = whole.distance(locations[i], locations[j]);
      data.travel_times[i * k + j] = whole.travel_time(locations[i], locations[j]);
    }
  if (!whole.coordinates().empty())
    for (int l : locations) data.coordinates.push_back(whole.coordinates()[l]);
  Result<model::Problem> problem = model::Problem::create(std::move(data));
  if (!problem) return problem.error();
  return PartProblem{std::move(requests), std::move(problem).value()};
}

}  // namespace

std::vector<std::vector<int>> split_routes(const Solution& solution, int parts, int turn) {
  const SearchModel& m = solution.model();
  const auto& coordinates = m.problem().coordinates();
  const bool by_angle = !coordinates.empty();
  model::Point centre;
  int stops = 0;
  if (by_angle) {
    for (int v : solution.used_routes())
      for (int p = 1; p <= solution.route(v).size(); ++p) {
        centre.x += coordinates[solution.route(v).location[p]].x;
        centre.y += coordinates[solution.route(v).location[p]].y;
        ++stops;
      }
    centre.x /= std::max(1, stops);
    centre.y /= std::max(1, stops);
  }
  std::vector<std::pair<double, int>> keyed;
  const double offset = turn * std::numbers::pi / std::max(1, parts);
  for (int v : solution.used_routes())
    keyed.emplace_back(route_key(solution, v, centre, by_angle, offset), v);
  std::sort(keyed.begin(), keyed.end());
  // Without angles, each turn starts the cutting at a different route.
  if (!by_angle && !keyed.empty())
    std::rotate(keyed.begin(),
                keyed.begin() + (turn * static_cast<int>(keyed.size()) / (2 * std::max(1, parts))) %
                                    static_cast<int>(keyed.size()),
                keyed.end());
  int total = 0;
  for (const auto& [key, v] : keyed) total += solution.route(v).size();
  std::vector<std::vector<int>> groups(static_cast<size_t>(std::max(1, parts)));
  int seen = 0;
  for (const auto& [key, v] : keyed) {
    // The group whose share of all stops this route's middle falls in.
    const int middle = seen + solution.route(v).size() / 2;
    const int g = std::min(parts - 1, middle * parts / std::max(1, total));
    groups[g].push_back(v);
    seen += solution.route(v).size();
  }
  return groups;
}

std::vector<std::vector<int>> improve_part(const Solution& solution,
                                           const std::vector<int>& vehicles,
                                           const SolverParameters& parameters, uint64_t seed,
                                           int64_t* iterations) {
  std::vector<std::vector<int>> stops;
  for (int v : vehicles) stops.push_back(solution.route(v).stops);
  if (vehicles.size() < 2) return stops;  // nothing to exchange between routes
  Result<PartProblem> part = part_problem(solution, vehicles);
  if (!part) return stops;
  const std::vector<int>& requests = part.value().requests;
  std::vector<int> part_of(static_cast<size_t>(solution.request_count()), -1);
  for (size_t i = 0; i < requests.size(); ++i) part_of[requests[i]] = static_cast<int>(i);

  const SearchModel model(part.value().problem);
  SolverParameters own = parameters;
  own.threads = 1;
  own.restarts = 0;
  Solution start(model, unserved_penalty(model, own));
  RouteEvaluator evaluator(model);
  for (size_t t = 0; t < vehicles.size(); ++t) {
    std::vector<int> mapped;
    for (int s : stops[t]) mapped.push_back(2 * part_of[request_of(s)] + (s & 1));
    if (!start.assign_route(static_cast<int>(t), mapped, evaluator)) return stops;
  }
  Alns search(model, own, seed);
  const Solution best = search.run(Alns::Clock::now(), {}, &start);
  if (iterations != nullptr) *iterations += search.statistics().iterations;
  if (!best.unassigned().empty() || best.cost() > start.cost()) return stops;
  for (size_t t = 0; t < vehicles.size(); ++t) {
    stops[t].clear();
    for (int s : best.route(static_cast<int>(t)).stops)
      stops[t].push_back(2 * requests[request_of(s)] + (s & 1));
  }
  return stops;
}

Solution merge_routes(const Solution& base, const std::vector<int>& vehicles,
                      const std::vector<std::vector<int>>& stops) {
  const SearchModel& m = base.model();
  std::vector<const std::vector<int>*> route_stops(base.routes().size(), nullptr);
  for (int v : base.used_routes()) route_stops[v] = &base.route(v).stops;
  for (size_t i = 0; i < vehicles.size(); ++i) route_stops[vehicles[i]] = &stops[i];
  Solution merged(m, base.unserved_penalty());
  RouteEvaluator evaluator(m);
  for (size_t v = 0; v < route_stops.size(); ++v) {
    if (route_stops[v] == nullptr || route_stops[v]->empty()) continue;
    const int to = merged.first_empty_vehicle_of_type(m.vehicle(static_cast<int>(v)).type);
    if (to < 0 || !merged.assign_route(to, *route_stops[v], evaluator)) return base;
  }
  if (merged.unassigned().size() != base.unassigned().size() || merged.cost() > base.cost() + 1e-9)
    return base;
  return merged;
}

}  // namespace sendplan::solver
