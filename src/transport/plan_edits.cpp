#include "transport/plan_edits.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "geo/coordinates.h"
#include "transport/run_planning.h"

namespace sendplan::transport {

namespace {

int run_index(Run run) {
  return run == Run::kMorning ? 0 : 1;
}

std::unordered_map<std::string, int> pupil_index(const TransportInputs& inputs) {
  std::unordered_map<std::string, int> index;
  for (size_t p = 0; p < inputs.pupils.size(); ++p)
    index.emplace(inputs.pupils[p].id, static_cast<int>(p));
  return index;
}

int fleet_index(const TransportInputs& inputs, const std::string& name) {
  for (size_t f = 0; f < inputs.fleet.size(); ++f)
    if (inputs.fleet[f].name == name) return static_cast<int>(f);
  return -1;
}

// Fixed routes' children and vehicles per run, for the search around them.
detail::RunScope scope_around(const TransportInputs& inputs, const std::vector<CurrentRoute>& fixed,
                              Run run) {
  detail::RunScope scope;
  std::vector<bool> on_fixed(inputs.pupils.size(), false);
  scope.vehicles_taken.assign(inputs.fleet.size(), 0);
  for (const CurrentRoute& route : fixed) {
    if (route.run != run) continue;
    ++scope.vehicles_taken[route.fleet_index];
    for (const auto& [pupil, pickup] : route.stops) on_fixed[pupil] = true;
  }
  scope.everyone = false;
  for (size_t p = 0; p < inputs.pupils.size(); ++p)
    if (!on_fixed[p]) scope.only.push_back(static_cast<int>(p));
  return scope;
}

// Combines the two runs' fixed and planned routes into the day.
DayPlan day_of(std::string name, const TransportInputs& inputs, const DayMatrices& matrices,
               const PlannerSettings& settings, std::vector<TimedRoute> routes,
               const std::vector<UnservedPupil>& unserved) {
  const DayRideLimits limits =
      day_ride_limits(inputs, matrices.morning, matrices.afternoon, settings.policy);
  std::stable_sort(routes.begin(), routes.end(), [](const TimedRoute& a, const TimedRoute& b) {
    if (a.run != b.run) return a.run == Run::kMorning;
    if (a.route_id.empty() || b.route_id.empty()) return !a.route_id.empty() && b.route_id.empty();
    return a.route_id < b.route_id;
  });
  return build_day_plan(std::move(name), inputs, std::move(routes), unserved, limits,
                        settings.policy, settings.school_days_per_year);
}

// Minutes a fixed sequence takes as driven (for choosing a position when none keeps every rule).
double driven_minutes(const TransportInputs& inputs, const travel::TravelMatrix& matrix, Run run,
                      const CurrentRoute& route, const PlannerSettings& settings) {
  bool assistant = false;
  for (const auto& [pupil, pickup] : route.stops)
    assistant = assistant || inputs.pupils[pupil].needs_passenger_assistant;
  const TimedRoute timed = time_route(
      inputs, matrix, run, route.fleet_index, assistant, route.stops,
      run == Run::kMorning ? settings.run.morning_shift_start : settings.run.afternoon_shift_start);
  return timed.return_time - timed.depart;
}

double running_cost(const TransportInputs& inputs, const TimedRoute& route) {
  const VehicleType& v = inputs.fleet[route.fleet_index];
  return route.miles * static_cast<double>(v.cost_per_mile_pence) +
         (route.return_time - route.depart) / 60.0 * static_cast<double>(v.cost_per_hour_pence);
}

// Inserts `pupil`'s two stops into `route` where it costs least among the positions that keep
// every rule; when none does, where the route takes least time.
void insert_child(const TransportInputs& inputs, const travel::TravelMatrix& matrix, Run run,
                  const PlannerSettings& settings, detail::FixedRouteTimer& timer,
                  CurrentRoute& route, int pupil) {
  const int n = static_cast<int>(route.stops.size());
  double best_cost = std::numeric_limits<double>::infinity();
  double best_minutes = std::numeric_limits<double>::infinity();
  CurrentRoute best = route, fallback = route;
  bool feasible = false;
  for (int i = 0; i <= n; ++i) {
    for (int j = i; j <= n; ++j) {
      CurrentRoute candidate = route;
      candidate.stops.insert(candidate.stops.begin() + j, {pupil, false});
      candidate.stops.insert(candidate.stops.begin() + i, {pupil, true});
      if (std::optional<TimedRoute> timed = timer.engine_schedule(candidate)) {
        const double cost = running_cost(inputs, *timed);
        if (cost < best_cost) {
          best_cost = cost;
          best = std::move(candidate);
          feasible = true;
        }
      } else if (!feasible) {
        const double minutes = driven_minutes(inputs, matrix, run, candidate, settings);
        if (minutes < best_minutes) {
          best_minutes = minutes;
          fallback = std::move(candidate);
        }
      }
    }
  }
  route = feasible ? std::move(best) : std::move(fallback);
}

double metres_between(geo::LatLon a, geo::LatLon b) {
  return geo::haversine_metres(a, b);
}

}  // namespace

std::vector<CurrentRoute> routes_of(const DayPlan& day, const TransportInputs& inputs) {
  const auto pupils = pupil_index(inputs);
  std::vector<CurrentRoute> routes;
  for (const TransportRoute& route : day.routes) {
    const int fleet = fleet_index(inputs, route.vehicle_type);
    if (fleet < 0) continue;
    CurrentRoute out{route.run, route.route_id, fleet, {}};
    for (const RouteStop& stop : route.stops) {
      const auto found = pupils.find(stop.pupil_id);
      if (found != pupils.end()) out.stops.emplace_back(found->second, stop.pickup);
    }
    if (!out.stops.empty()) routes.push_back(std::move(out));
  }
  return routes;
}

Result<PlannedDay> plan_around(const TransportInputs& inputs, DayMatrices matrices,
                               const PlannerSettings& settings,
                               const std::vector<CurrentRoute>& locked,
                               const PlannerProgress& progress) {
  Result<detail::RunOutcome> planned =
      detail::plan_both_runs(settings.runs_in_parallel, [&](Run run) -> Result<detail::RunOutcome> {
        const travel::TravelMatrix& matrix =
            run_index(run) == 0 ? matrices.morning : matrices.afternoon;
        // The locked routes first, as they are; then what the engine plans around them.
        detail::RunOutcome outcome;
        detail::FixedRouteTimer timer(inputs, run, matrix, settings);
        for (const CurrentRoute& route : locked)
          if (route.run == run) outcome.routes.push_back(timer.time(route));
        solver::ProgressCallback on_progress;
        if (progress)
          on_progress = [&progress, run](const solver::Progress& p) { progress(run, p); };
        Result<detail::RunOutcome> around = detail::plan_run(
            inputs, run, matrix, settings, scope_around(inputs, locked, run), on_progress);
        if (!around) return around.error();
        for (TimedRoute& route : around.value().routes) outcome.routes.push_back(std::move(route));
        outcome.unserved = std::move(around.value().unserved);
        return outcome;
      });
  if (!planned) return planned.error();
  PlannedDay result;
  result.day = day_of("planned", inputs, matrices, settings, std::move(planned.value().routes),
                      planned.value().unserved);
  result.matrices = std::move(matrices);
  return result;
}

Result<DayPlan> apply_edit(const TransportInputs& inputs, const DayMatrices& matrices,
                           const PlannerSettings& settings, const std::vector<CurrentRoute>& routes,
                           const PlanEdit& edit) {
  auto invalid = [](std::string message) {
    return make_error(ErrorCode::kInvalidArgument, std::move(message));
  };
  std::vector<CurrentRoute> edited = routes;
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < edited.size(); ++i) by_id[edited[i].route_id] = i;
  std::set<std::string> removed;
  for (const std::string& id : edit.removed_routes) {
    if (!by_id.count(id)) return invalid(fmt::format("there is no route {} in this plan", id));
    removed.insert(id);
  }
  const auto pupils = pupil_index(inputs);
  std::set<std::pair<std::string, int>> touched;
  for (const ChildMove& move : edit.moves) {
    const auto pupil = pupils.find(move.pupil_id);
    if (pupil == pupils.end())
      return invalid(fmt::format("there is no child {} in this plan's inputs", move.pupil_id));
    const auto target = by_id.find(move.to_route_id);
    if (target == by_id.end())
      return invalid(fmt::format("there is no route {} in this plan", move.to_route_id));
    if (edited[target->second].run != move.run)
      return invalid(fmt::format("route {} is a {} route; {} is moved on the {} run",
                                 move.to_route_id, run_name(edited[target->second].run),
                                 move.pupil_id, run_name(move.run)));
    if (removed.count(move.to_route_id))
      return invalid(
          fmt::format("route {} is removed, so no child can be moved to it", move.to_route_id));
    if (!touched.insert({move.pupil_id, run_index(move.run)}).second)
      return invalid(
          fmt::format("{} is moved twice on the {} run", move.pupil_id, run_name(move.run)));
  }
  for (const ChildMove& move : edit.moves) {
    const int pupil = pupils.at(move.pupil_id);
    for (CurrentRoute& route : edited) {
      if (route.run != move.run) continue;
      std::erase_if(route.stops, [pupil](const auto& stop) { return stop.first == pupil; });
    }
    const travel::TravelMatrix& matrix =
        move.run == Run::kMorning ? matrices.morning : matrices.afternoon;
    detail::FixedRouteTimer timer(inputs, move.run, matrix, settings);
    insert_child(inputs, matrix, move.run, settings, timer, edited[by_id.at(move.to_route_id)],
                 pupil);
  }
  std::vector<CurrentRoute> kept;
  for (CurrentRoute& route : edited)
    if (!removed.count(route.route_id) && !route.stops.empty()) kept.push_back(std::move(route));
  DayPlan day = cost_current_routes(inputs, matrices, kept, settings);
  day.name = "edited";
  return day;
}

