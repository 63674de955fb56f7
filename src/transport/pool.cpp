#include "transport/pool.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

namespace sendplan::transport {

namespace {

constexpr double kSameSchoolMetres = 100;

bool same_school(const School& a, const School& b) {
  return a.id == b.id && a.start_minutes == b.start_minutes &&
         a.finish_minutes == b.finish_minutes &&
         geo::haversine_metres(a.location, b.location) <= kSameSchoolMetres;
}

std::string prefixed(const std::string& label, const std::string& id) {
  return label + "/" + id;
}

double factorial(int n) {
  double f = 1;
  for (int i = 2; i <= n; ++i) f *= i;
  return f;
}

}  // namespace

MergedInputs merge_coalition(const std::vector<BoroughInputs>& boroughs, unsigned members) {
  MergedInputs merged;
  // Which boroughs list each school id, to decide shared or prefixed.
  std::vector<std::map<std::string, std::string>> school_ids(boroughs.size());
  std::vector<int> users;  // per merged school: how many boroughs use it
  for (size_t b = 0; b < boroughs.size(); ++b) {
    if ((members & (1u << b)) == 0) continue;
    for (const School& school : boroughs[b].inputs.schools) {
      bool shared = false;
      // The same school from an earlier borough keeps its plain id.
      for (size_t s = 0; s < merged.inputs.schools.size(); ++s) {
        if (merged.inputs.schools[s].id == school.id &&
            same_school(merged.inputs.schools[s], school)) {
          school_ids[b][school.id] = school.id;
          ++users[s];
          shared = true;
          break;
        }
      }
      if (shared) continue;
      // Unshared schools whose id another borough also uses get the borough's prefix.
      bool clash = false;
      for (size_t o = 0; o < boroughs.size(); ++o) {
        if (o == b || (members & (1u << o)) == 0) continue;
        for (const School& other : boroughs[o].inputs.schools)
          clash = clash || (other.id == school.id && !same_school(other, school));
      }
      School copy = school;
      if (clash) copy.id = prefixed(boroughs[b].label, school.id);
      school_ids[b][school.id] = copy.id;
      merged.inputs.schools.push_back(std::move(copy));
      users.push_back(1);
    }
  }
  for (size_t b = 0; b < boroughs.size(); ++b) {
    if ((members & (1u << b)) == 0) continue;
    const std::string& label = boroughs[b].label;
    for (const Pupil& pupil : boroughs[b].inputs.pupils) {
      Pupil copy = pupil;
      copy.id = prefixed(label, pupil.id);
      copy.school_id = school_ids[b].at(pupil.school_id);
      for (std::string& other : copy.not_with) other = prefixed(label, other);
      merged.inputs.pupils.push_back(std::move(copy));
      merged.pupil_borough.push_back(static_cast<int>(b));
    }
    for (const VehicleType& type : boroughs[b].inputs.fleet) {
      VehicleType copy = type;
      copy.name = prefixed(label, type.name);
      merged.inputs.fleet.push_back(std::move(copy));
    }
  }
  merged.shared_schools =
      static_cast<int>(std::count_if(users.begin(), users.end(), [](int u) { return u > 1; }));
  return merged;
}

MergedInputs merge_boroughs(const std::vector<BoroughInputs>& boroughs) {
  return merge_coalition(boroughs, (1u << boroughs.size()) - 1);
}

std::vector<std::int64_t> proportional_shares(const std::vector<std::int64_t>& standalone,
                                              std::int64_t pooled_pence) {
  const std::int64_t total = std::accumulate(standalone.begin(), standalone.end(), std::int64_t{0});
  std::vector<std::int64_t> shares(standalone.size(), 0);
  if (standalone.empty()) return shares;
  if (total <= 0) {
    shares[0] = pooled_pence;
    return shares;
  }
  std::vector<std::pair<double, size_t>> remainders;
  std::int64_t given = 0;
  for (size_t i = 0; i < standalone.size(); ++i) {
    const double exact = static_cast<double>(pooled_pence) * static_cast<double>(standalone[i]) /
                         static_cast<double>(total);
    shares[i] = static_cast<std::int64_t>(std::floor(exact));
    given += shares[i];
    remainders.emplace_back(exact - std::floor(exact), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < pooled_pence; ++k, ++given)
    ++shares[remainders[k % remainders.size()].second];
  return shares;
}

std::vector<std::int64_t> separable_costs(int boroughs, std::vector<std::int64_t> cost) {
  const unsigned all = (1u << boroughs) - 1;
  for (unsigned s = 1; s <= all; ++s)
    for (unsigned a = (s - 1) & s; a > 0; a = (a - 1) & s)
      cost[s] = std::min(cost[s], cost[a] + cost[s ^ a]);
  return cost;
}

std::vector<std::int64_t> shapley_shares(int boroughs, const std::vector<std::int64_t>& cost) {
  const unsigned all = (1u << boroughs) - 1;
  std::vector<double> value(boroughs, 0.0);
  for (int i = 0; i < boroughs; ++i) {
    const unsigned bit = 1u << i;
    for (unsigned s = 0; s <= all; ++s) {
      if (s & bit) continue;
      const int size = std::popcount(s);
      const double weight = factorial(size) * factorial(boroughs - size - 1) / factorial(boroughs);
      value[i] += weight * static_cast<double>(cost[s | bit] - cost[s]);
    }
  }
  std::vector<std::int64_t> shares(boroughs);
  std::int64_t given = 0;
  for (int i = 0; i < boroughs; ++i) given += shares[i] = std::llround(value[i]);
  if (boroughs > 0) {
    const auto largest = std::max_element(shares.begin(), shares.end()) - shares.begin();
    shares[largest] += cost[all] - given;
  }
  return shares;
}

}  // namespace sendplan::transport
