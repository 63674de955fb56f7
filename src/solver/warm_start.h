// Warm starts: the search, or a plain insertion, begun from routes the caller gives (a plan in
// force, the union of each borough's own plan, routes an officer locked) instead of from scratch.
// A start is checked against the problem first and refused with a reason when it breaks a rule:
// it is never silently repaired. Requests on no route of the start are then inserted. Times and
// costs are in the problem's own units. Stateless functions; thread-safe (the problem is const).
#pragma once

#include <vector>

#include "core/result.h"
#include "model/plan.h"
#include "model/problem.h"
#include "solver/parameters.h"
#include "solver/solution.h"
#include "solver/solve.h"

namespace sendplan::solver {

// One stop of a start route. `pickup` names which of the request's two StopSpecs it is, as
// model::PlannedStop::is_pickup does: true = Request::pickup, false = Request::delivery. Hence by
// model::RequestKind:
//   kPickupDelivery — two stops on one route, {r, true} before {r, false};
//   kPickup         — one stop {r, true} (collected, carried to the end depot);
//   kDelivery       — one stop {r, false} (loaded at the start depot, dropped off).
struct StartStop {
  int request = 0;  // index into Problem::requests()
  bool pickup = true;
};

// A route to start from: an engine vehicle type (index into Problem::vehicle_types()) and its
// stops in visiting order, depots excluded. A route without stops uses no vehicle and is ignored.
struct StartRoute {
  int vehicle_type = 0;
  std::vector<StartStop> stops;
};

// The routes to start from. Requests on none of them are to be inserted.
struct StartSolution {
  std::vector<StartRoute> routes;
};

// The routes of a finished plan as a start, in the plan's order, so a plan can be fed back in.
// Vehicle indices are dropped (vehicles of one type are interchangeable: each route gets the
// first unused vehicle of its type); unserved requests are on no route, so they are tried again.
StartSolution start_from_plan(const model::Plan& plan);

// Checks a start against the problem: vehicle types and requests in range; each stop one the
// request has (see StartStop); every request on at most one route, each stop once, and both stops
// of a paired request on the same route, pickup first; no more routes of a type than its count;
// no more routes over a fleet limit's types than its limit; and every route feasible by the
// RouteEvaluator (capacity, time windows, ride time, duration, shift, ride alone, not together,
// precedence). On failure the kInvalidInput error names the first offending route (its index in
// start.routes and its type), the request (Request::name) and the rule, e.g.
//   "route 3 (taxi): request P0007: time window: its pickup cannot start before 492.00, 12.00
//    after its window closes at 480.00".
Status check_start(const model::Problem& problem, const StartSolution& start);

// The start as search state of `model`: the routes of check_start's start, in order, each on the
// first unused vehicle of its type (so per type the start's routes take its vehicles in order),
// the requests on no route unassigned (in index order), `unserved_penalty` per unassigned
// request. The same errors as check_start, which is this without keeping the state.
Result<Solution> start_state(const SearchModel& model, const StartSolution& start,
                             double unserved_penalty);

// The search (as solve()) started from `start`: the start's routes are the initial state, the
// requests not in it are inserted by the usual regret repair, and the ALNS then runs for the
// usual limits (the time limit counts from the call). The best is initialised from the completed
// start, so the result is never worse than it (by the search's cost: route cost plus the
// unserved penalty). With several threads, every thread starts from it (seeds seed, seed+1, ...).
// Deterministic for the same seed, max_iterations (and no time limit) and start. Errors: invalid
// parameters (kInvalidArgument) and a start check_start refuses (kInvalidInput).
Result<model::Plan> solve_from(const model::Problem& problem, const SolverParameters& parameters,
                               const StartSolution& start,
                               const ProgressCallback& on_progress = {});

// Keeps every route of `start` as it is and only inserts the requests that are not in it (for
// mid-term updates: a new child goes where it costs least, the other routes stay put): cheapest
// feasible insertion with regret-2 (InsertionRepair), into the start's routes (and any vehicles
// opened) while one can take a request; a new vehicle is opened only when none can, for the
// request the regret rule picks, and then insertion into used routes resumes. A start route's
// stops keep their order; new stops go between them. No search, no local search: deterministic,
// and parameters.seed, limits and threads do not matter (parameters must still be valid). The
// plan's routes come in vehicle order: per type, the start's routes in their order, then the
// vehicles opened. Requests that fit nowhere are listed unserved with the reason.
// Cost: O(vehicles opened × pending × routes) insertion evaluations — meant for starts that leave
// out few requests. Errors as solve_from.
Result<model::Plan> insert_into(const model::Problem& problem, const SolverParameters& parameters,
                                const StartSolution& start);

}  // namespace sendplan::solver
