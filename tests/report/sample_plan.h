// A small hand-made DayPlan for the report tests: two AM routes and one PM route for three
// pupils at two schools. The PM run of the pupil with the awkward id is unserved, and P1's PM
// ride (52 minutes, limit 45) is not compliant. Times are fractional minutes so rounding shows.
#pragma once

#include <string>
#include <vector>

#include "transport/day_plan.h"
#include "transport/inputs.h"

namespace sendplan::report::testing {

// An id that needs HTML escaping and CSV quoting.
inline const std::string kScriptId = "<script>alert(\"x\")</script>";

inline const geo::LatLon kDepot{51.5, -0.11};
inline const geo::LatLon kHome1{51.5321, -0.1057};
inline const geo::LatLon kHome2{51.52001, -0.12002};
inline const geo::LatLon kHome3{51.56, -0.09};
inline const geo::LatLon kSchool1{51.54321, -0.14321};
inline const geo::LatLon kSchool2{51.55555, -0.10001};

inline std::vector<transport::School> sample_schools() {
  transport::School s1;
  s1.id = "S1";
  s1.name = "St Mary's & St John's";
  s1.location = kSchool1;
  transport::School s2;
  s2.id = "S2";
  s2.name = "Oak Hill School";
  s2.location = kSchool2;
  return {s1, s2};
}

inline std::vector<transport::Pupil> sample_pupils() {
  transport::Pupil p1;
  p1.id = "P1";
  p1.home = kHome1;
  p1.home_postcode = "N1 9GU";
  p1.school_id = "S1";
  p1.wheelchair = true;
  p1.age = 9;
  p1.max_ride_minutes = 45;
  transport::Pupil p2;
  p2.id = "P2";
  p2.home = kHome2;
  p2.school_id = "S1";
  p2.needs_passenger_assistant = true;
  p2.not_with = {"P9", "P12"};
  p2.age = 8;
  p2.max_ride_minutes = 45;
  transport::Pupil p3;
  p3.id = kScriptId;
  p3.home = kHome3;
  p3.home_postcode = "N7 6AA";
  p3.school_id = "S2";
  p3.must_travel_alone = true;
  p3.phase = transport::Phase::kSecondary;
  p3.age = 14;
  p3.max_ride_minutes = 75;
  return {p1, p2, p3};
}

inline transport::RouteStop stop(const std::string& pupil, bool pickup, const std::string& place,
                                 geo::LatLon location, double time) {
  return {pupil, pickup, place, location, time, time};
}

inline transport::DayPlan sample_plan() {
  using transport::Run;
  transport::DayPlan plan;
  plan.name = "planned";

  transport::TransportRoute am1;
  am1.run = Run::kMorning;
  am1.route_id = "AM-001";
  am1.vehicle_type = "Minibus, 8 seat";
  am1.with_assistant = true;
  am1.depot = kDepot;
  am1.depart = 450.2;       // 07:30
  am1.return_time = 545.6;  // 09:06
  am1.miles = 12.346;
  am1.stops = {stop("P1", true, "home", kHome1, 466.4), stop("P2", true, "home", kHome2, 478.5),
               stop("P1", false, "S1", kSchool1, 500.0), stop("P2", false, "S1", kSchool1, 502.49)};

  transport::TransportRoute am2;
  am2.run = Run::kMorning;
  am2.route_id = "AM-002";
  am2.vehicle_type = "car";
  am2.depot = kDepot;
  am2.depart = 470;
  am2.return_time = 540;
  am2.miles = 8.5;
  am2.stops = {stop(kScriptId, true, "home", kHome3, 490.0),
               stop(kScriptId, false, "S2", kSchool2, 515.0)};

  transport::TransportRoute pm1;
  pm1.run = Run::kAfternoon;
  pm1.route_id = "PM-001";
  pm1.vehicle_type = "Minibus, 8 seat";
  pm1.with_assistant = true;
  pm1.depot = kDepot;
  pm1.depart = 900;
  pm1.return_time = 1000.4;
  pm1.miles = 13.0;
  pm1.stops = {stop("P1", true, "S1", kSchool1, 920.0), stop("P2", true, "S1", kSchool1, 922.0),
               stop("P2", false, "home", kHome2, 940.0), stop("P1", false, "home", kHome1, 972.0)};
  plan.routes = {am1, am2, pm1};

  // (id, run, route, pickup, dropoff, ride, limit, compliant, reason): the direct journey is
  // within the limit for everyone, so a ride over the limit is avoidable.
  auto child = [](std::string id, Run run, std::string route, double pickup, double dropoff,
                  double ride, int limit, bool compliant, std::string reason) {
    transport::PupilRun r;
    r.pupil_id = std::move(id);
    r.run = run;
    r.route_id = std::move(route);
    r.pickup = pickup;
    r.dropoff = dropoff;
    r.ride_minutes = ride;
    r.limit_minutes = limit;
    r.direct_minutes = 20;
    r.allowed_minutes = limit;
    r.group = ride > limit ? transport::LimitGroup::kAvoidable : transport::LimitGroup::kWithin;
    r.excess_minutes = ride > limit ? ride - limit : 0;
    r.compliant = compliant;
    r.reason = std::move(reason);
    return r;
  };
  plan.pupil_runs = {
      child("P1", Run::kMorning, "AM-001", 466.4, 500.0, 33.6, 45, true, ""),
      child("P1", Run::kAfternoon, "PM-001", 920.0, 972.0, 52.0, 45, false,
            "ride 52.0 minutes is over the limit of 45"),
      child("P2", Run::kMorning, "AM-001", 478.5, 502.49, 23.99, 45, true, ""),
      child("P2", Run::kAfternoon, "PM-001", 922.0, 940.0, 18.0, 45, true, ""),
      child(kScriptId, Run::kMorning, "AM-002", 490.0, 515.0, 25.0, 75, true, ""),
      child(kScriptId, Run::kAfternoon, "", 0, 0, 0, 75, false,
            "no vehicle is free to take them alone (\"car\": all 1 in use)"),
  };

  transport::DaySummary& summary = plan.summary;
  summary.vehicles = 2;
  summary.vehicles_by_type = {{"Minibus, 8 seat", 1}, {"car", 1}};
  summary.routes_am = 2;
  summary.routes_pm = 1;
  summary.assistants = 1;
  summary.cost = {30500, 9000, 6123, 4377};  // £500.00 a day
  summary.total_miles = 33.8456;
  summary.mean_ride_minutes = 30.52;
  summary.max_ride_minutes = 52.0;
  summary.pupils = 3;
  summary.over_limit = 1;
  summary.unserved = 1;
  summary.within_guidance = 4;
  summary.over_guidance_avoidable = 1;
  return plan;
}

// The borough's routes today, costed: only the summary matters to the reports' comparison.
inline transport::DayPlan sample_current() {
  transport::DayPlan current;
  current.name = "current";
  current.summary.vehicles = 3;
  current.summary.vehicles_by_type = {{"car", 3}};
  current.summary.routes_am = 3;
  current.summary.routes_pm = 3;
  current.summary.cost = {40000, 9000, 8000, 5500};  // £625.00 a day
  current.summary.pupils = 3;
  current.summary.over_limit = 4;
  return current;
}

}  // namespace sendplan::report::testing
