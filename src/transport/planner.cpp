#include "transport/planner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/text.h"
#include "solver/route_evaluator.h"
#include "solver/search_model.h"
#include "travel/london_model.h"

namespace sendplan::transport {

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

}  // namespace

Result<DayMatrices> day_matrices(const TransportInputs& inputs,
                                 const travel::TravelSource& travel) {
  const DayPlaces places = day_places(inputs);
  Result<travel::TravelMatrix> morning =
      travel.matrix(places.places, travel::TimeOfDay::kMorningPeak);
  if (!morning) return morning.error();
  Result<travel::TravelMatrix> afternoon =
      travel.matrix(places.places, travel::TimeOfDay::kAfternoonPeak);
  if (!afternoon) return afternoon.error();
  return DayMatrices{std::move(morning).value(), std::move(afternoon).value()};
}

std::string obvious_unserved_reason(const TransportInputs& inputs, int pupil, Run run,
                                    const travel::TravelMatrix& matrix) {
  const Pupil& child = inputs.pupils[pupil];
  bool space = false, with_assistant = false;
  for (const VehicleType& v : inputs.fleet) {
    if (v.available == 0) continue;
    const bool fits = child.wheelchair ? v.wheelchair_spaces > 0 : v.seats > 0;
    space = space || fits;
    with_assistant = with_assistant || (fits && (child.wheelchair || v.seats > 1));
  }
  if (!space)
    return child.wheelchair ? "uses a wheelchair; no vehicle in the fleet has a wheelchair space"
                            : "no vehicle in the fleet has a seat";
  if (child.needs_passenger_assistant && !with_assistant)
    return "needs a passenger assistant; no vehicle has room for the child and the assistant";
  (void)run;
  (void)matrix;
  return "";
}

