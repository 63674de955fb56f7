// Gaps in provision: for each sub-regional partnership and primary need, how many children need
// an independent or non-maintained special school place against how many such places there are
// in the sub-region. Pure functions over plain data; thread-safe. Counts are children (demand,
// placements) or places (capacity, vacancies, fractional: see below).
//
// The method:
// - Demand(s, n): the children with an EHC plan and primary need n, in an independent or
//   non-maintained special school, over the boroughs of sub-region s: SEN2's published counts
//   ("Special - independent" + "Special - non-maintained" by need), which the caller passes per
//   borough. SEN2 is the primary measure: it covers every child, whether or not the borough keeps
//   its placements in this register.
// - Commissioned(s, n): the register's placements active on the date, of the boroughs of s, with
//   need n (every provider type): what the register shows being bought; compare with demand to
//   see how complete the register is.
// - Placed out of sub-region(s, n): those of Commissioned whose provider is not located in s (its
//   la_number is not one of s's boroughs', including outside London); placements whose provider
//   is not in the list or has no la_number are counted in `location_unknown` instead.
// - Capacity(s, n) and Vacancies(s, n): the places and vacancies of the providers located in s
//   (la_number one of s's boroughs') that cater for need n. A provider catering for k needs
//   counts capacity/k places (and vacancies/k) for each of them: the register does not say how
//   its places divide between needs, and an even split neither double-counts its places nor
//   drops any. Providers with no needs recorded or no capacity (0 = unknown) count nowhere (see
//   providers_without_needs). By default only the independent sector (is_independent_sector)
//   counts, matching what demand measures. Places at a provider are sold nationally, so local
//   capacity is an upper bound on what the sub-region's children can use.
// - Gap(s, n) = Demand − Capacity: positive is a shortfall of local places; negative a surplus.
// The per-borough breakdown gives the same figures for each borough (capacity of providers in
// the borough itself; out-of-borough and out-of-sub-region placements), and London totals sum
// the sub-regions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "placements/analysis.h"
#include "placements/placement.h"
#include "placements/provider.h"

namespace sendplan::placements {

// SEN2 counts of one borough: children in independent or non-maintained special schools by
// primary need (the two breakdowns added together).
struct BoroughDemand {
  std::string borough;  // as BoroughInfo::name
  NeedCounts children{};
};

struct GapOptions {
  std::string date;                     // placements active on this date count as commissioned
  bool independent_sector_only = true;  // capacity of INMSS providers only
};

struct GapCell {
  std::string area;  // the sub-region's name, a borough's name, or "London"
  Need need = Need::kAsd;
  int demand = 0;
  int commissioned = 0;
  int placed_out_of_area = 0;  // out of sub-region (sub-region rows) or borough (borough rows)
  int placed_out_of_sub_region = 0;
  int location_unknown = 0;
  double capacity = 0;
  double vacancies = 0;
  double gap = 0;  // demand − capacity
};

struct GapAnalysis {
  std::vector<std::string> sub_regions;  // in order of first appearance in the borough list
  // One cell per (sub-region, need): sub-region-major, needs in Need order.
  std::vector<GapCell> by_sub_region;
  // One cell per (borough, need), boroughs in the order passed. Capacity here is of providers in
  // the borough; gap = the borough's demand − that capacity.
  std::vector<GapCell> by_borough;
  // One cell per need for London (the sum of the sub-regions; out-of-area = outside London).
  std::vector<GapCell> london;
  int providers_without_needs = 0;            // providers counted nowhere (no needs or no capacity)
  std::vector<std::string> unknown_boroughs;  // in demand or placements but not in the list

  const GapCell& cell(const std::string& sub_region, Need need) const;  // asserts it exists
};

GapAnalysis analyse_gaps(const std::vector<BoroughInfo>& boroughs,
                         const std::vector<BoroughDemand>& demand,
                         const std::vector<Placement>& placements,
                         const std::vector<Provider>& providers, const GapOptions& options);

}  // namespace sendplan::placements
