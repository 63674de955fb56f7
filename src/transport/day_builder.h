// From timed routes to a DayPlan: route ids, what each child gets on each run, every rule checked
// for every child, and the day's cost. Used for the planner's own routes and for costing a
// borough's current routes with the same model, so the two are compared like for like.
#pragma once

#include <string>
#include <vector>

#include "transport/day_plan.h"
#include "transport/readers.h"
#include "travel/travel_source.h"

namespace sendplan::transport {

struct TimedStop {
  int pupil = 0;  // index into TransportInputs::pupils
  bool pickup = true;
  double arrival = 0;  // minutes since midnight
  double time = 0;     // getting on or off
};

struct TimedRoute {
  Run run = Run::kMorning;
  int fleet_index = 0;  // into TransportInputs::fleet
  bool with_assistant = false;
  double depart = 0;
  double return_time = 0;
  double miles = 0;
  std::string route_id;  // "" = numbered AM-001, AM-002, ... in order
  std::vector<TimedStop> stops;
};

// A child-run not on any route, and why.
struct UnservedPupil {
  int pupil = 0;
  Run run = Run::kMorning;
  std::string reason;
};

// Builds the DayPlan: routes as given (AM ones first), two PupilRuns per pupil (AM, PM), each
// checked against the child's ride limit on that run (`limits`, counted as `policy` says), school
// window, wheelchair space, assistant, travel-alone and not_with rules and the vehicle's
// capacity; and the summary (see DaySummary).
DayPlan build_day_plan(std::string name, const TransportInputs& inputs,
                       std::vector<TimedRoute> routes, const std::vector<UnservedPupil>& unserved,
                       const DayRideLimits& limits, const Policy& policy, int school_days_per_year);

// Times a fixed sequence of stops on a vehicle leaving `depart_at_least` or later: drives to each
// stop in turn, waits for a school's window to open, boards each child for their boarding minutes,
// then starts as late as the schedule allows without missing any window it kept (less time on
// board). Used to re-time a borough's current routes with sendplan's travel model.
TimedRoute time_route(const TransportInputs& inputs, const travel::TravelMatrix& matrix, Run run,
                      int fleet_index, bool with_assistant,
                      const std::vector<std::pair<int, bool>>& stops, double depart_at_least);

}  // namespace sendplan::transport
