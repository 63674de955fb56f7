#include "transport/day_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "travel/london_model.h"

namespace sendplan::transport {

namespace {

constexpr double kEpsilon = 1e-6;
constexpr double kNoLimit = std::numeric_limits<double>::infinity();

std::string clock(double minutes) {
  const long rounded = std::lround(minutes);
  return fmt::format("{:02}:{:02}", rounded / 60, rounded % 60);
}

std::int64_t pence(double amount) {
  return static_cast<std::int64_t>(std::llround(amount));
}

struct Window {
  double ready = 0;
  double due = kNoLimit;
};

// When a stop's child may get on or off (homes have no window; the school has the bell).
Window stop_window(const Pupil& pupil, const School& school, Run run, bool pickup) {
  const bool at_school = (run == Run::kMorning) != pickup;
  if (!at_school) return {};
  if (run == Run::kMorning) {
    const double open = school.start_minutes - school.earliest_arrival_minutes;
    return {open, std::max(open, double(school.start_minutes - pupil.boarding_minutes))};
  }
  return {static_cast<double>(school.finish_minutes), kNoLimit};
}

class SchoolLookup {
 public:
  explicit SchoolLookup(const TransportInputs& inputs) : inputs_(&inputs) {
    for (size_t s = 0; s < inputs.schools.size(); ++s)
      index_.emplace(inputs.schools[s].id, static_cast<int>(s));
  }
  int index_of(const Pupil& pupil) const { return index_.at(pupil.school_id); }
  const School& of(const Pupil& pupil) const { return inputs_->schools[index_of(pupil)]; }