PlanDifference compare_days(const DayPlan& before, const DayPlan& after, double threshold_minutes) {
  PlanDifference difference;
  difference.cost_per_day_change_pence =
      after.summary.cost.total_pence() - before.summary.cost.total_pence();
  difference.vehicles_change = after.summary.vehicles - before.summary.vehicles;
  // A route's stops as text, to compare.
  auto stops_of = [](const TransportRoute& route) {
    std::string text = route.vehicle_type + (route.with_assistant ? "+" : "-");
    for (const RouteStop& stop : route.stops)
      text += fmt::format("|{}{}", stop.pupil_id, stop.pickup ? "^" : "v");
    return text;
  };
  std::map<std::string, std::string> was, now;
  for (const TransportRoute& route : before.routes) was[route.route_id] = stops_of(route);
  for (const TransportRoute& route : after.routes) now[route.route_id] = stops_of(route);
  for (const auto& [id, stops] : now) {
    const auto found = was.find(id);
    if (found == was.end())
      difference.routes_added.push_back(id);
    else if (found->second != stops)
      difference.routes_changed.push_back(id);
  }
  for (const auto& [id, stops] : was)
    if (!now.count(id)) difference.routes_removed.push_back(id);

  std::map<std::pair<std::string, int>, const PupilRun*> earlier;
  for (const PupilRun& run : before.pupil_runs) earlier[{run.pupil_id, run_index(run.run)}] = &run;
  for (const PupilRun& run : after.pupil_runs) {
    ChildChange change;
    change.pupil_id = run.pupil_id;
    change.run = run.run;
    change.after_route = run.route_id;
    change.after_pickup = run.pickup;
    change.after_ride = run.ride_minutes;
    const auto found = earlier.find({run.pupil_id, run_index(run.run)});
    if (found != earlier.end()) {
      const PupilRun& old = *found->second;
      change.before_route = old.route_id;
      change.before_pickup = old.pickup;
      change.before_ride = old.ride_minutes;
      const bool both = !old.route_id.empty() && !run.route_id.empty();
      const bool same = old.route_id == run.route_id &&
                        (!both || (std::abs(old.pickup - run.pickup) <= threshold_minutes &&
                                   std::abs(old.dropoff - run.dropoff) <= threshold_minutes));
      if (same) continue;
    }
    difference.children.push_back(std::move(change));
  }
  return difference;
}

