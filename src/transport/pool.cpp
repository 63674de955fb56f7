#include "transport/pool.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <set>

#include "core/random.h"

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
  merged.pupil_offset.assign(boroughs.size(), -1);
  merged.fleet_offset.assign(boroughs.size(), -1);
  merged.school_index.resize(boroughs.size());
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
          merged.school_index[b].push_back(static_cast<int>(s));
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
      merged.school_index[b].push_back(static_cast<int>(merged.inputs.schools.size()));
      merged.inputs.schools.push_back(std::move(copy));
      users.push_back(1);
    }
  }
  for (size_t b = 0; b < boroughs.size(); ++b) {
    if ((members & (1u << b)) == 0) continue;
    const std::string& label = boroughs[b].label;
    merged.pupil_offset[b] = static_cast<int>(merged.inputs.pupils.size());
    merged.fleet_offset[b] = static_cast<int>(merged.inputs.fleet.size());
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
      merged.fleet_borough.push_back(static_cast<int>(b));
    }
  }
  merged.shared_schools =
      static_cast<int>(std::count_if(users.begin(), users.end(), [](int u) { return u > 1; }));
  return merged;
}

MergedInputs merge_boroughs(const std::vector<BoroughInputs>& boroughs) {
  return merge_coalition(boroughs, (1u << boroughs.size()) - 1);
}

namespace {

// Whole pence adding up to `total`, from `values` that add up to about it: each value's floor,
// then a penny more (or less) for the largest (smallest) remainders.
std::vector<std::int64_t> round_to_total(const std::vector<double>& values, std::int64_t total) {
  std::vector<std::int64_t> shares(values.size(), 0);
  if (values.empty()) return shares;
  std::vector<std::pair<double, size_t>> remainders;
  std::int64_t given = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    shares[i] = static_cast<std::int64_t>(std::floor(values[i]));
    given += shares[i];
    remainders.emplace_back(values[i] - std::floor(values[i]), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < total; ++k, ++given) ++shares[remainders[k % values.size()].second];
  for (size_t k = values.size(); given > total; --given) {
    k = k == 0 ? values.size() - 1 : k - 1;
    --shares[remainders[k].second];
  }
  return shares;
}

}  // namespace

