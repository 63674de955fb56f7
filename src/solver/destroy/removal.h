// Destroy operators of the large neighbourhood search: each removes about `count` served requests
// from the solution (they become unassigned) and draws every random choice from `random`.
//   random  — uniformly chosen requests (diversifies);
//   worst   — requests whose removal saves most, with a random bias (Ropke & Pisinger 2006);
//   related — requests close in place and time to each other (Shaw 1998), so they can be swapped;
//   route   — every request of one route (lets the search empty vehicles);
//   split   — cuts one route in two onto an empty vehicle, then removes randomly (lets the search
//             open vehicles again: insertion alone rarely pays for a new route's depot legs).
#pragma once

#include <vector>

#include "core/random.h"
#include "solver/solution.h"

namespace sendplan::solver {

enum class DestroyKind { kRandom, kWorst, kRelated, kRoute, kSplit };
inline constexpr int kDestroyKindCount = 5;

struct DestroyContext {
  RouteEvaluator& evaluator;
  Random& random;
  std::vector<int> served;  // scratch
};

void random_removal(Solution& solution, int count, DestroyContext& context);
void worst_removal(Solution& solution, int count, DestroyContext& context);
void related_removal(Solution& solution, int count, DestroyContext& context);
void route_removal(Solution& solution, int count, DestroyContext& context);
void split_removal(Solution& solution, int count, DestroyContext& context);

void destroy(DestroyKind kind, Solution& solution, int count, DestroyContext& context);

// The requests currently on a route, in request order.
void collect_served(const Solution& solution, std::vector<int>& out);

}  // namespace sendplan::solver