namespace {

// Plans the two runs and builds the day (no fleet advice).
Result<PlannedDay> plan_runs(const TransportInputs& inputs, DayMatrices matrices,
                             const PlannerSettings& settings, const PlannerProgress& progress) {
  struct RunOutcome {
    std::optional<RunProblem> problem;
    model::Plan plan;
    std::optional<Error> error;
  };
  auto plan_run = [&](Run run, RunOutcome& out) {
    const travel::TravelMatrix& matrix =
        run == Run::kMorning ? matrices.morning : matrices.afternoon;
    Result<RunProblem> problem =
        build_run_problem(inputs, run, matrix, settings.policy, settings.run);
    if (!problem) {
      out.error = problem.error();
      return;
    }
    solver::SolverParameters parameters = settings.solver;
    parameters.unserved_penalty_factor =
        unserved_penalty_factor(inputs, matrix, parameters.unserved_penalty_factor);
    solver::ProgressCallback on_progress;
    if (progress) on_progress = [&](const solver::Progress& p) { progress(run, p); };
    out.plan = solver::solve(problem.value().problem, parameters, on_progress);
    out.problem.emplace(std::move(problem).value());
  };
  // The two runs are independent problems: on a multi-core machine they are planned at once.
  RunOutcome morning, afternoon;
  if (settings.runs_in_parallel) {
    std::thread pm([&] { plan_run(Run::kAfternoon, afternoon); });
    plan_run(Run::kMorning, morning);
    pm.join();
  } else {
    plan_run(Run::kMorning, morning);
    plan_run(Run::kAfternoon, afternoon);
  }

  PlannedDay result;
  std::vector<TimedRoute> routes;
  std::vector<UnservedPupil> unserved;
  for (RunOutcome* outcome : {&morning, &afternoon}) {
    if (outcome->error) return *outcome->error;
    const RunProblem& problem = *outcome->problem;
    const travel::TravelMatrix& matrix =
        problem.run == Run::kMorning ? matrices.morning : matrices.afternoon;
    for (TimedRoute& route : timed_routes(problem, outcome->plan))
      routes.push_back(std::move(route));
    for (const model::UnservedRequest& u : outcome->plan.unserved) {
      const int pupil = problem.request_pupil[u.request];
      std::string reason = obvious_unserved_reason(inputs, pupil, problem.run, matrix);
      if (reason.empty()) reason = u.reason;
      unserved.push_back({pupil, problem.run, std::move(reason)});
    }
    result.runs.push_back({std::move(*outcome->problem), std::move(outcome->plan)});
  }
  const DayRideLimits limits =
      day_ride_limits(inputs, matrices.morning, matrices.afternoon, settings.policy);
  result.day = build_day_plan("planned", inputs, std::move(routes), unserved, limits,
                              settings.policy, settings.school_days_per_year);
  result.matrices = std::move(matrices);
  return result;
}

// Whether some vehicle type of the fleet, were one free, could carry the child on its own: then
// the fleet's size, not the child's needs, kept them off the plan.
bool some_type_fits(const TransportInputs& inputs, const Pupil& child) {
  for (const VehicleType& v : inputs.fleet) {
    const bool fits = child.wheelchair ? v.wheelchair_spaces > 0 : v.seats > 0;
    const bool room_for_assistant =
        !child.needs_passenger_assistant || (child.wheelchair ? v.seats >= 1 : v.seats >= 2);
    if (fits && room_for_assistant) return true;
  }
  return false;
}

// Plans again with every vehicle type's `available` raised, to see which extra vehicles would
// serve the children the fleet could not: how many of each type the relaxed plan uses beyond
// what is available, on the busier run.
std::optional<FleetAdvice> advise_fleet(const TransportInputs& inputs, const PlannedDay& planned,
                                        const PlannerSettings& settings) {
  std::vector<int> waiting;  // pupils unserved on some run though a vehicle type could carry them
  for (size_t i = 0; i < planned.day.pupil_runs.size(); ++i) {
    const PupilRun& run = planned.day.pupil_runs[i];
    const int pupil = static_cast<int>(i / 2);
    if (!run.route_id.empty() || !some_type_fits(inputs, inputs.pupils[pupil])) continue;
    if (waiting.empty() || waiting.back() != pupil) waiting.push_back(pupil);
  }
  if (waiting.empty()) return std::nullopt;
  TransportInputs relaxed = inputs;
  for (VehicleType& v : relaxed.fleet) v.available += static_cast<int>(waiting.size());
  PlannerSettings quick = settings;
  quick.solver.time_limit_seconds = std::clamp(settings.solver.time_limit_seconds / 4, 2.0, 60.0);
  Result<PlannedDay> again = plan_runs(relaxed, planned.matrices, quick, {});
  if (!again) return std::nullopt;
  FleetAdvice advice;
  advice.children = static_cast<int>(waiting.size());
  std::map<std::string, int> used[2];
  for (const TransportRoute& route : again.value().day.routes)
    ++used[route.run == Run::kMorning ? 0 : 1][route.vehicle_type];
  std::int64_t fixed = 0;
  for (const VehicleType& v : inputs.fleet) {
    const int extra = std::max(used[0][v.name], used[1][v.name]) - v.available;
    if (extra <= 0) continue;
    advice.extra_vehicles[v.name] = extra;
    fixed += extra * v.fixed_cost_per_day_pence;
  }
  const DayCost& before = planned.day.summary.cost;
  const DayCost& after = again.value().day.summary.cost;
  advice.extra_cost_per_day_pence =
      fixed + std::max<std::int64_t>(0, after.assistants_pence - before.assistants_pence);
  for (const int pupil : waiting) {
    bool served = true;
    for (const PupilRun& run : again.value().day.pupil_runs)
      if (run.pupil_id == inputs.pupils[pupil].id && run.route_id.empty()) served = false;
    advice.children_served += served ? 1 : 0;
  }
  std::string vehicles;
  int k = 0;
  for (const auto& [name, extra] : advice.extra_vehicles) {
    const bool last = ++k == static_cast<int>(advice.extra_vehicles.size());
    vehicles += fmt::format("{}{} more {}", k == 1 ? "" : (last ? " and " : ", "), extra, name);
  }
  const std::string children =
      advice.children_served == advice.children
          ? fmt::format("the {} unplanned {}", advice.children,
                        advice.children == 1 ? "child" : "children")
          : fmt::format("{} of the {} unplanned children", advice.children_served, advice.children);
  if (advice.extra_vehicles.empty() || advice.children_served == 0) {
    advice.text = fmt::format(
        "a larger fleet would not serve {}: their journeys cannot be fitted into any "
        "vehicle's shift and the school's times",
        children);
  } else {
    advice.text = fmt::format("{} would serve {} (+{} a day)", vehicles, children,
                              pounds_text(advice.extra_cost_per_day_pence));
  }
  return advice;
}

}  // namespace

