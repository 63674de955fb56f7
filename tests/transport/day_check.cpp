#include "day_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace sendplan::transport::testing {

namespace {

constexpr double kTolerance = 1e-4;  // minutes and miles
constexpr double kMilesPerMetre = 1 / 1609.344;

struct Index {
  std::map<std::string, int> pupil, school, fleet;
};

}  // namespace

std::string check_day(const TransportInputs& inputs, const travel::TravelMatrix& morning,
                      const travel::TravelMatrix& afternoon, const DayPlan& day,
                      const Policy& policy) {
  std::string out;
  auto fail = [&out](const std::string& text) { out += text + "\n"; };
  Index index;
  for (size_t i = 0; i < inputs.pupils.size(); ++i) index.pupil[inputs.pupils[i].id] = int(i);
  for (size_t i = 0; i < inputs.schools.size(); ++i) index.school[inputs.schools[i].id] = int(i);
  for (size_t i = 0; i < inputs.fleet.size(); ++i) index.fleet[inputs.fleet[i].name] = int(i);
  const int homes = static_cast<int>(inputs.pupils.size());
  const int depots = homes + static_cast<int>(inputs.schools.size());

  // (run, pupil) -> route id, with the times seen on the route.
  struct Seen {
    std::string route;
    double on = 0, off = 0;
    int count = 0;
  };
  std::map<std::pair<int, std::string>, Seen> seen;
  std::map<std::string, int> used[2], assisted[2];
  double miles_total = 0, mileage = 0, hours = 0;
  std::set<std::string> route_ids;

  for (const TransportRoute& route : day.routes) {
    const std::string where = fmt::format("route {}", route.route_id);
    if (!route_ids.insert(route.route_id).second) fail(where + ": route id used twice");
    const auto f = index.fleet.find(route.vehicle_type);
    if (f == index.fleet.end()) {
      fail(where + ": unknown vehicle type " + route.vehicle_type);
      continue;
    }
    const VehicleType& vehicle = inputs.fleet[f->second];
    const int r = route.run == Run::kMorning ? 0 : 1;
    const travel::TravelMatrix& m = r == 0 ? morning : afternoon;
    ++used[r][vehicle.name];
    if (route.with_assistant) ++assisted[r][vehicle.name];
    const int depot = depots + f->second;
    int at = depot;
    double free_at = route.depart, metres = 0;
    std::vector<int> on_board;
    std::map<int, double> got_on;
    for (size_t k = 0; k < route.stops.size(); ++k) {
      const RouteStop& stop = route.stops[k];
      const std::string here = fmt::format("{} stop {} ({} {})", where, k + 1, stop.pupil_id,
                                           stop.pickup ? "pickup" : "dropoff");
      const auto p = index.pupil.find(stop.pupil_id);
      if (p == index.pupil.end()) {
        fail(here + ": unknown pupil");
        continue;
      }
      const Pupil& pupil = inputs.pupils[p->second];
      const int s = index.school.at(pupil.school_id);
      const School& school = inputs.schools[s];
      const bool at_school = (r == 0) != stop.pickup;
      const int place = at_school ? homes + s : p->second;
      if (stop.place != (at_school ? school.id : std::string("home")))
        fail(here + ": place " + stop.place);
      const double arrive = free_at + m.seconds_between(at, place) / 60.0;
      metres += m.metres_between(at, place);
      if (std::abs(stop.arrival - arrive) > kTolerance)
        fail(fmt::format("{}: arrival {:.4f}, travel gives {:.4f}", here, stop.arrival, arrive));
      if (stop.time < arrive - kTolerance)
        fail(fmt::format("{}: served at {:.4f} before arriving {:.4f}", here, stop.time, arrive));
      if (at_school && r == 0) {
        const double open = school.start_minutes - school.earliest_arrival_minutes;
        if (stop.time < open - kTolerance ||
            stop.time >
                std::max(open, double(school.start_minutes - pupil.boarding_minutes)) + kTolerance)
          fail(fmt::format("{}: drop-off at {:.2f} outside the school window", here, stop.time));
      }
      if (at_school && r == 1 && stop.time < school.finish_minutes - kTolerance)
        fail(fmt::format("{}: collected at {:.2f} before the finish", here, stop.time));
      free_at = stop.time + pupil.boarding_minutes;
      at = place;
      Seen& record = seen[{r, pupil.id}];
      if (stop.pickup) {
        if (got_on.count(p->second)) fail(here + ": picked up twice");
        got_on[p->second] = stop.time;
        for (int other : on_board) {
          const Pupil& with = inputs.pupils[other];
          if (pupil.must_travel_alone || with.must_travel_alone)
            fail(fmt::format("{}: {} and {} share though one travels alone", here, pupil.id,
                             with.id));
          if (std::count(pupil.not_with.begin(), pupil.not_with.end(), with.id) ||
              std::count(with.not_with.begin(), with.not_with.end(), pupil.id))
            fail(fmt::format("{}: not_with pair {} and {} together", here, pupil.id, with.id));
        }
        on_board.push_back(p->second);
        int seated = 0, chairs = 0;
        for (int q : on_board) (inputs.pupils[q].wheelchair ? chairs : seated)++;
        if (seated > vehicle.seats - (route.with_assistant ? 1 : 0))
          fail(fmt::format("{}: {} seated, too many for the {}", here, seated, vehicle.name));
        if (chairs > vehicle.wheelchair_spaces)
          fail(fmt::format("{}: {} wheelchairs, the {} has {}", here, chairs, vehicle.name,
                           vehicle.wheelchair_spaces));
        if (pupil.needs_passenger_assistant && !route.with_assistant)
          fail(here + ": needs an assistant, route has none");
      } else {
        if (!got_on.count(p->second)) {
          fail(here + ": dropped off but never picked up on this route");
          continue;
        }
        std::erase(on_board, p->second);
        ++record.count;
        record.route = route.route_id;
        record.on = got_on[p->second];
        record.off = stop.time;
      }
    }
    if (!on_board.empty()) fail(where + ": children left on board");
    const double back = free_at + m.seconds_between(at, depot) / 60.0;
    metres += m.metres_between(at, depot);
    if (std::abs(back - route.return_time) > kTolerance)
      fail(fmt::format("{}: return {:.4f}, travel gives {:.4f}", where, route.return_time, back));
    if (std::abs(route.miles - metres * kMilesPerMetre) > kTolerance)
      fail(fmt::format("{}: {:.4f} miles, travel gives {:.4f}", where, route.miles,
                       metres * kMilesPerMetre));
    miles_total += metres * kMilesPerMetre;
    mileage += metres * kMilesPerMetre * static_cast<double>(vehicle.cost_per_mile_pence);
    hours += (back - route.depart) / 60 * static_cast<double>(vehicle.cost_per_hour_pence);
  }

  // Each child's outcome on each run.
  int unserved = 0, compliant_rides = 0;
  int groups[3] = {0, 0, 0};  // within, unavoidable, avoidable
  if (day.pupil_runs.size() != 2 * inputs.pupils.size())
    fail(fmt::format("{} pupil runs for {} pupils", day.pupil_runs.size(), inputs.pupils.size()));
  for (const PupilRun& run : day.pupil_runs) {
    const int r = run.run == Run::kMorning ? 0 : 1;
    const std::string here = fmt::format("{} {}", run.pupil_id, run_name(run.run));
    const auto p = index.pupil.find(run.pupil_id);
    if (p == index.pupil.end()) {
      fail(here + ": unknown pupil");
      continue;
    }
    const Pupil& pupil = inputs.pupils[p->second];
    const auto found = seen.find({r, run.pupil_id});
    if (found == seen.end() || found->second.count == 0) {
      ++unserved;
      if (!run.route_id.empty()) fail(here + ": has a route but is on none");
      if (run.reason.empty()) fail(here + ": not served and no reason given");
      if (run.compliant) fail(here + ": not served but marked compliant");
      continue;
    }
    const Seen& s = found->second;
    if (s.count > 1) fail(here + ": on several routes");
    if (run.route_id != s.route) fail(here + ": route " + run.route_id + ", rides " + s.route);
    if (std::abs(run.pickup - s.on) > kTolerance || std::abs(run.dropoff - s.off) > kTolerance)
      fail(here + ": times differ from the route");
    const bool from_collection = policy.ride_counting == RideCounting::kFromCollection;
    const double ride = s.off - s.on - (from_collection ? 0 : pupil.boarding_minutes);
    if (std::abs(run.ride_minutes - ride) > kTolerance)
      fail(fmt::format("{}: ride {:.4f}, route gives {:.4f}", here, run.ride_minutes, ride));
    // The direct journey, counted as rides are, and what the child may ride.
    const int home = p->second, school = homes + index.school.at(pupil.school_id);
    const travel::TravelMatrix& m = r == 0 ? morning : afternoon;
    const double direct =
        (r == 0 ? m.seconds_between(home, school) : m.seconds_between(school, home)) / 60.0 +
        (from_collection ? pupil.boarding_minutes : 0);
    const int guidance = pupil.max_ride_minutes;
    const bool unavoidable = direct > guidance + kTolerance;
    double allowed = guidance;
    if (unavoidable)
      allowed = std::ceil(direct +
                          std::max(direct * policy.unavoidable_allowance_percent / 100.0,
                                   double(policy.unavoidable_allowance_minutes)) -
                          1e-6);
    if (run.compliant && ride > allowed + kTolerance)
      fail(
          fmt::format("{}: compliant but rides {:.2f} > {:.2f} allowed (guidance {}, direct "
                      "{:.2f})",
                      here, ride, allowed, guidance, direct));
    const LimitGroup group = ride <= guidance + kTolerance ? LimitGroup::kWithin
                             : unavoidable && ride <= allowed + kTolerance
                                 ? LimitGroup::kUnavoidable
                                 : LimitGroup::kAvoidable;
    if (run.group != group)
      fail(fmt::format("{}: group {}, the ride of {:.2f} (guidance {}, direct {:.2f}) is {}", here,
                       limit_group_name(run.group), ride, guidance, direct,
                       limit_group_name(group)));
    if (std::abs(run.excess_minutes - std::max(0.0, ride - guidance)) > kTolerance)
      fail(fmt::format("{}: excess {:.2f} minutes is wrong", here, run.excess_minutes));
    if (run.limit_minutes != guidance) fail(here + ": limit is not the child's guidance");
    ++groups[static_cast<int>(group)];
    if (run.compliant) ++compliant_rides;
  }

  // Fleet use and the day's totals.
  const DaySummary& summary = day.summary;
  int vehicles = 0, assistants = 0, routes_am = 0, routes_pm = 0;
  double fixed = 0, assistant_cost = 0;
  for (const VehicleType& v : inputs.fleet) {
    for (int r = 0; r < 2; ++r)
      if (used[r][v.name] > v.available)
        fail(fmt::format("{} {} vehicles used on a run, {} available", used[r][v.name], v.name,
                         v.available));
    const int need = std::max(used[0][v.name], used[1][v.name]);
    const int helpers = std::max(assisted[0][v.name], assisted[1][v.name]);
    vehicles += need;
    assistants += helpers;
    routes_am += used[0][v.name];
    routes_pm += used[1][v.name];
    fixed += need * static_cast<double>(v.fixed_cost_per_day_pence);
    assistant_cost += helpers * static_cast<double>(v.assistant_cost_per_day_pence);
  }
  if (summary.vehicles != vehicles)
    fail(fmt::format("summary: {} vehicles, routes need {}", summary.vehicles, vehicles));
  if (summary.assistants != assistants)
    fail(fmt::format("summary: {} assistants, routes need {}", summary.assistants, assistants));
  if (summary.routes_am != routes_am || summary.routes_pm != routes_pm)
    fail("summary: route counts differ");
  if (summary.within_guidance != groups[0] || summary.over_guidance_unavoidable != groups[1] ||
      summary.over_guidance_avoidable != groups[2])
    fail(fmt::format("summary: journey-time groups {}/{}/{}, counted {}/{}/{}",
                     summary.within_guidance, summary.over_guidance_unavoidable,
                     summary.over_guidance_avoidable, groups[0], groups[1], groups[2]));
  if (summary.unserved != unserved)
    fail(fmt::format("summary: {} unserved, counted {}", summary.unserved, unserved));
  if (std::abs(summary.total_miles - miles_total) > 1e-3) fail("summary: miles differ");
  const double cost = fixed + assistant_cost + mileage + hours;
  const double rounding = static_cast<double>(day.routes.size()) + 1;
  if (std::abs(static_cast<double>(summary.cost.total_pence()) - cost) > rounding)
    fail(
        fmt::format("summary: cost {} pence, recomputed {:.1f}", summary.cost.total_pence(), cost));
  (void)compliant_rides;
  return out;
}

}  // namespace sendplan::transport::testing
