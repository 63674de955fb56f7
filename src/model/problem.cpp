#include "model/problem.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sendplan::model {

void fill_euclidean_matrices(ProblemData& data) {
  const size_t n = data.coordinates.size();
  data.distances.assign(n * n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const double dx = data.coordinates[i].x - data.coordinates[j].x;
      const double dy = data.coordinates[i].y - data.coordinates[j].y;
      data.distances[i * n + j] = std::sqrt(dx * dx + dy * dy);
    }
  }
  data.travel_times = data.distances;
}

namespace {

Error invalid(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message));
}

Status check_stop(const StopSpec& stop, int locations, const std::string& what) {
  if (stop.location < 0 || stop.location >= locations)
    return invalid(fmt::format("{}: location {} is out of range", what, stop.location));
  if (!(stop.ready <= stop.due))
    return invalid(fmt::format("{}: time window [{}, {}] is empty (ready after due)", what,
                               stop.ready, stop.due));
  if (!(stop.service >= 0))
    return invalid(fmt::format("{}: service duration {} is negative", what, stop.service));
  return {};
}

Status check_fleet_limits(const ProblemData& data) {
  const int types = static_cast<int>(data.vehicle_types.size());
  std::vector<int> group_of(static_cast<size_t>(types), -1);
  for (int g = 0; g < static_cast<int>(data.fleet_limits.size()); ++g) {
    const FleetLimit& fleet = data.fleet_limits[g];
    const std::string what = fmt::format("fleet limit '{}'", fleet.name);
    if (fleet.limit < 0) return invalid(fmt::format("{}: limit {} is negative", what, fleet.limit));
    for (int t : fleet.vehicle_types) {
      if (t < 0 || t >= types)
        return invalid(
            fmt::format("{}: vehicle type {} does not exist (there are {})", what, t, types));
      if (group_of[t] == g)
        return invalid(
            fmt::format("{}: lists vehicle type '{}' twice", what, data.vehicle_types[t].name));
      if (group_of[t] >= 0)
        return invalid(fmt::format("{}: vehicle type '{}' is already in fleet limit '{}'", what,
                                   data.vehicle_types[t].name,
                                   data.fleet_limits[group_of[t]].name));
      group_of[t] = g;
    }
  }
  return {};
}

Status validate(const ProblemData& data, int n) {
  if (data.load_dimensions < 1 || data.load_dimensions > kMaxLoadDimensions)
    return invalid(fmt::format("load dimensions must be 1..{}, got {}", kMaxLoadDimensions,
                               data.load_dimensions));
  const size_t cells = static_cast<size_t>(n) * static_cast<size_t>(n);
  if (data.distances.size() != cells || data.travel_times.size() != cells)
    return invalid(fmt::format("travel matrices must be {}x{}", n, n));
  for (size_t i = 0; i < cells; ++i) {
    if (!(data.distances[i] >= 0) || !(data.travel_times[i] >= 0))
      return invalid(
          fmt::format("travel matrix entry ({}, {}) is negative or not a number", i / n, i % n));
  }
  if (data.vehicle_types.empty()) return invalid("there are no vehicles");
  for (const VehicleType& type : data.vehicle_types) {
    const std::string what = fmt::format("vehicle type '{}'", type.name);
    if (type.count < 0) return invalid(what + ": count is negative");
    if (type.capacity.any_negative()) return invalid(what + ": capacity is negative");
    if (type.start_location < 0 || type.start_location >= n || type.end_location < 0 ||
        type.end_location >= n)
      return invalid(what + ": depot location is out of range");
    if (!(type.shift_start <= type.shift_end))
      return invalid(
          fmt::format("{}: shift [{}, {}] is empty", what, type.shift_start, type.shift_end));
    if (!(type.max_duration >= 0)) return invalid(what + ": maximum duration is negative");
    if (type.max_stops < 0) return invalid(what + ": maximum number of stops is negative");
    if (!(type.max_travel_time >= 0)) return invalid(what + ": maximum travel time is negative");
    if (!(type.max_distance >= 0)) return invalid(what + ": maximum distance is negative");
    if (type.fixed_cost < 0 || type.cost_per_distance < 0 || type.cost_per_time < 0)
      return invalid(what + ": a cost is negative");
  }
  for (const Request& request : data.requests) {
    const std::string what = fmt::format("request '{}'", request.name);
    if (request.load.any_negative()) return invalid(what + ": load is negative");
    if (!(request.max_ride_time >= 0)) return invalid(what + ": maximum ride time is negative");
    const int types = static_cast<int>(data.vehicle_types.size());
    for (size_t i = 0; i < request.allowed_vehicle_types.size(); ++i) {
      const int t = request.allowed_vehicle_types[i];
      if (t < 0 || t >= types || (i > 0 && t <= request.allowed_vehicle_types[i - 1]))
        return invalid(what + ": allowed vehicle types must be distinct known types, sorted");
    }
    if (request.has_pickup()) {
      if (Status s = check_stop(request.pickup, n, what + " pickup"); !s) return s;
    }
    if (request.has_delivery()) {
      if (Status s = check_stop(request.delivery, n, what + " delivery"); !s) return s;
    }
  }
  if (Status s = check_fleet_limits(data); !s) return s;
  const int r = static_cast<int>(data.requests.size());
  for (const auto& [a, b] : data.not_together) {
    if (a < 0 || a >= r || b < 0 || b >= r || a == b)
      return invalid(fmt::format("not-together pair ({}, {}) names an unknown request", a, b));
  }
  return {};
}

}  // namespace

Problem::Problem(ProblemData data) : data_(std::move(data)) {
  location_count_ =
      static_cast<int>(std::lround(std::sqrt(static_cast<double>(data_.distances.size()))));
}

Result<Problem> Problem::create(ProblemData data) {
  const size_t cells = data.distances.size();
  const int n = static_cast<int>(std::lround(std::sqrt(static_cast<double>(cells))));
  if (Status s = validate(data, n); !s) return s.error();
  Problem problem(std::move(data));
  problem.not_together_index_.assign(problem.data_.requests.size(), {});
  for (const auto& [a, b] : problem.data_.not_together) {
    problem.not_together_index_[a].push_back(b);
    problem.not_together_index_[b].push_back(a);
  }
  for (auto& list : problem.not_together_index_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  problem.fleet_of_type_.assign(problem.data_.vehicle_types.size(), -1);
  for (int g = 0; g < static_cast<int>(problem.data_.fleet_limits.size()); ++g)
    for (int t : problem.data_.fleet_limits[g].vehicle_types) problem.fleet_of_type_[t] = g;
  return problem;
}

std::string Problem::load_dimension_name(int d) const {
  if (d < static_cast<int>(data_.load_dimension_names.size())) return data_.load_dimension_names[d];
  return d == 0 ? std::string("load") : fmt::format("load {}", d + 1);
}

bool Problem::type_allowed(int r, int t) const {
  const std::vector<int>& allowed = data_.requests[r].allowed_vehicle_types;
  return allowed.empty() || std::binary_search(allowed.begin(), allowed.end(), t);
}

bool Problem::must_not_share(int r, int s) const {
  const auto& list = not_together_index_[r];
  return std::binary_search(list.begin(), list.end(), s);
}

}  // namespace sendplan::model
