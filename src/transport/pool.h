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
//   could join: exact from every coalition's cost, or estimated from sampled orders with a 95 %
//   confidence interval; then made individually rational (no borough above its stand-alone
//   cost);
// - a core check: the coalitions that would pay less by leaving the pool with their shares.
// Coalition costs come from pool_search.h (every coalition planned from the same start with the
// same search, cheaply).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "transport/readers.h"

namespace sendplan::transport {

struct BoroughInputs {
  std::string label;  // e.g. "camden" (the CLI's) or "Camden" (the server's borough name)
  TransportInputs inputs;
};

struct MergedInputs {
  TransportInputs inputs;
  std::vector<int> pupil_borough;  // merged pupil -> index into the boroughs
  std::vector<int> fleet_borough;  // merged vehicle type -> index into the boroughs
  // Per borough (empty for a borough not in the coalition): its first pupil and vehicle type in
  // the merged inputs (a borough's pupils and types keep their order, one after another), and
  // the merged index of each of its schools.
  std::vector<int> pupil_offset, fleet_offset;
  std::vector<std::vector<int>> school_index;
  int shared_schools = 0;  // schools used by more than one borough
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

// Shapley shares from the cost of every coalition: cost[mask] for mask in 1 .. 2^k - 1 (cost[0]
// is 0). The shares add up to cost[2^k - 1] (up to rounding, which goes to the largest share).
std::vector<std::int64_t> shapley_shares(int boroughs, const std::vector<std::int64_t>& cost);

// The cost of coalition `mask` (bit i = borough i) per day; 0 for the empty coalition.
using CoalitionCost = std::function<std::int64_t(unsigned mask)>;

struct ShapleyEstimate {
  std::vector<double> value;       // pence per day, adding up to the grand coalition's cost
  std::vector<double> half_width;  // of each value's 95 % confidence interval; 0 when exact
  bool exact = true;
  int samples = 0;  // orders of joining sampled (0 when exact)
};

// Shapley values: exact over every coalition when there are at most `exact_up_to` boroughs
// (2^k coalitions costed); otherwise the mean marginal cost over `samples` random orders (seeded
// by `seed`), with half-width 1.96 standard errors (the mean over one order's marginals always
// adds up to the grand coalition's cost, so the estimates do too).
ShapleyEstimate shapley_values(int boroughs, const CoalitionCost& cost, int exact_up_to,
                               int samples, std::uint64_t seed);

// Whole-pence shares adding up to `total` from `values` (largest remainders), made individually
// rational: a share above the borough's stand-alone cost is cut to it and the excess spread over
// the boroughs below theirs in proportion to their room (possible while total <= the sum of the
// stand-alone costs). `adjusted`, when given, says whether any share was cut.
std::vector<std::int64_t> rational_shares(const std::vector<double>& values, std::int64_t total,
                                          const std::vector<std::int64_t>& standalone,
                                          bool* adjusted = nullptr);

// A coalition whose members' shares add up to more than its own plan costs: it would pay less by
// leaving the pool.
struct CoreObjection {
  unsigned coalition = 0;
  std::int64_t shares_pence = 0;
  std::int64_t cost_pence = 0;
  std::int64_t gain_pence() const { return shares_pence - cost_pence; }
};
struct CoreCheck {
  bool exact = true;                      // every coalition checked
  int coalitions_checked = 0;             // proper, non-empty coalitions
  std::vector<CoreObjection> objections;  // largest gain first; at most 20 kept
  int objections_found = 0;
};
// Checks every proper coalition when there are at most `exact_up_to` boroughs; otherwise each
// borough alone, each pool without one borough, and `samples` random coalitions (seeded).
CoreCheck core_check(int boroughs, const CoalitionCost& cost,
                     const std::vector<std::int64_t>& shares, int exact_up_to, int samples,
                     std::uint64_t seed);

}  // namespace sendplan::transport
