#include "solver/search_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/random.h"

namespace sendplan::solver {

namespace {
StopData to_stop(const model::StopSpec& spec, const model::Load& delta) {
  return StopData{spec.location, spec.ready, spec.due, spec.service, delta};
}
}  // namespace

SearchModel::SearchModel(const model::Problem& problem) : problem_(&problem) {
  const int n = problem.request_count();
  stops_.resize(2 * static_cast<size_t>(n));
  std::vector<int> used_locations;
  for (int r = 0; r < n; ++r) {
    const model::Request& request = problem.request(r);
    const model::Load none;
    if (request.has_pickup()) {
      stops_[pickup_stop(r)] = to_stop(request.pickup, request.load);
      used_locations.push_back(request.pickup.location);
    }
    if (request.has_delivery()) {
      stops_[delivery_stop(r)] = to_stop(request.delivery, none - request.load);
      used_locations.push_back(request.delivery.location);
    }
    if (request.ride_alone || !problem.not_together_with(r).empty()) has_sharing_rules_ = true;
    if (!request.allowed_vehicle_types.empty()) has_vehicle_rules_ = true;
  }
  for (int t = 0; t < static_cast<int>(problem.vehicle_types().size()); ++t) {
    const model::VehicleType& type = problem.vehicle_types()[t];
    first_vehicle_of_type_.push_back(static_cast<int>(vehicles_.size()));
    if (type.cost_per_time > 0) prices_time_ = true;
    if (type.max_stops < std::numeric_limits<int>::max() ||
        type.max_travel_time < model::kUnlimited || type.max_distance < model::kUnlimited)
      has_vehicle_rules_ = true;
    if (type.max_distance < model::kUnlimited) has_distance_limit_ = true;
    used_locations.push_back(type.start_location);
    used_locations.push_back(type.end_location);
    for (int k = 0; k < type.count; ++k) {
      vehicles_.push_back(VehicleData{
          t, type.start_location, type.end_location, type.shift_start, type.shift_end,
          type.max_duration, type.max_stops, type.max_travel_time, type.max_distance, type.capacity,
          type.fixed_cost, type.cost_per_distance, type.cost_per_time, problem.fleet_of_type(t)});
    }
  }
  std::sort(used_locations.begin(), used_locations.end());
  used_locations.erase(std::unique(used_locations.begin(), used_locations.end()),
                       used_locations.end());
  travel_times_metric_ = check_triangle_inequality(used_locations);
  symmetric_ = check_symmetric(used_locations);
  if (travel_times_metric_) tighten_windows();
  // Sample the spread of distances and times (exact for small instances, bounded for large ones).
  const size_t step = std::max<size_t>(1, used_locations.size() / 200);
  for (size_t i = 0; i < used_locations.size(); i += step) {
    for (size_t j = 0; j < used_locations.size(); ++j) {
      max_distance_ = std::max(max_distance_, distance(used_locations[i], used_locations[j]));
      max_time_ = std::max(max_time_, travel_time(used_locations[i], used_locations[j]));
    }
  }
}

bool SearchModel::check_symmetric(const std::vector<int>& locations) const {
  for (size_t a = 0; a < locations.size(); ++a) {
    for (size_t b = a + 1; b < locations.size(); ++b) {
      const int i = locations[a], j = locations[b];
      if (distance(i, j) != distance(j, i) || travel_time(i, j) != travel_time(j, i)) return false;
    }
  }
  return true;
}

bool SearchModel::check_triangle_inequality(const std::vector<int>& locations) const {
  const size_t n = locations.size();
  auto holds = [&](size_t a, size_t b, size_t c) {
    const int i = locations[a], j = locations[b], k = locations[c];
    return travel_time(i, k) <= travel_time(i, j) + travel_time(j, k) + 1e-9;
  };
  if (n <= 300) {
    for (size_t a = 0; a < n; ++a)
      for (size_t b = 0; b < n; ++b)
        for (size_t c = 0; c < n; ++c)
          if (!holds(a, b, c)) return false;
    return true;
  }
  Random random(n);  // fixed: the same model for the same problem
  for (int sample = 0; sample < 4'000'000; ++sample) {
    const uint32_t bound = static_cast<uint32_t>(n);
    if (!holds(random.below(bound), random.below(bound), random.below(bound))) return false;
  }
  return true;
}

// Windows every feasible schedule must keep anyway (Cordeau 2006, section 3): a pickup cannot be
// so early that the vehicle would wait at the drop-off beyond the ride limit, nor so late that the
// drop-off window is missed; likewise for the drop-off. Any vehicle must be able to get there from
// its depot and back. Narrower windows let the insertion filters stop early.
void SearchModel::tighten_windows() {
  double earliest_start = model::kUnlimited, latest_end = -model::kUnlimited;
  for (const VehicleData& v : vehicles_) {
    earliest_start = std::min(earliest_start, v.shift_start);
    latest_end = std::max(latest_end, v.shift_end);
  }
  auto reach = [&](StopData& stop) {
    double from_depot = model::kUnlimited, to_depot = model::kUnlimited;
    for (int first : first_vehicle_of_type_) {
      if (first >= static_cast<int>(vehicles_.size())) continue;
      const VehicleData& v = vehicles_[first];
      from_depot =
          std::min(from_depot, v.shift_start + travel_time(v.start_location, stop.location));
      to_depot = std::max(to_depot == model::kUnlimited ? -model::kUnlimited : to_depot,
                          v.shift_end - stop.service - travel_time(stop.location, v.end_location));
    }
    if (from_depot < model::kUnlimited) stop.ready = std::max(stop.ready, from_depot);
    if (to_depot < model::kUnlimited) stop.due = std::min(stop.due, to_depot);
  };
  for (int r = 0; r < request_count(); ++r) {
    const model::Request& request = problem_->request(r);
    if (request.has_pickup()) reach(stops_[pickup_stop(r)]);
    if (request.has_delivery()) reach(stops_[delivery_stop(r)]);
    if (request.kind != model::RequestKind::kPickupDelivery) continue;
    StopData& pick = stops_[pickup_stop(r)];
    StopData& drop = stops_[delivery_stop(r)];
    const double direct = travel_time(pick.location, drop.location);
    const double limit = request.max_ride_time;
    for (int round = 0; round < 2; ++round) {
      drop.ready = std::max(drop.ready, pick.ready + pick.service + direct);
      pick.due = std::min(pick.due, drop.due - pick.service - direct);
      if (limit < model::kUnlimited) {
        pick.ready = std::max(pick.ready, drop.ready - limit - pick.service);
        drop.due = std::min(drop.due, pick.due + pick.service + limit);
      }
    }
  }
}

double SearchModel::relatedness(int r, int s) const {
  // Shaw (1998) / Ropke & Pisinger (2006): places and times, each scaled to about [0, 1].
  auto place = [&](int stop) {
    return is_pickup(stop) ? request(request_of(stop)).pickup.location
                           : request(request_of(stop)).delivery.location;
  };
  int a[2], b[2];
  const int na = stops_of(r, a), nb = stops_of(s, b);
  double place_term = 0, time_term = 0;
  for (int i = 0; i < std::min(na, nb); ++i) {
    place_term += distance(place(a[i]), place(b[i])) / max_distance_;
    time_term += std::fabs(stop(a[i]).ready - stop(b[i]).ready) / max_time_ +
                 std::fabs(stop(a[i]).due - stop(b[i]).due) / max_time_;
  }
  if (na != nb) place_term += 1;  // a paired and a single-stop request are less alike
  return 9 * place_term + 3 * time_term;
}

}  // namespace sendplan::solver