Result<PlannedDay> plan_day(const TransportInputs& inputs, DayMatrices matrices,
                            const PlannerSettings& settings, const PlannerProgress& progress) {
  Result<PlannedDay> planned = plan_runs(inputs, std::move(matrices), settings, progress);
  if (!planned) return planned;
  if (settings.advise_fleet && planned.value().day.summary.unserved > 0)
    planned.value().day.fleet_advice = advise_fleet(inputs, planned.value(), settings);
  return planned;
}

namespace {

// The engine's own schedule for a current route when the route keeps every rule (the same least
// schedule a plan gets); nullopt when it breaks one, or a stop repeats.
std::optional<TimedRoute> engine_schedule(const RunProblem& run, const solver::SearchModel& m,
                                          solver::RouteEvaluator& evaluator,
                                          const std::vector<int>& pupil_request,
                                          const CurrentRoute& current, bool assistant) {
  int type = -1;
  for (size_t t = 0; t < run.variants.size(); ++t)
    if (run.variants[t].fleet_index == current.fleet_index &&
        run.variants[t].with_assistant == assistant)
      type = static_cast<int>(t);
  if (type < 0 || current.stops.empty()) return std::nullopt;
  const int v = m.first_vehicle_of_type()[type];
  std::vector<int> stops;
  for (const auto& [pupil, pickup] : current.stops) {
    const int r = pupil_request[pupil];
    stops.push_back(pickup ? solver::pickup_stop(r) : solver::delivery_stop(r));
  }
  std::vector<int> sorted = stops;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return std::nullopt;
  solver::RouteSchedule schedule;
  if (!evaluator.evaluate(v, stops.data(), static_cast<int>(stops.size()), schedule))
    return std::nullopt;
  TimedRoute route;
  route.run = run.run;
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

}  // namespace

DayPlan cost_current_routes(const TransportInputs& inputs, const DayMatrices& matrices,
                            const std::vector<CurrentRoute>& routes,
                            const PlannerSettings& settings) {
  std::vector<TimedRoute> timed;
  for (const Run run : {Run::kMorning, Run::kAfternoon}) {
    const bool morning = run == Run::kMorning;
    const travel::TravelMatrix& matrix = morning ? matrices.morning : matrices.afternoon;
    Result<RunProblem> problem =
        build_run_problem(inputs, run, matrix, settings.policy, settings.run);
    std::optional<solver::SearchModel> model;
    std::optional<solver::RouteEvaluator> evaluator;
    std::vector<int> pupil_request(inputs.pupils.size(), 0);
    if (problem) {
      model.emplace(problem.value().problem);
      evaluator.emplace(*model);
      for (size_t r = 0; r < problem.value().request_pupil.size(); ++r)
        pupil_request[problem.value().request_pupil[r]] = static_cast<int>(r);
    }
    for (const CurrentRoute& current : routes) {
      if (current.run != run) continue;
      bool assistant = false;
      for (const auto& [pupil, pickup] : current.stops)
        assistant = assistant || inputs.pupils[pupil].needs_passenger_assistant;
      // A route that keeps every rule gets the engine's schedule; one that breaks some is
      // driven as given, starting as late as its school windows allow.
      std::optional<TimedRoute> route;
      if (problem)
        route =
            engine_schedule(problem.value(), *model, *evaluator, pupil_request, current, assistant);
      if (!route)
        route = time_route(
            inputs, matrix, run, current.fleet_index, assistant, current.stops,
            morning ? settings.run.morning_shift_start : settings.run.afternoon_shift_start);
      route->route_id = current.route_id;
      timed.push_back(std::move(*route));
    }
  }
  const DayRideLimits limits =
      day_ride_limits(inputs, matrices.morning, matrices.afternoon, settings.policy);
  return build_day_plan("current", inputs, std::move(timed), {}, limits, settings.policy,
                        settings.school_days_per_year);
}

}  // namespace sendplan::transport
