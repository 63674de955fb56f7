// An independent check of a planned school day against the borough's inputs and the travel
// matrices, for the planner tests. It shares no code with the planner (transport/run_problem,
// day_builder, planner) or the engine: every time, load and cost is recomputed from the inputs
// and the matrices over day_places order (homes, schools, depots). Use it as
//   EXPECT_EQ(check_day(inputs, morning, afternoon, day), "");
// so a failure prints every violation found.
#pragma once

#include <string>

#include "transport/day_plan.h"
#include "transport/readers.h"
#include "travel/travel_matrix.h"

namespace sendplan::transport::testing {

// Every violation found, one per line ("" when the day is valid). Checks, per route: the vehicle
// type exists; each stop is the right place (home or the child's school) at the right position;
// arrival >= previous departure (previous stop time + boarding, or the depot departure) + travel;
// the stop time >= arrival; AM drop-offs inside [start - earliest arrival, start - boarding], PM
// pickups at or after the finish; each child picked up before dropped off on the same route; on
// board: seats (one fewer with an assistant) and wheelchair spaces never exceeded, a child who
// needs an assistant only on a route with one, a child who travels alone never with another, a
// not_with pair never together; the reported miles and return time follow from the matrix.
// For the day: each child on each run on exactly one route or not served with a reason; each
// PupilRun's times, ride minutes and compliance agree with its route; the ride is counted as
// `policy` says (from collection: drop-off time - pickup time; from the end of boarding: minus
// the boarding minutes); every compliant child rides within their limit, or — only when the
// direct journey (counted the same way) is itself longer than the limit — within the direct
// journey plus the policy's allowance; each served run's limit group (within / unavoidable /
// avoidable) and excess agree, and the summary's three group counts add up; vehicles of each type
// used per run <= available; the summary's vehicles, assistants, routes, miles, unserved and cost
// (fixed per day from max(AM, PM) per type, assistants likewise, mileage and hours per route) add
// up.
std::string check_day(const TransportInputs& inputs, const travel::TravelMatrix& morning,
                      const travel::TravelMatrix& afternoon, const DayPlan& day,
                      const Policy& policy = {});

}  // namespace sendplan::transport::testing
