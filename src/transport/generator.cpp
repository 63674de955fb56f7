// The synthetic borough generator (see generator.h).
#include "transport/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <numeric>
#include <set>
#include <string_view>

#include "core/random.h"
#include "core/text.h"

namespace sendplan::transport {

namespace {

constexpr double kMetresPerDegreeLatitude = 111'195.0;
constexpr double kNeighbourRadiusMetres = 5'000.0;
constexpr double kDistanceDecayMetres = 3'000.0;  // school preference falls by e per 3 km
constexpr double kOutsideShare = 0.2;             // a lone borough's schools just outside it

struct SyntheticSchool {
  std::string id;
  std::string name;
  std::string borough;
  geo::LatLon location{};
  int start_minutes = 0;
  int finish_minutes = 0;
  double attraction = 1.0;  // special schools take more pupils than resourced provisions
};

struct SyntheticPupil {
  std::string id;
  geo::LatLon home{};
  size_t school = 0;
  bool wheelchair = false;
  bool assistant = false;
  bool alone = false;
  int age = 0;
  int max_ride_minutes = 0;  // 0 = blank (policy default)
  std::string not_with;
};

double uniform(Random& random, double low, double high) {
  return low + (high - low) * random.unit();
}

// A point uniformly inside the borough (rejection sampling in its bounding box).
geo::LatLon point_inside(const BoroughBoundary& borough, Random& random) {
  const auto [low, high] = borough.bounding_box();
  geo::LatLon point{};
  for (int attempt = 0; attempt < 1'000'000; ++attempt) {
    point = {uniform(random, low.latitude, high.latitude),
             uniform(random, low.longitude, high.longitude)};
    if (borough.contains(point)) return point;
  }
  return point;  // unreachable for a real borough
}

// Distance from `point` to the nearest boundary vertex, in metres (vertices are dense, ~10 m).
double distance_to_boundary(const BoroughBoundary& borough, geo::LatLon point) {
  double best = 1e18;
  for (const BoundaryPolygon& polygon : borough.polygons) {
    for (const geo::LatLon& vertex : polygon.rings.front()) {
      best = std::min(best, geo::haversine_metres(point, vertex));
    }
  }
  return best;
}

// A point just outside the borough, within about 5 km of its boundary.
geo::LatLon point_nearby(const BoroughBoundary& borough, Random& random) {
  auto [low, high] = borough.bounding_box();
  const double dlat = kNeighbourRadiusMetres / kMetresPerDegreeLatitude;
  const double dlon = dlat / std::cos(low.latitude * std::numbers::pi / 180.0);
  low.latitude -= dlat;
  low.longitude -= dlon;
  high.latitude += dlat;
  high.longitude += dlon;
  geo::LatLon point{};
  for (int attempt = 0; attempt < 1'000'000; ++attempt) {
    point = {uniform(random, low.latitude, high.latitude),
             uniform(random, low.longitude, high.longitude)};
    if (!borough.contains(point) && distance_to_boundary(borough, point) <= kNeighbourRadiusMetres)
      return point;
  }
  return point;
}

std::string borough_of(geo::LatLon point, const std::vector<BoroughBoundary>* neighbours) {
  if (neighbours != nullptr) {
    for (const BoroughBoundary& other : *neighbours) {
      if (other.contains(point)) return other.name;
    }
    return "Outside London";
  }
  return "Out of borough";
}

std::string clock(int minutes) {
  return fmt::format("{:02d}:{:02d}", minutes / 60, minutes % 60);
}
std::string pounds(std::int64_t pence) {
  return fmt::format("{}.{:02d}", pence / 100, pence % 100);
}
const char* yes_no(bool value) {
  return value ? "yes" : "no";
}

// Where make_schools puts a borough's schools and how it names them.
struct SchoolLayout {
  std::string id_prefix;     // "croydon-" in a region, so that ids are unique over it
  double outside_share = 0;  // share just outside the borough (never the first school)
  const std::vector<BoroughBoundary>* neighbours = nullptr;  // names those schools' boroughs
};

std::vector<SyntheticSchool> make_schools(const BoroughBoundary& borough, int pupils,
                                          Random& random, const SchoolLayout& layout) {
  const int special = std::max(3, pupils / 120);
  const int resourced = std::max(2, pupils / 150);
  const int total = special + resourced;
  std::vector<SyntheticSchool> schools;
  const int id_width = total >= 100 ? 3 : 2;
  for (int i = 0; i < total; ++i) {
    SyntheticSchool school;
    school.id = fmt::format("{}S{:0{}d}", layout.id_prefix, i + 1, id_width);
    const bool is_special = i < special;
    // The first school is always inside; a region's all are (outside_share 0: nothing drawn).
    const bool outside = layout.outside_share > 0 && i > 0 && random.chance(layout.outside_share);
    school.location = outside ? point_nearby(borough, random) : point_inside(borough, random);
    school.borough = outside ? borough_of(school.location, layout.neighbours) : borough.name;
    school.name = is_special ? fmt::format("Synthetic Special School {}", i + 1)
                             : fmt::format("Synthetic Resourced Provision {}", i + 1 - special);
    school.start_minutes = 8 * 60 + 30 + 15 * random.between(0, 4);
    school.finish_minutes = school.start_minutes + 6 * 60 + 15 + 5 * random.between(0, 6);
    school.attraction = is_special ? 1.0 : 0.4;
    schools.push_back(std::move(school));
  }
  return schools;
}

// One of `candidates` (indices into `schools`), nearer and more attractive schools likelier.
size_t choose_school(const std::vector<SyntheticSchool>& schools,
                     const std::vector<size_t>& candidates, geo::LatLon home, Random& random) {
  std::vector<double> weights;
  double sum = 0;
  for (const size_t candidate : candidates) {
    const SyntheticSchool& school = schools[candidate];
    const double metres = geo::haversine_metres(home, school.location);
    weights.push_back(school.attraction * std::exp(-metres / kDistanceDecayMetres));
    sum += weights.back();
  }
  double pick = random.unit() * sum;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (pick < weights[i]) return candidates[i];
    pick -= weights[i];
  }
  return candidates.back();
}

std::vector<size_t> all_indices(size_t count) {
  std::vector<size_t> indices(count);
  std::iota(indices.begin(), indices.end(), size_t{0});
  return indices;
}

// A child's school (an index into the schools the pupils are written against) from their home.
using SchoolChooser = std::function<size_t(geo::LatLon home, Random& random)>;

std::vector<SyntheticPupil> make_pupils(const BoroughBoundary& borough, int count,
                                        const SchoolChooser& choose, Random& random) {
  std::vector<SyntheticPupil> pupils;
  const int id_width = std::max(4, static_cast<int>(std::to_string(count).size()));
  for (int i = 0; i < count; ++i) {
    SyntheticPupil pupil;
    pupil.id = fmt::format("P{:0{}d}", i + 1, id_width);
    pupil.home = point_inside(borough, random);
    pupil.school = choose(pupil.home, random);
    if (random.chance(0.45)) {
      pupil.age = random.between(4, 10);
    } else {
      pupil.age = random.chance(0.8) ? random.between(11, 16) : random.between(17, 19);
    }
    pupil.wheelchair = random.chance(0.12);
    // 0.12 * 0.6 + 0.88 * 0.2 ≈ 0.25 overall.
    pupil.assistant = random.chance(pupil.wheelchair ? 0.6 : 0.2);
    pupil.alone = random.chance(0.03);
    if (random.chance(0.05)) pupil.max_ride_minutes = random.between(30, 60);
    pupils.push_back(std::move(pupil));
  }
  // not_with pairs: about 2 % of pupils, two at a time, at the same school.
  const int pairs = static_cast<int>(std::lround(count * 0.02 / 2.0));
  for (int made = 0, tries = 0; made < pairs && tries < 100 * (pairs + 1); ++tries) {
    SyntheticPupil& first = pupils[random.below(static_cast<uint32_t>(count))];
    if (!first.not_with.empty()) continue;
    std::vector<size_t> candidates;
    for (size_t j = 0; j < pupils.size(); ++j) {
      if (pupils[j].school == first.school && pupils[j].id != first.id &&
          pupils[j].not_with.empty()) {
        candidates.push_back(j);
      }
    }
    if (candidates.empty()) continue;
    SyntheticPupil& second =
        pupils[candidates[random.below(static_cast<uint32_t>(candidates.size()))]];
    first.not_with = second.id;
    second.not_with = first.id;
    ++made;
  }
  return pupils;
}

std::string schools_csv(const std::vector<SyntheticSchool>& schools,
                        const std::vector<size_t>& listed) {
  std::string csv = "school_id,name,borough,lat,lon,start_time,finish_time\n";
  for (const size_t index : listed) {
    const SyntheticSchool& school = schools[index];
    csv +=
        fmt::format("{},{},{},{:.6f},{:.6f},{},{}\n", school.id, csv_cell(school.name),
                    csv_cell(school.borough), school.location.latitude, school.location.longitude,
                    clock(school.start_minutes), clock(school.finish_minutes));
  }
  return csv;
}

std::string pupils_csv(const BoroughBoundary& borough, const std::vector<SyntheticSchool>& schools,
                       const std::vector<SyntheticPupil>& children) {
  std::string csv =
      "pupil_id,borough,home_lat,home_lon,school_id,wheelchair,passenger_assistant,"
      "travel_alone,max_ride_minutes,not_with,age\n";
  for (const SyntheticPupil& pupil : children) {
    csv += fmt::format(
        "{},{},{:.6f},{:.6f},{},{},{},{},{},{},{}\n", pupil.id, csv_cell(borough.name),
        pupil.home.latitude, pupil.home.longitude, schools[pupil.school].id,
        yes_no(pupil.wheelchair), yes_no(pupil.assistant), yes_no(pupil.alone),
        pupil.max_ride_minutes > 0 ? std::to_string(pupil.max_ride_minutes) : std::string(),
        pupil.not_with, pupil.age);
  }
  return csv;
}

// The fleet.csv text, with its depot drawn inside the borough; adds the vehicles to `out`.
void write_fleet(const BoroughBoundary& borough, int pupils, const Policy& policy, Random& random,
                 GeneratedBorough& out) {
  const geo::LatLon depot = point_inside(borough, random);
  struct FleetRow {
    const char* type;
    int seats;
    int wheelchair_spaces;
    int available;
    std::int64_t fixed_pence;
    std::int64_t mile_pence;
    std::int64_t hour_pence;
  };
  const FleetRow fleet[] = {
      {"taxi", 4, 0, std::max(1, pupils / 3), 6500, 220, 0},
      {"wav", 5, 1, std::max(1, pupils / 10), 9500, 260, 0},
      {"minibus", 12, 3, std::max(1, pupils / 12), 21000, 180, 0},
  };
  out.fleet_csv =
      "vehicle_type,seats,wheelchair_spaces,available,fixed_cost_per_day,cost_per_mile,"
      "cost_per_hour,assistant_cost_per_day,depot_lat,depot_lon\n";
  for (const FleetRow& row : fleet) {
    out.vehicles += row.available;
    out.fleet_csv += fmt::format(
        "{},{},{},{},{},{},{},{},{:.6f},{:.6f}\n", row.type, row.seats, row.wheelchair_spaces,
        row.available, pounds(row.fixed_pence), pounds(row.mile_pence), pounds(row.hour_pence),
        pounds(policy.assistant_cost_per_day_pence), depot.latitude, depot.longitude);
  }
}

// A borough's three files: `listed` (indices into `schools`) are the rows of its schools.csv.
// Draws the depot last, after the children, as the generator always has.
GeneratedBorough write_borough(const BoroughBoundary& borough,
                               const std::vector<SyntheticSchool>& schools,
                               const std::vector<size_t>& listed,
                               const std::vector<SyntheticPupil>& children, const Policy& policy,
                               Random& random) {
  GeneratedBorough out;
  out.pupils = static_cast<int>(children.size());
  out.schools = static_cast<int>(listed.size());
  out.wheelchair_users = static_cast<int>(std::count_if(
      children.begin(), children.end(), [](const SyntheticPupil& p) { return p.wheelchair; }));
  out.schools_csv = schools_csv(schools, listed);
  out.pupils_csv = pupils_csv(borough, schools, children);
  write_fleet(borough, out.pupils, policy, random, out);
  return out;
}

// Every borough's schools of a region, in the order given, and which borough each belongs to.
struct RegionSchools {
  std::vector<SyntheticSchool> all;
  std::vector<std::vector<size_t>> own;  // per borough: indices into `all`
  std::vector<size_t> owner;             // per school: its borough
};

RegionSchools make_region_schools(const std::vector<BoroughBoundary>& boroughs, int pupils_each,
                                  Random& random) {
  RegionSchools region;
  region.own.resize(boroughs.size());
  for (size_t b = 0; b < boroughs.size(); ++b) {
    const SchoolLayout layout{borough_label(boroughs[b].name) + "-", 0.0, nullptr};
    for (SyntheticSchool& school : make_schools(boroughs[b], pupils_each, random, layout)) {
      region.own[b].push_back(region.all.size());
      region.owner.push_back(b);
      region.all.push_back(std::move(school));
    }
  }
  return region;
}

// With probability `share`, a school of another borough within reach of home; otherwise (or when
// none is in reach) one of the child's own borough's.
size_t choose_region_school(const RegionSchools& region, size_t borough, double share,
                            geo::LatLon home, Random& random) {
  if (random.chance(share)) {
    std::vector<size_t> reach;
    for (size_t s = 0; s < region.all.size(); ++s) {
      if (region.owner[s] != borough &&
          geo::haversine_metres(home, region.all[s].location) <= kCrossBorderReachMetres) {
        reach.push_back(s);
      }
    }
    if (!reach.empty()) return choose_school(region.all, reach, home, random);
  }
  return choose_school(region.all, region.own[borough], home, random);
}

// A borough's schools.csv rows: its own schools, then the other boroughs' its children attend.
std::vector<size_t> listed_schools(const RegionSchools& region, size_t borough,
                                   const std::vector<SyntheticPupil>& children) {
  std::set<size_t> others;
  for (const SyntheticPupil& pupil : children) {
    if (region.owner[pupil.school] != borough) others.insert(pupil.school);
  }
  std::vector<size_t> listed = region.own[borough];
  listed.insert(listed.end(), others.begin(), others.end());
  return listed;
}

// Fills in each borough's pupils_at_other_schools and shared_schools.
void count_sharing(const RegionSchools& region,
                   const std::vector<std::vector<SyntheticPupil>>& children,
                   const std::vector<std::vector<size_t>>& listed,
                   std::vector<RegionBorough>& boroughs) {
  std::vector<std::set<size_t>> attended_by(region.all.size());  // per school: its boroughs
  for (size_t b = 0; b < children.size(); ++b) {
    for (const SyntheticPupil& pupil : children[b]) {
      attended_by[pupil.school].insert(b);
      if (region.owner[pupil.school] != b) ++boroughs[b].pupils_at_other_schools;
    }
  }
  for (size_t b = 0; b < listed.size(); ++b) {
    boroughs[b].shared_schools =
        static_cast<int>(std::count_if(listed[b].begin(), listed[b].end(), [&](size_t s) {
          const std::set<size_t>& users = attended_by[s];
          return users.size() > (users.count(b) ? 1u : 0u);
        }));
  }
}

}  // namespace

