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
#include "transport/plan_edits.h"
#include "transport/run_planning.h"
#include "travel/london_model.h"

namespace sendplan::transport {

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
  Result<detail::RunOutcome> planned =
      detail::plan_both_runs(settings.runs_in_parallel, [&](Run run) {
        solver::ProgressCallback on_progress;
        if (progress)
          on_progress = [&progress, run](const solver::Progress& p) { progress(run, p); };
        return detail::plan_run(inputs, run,
                                run == Run::kMorning ? matrices.morning : matrices.afternoon,
                                settings, detail::RunScope{}, on_progress);
      });
  if (!planned) return planned.error();
  std::vector<TimedRoute> all = std::move(planned.value().routes);
  const std::vector<UnservedPupil> missing = std::move(planned.value().unserved);
  PlannedDay result;
  const DayRideLimits limits =
      day_ride_limits(inputs, matrices.morning, matrices.afternoon, settings.policy);
  result.day = build_day_plan("planned", inputs, std::move(all), missing, limits, settings.policy,
                              settings.school_days_per_year);
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
// serve the children the fleet could not: the plan's routes are kept and only the waiting
// children inserted (into them where they fit, else into vehicles opened for them), so the count
// is what those children need, not what a fresh, quicker search would use; per type, the most
// the relaxed plan uses beyond what is available on either run.
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
  const std::vector<CurrentRoute> start = routes_of(planned.day, relaxed);
  Result<detail::RunOutcome> inserted =
      detail::plan_both_runs(settings.runs_in_parallel, [&](Run run) {
        detail::RunScope scope;
        for (const CurrentRoute& route : start)
          if (route.run == run) scope.start.push_back(route);
        scope.insert_only = true;
        return detail::plan_run(
            relaxed, run,
            run == Run::kMorning ? planned.matrices.morning : planned.matrices.afternoon, settings,
            scope, {});
      });
  if (!inserted) return std::nullopt;
  std::vector<TimedRoute> all = std::move(inserted.value().routes);
  const std::vector<UnservedPupil> missing = std::move(inserted.value().unserved);
  PlannedDay relaxed_day;
  relaxed_day.day = build_day_plan("relaxed", relaxed, std::move(all), missing,
                                   day_ride_limits(relaxed, planned.matrices.morning,
                                                   planned.matrices.afternoon, settings.policy),
                                   settings.policy, settings.school_days_per_year);
  const std::optional<PlannedDay> again = std::move(relaxed_day);
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

DayPlan cost_current_routes(const TransportInputs& inputs, const DayMatrices& matrices,
                            const std::vector<CurrentRoute>& routes,
                            const PlannerSettings& settings) {
  std::vector<TimedRoute> timed;
  for (const Run run : {Run::kMorning, Run::kAfternoon}) {
    const travel::TravelMatrix& matrix =
        run == Run::kMorning ? matrices.morning : matrices.afternoon;
    detail::FixedRouteTimer timer(inputs, run, matrix, settings);
    for (const CurrentRoute& current : routes)
      if (current.run == run) timed.push_back(timer.time(current));
  }
  const DayRideLimits limits =
      day_ride_limits(inputs, matrices.morning, matrices.afternoon, settings.policy);
  return build_day_plan("current", inputs, std::move(timed), {}, limits, settings.policy,
                        settings.school_days_per_year);
}

}  // namespace sendplan::transport