std::vector<std::int64_t> proportional_shares(const std::vector<std::int64_t>& standalone,
                                              std::int64_t pooled_pence) {
  const std::int64_t total = std::accumulate(standalone.begin(), standalone.end(), std::int64_t{0});
  std::vector<double> values(standalone.size(), 0.0);
  if (values.empty()) return {};
  if (total <= 0) {
    values[0] = static_cast<double>(pooled_pence);
  } else {
    for (size_t i = 0; i < standalone.size(); ++i)
      values[i] = static_cast<double>(pooled_pence) * static_cast<double>(standalone[i]) /
                  static_cast<double>(total);
  }
  return round_to_total(values, pooled_pence);
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

ShapleyEstimate shapley_values(int boroughs, const CoalitionCost& cost, int exact_up_to,
                               int samples, std::uint64_t seed) {
  ShapleyEstimate estimate;
  estimate.value.assign(boroughs, 0.0);
  estimate.half_width.assign(boroughs, 0.0);
  if (boroughs <= 0) return estimate;
  const unsigned all = (1u << boroughs) - 1;
  if (boroughs <= exact_up_to) {
    std::vector<std::int64_t> costs(static_cast<size_t>(all) + 1, 0);
    for (unsigned s = 1; s <= all; ++s) costs[s] = cost(s);
    const std::vector<std::int64_t> shares = shapley_shares(boroughs, costs);
    for (int i = 0; i < boroughs; ++i) estimate.value[i] = static_cast<double>(shares[i]);
    return estimate;
  }
  estimate.exact = false;
  estimate.samples = std::max(2, samples);
  Random random(seed);
  std::vector<double> sum(boroughs, 0.0), sum_squares(boroughs, 0.0);
  std::map<unsigned, std::int64_t> known;  // coalitions are met again in other orders
  auto cost_of = [&](unsigned mask) {
    if (mask == 0) return std::int64_t{0};
    const auto found = known.find(mask);
    if (found != known.end()) return found->second;
    return known[mask] = cost(mask);
  };
  std::vector<int> order(boroughs);
  for (int n = 0; n < estimate.samples; ++n) {
    std::iota(order.begin(), order.end(), 0);
    for (int i = boroughs - 1; i > 0; --i)
      std::swap(order[i], order[random.below(static_cast<std::uint32_t>(i + 1))]);
    unsigned joined = 0;
    std::int64_t before = 0;
    for (int i : order) {
      joined |= 1u << i;
      const std::int64_t after = cost_of(joined);
      const double marginal = static_cast<double>(after - before);
      sum[i] += marginal;
      sum_squares[i] += marginal * marginal;
      before = after;
    }
  }
  const double m = estimate.samples;
  for (int i = 0; i < boroughs; ++i) {
    const double mean = sum[i] / m;
    const double variance = std::max(0.0, (sum_squares[i] - m * mean * mean) / (m - 1));
    estimate.value[i] = mean;
    estimate.half_width[i] = 1.96 * std::sqrt(variance / m);
  }
  return estimate;
}

std::vector<std::int64_t> rational_shares(const std::vector<double>& values, std::int64_t total,
                                          const std::vector<std::int64_t>& standalone,
                                          bool* adjusted) {
  std::vector<std::int64_t> shares = round_to_total(values, total);
  if (adjusted != nullptr) *adjusted = false;
  std::int64_t excess = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    if (shares[i] > standalone[i]) {
      excess += shares[i] - standalone[i];
      shares[i] = standalone[i];
      if (adjusted != nullptr) *adjusted = true;
    }
  }
  if (excess == 0) return shares;
  std::vector<double> room(shares.size(), 0.0);
  double total_room = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    room[i] = static_cast<double>(standalone[i] - shares[i]);
    total_room += room[i];
  }
  if (total_room <= 0) return shares;  // total above every stand-alone cost: nothing fair to do
  std::vector<double> extra(shares.size(), 0.0);
  for (size_t i = 0; i < shares.size(); ++i)
    extra[i] = static_cast<double>(excess) * room[i] / total_room;
  const std::vector<std::int64_t> added = round_to_total(extra, excess);
  for (size_t i = 0; i < shares.size(); ++i) shares[i] += added[i];
  return shares;
}

CoreCheck core_check(int boroughs, const CoalitionCost& cost,
                     const std::vector<std::int64_t>& shares, int exact_up_to, int samples,
                     std::uint64_t seed) {
  CoreCheck check;
  if (boroughs < 2) return check;
  const unsigned all = (1u << boroughs) - 1;
  std::set<unsigned> coalitions;
  if (boroughs <= exact_up_to) {
    for (unsigned s = 1; s < all; ++s) coalitions.insert(s);
  } else {
    check.exact = false;
    for (int i = 0; i < boroughs; ++i) {
      coalitions.insert(1u << i);
      coalitions.insert(all ^ (1u << i));
    }
    Random random(seed);
    for (int n = 0; n < samples; ++n) {
      const unsigned s = 1 + random.below(all - 1);  // 1 .. all - 1
      coalitions.insert(s);
    }
  }
  for (unsigned s : coalitions) {
    std::int64_t paid = 0;
    for (int i = 0; i < boroughs; ++i)
      if (s & (1u << i)) paid += shares[i];
    const std::int64_t own = cost(s);
    if (paid > own) check.objections.push_back({s, paid, own});
  }
  check.coalitions_checked = static_cast<int>(coalitions.size());
  check.objections_found = static_cast<int>(check.objections.size());
  std::stable_sort(check.objections.begin(), check.objections.end(),
                   [](const CoreObjection& a, const CoreObjection& b) {
                     return a.gain_pence() > b.gain_pence();
                   });
  if (check.objections.size() > 20) check.objections.resize(20);
  return check;
}

}  // namespace sendplan::transport
