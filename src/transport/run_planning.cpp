#include "transport/run_planning.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <thread>
#include <unordered_map>

#include "solver/route_evaluator.h"
#include "solver/search_model.h"
#include "solver/solve.h"
#include "solver/warm_start.h"
#include "travel/london_model.h"

namespace sendplan::transport::detail {

namespace {

// The engine's penalty for leaving a child unserved must outweigh any vehicle it could open:
// ten times the dearest vehicle-day (with an assistant, 50 miles and 4 hours).
double unserved_penalty_factor(const TransportInputs& inputs, const travel::TravelMatrix& matrix,
                               double at_least) {
  double dearest = 0;
  for (const VehicleType& v : inputs.fleet)
    dearest = std::max(
        dearest, static_cast<double>(v.fixed_cost_per_day_pence + v.assistant_cost_per_day_pence +
                                     50 * v.cost_per_mile_pence + 4 * v.cost_per_hour_pence));
  double longest = 0;
  for (double metres : matrix.metres) longest = std::max(longest, metres);
  const double longest_miles = std::max(0.1, longest / travel::kMetresPerMile);
  return std::max(at_least, 10 * dearest / longest_miles);
}

std::vector<TimedRoute> timed_routes(const RunProblem& run, const model::Plan& plan) {
  std::vector<TimedRoute> routes;
  for (const model::PlannedRoute& planned : plan.routes) {
    TimedRoute route;
    route.run = run.run;
    const VehicleVariant& variant = run.variants[planned.vehicle_type];
    route.fleet_index = variant.fleet_index;
    route.with_assistant = variant.with_assistant;
    route.depart = planned.start_time;
    route.return_time = planned.end_time;
    route.miles = planned.distance;
    for (const model::PlannedStop& stop : planned.stops)
      route.stops.push_back(
          {run.request_pupil[stop.request], stop.is_pickup, stop.arrival, stop.start});
    routes.push_back(std::move(route));
  }
  return routes;
}

// The part of the day a run plans: the chosen children, every school and depot, and each fleet
// type's vehicles less those fixed routes use; with the matrix over its places.
struct Subset {
  TransportInputs inputs;
  travel::TravelMatrix matrix;
  std::vector<int> pupil;  // subset pupil -> full pupil
  std::optional<TimeAnchors> anchors;
};

Subset subset(const TransportInputs& inputs, const travel::TravelMatrix& matrix,
              const RunScope& scope) {
  Subset out;
  if (scope.everyone) {
    out.pupil.resize(inputs.pupils.size());
    for (size_t p = 0; p < inputs.pupils.size(); ++p) out.pupil[p] = static_cast<int>(p);
  } else {
    out.pupil = scope.only;
  }
  out.inputs.schools = inputs.schools;
  out.inputs.fleet = inputs.fleet;
  for (size_t f = 0; f < out.inputs.fleet.size() && f < scope.vehicles_taken.size(); ++f)
    out.inputs.fleet[f].available =
        std::max(0, out.inputs.fleet[f].available - scope.vehicles_taken[f]);
  for (int p : out.pupil) out.inputs.pupils.push_back(inputs.pupils[p]);
  if (scope.anchors != nullptr) {
    TimeAnchors anchors;
    anchors.max_shift = scope.anchors->max_shift;
    for (int p : out.pupil) {
      anchors.pickup.push_back(scope.anchors->pickup[p]);
      anchors.dropoff.push_back(scope.anchors->dropoff[p]);
    }
    out.anchors = std::move(anchors);
  }
  // Places: the chosen homes, then every school and depot as in the full day.
  const int homes = static_cast<int>(inputs.pupils.size());
  std::vector<int> place(out.pupil.begin(), out.pupil.end());
  for (int q = homes; q < matrix.size; ++q) place.push_back(q);
  const int n = static_cast<int>(place.size());
  if (scope.everyone) {
    out.matrix = matrix;
    return out;
  }
  out.matrix.size = n;
  out.matrix.metres.resize(static_cast<size_t>(n) * n);
  out.matrix.seconds.resize(static_cast<size_t>(n) * n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      out.matrix.metres[out.matrix.index(i, j)] = matrix.metres_between(place[i], place[j]);
      out.matrix.seconds[out.matrix.index(i, j)] = matrix.seconds_between(place[i], place[j]);
    }
  return out;
}

// The engine vehicle type of a fleet type with or without an assistant; -1 when absent.
int engine_type_of(const RunProblem& run, int fleet_index, bool assistant) {
  for (size_t t = 0; t < run.variants.size(); ++t)
    if (run.variants[t].fleet_index == fleet_index && run.variants[t].with_assistant == assistant)
      return static_cast<int>(t);
  return -1;
}

bool needs_assistant(const TransportInputs& inputs, const CurrentRoute& route) {
  for (const auto& [pupil, pickup] : route.stops)
    if (inputs.pupils[pupil].needs_passenger_assistant) return true;
  return false;
}

}  // namespace

Result<RunOutcome> plan_run(const TransportInputs& inputs, Run run,
                            const travel::TravelMatrix& matrix, const PlannerSettings& settings,
                            const RunScope& scope, const solver::ProgressCallback& progress) {
  RunOutcome outcome;
  Subset part = subset(inputs, matrix, scope);
  if (part.inputs.pupils.empty()) return outcome;
  Result<RunProblem> built =
      build_run_problem(part.inputs, run, part.matrix, settings.policy, settings.run,
                        part.anchors ? &*part.anchors : nullptr);
  if (!built) return built.error();
  const RunProblem& problem = built.value();
  solver::SolverParameters parameters = settings.solver;
  parameters.unserved_penalty_factor =
      unserved_penalty_factor(part.inputs, part.matrix, parameters.unserved_penalty_factor);

  model::Plan plan;
  std::vector<int> start_of_request(part.inputs.pupils.size(), -1);  // request -> start route
  if (scope.start.empty()) {
    plan = solver::solve(problem.problem, parameters, progress);
  } else {
    std::unordered_map<int, int> request_of_pupil;  // full pupil -> subset request
    for (size_t r = 0; r < problem.request_pupil.size(); ++r)
      request_of_pupil.emplace(part.pupil[problem.request_pupil[r]], static_cast<int>(r));
    solver::StartSolution start;
    for (size_t k = 0; k < scope.start.size(); ++k) {
      const CurrentRoute& route = scope.start[k];
      solver::StartRoute engine_route;
      engine_route.vehicle_type =
          engine_type_of(problem, route.fleet_index, needs_assistant(inputs, route));
      if (engine_route.vehicle_type < 0)
        return make_error(ErrorCode::kInternal,
                          fmt::format("route {}: no engine vehicle type", route.route_id));
      for (const auto& [pupil, pickup] : route.stops) {
        const auto found = request_of_pupil.find(pupil);
        if (found == request_of_pupil.end())
          return make_error(ErrorCode::kInternal,
                            fmt::format("route {}: pupil {} is not planned on this run",
                                        route.route_id, inputs.pupils[pupil].id));
        engine_route.stops.push_back({found->second, pickup});
        start_of_request[found->second] = static_cast<int>(k);
      }
      start.routes.push_back(std::move(engine_route));
    }
    Result<model::Plan> from =
        scope.insert_only ? solver::insert_into(problem.problem, parameters, start)
                          : solver::solve_from(problem.problem, parameters, start, progress);
    if (!from) return from.error();
    plan = std::move(from).value();
  }

  for (TimedRoute& route : timed_routes(problem, plan)) {
    for (TimedStop& stop : route.stops) stop.pupil = part.pupil[stop.pupil];
    outcome.routes.push_back(std::move(route));
  }
  // A route that grew from a start route keeps its id (each start route's requests stay together
  // when only inserting; otherwise the first start route met names it, once).
  std::vector<bool> named(scope.start.size(), false);
  for (size_t i = 0; i < plan.routes.size(); ++i) {
    for (const model::PlannedStop& stop : plan.routes[i].stops) {
      const int k = start_of_request[stop.request];
      if (k < 0 || named[k]) continue;
      named[k] = true;
      outcome.routes[i].route_id = scope.start[k].route_id;
      break;
    }
  }
  for (const model::UnservedRequest& u : plan.unserved) {
    const int pupil = part.pupil[problem.request_pupil[u.request]];
    std::string reason = obvious_unserved_reason(inputs, pupil, run, matrix);
    if (reason.empty()) reason = u.reason;
    outcome.unserved.push_back({pupil, run, std::move(reason)});
  }
  return outcome;
}

Status for_both_runs(bool parallel, const std::function<Status(Run)>& work) {
  Status results[2] = {Status::success(), Status::success()};
  if (parallel) {
    std::thread pm([&] { results[1] = work(Run::kAfternoon); });
    results[0] = work(Run::kMorning);
    pm.join();
  } else {
    results[0] = work(Run::kMorning);
    results[1] = work(Run::kAfternoon);
  }
  return results[0] ? results[1] : results[0];
}

Result<RunOutcome> plan_both_runs(bool parallel,
                                  const std::function<Result<RunOutcome>(Run)>& plan) {
  RunOutcome outcomes[2];
  const Status planned = for_both_runs(parallel, [&](Run run) -> Status {
    Result<RunOutcome> outcome = plan(run);
    if (!outcome) return outcome.error();
    outcomes[run == Run::kMorning ? 0 : 1] = std::move(outcome).value();
    return Status::success();
  });
  if (!planned) return planned.error();
  RunOutcome day = std::move(outcomes[0]);
  for (TimedRoute& route : outcomes[1].routes) day.routes.push_back(std::move(route));
  for (UnservedPupil& pupil : outcomes[1].unserved) day.unserved.push_back(std::move(pupil));
  return day;
}

struct FixedRouteTimer::Impl {
  const TransportInputs* inputs;
  Run run;
  const travel::TravelMatrix* matrix;
  double shift_start;
  std::optional<RunProblem> problem;
  std::optional<solver::SearchModel> model;
  std::optional<solver::RouteEvaluator> evaluator;
  std::vector<int> pupil_request;
};

FixedRouteTimer::FixedRouteTimer(const TransportInputs& inputs, Run run,
                                 const travel::TravelMatrix& matrix,
                                 const PlannerSettings& settings, const TimeAnchors* anchors)
    : impl_(std::make_unique<Impl>()) {
  impl_->inputs = &inputs;
  impl_->run = run;
  impl_->matrix = &matrix;
  impl_->shift_start =
      run == Run::kMorning ? settings.run.morning_shift_start : settings.run.afternoon_shift_start;
  Result<RunProblem> problem =
      build_run_problem(inputs, run, matrix, settings.policy, settings.run, anchors);
  impl_->pupil_request.assign(inputs.pupils.size(), 0);
  if (!problem) return;
  impl_->problem.emplace(std::move(problem).value());
  impl_->model.emplace(impl_->problem->problem);
  impl_->evaluator.emplace(*impl_->model);
  for (size_t r = 0; r < impl_->problem->request_pupil.size(); ++r)
    impl_->pupil_request[impl_->problem->request_pupil[r]] = static_cast<int>(r);
}

FixedRouteTimer::~FixedRouteTimer() = default;

std::optional<TimedRoute> FixedRouteTimer::engine_schedule(const CurrentRoute& current) {
  if (!impl_->problem || current.stops.empty()) return std::nullopt;
  const bool assistant = needs_assistant(*impl_->inputs, current);
  const int type = engine_type_of(*impl_->problem, current.fleet_index, assistant);
  if (type < 0) return std::nullopt;
  const solver::SearchModel& m = *impl_->model;
  const int v = m.first_vehicle_of_type()[type];
  std::vector<int> stops;
  for (const auto& [pupil, pickup] : current.stops) {
    const int r = impl_->pupil_request[pupil];
    stops.push_back(pickup ? solver::pickup_stop(r) : solver::delivery_stop(r));
  }
  std::vector<int> sorted = stops;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return std::nullopt;
  solver::RouteSchedule schedule;
  if (!impl_->evaluator->evaluate(v, stops.data(), static_cast<int>(stops.size()), schedule))
    return std::nullopt;
  TimedRoute route;
  route.run = impl_->run;
  route.fleet_index = current.fleet_index;
  route.with_assistant = assistant;
  route.route_id = current.route_id;
  route.depart = schedule.departure;
  route.return_time = schedule.start.back();
  route.miles = schedule.distance;
  double leave = route.depart;
  int at = m.vehicle(v).start_location;
  for (size_t i = 0; i < stops.size(); ++i) {
    const solver::StopData& stop = m.stop(stops[i]);
    const double start = schedule.start[i + 1];
    route.stops.push_back({current.stops[i].first, current.stops[i].second,
                           leave + m.travel_time(at, stop.location), start});
    leave = start + stop.service;
    at = stop.location;
  }
  return route;
}

TimedRoute FixedRouteTimer::time(const CurrentRoute& current) {
  std::optional<TimedRoute> route = engine_schedule(current);
  if (!route)
    route = time_route(*impl_->inputs, *impl_->matrix, impl_->run, current.fleet_index,
                       needs_assistant(*impl_->inputs, current), current.stops, impl_->shift_start);
  route->route_id = current.route_id;
  return std::move(*route);
}

}  // namespace sendplan::transport::detail
