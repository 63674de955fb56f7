// Cross-borough pooling: several boroughs' children, schools and fleets planned together, and the
// saving against each borough planning alone shared out fairly.
//
// Merging: pupil ids and vehicle types are prefixed with the borough's label ("camden/P0001",
// "camden/taxi") so they never clash; a school listed by several boroughs with the same id, the
// same place (within 100 m) and the same bell times is one school (children of different
// boroughs may then share a vehicle to it); other schools are prefixed too. Each borough's fleet
// stays its own (same depots, prices and counts) but any vehicle may carry any child.
//
// Sharing the pooled cost (per school day):
// - proportional: each borough pays the pooled cost in proportion to its stand-alone cost, so
//   every borough saves the same percentage;
// - Shapley: each borough pays its average marginal cost over every order in which the boroughs
//   could join (needs a plan for every coalition: 2^k - 1 plans, so at most 5 boroughs).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "transport/readers.h"

namespace sendplan::transport {

struct BoroughInputs {
  std::string label;  // e.g. "camden": letters, digits, '-' and '_'
  TransportInputs inputs;
};

struct MergedInputs {
  TransportInputs inputs;
  std::vector<int> pupil_borough;  // merged pupil -> index into the boroughs
  int shared_schools = 0;          // schools used by more than one borough
};

MergedInputs merge_boroughs(const std::vector<BoroughInputs>& boroughs);
// The merged inputs of the boroughs whose bits are set in `members` (bit i = boroughs[i]).
MergedInputs merge_coalition(const std::vector<BoroughInputs>& boroughs, unsigned members);

enum class CostSharing { kProportional, kShapley };

struct BoroughShare {
  std::string label;
  int pupils = 0;
  std::int64_t standalone_pence = 0;  // per day, planning alone
  std::int64_t share_pence = 0;       // per day, its share of the pooled cost
  std::int64_t saving_pence() const { return standalone_pence - share_pence; }
};

// Proportional shares of `pooled_pence`; the shares add up to it exactly (largest remainders).
std::vector<std::int64_t> proportional_shares(const std::vector<std::int64_t>& standalone,
                                              std::int64_t pooled_pence);

// The cost of each coalition when it may also run as any split of itself: cost[s] becomes the
// least of cost[s] and cost[a] + cost[s \ a] over its splits (smallest coalitions first). A
// heuristic's plan for a coalition can cost more than its members' separate plans; this keeps
// the game honest (no borough is charged for a pooling that did not pay).
std::vector<std::int64_t> separable_costs(int boroughs, std::vector<std::int64_t> cost);

// Shapley shares from the cost of every coalition: cost[mask] for mask in 1 .. 2^k - 1 (cost[0]
// is 0). The shares add up to cost[2^k - 1] (up to rounding, which goes to the largest share).
std::vector<std::int64_t> shapley_shares(int boroughs, const std::vector<std::int64_t>& cost);

}  // namespace sendplan::transport
