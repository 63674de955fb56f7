// A synthetic London placements register for the demo and tests: providers of independent and
// non-maintained special school places in London and the home counties, and the placements the
// boroughs buy from them. Everything is made up (providers "Synthetic Oak Lane School", child
// refs "HK-00042", never a name); every random choice comes from one sendplan::Random seeded
// with `seed`, so the same input and seed always give the same register.
//
// What it models (money in whole pounds a year):
// - providers: `provider_count` of them (0 = a seeded number from 60 to 120); about 60 % in a
//   London borough passed (within 3 km of its centroid), the rest in a home-county LA (Kent,
//   Essex, Hertfordshire, Surrey, Buckinghamshire, Thurrock, Slough, Medway; within 10 km of its
//   centre). Types: 70 % independent special, 15 % non-maintained special, 15 % special post-16.
//   Needs: a main need weighted as in London's INMSS placements (ASD and SEMH most), plus up to
//   two more; every need a borough has children with is catered for by at least one provider.
//   Capacity 20–150 places; Ofsted grade 2 for most (1: 15 %, 2: 65 %, 3: 15 %, 4: 5 %); ages
//   5–19, 11–19, 5–16, 7–19 or 11–16 (post-16: 16–25); day 65 %, residential 10 %, both 25 %
//   (post-16: day or both). Vacancies up to 15 % of capacity, and never more than the places left
//   after London's placements; places_commissioned is the number placed by the boroughs. Ids
//   are 1..provider_count (the store reassigns them).
// - fees: each provider has a day fee level drawn from £45,000–£90,000 and, when it boards, a
//   residential level from £120,000–£300,000; a placement's first fee is its level times 0.95–
//   1.05, kept inside the range. Split: day — education 65–80 %, therapy 10–20 %, care the rest;
//   residential — education 30–40 %, therapy 10–15 %, care the rest; other 0.
// - fee history: 30 % of placements have one uplift of 2–8 % on every part, from the first
//   1 April after the start that is still before `as_of` (none when there is no such date).
// - placements: for each borough and need, round(children × scale) children (the caller passes
//   e.g. SEN2's independent + non-maintained special counts; scale 0.1 keeps it small). Each is
//   residential with probability 12 %. The provider is drawn among those catering for the need
//   and the day/residential choice, with weight exp(−d / 15 km) for day and exp(−d / 60 km) for
//   residential placements (d the straight-line distance from home), times 0.02 for a provider
//   already full; the child's age is then drawn within the provider's ages. Homes are within
//   4 km of the borough's centroid, or inside its boundary when boundaries are given. Placements
//   start on a day from three years before `as_of` up to `as_of`, and are all active on it.
// - distance_km: straight-line distance × 1.35 (road circuity in London).
// - transport_cost: a simple per-km rate, £2.00 a km: day placements 2 journeys × 190 school
//   days; residential 76 journeys (a return each week of 38 term weeks). (The matching tool's
//   travel_estimate is the proper model; this keeps the generator independent of it.)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/coordinates.h"
#include "placements/analysis.h"
#include "placements/placement.h"
#include "placements/provider.h"
#include "transport/borough_boundaries.h"

namespace sendplan::placements {

struct GeneratorBorough {
  BoroughInfo info;
  geo::LatLon centroid{};
  NeedCounts children{};   // children by need to scale (e.g. SEN2 INMSS counts)
  std::string ref_prefix;  // two capital letters for child refs; "" = derived from the name
};

struct PlacementGeneratorOptions {
  double scale = 0.1;      // placements = round(children × scale) per borough and need
  int provider_count = 0;  // 0 = seeded in 60..120
  std::string as_of = "2025-09-01";
  // When given, homes are drawn inside the borough's polygon (matched by name).
  const std::vector<transport::BoroughBoundary>* boundaries = nullptr;
};

struct SyntheticPlacements {
  std::vector<Provider> providers;
  std::vector<Placement> placements;  // ids 1.., by borough in the order passed, then need
};

// The day-fee and residential-fee ranges a first fee is drawn from, and the uplift range.
inline constexpr std::int64_t kDayFeeLow = 45'000;
inline constexpr std::int64_t kDayFeeHigh = 90'000;
inline constexpr std::int64_t kResidentialFeeLow = 120'000;
inline constexpr std::int64_t kResidentialFeeHigh = 300'000;
inline constexpr double kUpliftLow = 0.02;
inline constexpr double kUpliftHigh = 0.08;
inline constexpr double kTransportPoundsPerKm = 2.0;

// kInvalidArgument when there are no boroughs, scale is not positive and finite, a count is
// negative, provider_count is negative, as_of is not an ISO date, or a ref_prefix is not two
// capital letters.
Result<SyntheticPlacements> generate_placements(const std::vector<GeneratorBorough>& boroughs,
                                                std::uint64_t seed,
                                                const PlacementGeneratorOptions& options = {});

}  // namespace sendplan::placements
