// Sharing a planned pool's cost (pool_search.h) among its boroughs, with what each borough
// brings in words and a core check. Every figure is per school day, in pence.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "transport/pool.h"
#include "transport/pool_search.h"

namespace sendplan::transport {

struct SharingSettings {
  CostSharing method = CostSharing::kShapley;
  int exact_up_to = 10;  // boroughs; beyond, Shapley values and the core check are sampled
  int samples = 200;     // orders of joining (Shapley) and random coalitions (core check)
  std::uint64_t seed = 1;
};

// One borough's part in the pool.
struct BoroughPart {
  std::string label;
  int pupils = 0;
  int vehicles_alone = 0;             // vehicles its own plan needs
  int shared_schools = 0;             // schools its children attend with another borough's
  int pupils_at_shared_schools = 0;   // its children at those schools
  int pupils_riding_with_others = 0;  // its children on a pooled route with another borough's
  std::vector<std::string> shares_schools_with;  // labels of the boroughs it shares schools with
  std::int64_t standalone_pence = 0;
  std::int64_t proportional_pence = 0;
  double shapley_value = 0;       // before rounding and the individual-rationality cut
  double shapley_half_width = 0;  // 95 % confidence half-width; 0 when exact
  std::int64_t shapley_pence = 0;
  std::int64_t share_pence = 0;  // by the chosen method
  std::string explanation;       // a sentence or two for the borough's officers
};

struct PoolSharing {
  CostSharing method = CostSharing::kShapley;
  std::int64_t standalone_pence = 0;  // the boroughs' own plans, added up
  std::int64_t pooled_pence = 0;      // the pooled plan
  std::vector<BoroughPart> boroughs;
  ShapleyEstimate shapley;
  bool shapley_adjusted = false;  // some Shapley share was cut to its stand-alone cost
  CoreCheck core;                 // of the chosen shares
};

PoolSharing share_pool(const std::vector<BoroughInputs>& boroughs, const PoolOutcome& pool,
                       const SharingSettings& settings);

const char* cost_sharing_name(CostSharing method);  // "proportional", "shapley"

}  // namespace sendplan::transport