std::vector<PreviousRoute> previous_routes(const DayPlan& day) {
  std::vector<PreviousRoute> routes;
  for (const TransportRoute& route : day.routes) {
    PreviousRoute previous{route.run, route.route_id, route.vehicle_type, {}};
    for (const RouteStop& stop : route.stops)
      previous.stops.push_back({stop.pupil_id, stop.pickup, stop.place, stop.location, stop.time});
    routes.push_back(std::move(previous));
  }
  return routes;
}

Result<UpdatedDay> update_day(const TransportInputs& inputs, DayMatrices matrices,
                              const PlannerSettings& settings,
                              const std::vector<PreviousRoute>& previous,
                              const UpdateSettings& update) {
  UpdatedDay result;
  UpdateReport& report = result.report;
  const auto pupils = pupil_index(inputs);
  std::unordered_map<std::string, int> school_of;
  for (size_t s = 0; s < inputs.schools.size(); ++s)
    school_of.emplace(inputs.schools[s].id, static_cast<int>(s));

  // Who left, who moved, who is new.
  std::set<std::string> in_plan, left, moved;
  for (const PreviousRoute& route : previous) {
    for (const PreviousStop& stop : route.stops) {
      in_plan.insert(stop.pupil_id);
      const auto found = pupils.find(stop.pupil_id);
      if (found == pupils.end()) {
        left.insert(stop.pupil_id);
        continue;
      }
      const Pupil& child = inputs.pupils[found->second];
      const bool at_home = stop.place == "home" ||
                           (stop.place.empty() && (route.run == Run::kMorning) == stop.pickup);
      if (at_home) {
        if (stop.location && metres_between(*stop.location, child.home) > update.moved_metres)
          moved.insert(child.id);
      } else if (!stop.place.empty()) {
        const auto school = school_of.find(child.school_id);
        if (stop.place != child.school_id ||
            (stop.location && school != school_of.end() &&
             metres_between(*stop.location, inputs.schools[school->second].location) >
                 update.moved_metres))
          moved.insert(child.id);
      }
    }
  }
  report.left.assign(left.begin(), left.end());
  report.moved.assign(moved.begin(), moved.end());
  for (const Pupil& child : inputs.pupils)
    if (!in_plan.count(child.id)) report.joined.push_back(child.id);

  // The plan in force over today's children: leavers and movers taken off, times kept.
  TimeAnchors anchors[2];
  for (TimeAnchors& a : anchors) {
    a.pickup.assign(inputs.pupils.size(), std::nullopt);
    a.dropoff.assign(inputs.pupils.size(), std::nullopt);
    a.max_shift = update.max_time_shift_minutes;
  }
  std::vector<CurrentRoute> in_force;  // as it was, minus leavers (for the comparison)
  std::vector<CurrentRoute> kept;      // minus leavers and movers
  std::set<std::string> refitted;
  for (const PreviousRoute& route : previous) {
    const int fleet = fleet_index(inputs, route.vehicle_type);
    CurrentRoute was{route.run, route.route_id, fleet, {}};
    CurrentRoute stays{route.run, route.route_id, fleet, {}};
    for (const PreviousStop& stop : route.stops) {
      const auto found = pupils.find(stop.pupil_id);
      if (found == pupils.end()) continue;
      was.stops.emplace_back(found->second, stop.pickup);
      if (moved.count(stop.pupil_id)) continue;
      stays.stops.emplace_back(found->second, stop.pickup);
      if (stop.time) {
        std::vector<std::optional<double>>& times = stop.pickup
                                                        ? anchors[run_index(route.run)].pickup
                                                        : anchors[run_index(route.run)].dropoff;
        times[found->second] = *stop.time;
      }
    }
    if (fleet < 0) {
      // The vehicle type is gone from the fleet: its children are planned afresh.
      for (const auto& [pupil, pickup] : stays.stops) refitted.insert(inputs.pupils[pupil].id);
      continue;
    }
    if (!was.stops.empty()) in_force.push_back(was);
    if (!stays.stops.empty()) kept.push_back(std::move(stays));
  }

  // Each kept route must still keep every rule under today's inputs with the times anchored; a
  // child it can no longer carry (needs changed, bell times moved) is taken off to be re-fitted.
  std::vector<CurrentRoute> start[2];
  for (const Run run : {Run::kMorning, Run::kAfternoon}) {
    const int r = run_index(run);
    const travel::TravelMatrix& matrix = r == 0 ? matrices.morning : matrices.afternoon;
    detail::FixedRouteTimer timer(inputs, run, matrix, settings, &anchors[r]);
    for (CurrentRoute& route : kept) {
      if (route.run != run) continue;
      if (timer.keeps_every_rule(route)) {
        start[r].push_back(route);
        continue;
      }
      // Rebuild it child by child in its order, keeping each child only while the route stays
      // feasible.
      CurrentRoute rebuilt{route.run, route.route_id, route.fleet_index, {}};
      std::vector<int> order;
      for (const auto& [pupil, pickup] : route.stops)
        if (pickup) order.push_back(pupil);
      for (const int pupil : order) {
        CurrentRoute trial{route.run, route.route_id, route.fleet_index, {}};
        for (const auto& stop : route.stops) {
          const bool on = stop.first == pupil ||
                          std::any_of(rebuilt.stops.begin(), rebuilt.stops.end(),
                                      [&](const auto& s) { return s.first == stop.first; });
          if (on) trial.stops.push_back(stop);
        }
        if (timer.keeps_every_rule(trial))
          rebuilt = std::move(trial);
        else
          refitted.insert(inputs.pupils[pupil].id);
      }
      if (!rebuilt.stops.empty()) start[r].push_back(std::move(rebuilt));
    }
  }
  report.refitted.assign(refitted.begin(), refitted.end());

  // Insert everyone not on a kept route where they cost least; nothing else moves.
  Result<detail::RunOutcome> planned =
      detail::plan_both_runs(settings.runs_in_parallel, [&](Run run) {
        const int r = run_index(run);
        detail::RunScope scope;
        scope.anchors = &anchors[r];
        scope.start = start[r];
        scope.insert_only = true;
        return detail::plan_run(inputs, run, r == 0 ? matrices.morning : matrices.afternoon,
                                settings, scope, {});
      });
  if (!planned) return planned.error();
  result.planned.day = day_of("updated", inputs, matrices, settings,
                              std::move(planned.value().routes), planned.value().unserved);

  const DayPlan before = cost_current_routes(inputs, matrices, in_force, settings);
  report.difference = compare_days(before, result.planned.day);
  int routes_in_force = static_cast<int>(before.routes.size());
  report.routes_kept = routes_in_force - static_cast<int>(report.difference.routes_changed.size()) -
                       static_cast<int>(report.difference.routes_removed.size());
  result.planned.matrices = std::move(matrices);
  return result;
}

}  // namespace sendplan::transport