std::string borough_label(std::string_view name) {
  std::string label;
  bool gap = false;  // a run of other characters since the last letter or digit
  for (const char c : name) {
    const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z',
               digit = c >= '0' && c <= '9';
    if (!lower && !upper && !digit) {
      gap = true;
      continue;
    }
    if (gap && !label.empty()) label += '-';
    gap = false;
    label += upper ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return label;
}

GeneratedBorough generate_borough(const BoroughBoundary& borough, int pupils, uint64_t seed,
                                  const Policy& policy,
                                  const std::vector<BoroughBoundary>* neighbours) {
  pupils = std::max(pupils, 1);
  Random random(seed);
  const std::vector<SyntheticSchool> schools =
      make_schools(borough, pupils, random, {"", kOutsideShare, neighbours});
  const std::vector<size_t> every = all_indices(schools.size());
  const SchoolChooser choose = [&](geo::LatLon home, Random& r) {
    return choose_school(schools, every, home, r);
  };
  const std::vector<SyntheticPupil> children = make_pupils(borough, pupils, choose, random);
  return write_borough(borough, schools, every, children, policy, random);
}

std::vector<RegionBorough> generate_region(const std::vector<BoroughBoundary>& boroughs,
                                           int pupils_each, uint64_t seed, const Policy& policy,
                                           double cross_border_share) {
  pupils_each = std::max(pupils_each, 1);
  Random random(seed);
  // Every school first: a child may be drawn to a borough that comes later in the list.
  const RegionSchools schools = make_region_schools(boroughs, pupils_each, random);
  std::vector<std::vector<SyntheticPupil>> children(boroughs.size());
  std::vector<std::vector<size_t>> listed(boroughs.size());
  std::vector<RegionBorough> region(boroughs.size());
  for (size_t b = 0; b < boroughs.size(); ++b) {
    const SchoolChooser choose = [&](geo::LatLon home, Random& r) {
      return choose_region_school(schools, b, cross_border_share, home, r);
    };
    children[b] = make_pupils(boroughs[b], pupils_each, choose, random);
    listed[b] = listed_schools(schools, b, children[b]);
    region[b].label = borough_label(boroughs[b].name);
    region[b].name = boroughs[b].name;
    region[b].files =
        write_borough(boroughs[b], schools.all, listed[b], children[b], policy, random);
  }
  count_sharing(schools, children, listed, region);
  return region;
}

}  // namespace sendplan::transport