 private:
  const TransportInputs* inputs_;
  std::unordered_map<std::string, int> index_;
};

// Every rule a route breaks for each child on it, appended to `problems[pupil]`.
void check_route(const TransportInputs& inputs, const TimedRoute& route,
                 std::unordered_map<int, std::vector<std::string>>& problems) {
  const VehicleType& vehicle = inputs.fleet[route.fleet_index];
  const int seats = vehicle.seats - (route.with_assistant ? 1 : 0);
  std::vector<int> on_board;
  for (const TimedStop& stop : route.stops) {
    const Pupil& pupil = inputs.pupils[stop.pupil];
    if (!stop.pickup) {
      std::erase(on_board, stop.pupil);
      continue;
    }
    for (int other : on_board) {
      const Pupil& with = inputs.pupils[other];
      if (pupil.must_travel_alone)
        problems[stop.pupil].push_back(fmt::format("travels alone but shares with {}", with.id));
      if (with.must_travel_alone)
        problems[other].push_back(fmt::format("travels alone but shares with {}", pupil.id));
      if (std::find(pupil.not_with.begin(), pupil.not_with.end(), with.id) != pupil.not_with.end())
        problems[stop.pupil].push_back(fmt::format("rides with {} (not_with)", with.id));
      if (std::find(with.not_with.begin(), with.not_with.end(), pupil.id) != with.not_with.end())
        problems[other].push_back(fmt::format("rides with {} (not_with)", pupil.id));
    }
    on_board.push_back(stop.pupil);
    int seated = 0, wheelchairs = 0;
    for (int p : on_board) (inputs.pupils[p].wheelchair ? wheelchairs : seated) += 1;
    if (pupil.wheelchair && vehicle.wheelchair_spaces == 0)
      problems[stop.pupil].push_back(
          fmt::format("uses a wheelchair but the {} has no wheelchair space", vehicle.name));
    else if (wheelchairs > vehicle.wheelchair_spaces)
      problems[stop.pupil].push_back(
          fmt::format("{} wheelchair users on board, the {} has {} spaces", wheelchairs,
                      vehicle.name, vehicle.wheelchair_spaces));
    if (seated > seats)
      problems[stop.pupil].push_back(
          fmt::format("{} children seated on board, the {} has {} seats{}", seated, vehicle.name,
                      seats, route.with_assistant ? " beside the assistant" : ""));
    if (pupil.needs_passenger_assistant && !route.with_assistant)
      problems[stop.pupil].push_back("needs a passenger assistant but the route has none");
  }
}

}  // namespace

TimedRoute time_route(const TransportInputs& inputs, const travel::TravelMatrix& matrix, Run run,
                      int fleet_index, bool with_assistant,
                      const std::vector<std::pair<int, bool>>& stops, double depart_at_least) {
  const SchoolLookup schools(inputs);
  const int pupils = static_cast<int>(inputs.pupils.size());
  const int depot = pupils + static_cast<int>(inputs.schools.size()) + fleet_index;
  auto place_of = [&](int pupil, bool pickup) {
    const bool at_school = (run == Run::kMorning) != pickup;
    return at_school ? pupils + schools.index_of(inputs.pupils[pupil]) : pupil;
  };
  TimedRoute route;
  route.run = run;
  route.fleet_index = fleet_index;
  route.with_assistant = with_assistant;
  // Returns how much later the vehicle could have left without missing any window it kept
  // (the forward time slack, capped at the time spent waiting, beyond which leaving later only
  // makes the route later).
  auto simulate = [&](double depart) {
    route.depart = depart;
    route.stops.clear();
    double now = depart, metres = 0, waited = 0, slack = kNoLimit;
    int at = depot;
    for (const auto& [pupil, pickup] : stops) {
      const int place = place_of(pupil, pickup);
      const Pupil& child = inputs.pupils[pupil];
      const Window window = stop_window(child, schools.of(child), run, pickup);
      const double arrival = now + matrix.seconds_between(at, place) / 60.0;
      metres += matrix.metres_between(at, place);
      const double start = std::max(arrival, window.ready);
      waited += start - arrival;
      if (start <= window.due) slack = std::min(slack, waited + (window.due - start));
      route.stops.push_back({pupil, pickup, arrival, start});
      now = start + child.boarding_minutes;
      at = place;
    }
    route.return_time = now + matrix.seconds_between(at, depot) / 60.0;
    route.miles = (metres + matrix.metres_between(at, depot)) / travel::kMetresPerMile;
    return std::max(0.0, std::min(slack, waited));
  };
  const double later = simulate(depart_at_least);
  if (later > kEpsilon) simulate(depart_at_least + later);
  return route;
}

DayPlan build_day_plan(std::string name, const TransportInputs& inputs,
                       std::vector<TimedRoute> routes, const std::vector<UnservedPupil>& unserved,
                       const DayRideLimits& limits, const Policy& policy,
                       int school_days_per_year) {
  const SchoolLookup schools(inputs);
  std::stable_sort(routes.begin(), routes.end(), [](const TimedRoute& a, const TimedRoute& b) {
    return a.run == Run::kMorning && b.run == Run::kAfternoon;
  });
  DayPlan day;
  day.name = std::move(name);
  DaySummary& summary = day.summary;
  summary.school_days_per_year = school_days_per_year;
  summary.pupils = static_cast<int>(inputs.pupils.size());

  // [run][pupil] -> outcome
  const size_t n = inputs.pupils.size();
  std::vector<PupilRun> outcome(2 * n);
  for (size_t p = 0; p < n; ++p) {
    for (int r = 0; r < 2; ++r) {
      PupilRun& run = outcome[r * n + p];
      run.pupil_id = inputs.pupils[p].id;
      run.run = r == 0 ? Run::kMorning : Run::kAfternoon;
      const RideLimit& limit = limits.runs[r][p];
      run.limit_minutes = limit.guidance_minutes;
      run.direct_minutes = limit.direct_minutes;
      run.allowed_minutes = limit.allowed_minutes;
      run.reason = "not on any route";
    }
  }
  std::vector<int> served_count(2 * n, 0);
  std::vector<std::vector<int>> used(2, std::vector<int>(inputs.fleet.size(), 0));
  std::vector<std::vector<int>> assisted(2, std::vector<int>(inputs.fleet.size(), 0));
  // Routes that keep an id (locked, current or updated ones) keep it; the rest are numbered in
  // order, skipping the ids already taken.
  std::set<std::string> taken;
  for (const TimedRoute& route : routes)
    if (!route.route_id.empty()) taken.insert(route.route_id);
  int numbers[2] = {0, 0};
  for (TimedRoute& route : routes) {
    const int r = route.run == Run::kMorning ? 0 : 1;
    while (route.route_id.empty()) {
      std::string id = fmt::format("{}-{:03}", run_name(route.run), ++numbers[r]);
      if (taken.insert(id).second) route.route_id = std::move(id);
    }
    const VehicleType& vehicle = inputs.fleet[route.fleet_index];
    ++used[r][route.fleet_index];
    if (route.with_assistant) ++assisted[r][route.fleet_index];
    std::unordered_map<int, std::vector<std::string>> problems;
    check_route(inputs, route, problems);

    TransportRoute out;
    out.run = route.run;
    out.route_id = route.route_id;
    out.vehicle_type = vehicle.name;
    out.with_assistant = route.with_assistant;
    out.depot = vehicle.depot;
    out.depart = route.depart;
    out.return_time = route.return_time;
    out.miles = route.miles;
    const double mileage = route.miles * static_cast<double>(vehicle.cost_per_mile_pence);
    const double hours = (route.return_time - route.depart) / 60.0 *
                         static_cast<double>(vehicle.cost_per_hour_pence);
    out.running_cost_pence = pence(mileage) + pence(hours);
    summary.cost.mileage_pence += pence(mileage);
    summary.cost.hours_pence += pence(hours);
    summary.total_miles += route.miles;

    std::unordered_map<int, const TimedStop*> picked_up;
    for (const TimedStop& stop : route.stops) {
      const Pupil& pupil = inputs.pupils[stop.pupil];
      const School& school = schools.of(pupil);
      const bool at_school = (route.run == Run::kMorning) != stop.pickup;
      out.stops.push_back({pupil.id, stop.pickup, at_school ? school.id : "home",
                           at_school ? school.location : pupil.home, stop.arrival, stop.time});
      if (stop.pickup) {
        picked_up[stop.pupil] = &stop;
        continue;
      }
      const auto on = picked_up.find(stop.pupil);
      if (on == picked_up.end()) continue;  // readers reject drop-offs before pickups
      PupilRun& result = outcome[r * n + stop.pupil];
      ++served_count[r * n + stop.pupil];
      result.route_id = out.route_id;
      result.pickup = on->second->time;
      result.dropoff = stop.time;
      result.ride_minutes = counted_ride_minutes(pupil, on->second->time, stop.time, policy);
      const RideLimit& limit = limits.runs[r][stop.pupil];
      result.group = limit_group(limit, result.ride_minutes);
      result.excess_minutes = std::max(0.0, result.ride_minutes - limit.guidance_minutes);
      if (result.group == LimitGroup::kUnavoidable) result.note = unavoidable_note(limit);
      std::vector<std::string>& reasons = problems[stop.pupil];
      if (result.group == LimitGroup::kAvoidable)
        reasons.insert(
            reasons.begin(),
            limit.unavoidable()
                ? fmt::format("ride {:.0f} min exceeds the {:.0f} min allowed for a "
                              "direct journey of {:.0f} min (guidance {} min)",
                              std::ceil(result.ride_minutes - kEpsilon), limit.allowed_minutes,
                              std::ceil(limit.direct_minutes - kEpsilon), limit.guidance_minutes)
                : fmt::format("ride {:.0f} min exceeds the limit of {} min",
                              std::ceil(result.ride_minutes - kEpsilon), limit.guidance_minutes));
      const Window window = stop_window(pupil, school, route.run, route.run == Run::kAfternoon);
      const double at_school_time = route.run == Run::kMorning ? stop.time : on->second->time;
      if (at_school_time < window.ready - kEpsilon)
        reasons.push_back(fmt::format("{} school at {}, before {}",
                                      route.run == Run::kMorning ? "arrives at" : "leaves",
                                      clock(at_school_time), clock(window.ready)));
      if (at_school_time > window.due + kEpsilon)
        reasons.push_back(fmt::format("arrives at school at {}, too late for the {} start",
                                      clock(at_school_time), clock(school.start_minutes)));
      std::string joined;
      for (const std::string& reason : reasons) joined += (joined.empty() ? "" : "; ") + reason;
      result.reason = joined;
      result.compliant = joined.empty();
    }
    day.routes.push_back(std::move(out));
  }
  for (const UnservedPupil& u : unserved) {
    const int r = u.run == Run::kMorning ? 0 : 1;
    outcome[r * n + u.pupil].reason = u.reason;
  }
  double ride_total = 0, excess_total = 0;
  int rides = 0;
  for (size_t i = 0; i < outcome.size(); ++i) {
    PupilRun& run = outcome[i];
    if (served_count[i] > 1) {
      run.compliant = false;
      run.reason = fmt::format("on {} routes in one run", served_count[i]);
    }
    if (served_count[i] == 0) {
      ++summary.unserved;
    } else {
      ride_total += run.ride_minutes;
      ++rides;
      summary.max_ride_minutes = std::max(summary.max_ride_minutes, run.ride_minutes);
      if (!run.compliant) ++summary.over_limit;
      switch (run.group) {
        case LimitGroup::kWithin:
          ++summary.within_guidance;
          break;
        case LimitGroup::kUnavoidable:
          ++summary.over_guidance_unavoidable;
          excess_total += run.excess_minutes;
          summary.max_unavoidable_excess_minutes =
              std::max(summary.max_unavoidable_excess_minutes, run.excess_minutes);
          break;
        case LimitGroup::kAvoidable:
          ++summary.over_guidance_avoidable;
          break;
      }
    }
  }
  summary.mean_ride_minutes = rides > 0 ? ride_total / rides : 0;
  summary.mean_unavoidable_excess_minutes =
      summary.over_guidance_unavoidable > 0 ? excess_total / summary.over_guidance_unavoidable : 0;
  for (size_t p = 0; p < n; ++p) {
    day.pupil_runs.push_back(std::move(outcome[p]));
    day.pupil_runs.push_back(std::move(outcome[n + p]));
  }
  for (size_t f = 0; f < inputs.fleet.size(); ++f) {
    const VehicleType& vehicle = inputs.fleet[f];
    const int vehicles = std::max(used[0][f], used[1][f]);
    const int assistants = std::max(assisted[0][f], assisted[1][f]);
    if (vehicles > 0) summary.vehicles_by_type[vehicle.name] = vehicles;
    summary.vehicles += vehicles;
    summary.assistants += assistants;
    summary.routes_am += used[0][f];
    summary.routes_pm += used[1][f];
    summary.cost.vehicles_pence += vehicles * vehicle.fixed_cost_per_day_pence;
    summary.cost.assistants_pence += assistants * vehicle.assistant_cost_per_day_pence;
  }
  return day;
}

}  // namespace sendplan::transport
