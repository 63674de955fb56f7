// RunProblem: one run of a school day (the morning run home -> school, or the afternoon run
// school -> home) as a dial-a-ride Problem for the engine, with the maps back to pupils, places
// and vehicles. Units inside the Problem: minutes since midnight, miles, pence.
//
// How the borough's rules become engine constraints:
// - one paired request per pupil: AM pickup at home, drop-off at school; PM the reverse. Boarding
//   minutes are the service time at both ends; the maximum ride time is the child's limit
//   (ride_limits.h: max_ride_minutes, or the direct journey plus an allowance when that is
//   longer), in the engine's terms (from the end of boarding to arriving).
// - school window: AM drop-off between start - earliest_arrival and start - boarding (off the
//   vehicle by the bell); PM pickup between finish and finish + afternoon_pickup_window.
// - load dimensions: seats, wheelchair spaces, "assisted children". A wheelchair user takes a
//   wheelchair space, everyone else a seat; a child who needs a passenger assistant also takes
//   one "assisted" unit, which only vehicles carrying an assistant have.
// - each fleet vehicle type becomes an engine vehicle type without an assistant and, when some
//   child needs one, a variant with an assistant (one seat fewer, plus the assistant's daily
//   cost); both draw on the same `available` vehicles (a fleet limit).
// - travel_alone -> ride alone; not_with -> must not be on board together.
// - fixed cost: each run's engine cost includes the vehicle's (and assistant's) daily cost, so
//   each run uses as few vehicles as it can; the day's cost is worked out in planner.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/problem.h"
#include "transport/day_plan.h"
#include "transport/readers.h"
#include "transport/ride_limits.h"
#include "travel/travel_source.h"

namespace sendplan::transport {

// Settings of a run beyond the borough's policy.
struct RunSettings {
  int afternoon_pickup_window_minutes = 15;  // children may be collected this long after finish
  int morning_shift_start = 5 * 60 + 30;     // vehicles may leave the depot from 05:30
  int morning_shift_end = 11 * 60;           // and be back by 11:00
  int afternoon_shift_start = 13 * 60;       // 13:00
  int afternoon_shift_end = 20 * 60;         // 20:00
};

// The places of a borough's day, in this order: each pupil's home, each school, each fleet
// depot. Ids: the pupil id, the school id, the vehicle type (for the travel CSV matrix).
struct DayPlaces {
  std::vector<travel::Place> places;
  int school_offset = 0;  // index of schools[0]
  int depot_offset = 0;   // index of fleet[0]'s depot
};
DayPlaces day_places(const TransportInputs& inputs);

// Which engine vehicle type stands for which fleet vehicle type.
struct VehicleVariant {
  int fleet_index = 0;  // into TransportInputs::fleet
  bool with_assistant = false;
};

struct RunProblem {
  Run run = Run::kMorning;
  model::Problem problem;
  std::vector<int> request_pupil;        // engine request -> index into inputs.pupils
  std::vector<RideLimit> limits;         // engine request -> the child's limit on this run
  std::vector<VehicleVariant> variants;  // engine vehicle type -> fleet type
};

// Times a plan in force gave each child (per pupil of `inputs`), for a mid-term update: each
// given stop's window is narrowed to within `max_shift` minutes of its time (unless the two do
// not overlap: then the child keeps the full window, and their time may move more).
struct TimeAnchors {
  std::vector<std::optional<double>> pickup;   // per pupil: when they got on
  std::vector<std::optional<double>> dropoff;  // per pupil: when they got off
  double max_shift = 10;
};

// Builds the engine Problem of one run over every pupil. `matrix` covers day_places(inputs).
Result<RunProblem> build_run_problem(const TransportInputs& inputs, Run run,
                                     const travel::TravelMatrix& matrix, const Policy& policy,
                                     const RunSettings& settings,
                                     const TimeAnchors* anchors = nullptr);

}  // namespace sendplan::transport
