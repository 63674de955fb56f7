// Small hand-made boroughs for the planner tests: places on a ~1 km grid in north-east London,
// pupils, schools and vehicles with the usual defaults, quick seeded settings, and a plan()
// that also runs the independent day check.
#pragma once

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "day_check.h"
#include "transport/planner.h"
#include "travel/london_model.h"

namespace sendplan::transport::testing {

// About 1.1 km per 0.01 degree of latitude, 0.7 km per 0.01 degree of longitude in London.
inline geo::LatLon near(double north, double east) {
  return {51.545 + north * 0.009, -0.055 + east * 0.0144};  // steps of about 1 km
}

inline Pupil pupil(const std::string& id, geo::LatLon home, const std::string& school = "S1") {
  Pupil p;
  p.id = id;
  p.borough = "Test";
  p.home = home;
  p.school_id = school;
  p.phase = Phase::kSecondary;
  p.max_ride_minutes = 75;
  p.boarding_minutes = 2;
  return p;
}

inline School school(const std::string& id, geo::LatLon where, int start = 9 * 60) {
  School s;
  s.id = id;
  s.name = "School " + id;
  s.borough = "Test";
  s.location = where;
  s.start_minutes = start;
  s.finish_minutes = start + 6 * 60 + 30;
  s.earliest_arrival_minutes = 30;
  return s;
}

inline VehicleType vehicle(const std::string& name, int seats, int chairs, int available,
                           std::int64_t fixed_pence) {
  VehicleType v;
  v.name = name;
  v.seats = seats;
  v.wheelchair_spaces = chairs;
  v.available = available;
  v.fixed_cost_per_day_pence = fixed_pence;
  v.cost_per_mile_pence = 200;
  v.cost_per_hour_pence = 1200;
  v.assistant_cost_per_day_pence = 9000;
  v.depot = near(0, 0);
  return v;
}

inline PlannerSettings quick_settings() {
  PlannerSettings settings;
  settings.solver.time_limit_seconds = 0;
  settings.solver.max_iterations = 300;
  settings.solver.seed = 7;
  return settings;
}

struct Planned {
  PlannedDay day;
  std::string check;
};

inline Planned plan(const TransportInputs& inputs,
                    const PlannerSettings& settings = quick_settings()) {
  auto model = travel::make_london_model();
  EXPECT_TRUE(model.ok());
  auto matrices = day_matrices(inputs, *model.value());
  EXPECT_TRUE(matrices.ok()) << matrices.error().to_string();
  auto day = plan_day(inputs, std::move(matrices).value(), settings);
  EXPECT_TRUE(day.ok()) << day.error().to_string();
  Planned result{std::move(day).value(), ""};
  result.check = check_day(inputs, result.day.matrices.morning, result.day.matrices.afternoon,
                           result.day.day, settings.policy);
  return result;
}

inline const PupilRun& outcome(const DayPlan& day, const std::string& id, Run run) {
  for (const PupilRun& r : day.pupil_runs)
    if (r.pupil_id == id && r.run == run) return r;
  throw std::runtime_error("no outcome for " + id);
}

inline const TransportRoute& route_of(const DayPlan& day, const std::string& id, Run run) {
  const std::string& route = outcome(day, id, run).route_id;
  for (const TransportRoute& r : day.routes)
    if (r.route_id == route) return r;
  throw std::runtime_error("no route for " + id);
}

}  // namespace sendplan::transport::testing
