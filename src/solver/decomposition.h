// Decomposition, for threads that split the work: the routes of one solution are cut into parts
// (neighbouring routes together), each part becomes a problem of its own — its requests, its
// vehicles and the places they use — searched on its own thread, and the parts' new routes are
// put back together. A part's search starts from the part's routes and keeps its best, so the
// whole never gets worse; moves between parts wait for the next cut (a different one each turn)
// or for a whole-problem epoch. Stateless functions; thread-safe on a const solution.
#pragma once

#include <cstdint>
#include <vector>

#include "solver/parameters.h"
#include "solver/solution.h"

namespace sendplan::solver {

// The used routes of `solution` cut into `parts` groups of neighbouring routes with about as many
// requests each: by the angle of each route's centre around the centre of all stops when the
// problem has coordinates, by the mean start of service otherwise. `turn` rotates where the cuts
// fall, so that successive turns group routes differently. Deterministic. Groups may be empty
// (fewer routes than parts).
std::vector<std::vector<int>> split_routes(const Solution& solution, int parts, int turn);

// Searches the routes of `vehicles` as a problem of their own (an ALNS with `parameters`, one
// thread, no restarts, from those routes) and returns each vehicle's new stops, in the ids of
// `solution`'s model and in the order of `vehicles`. Adds the iterations run to `*iterations`.
std::vector<std::vector<int>> improve_part(const Solution& solution,
                                           const std::vector<int>& vehicles,
                                           const SolverParameters& parameters, uint64_t seed,
                                           int64_t* iterations);

// `base` with the routes of `vehicles` replaced by `stops` (one sequence per vehicle; the
// requests on them must be those the vehicles carry in `base`). Vehicles of one type are
// interchangeable, so routes may move to other vehicles of their type. Returns `base` unchanged
// when the result would not be a feasible solution at least as good.
Solution merge_routes(const Solution& base, const std::vector<int>& vehicles,
                      const std::vector<std::vector<int>>& stops);

}  // namespace sendplan::solver
