// The VROOM reader's mapping onto the dial-a-ride model (vroom_reader.h, vroom_reader_internal.h):
// the cost model onto the single distance matrix (one cost matrix and a factor per vehicle), the
// vehicles' speed factor, each vehicle one vehicle type, each job or shipment a request with the
// vehicles that have its skills, and never_together. See docs/vroom.md.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "io/instance_readers.h"
#include "io/vroom_reader_internal.h"

namespace sendplan::io::detail {

VroomParser::CostMapping VroomParser::map_costs(const std::vector<int64_t>& durations) const {
  const size_t cells = durations.size();
  CostMapping mapping;
  mapping.factors.assign(vehicles_.size(), 1.0);
  if (!matrices_.costs.empty()) {
    for (const VehicleInput& v : vehicles_) {
      if (v.custom_rates)
        in_.invalid(at(v.path, "costs"),
                    fmt::format("per_hour and per_km cannot be combined with the custom "
                                "\"costs\" matrix in {} (VROOM refuses this too)",
                                matrices_.path));
    }
    mapping.base.assign(matrices_.costs.begin(), matrices_.costs.end());
    return mapping;
  }
  const VehicleInput* reference = nullptr;
  for (const VehicleInput& v : vehicles_)
    if (reference == nullptr && (v.per_hour != 0 || v.per_km != 0)) reference = &v;
  if (reference == nullptr) {  // nothing costs anything but fixed costs
    mapping.factors.assign(vehicles_.size(), 0.0);
    if (!matrices_.distances.empty()) {
      mapping.base.assign(matrices_.distances.begin(), matrices_.distances.end());
      mapping.proportional_to_distance = true;
      mapping.per_metre = 1;
    } else {
      mapping.base.assign(durations.begin(), durations.end());
    }
    return mapping;
  }
  if (reference->per_km > 0 && matrices_.distances.empty())
    in_.invalid(at(reference->path, "costs.per_km"),
                fmt::format("a cost per km needs a \"distances\" matrix in {}", matrices_.path));
  for (size_t i = 0; i < vehicles_.size(); ++i) {
    const VehicleInput& v = vehicles_[i];
    // (per_hour, per_km) must be a multiple of the reference's: one matrix, one factor each.
    if (v.per_hour * reference->per_km != v.per_km * reference->per_hour)
      in_.invalid(at(v.path, "costs"),
                  fmt::format("per_hour {} and per_km {} are not in the same proportion as {}'s "
                              "({} and {}): sendplan prices every vehicle from one cost matrix "
                              "times a factor per vehicle",
                              v.per_hour, v.per_km, reference->path, reference->per_hour,
                              reference->per_km));
    mapping.factors[i] =
        reference->per_hour > 0
            ? static_cast<double>(v.per_hour) / static_cast<double>(reference->per_hour)
            : static_cast<double>(v.per_km) / static_cast<double>(reference->per_km);
  }
  mapping.base.resize(cells);
  for (size_t c = 0; c < cells; ++c) {
    double cost = static_cast<double>(reference->per_hour * durations[c]) / 3600.0;
    if (reference->per_km > 0)
      cost += static_cast<double>(reference->per_km * matrices_.distances[c]) / 1000.0;
    mapping.base[c] = cost;
  }
  mapping.proportional_to_distance = reference->per_hour == 0;
  mapping.per_metre = static_cast<double>(reference->per_km) / 1000.0;
  return mapping;
}

std::vector<int64_t> VroomParser::scaled_durations() const {
  const double factor = vehicles_.front().speed_factor;
  for (const VehicleInput& v : vehicles_) {
    if (v.speed_factor != factor)
      in_.invalid(at(v.path, "speed_factor"),
                  fmt::format("speed factor {} differs from {}'s {}: sendplan has one travel "
                              "time matrix for every vehicle",
                              v.speed_factor, vehicles_.front().path, factor));
  }
  std::vector<int64_t> durations = matrices_.durations;
  if (factor != 1.0) {
    for (int64_t& d : durations)
      d = static_cast<int64_t>(std::llround(static_cast<double>(d) / factor));
  }
  return durations;
}

model::Load VroomParser::to_load(const std::vector<int64_t>& amount) {
  model::Load load;
  for (size_t d = 0; d < amount.size(); ++d) load.amount[d] = static_cast<int32_t>(amount[d]);
  return load;
}

bool VroomParser::any_positive(const std::vector<int64_t>& amount) {
  return std::any_of(amount.begin(), amount.end(), [](int64_t a) { return a > 0; });
}

model::StopSpec VroomParser::stop_spec(const VroomTask& task, const TimeWindow& window) {
  model::StopSpec stop;
  stop.location = task.location_index;
  stop.ready = static_cast<double>(window.start);
  stop.due = window.given ? static_cast<double>(window.end) : model::kUnlimited;
  stop.service = static_cast<double>(task.setup + task.service);
  stop.external_id = task.id <= static_cast<VroomId>(std::numeric_limits<int>::max())
                         ? static_cast<int>(task.id)
                         : -1;
  return stop;
}

VroomInstance VroomParser::build() {
  const int n = matrices_.size;
  const bool anywhere_needed = std::any_of(
      vehicles_.begin(), vehicles_.end(),
      [](const VehicleInput& v) { return !v.vehicle.start_index || !v.vehicle.end_index; });
  // A vehicle without a start (end) leaves from (returns to) "anywhere": a location at zero
  // time and distance from every other, so its first (last) leg costs nothing.
  const int m = n + (anywhere_needed ? 1 : 0);
  const int anywhere = n;

  VroomDetails details;
  details.amount_dimensions = dimensions_;
  details.location_count = n;
  details.durations = scaled_durations();
  details.distances = matrices_.distances;
  const CostMapping costs = map_costs(details.durations);

  model::ProblemData data;
  data.name = instance_name_from_path(file_);
  data.load_dimensions = std::max(1, dimensions_);
  const size_t cells = static_cast<size_t>(m) * static_cast<size_t>(m);
  data.travel_times.assign(cells, 0.0);
  data.distances.assign(cells, 0.0);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const size_t from = static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j);
      const size_t to = static_cast<size_t>(i) * static_cast<size_t>(m) + static_cast<size_t>(j);
      data.travel_times[to] = static_cast<double>(details.durations[from]);
      data.distances[to] = costs.base[from];
    }
  }

  for (size_t v = 0; v < vehicles_.size(); ++v) {
    const VehicleInput& input = vehicles_[v];
    model::VehicleType type;
    type.name = fmt::format("vehicle {}", input.vehicle.id);
    type.count = 1;
    if (dimensions_ == 0)
      type.capacity.amount[0] = std::numeric_limits<int32_t>::max();
    else
      type.capacity = to_load(input.capacity);
    type.start_location = input.vehicle.start_index.value_or(anywhere);
    type.end_location = input.vehicle.end_index.value_or(anywhere);
    type.shift_start = static_cast<double>(input.window.start);
    type.shift_end = input.window.given ? static_cast<double>(input.window.end) : model::kUnlimited;
    type.max_stops = static_cast<int>(input.max_tasks);
    if (input.max_travel_time) type.max_travel_time = static_cast<double>(*input.max_travel_time);
    if (input.max_distance) {
      const std::string where = at(input.path, "max_distance");
      if (details.distances.empty())
        in_.invalid(where, fmt::format("a maximum distance needs a \"distances\" matrix in {}",
                                       matrices_.path));
      if (!costs.proportional_to_distance)
        in_.invalid(where,
                    "a maximum distance is supported only when costs are proportional to "
                    "distance (every vehicle per_hour 0, or no per_hour/per_km cost at all, and "
                    "no custom costs matrix): sendplan keeps one distance matrix, used for cost");
      type.max_distance = static_cast<double>(*input.max_distance) * costs.per_metre;
    }
    type.fixed_cost = static_cast<double>(input.fixed);
    type.cost_per_distance = costs.factors[v];
    type.cost_per_time = 0;
    data.vehicle_types.push_back(std::move(type));
    details.vehicles.push_back(input.vehicle);
  }

  std::map<VroomId, int> request_of_pickup;  // shipment pickup id → model request
  for (RequestInput& input : requests_) {
    VroomRequest& vroom = input.request;
    std::vector<int> allowed;
    for (size_t v = 0; v < vehicles_.size(); ++v) {
      const std::vector<VroomId>& has = vehicles_[v].skills;
      if (std::includes(has.begin(), has.end(), input.skills.begin(), input.skills.end()))
        allowed.push_back(static_cast<int>(v));
    }
    if (allowed.empty()) {
      details.unassignable.push_back({vroom, fmt::format("no vehicle has all its skills [{}]",
                                                         fmt::join(input.skills, ", "))});
      continue;
    }
    if (allowed.size() == vehicles_.size()) allowed.clear();  // every vehicle may

    model::Request request;
    request.allowed_vehicle_types = std::move(allowed);
    if (vroom.kind == VroomRequestKind::kJob) {
      request.name = fmt::format("job {}", vroom.job.id);
      const bool delivers = any_positive(vroom.delivery_amount);
      const bool collects = any_positive(vroom.pickup_amount);
      if (delivers && collects)
        in_.invalid(input.path,
                    fmt::format("job {} both delivers and picks up: sendplan cannot load at the "
                                "depot and collect at the same job (split it into two jobs, or "
                                "use a shipment)",
                                vroom.job.id));
      if (collects) {
        request.kind = model::RequestKind::kPickup;
        request.pickup = stop_spec(vroom.job, input.job_window);
        request.load = to_load(vroom.pickup_amount);
      } else {
        request.kind = model::RequestKind::kDelivery;
        request.delivery = stop_spec(vroom.job, input.job_window);
        request.load = to_load(vroom.delivery_amount);
      }
    } else {
      request.name = fmt::format("shipment {}-{}", vroom.pickup.id, vroom.delivery.id);
      request.kind = model::RequestKind::kPickupDelivery;
      request.pickup = stop_spec(vroom.pickup, input.pickup_window);
      request.delivery = stop_spec(vroom.delivery, input.delivery_window);
      request.load = to_load(vroom.delivery_amount);
      double limit = input.max_ride_time;
      if (input.max_ride_factor < model::kUnlimited) {
        const double direct = static_cast<double>(
            details.duration(vroom.pickup.location_index, vroom.delivery.location_index));
        limit = std::min(limit, input.max_ride_factor * direct);
      }
      request.max_ride_time = limit;
      request.ride_alone = input.ride_alone;
      request_of_pickup[vroom.pickup.id] = static_cast<int>(data.requests.size());
    }
    data.requests.push_back(std::move(request));
    details.requests.push_back(vroom);
  }
  read_never_together(data, request_of_pickup);

  if (std::any_of(requests_.begin(), requests_.end(),
                  [](const RequestInput& r) { return r.request.priority > 0; }))
    notes_.insert(
        "Priorities are read and reported but do not steer the search: sendplan serves as many "
        "tasks as it can, whatever their priority.");
  if (any_setup_)
    notes_.insert(
        "Setup times are added to the service at every task; VROOM skips a setup when the "
        "previous step is at the same location, so sendplan's routes may be slightly longer.");
  details.notes.assign(notes_.begin(), notes_.end());

  Result<model::Problem> problem = model::Problem::create(std::move(data));
  if (!problem) {
    Error error = problem.error();
    if (error.where.file.empty()) error.where.file = file_;
    throw ReadFailure{std::move(error)};
  }
  return VroomInstance{std::move(problem).value(), std::move(details)};
}

