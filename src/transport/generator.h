// A generator of realistic synthetic boroughs for trying the planner: pupils.csv, schools.csv
// and fleet.csv texts in exactly the formats readers.h accepts. Everything is synthetic (pupil
// ids P0001..., made-up school names); every random choice comes from one sendplan::Random, so
// the same borough, pupil count and seed always give the same texts.
//
// What it models:
// - homes uniformly inside the borough's polygon (rejection sampling in its bounding box);
// - max(3, pupils/120) special schools plus max(2, pupils/150) mainstream schools with a
//   resourced provision; about 20 % of them just outside the borough (within about 5 km);
//   start times 08:30–09:30 in 15-minute steps, finishing 6h15–6h45 later;
// - pupils aged 4–19 (about 45 % primary), about 12 % wheelchair users, about 25 % needing a
//   passenger assistant (60 % of wheelchair users), about 3 % travelling alone, about 2 % in a
//   not_with pair (symmetric, same school), about 5 % with their own max_ride_minutes (30–60);
//   each pupil's school drawn with a distance-decay preference (nearer schools likelier);
// - a London fleet: taxi (4 seats, £65/day, £2.20/mile), wheelchair-accessible vehicle "wav"
//   (5 seats + 1 wheelchair, £95/day, £2.60/mile) and minibus (12 seats + 3 wheelchairs,
//   £210/day, £1.80/mile), generous counts, one depot inside the borough, assistants at the
//   policy's daily rate.
//
// A region (generate_region) is several neighbouring boroughs generated together, sharing schools
// as London's do: every school lies inside its own borough and has an id prefixed with its
// borough's label ("croydon-S01"); a share of each borough's children (cross_border_share, 20 %
// by default) attend a school of another borough of the region within 8 km of home. Such a
// school is listed, row for row the same, in the schools.csv of every borough whose children
// attend it, so that a cross-borough pool (pool.h) sees one school and may share vehicles to it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "transport/borough_boundaries.h"
#include "transport/inputs.h"

namespace sendplan::transport {

struct GeneratedBorough {
  std::string pupils_csv;
  std::string schools_csv;
  std::string fleet_csv;
  // Summary counts.
  int pupils = 0;
  int schools = 0;
  int wheelchair_users = 0;
  int vehicles = 0;  // available vehicles over all types
};

// `pupils` must be at least 1. `neighbours`, when given (e.g. every London borough), names the
// borough of each school placed outside `borough`; otherwise such schools are "Out of borough".
GeneratedBorough generate_borough(const BoroughBoundary& borough, int pupils, uint64_t seed,
                                  const Policy& policy,
                                  const std::vector<BoroughBoundary>* neighbours = nullptr);

// How far from home a child may be drawn to a school of another borough of the region.
inline constexpr double kCrossBorderReachMetres = 8'000.0;

struct RegionBorough {
  std::string label;  // borough_label(name), e.g. "kingston-upon-thames"
  std::string name;   // "Kingston upon Thames"
  GeneratedBorough files;
  int pupils_at_other_schools = 0;  // its children at a school of another borough of the region
  int shared_schools = 0;  // schools in its schools.csv that another borough's children attend
};

// "Kingston upon Thames" -> "kingston-upon-thames": lower-case ASCII letters and digits, every
// other run of characters one '-', no leading or trailing '-'. Used for directory names and for
// the school ids of a region; pool labels accept it.
std::string borough_label(std::string_view name);

// Several boroughs (distinct ones) generated together: `pupils_each` (at least 1) children each,
// from one Random(seed) for all, in the order given. Each borough's schools are made as by
// generate_borough but all inside the borough, with ids prefixed by its label. Each child's
// school is drawn, with probability `cross_border_share` (0 to 1), among the other boroughs'
// schools within kCrossBorderReachMetres of home (with the same distance decay; among their own
// when none is in reach), otherwise among their own borough's. A school of another borough that
// some child attends is also listed in that child's borough's schools.csv with the same id,
// name, place, bell times and (real) borough, so transport::merge_coalition recognises it as one
// school. Fleets and depots as generate_borough; pupil ids P0001... in each borough (a pool
// prefixes them). The same boroughs, count, seed and share always give the same texts.
std::vector<RegionBorough> generate_region(const std::vector<BoroughBoundary>& boroughs,
                                           int pupils_each, uint64_t seed, const Policy& policy,
                                           double cross_border_share = 0.2);

}  // namespace sendplan::transport
