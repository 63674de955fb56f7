// The synthetic borough generator (see generator.h).
#include "transport/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string_view>

#include "core/random.h"
#include "core/text.h"

namespace sendplan::transport {

namespace {

constexpr double kMetresPerDegreeLatitude = 111'195.0;
constexpr double kNeighbourRadiusMetres = 5'000.0;
constexpr double kDistanceDecayMetres = 3'000.0;  // school preference falls by e per 3 km

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

std::vector<SyntheticSchool> make_schools(const BoroughBoundary& borough, int pupils,
                                          Random& random,
                                          const std::vector<BoroughBoundary>* neighbours) {
  const int special = std::max(3, pupils / 120);
  const int resourced = std::max(2, pupils / 150);
  const int total = special + resourced;
  std::vector<SyntheticSchool> schools;
  const int id_width = total >= 100 ? 3 : 2;
  for (int i = 0; i < total; ++i) {
    SyntheticSchool school;
    school.id = fmt::format("S{:0{}d}", i + 1, id_width);
    const bool is_special = i < special;
    // About 20 % just outside the borough; the first school is always inside.
    const bool outside = i > 0 && random.chance(0.2);
    school.location = outside ? point_nearby(borough, random) : point_inside(borough, random);
    school.borough = outside ? borough_of(school.location, neighbours) : borough.name;
    school.name = is_special ? fmt::format("Synthetic Special School {}", i + 1)
                             : fmt::format("Synthetic Resourced Provision {}", i + 1 - special);
    school.start_minutes = 8 * 60 + 30 + 15 * random.between(0, 4);
    school.finish_minutes = school.start_minutes + 6 * 60 + 15 + 5 * random.between(0, 6);
    school.attraction = is_special ? 1.0 : 0.4;
    schools.push_back(std::move(school));
  }
  return schools;
}

size_t choose_school(const std::vector<SyntheticSchool>& schools, geo::LatLon home,
                     Random& random) {
  std::vector<double> weights;
  double sum = 0;
  for (const SyntheticSchool& school : schools) {
    const double metres = geo::haversine_metres(home, school.location);
    weights.push_back(school.attraction * std::exp(-metres / kDistanceDecayMetres));
    sum += weights.back();
  }
  double pick = random.unit() * sum;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (pick < weights[i]) return i;
    pick -= weights[i];
  }
  return weights.size() - 1;
}

std::vector<SyntheticPupil> make_pupils(const BoroughBoundary& borough, int count,
                                        const std::vector<SyntheticSchool>& schools,
                                        Random& random) {
  std::vector<SyntheticPupil> pupils;
  const int id_width = std::max(4, static_cast<int>(std::to_string(count).size()));
  for (int i = 0; i < count; ++i) {
    SyntheticPupil pupil;
    pupil.id = fmt::format("P{:0{}d}", i + 1, id_width);
    pupil.home = point_inside(borough, random);
    pupil.school = choose_school(schools, pupil.home, random);
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

}  // namespace

GeneratedBorough generate_borough(const BoroughBoundary& borough, int pupils, uint64_t seed,
                                  const Policy& policy,
                                  const std::vector<BoroughBoundary>* neighbours) {
  pupils = std::max(pupils, 1);
  Random random(seed);
  const std::vector<SyntheticSchool> schools = make_schools(borough, pupils, random, neighbours);
  const std::vector<SyntheticPupil> children = make_pupils(borough, pupils, schools, random);

  GeneratedBorough out;
  out.pupils = pupils;
  out.schools = static_cast<int>(schools.size());

  out.schools_csv = "school_id,name,borough,lat,lon,start_time,finish_time\n";
  for (const SyntheticSchool& school : schools) {
    out.schools_csv +=
        fmt::format("{},{},{},{:.6f},{:.6f},{},{}\n", school.id, csv_cell(school.name),
                    csv_cell(school.borough), school.location.latitude, school.location.longitude,
                    clock(school.start_minutes), clock(school.finish_minutes));
  }

  out.pupils_csv =
      "pupil_id,borough,home_lat,home_lon,school_id,wheelchair,passenger_assistant,"
      "travel_alone,max_ride_minutes,not_with,age\n";
  for (const SyntheticPupil& pupil : children) {
    if (pupil.wheelchair) ++out.wheelchair_users;
    out.pupils_csv += fmt::format(
        "{},{},{:.6f},{:.6f},{},{},{},{},{},{},{}\n", pupil.id, csv_cell(borough.name),
        pupil.home.latitude, pupil.home.longitude, schools[pupil.school].id,
        yes_no(pupil.wheelchair), yes_no(pupil.assistant), yes_no(pupil.alone),
        pupil.max_ride_minutes > 0 ? std::to_string(pupil.max_ride_minutes) : std::string(),
        pupil.not_with, pupil.age);
  }

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
  return out;
}

}  // namespace sendplan::transport