void VroomParser::read_never_together(model::ProblemData& data,
                                      const std::map<VroomId, int>& request_of_pickup) {
  const json* pairs = in_.optional(root_, "", "never_together");
  if (pairs == nullptr) return;
  const std::string path = "never_together";
  in_.array(*pairs, path);
  std::set<VroomId> known_pickups;
  for (const RequestInput& input : requests_)
    if (input.request.kind == VroomRequestKind::kShipment)
      known_pickups.insert(input.request.pickup.id);
  for (size_t i = 0; i < pairs->size(); ++i) {
    const std::string where = index(path, i);
    const json& pair = in_.array((*pairs)[i], where);
    if (pair.size() != 2) in_.malformed(where, "expected [shipment pickup id, shipment pickup id]");
    VroomId ids[2];
    for (size_t k = 0; k < 2; ++k) {
      ids[k] = in_.id(pair[k], index(where, k));
      if (known_pickups.count(ids[k]) == 0)
        in_.invalid(index(where, k),
                    fmt::format("no shipment has pickup id {} (shipments are named by the id of "
                                "their pickup)",
                                ids[k]));
    }
    if (ids[0] == ids[1]) in_.invalid(where, "a shipment is paired with itself");
    auto a = request_of_pickup.find(ids[0]);
    auto b = request_of_pickup.find(ids[1]);
    // A shipment no vehicle may carry is not in the model, so the pair cannot bind.
    if (a == request_of_pickup.end() || b == request_of_pickup.end()) continue;
    data.not_together.emplace_back(a->second, b->second);
  }
}

}  // namespace sendplan::io::detail
