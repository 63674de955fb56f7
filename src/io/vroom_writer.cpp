#include "io/vroom_writer.h"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>
#include <vector>

namespace sendplan::io {

namespace {

using Json = nlohmann::ordered_json;
using Amount = std::vector<int64_t>;

int64_t whole(double value) {
  return static_cast<int64_t>(std::llround(value));
}

void add_to(Amount& total, const Amount& amount) {
  for (size_t d = 0; d < total.size() && d < amount.size(); ++d) total[d] += amount[d];
}
void take_from(Amount& total, const Amount& amount) {
  for (size_t d = 0; d < total.size() && d < amount.size(); ++d) total[d] -= amount[d];
}

// The task a planned stop performs, and its step type.
const VroomTask& task_of(const VroomRequest& request, bool is_pickup) {
  if (request.kind == VroomRequestKind::kJob) return request.job;
  return is_pickup ? request.pickup : request.delivery;
}
const char* step_type(const VroomRequest& request, bool is_pickup) {
  if (request.kind == VroomRequestKind::kJob) return "job";
  return is_pickup ? "pickup" : "delivery";
}

void add_place(Json& step, int location_index, const nlohmann::json& coordinates,
               const std::string& description) {
  if (!description.empty()) step["description"] = description;
  if (!coordinates.is_null()) step["location"] = coordinates;
  step["location_index"] = location_index;
}

// The figures a route and the summary both report (the summary's are the routes' sums).
struct Totals {
  int64_t cost = 0, setup = 0, service = 0, duration = 0, waiting_time = 0, priority = 0,
          distance = 0;
  Amount delivery, pickup;

  Totals& operator+=(const Totals& other) {
    cost += other.cost;
    setup += other.setup;
    service += other.service;
    duration += other.duration;
    waiting_time += other.waiting_time;
    priority += other.priority;
    distance += other.distance;
    add_to(delivery, other.delivery);
    add_to(pickup, other.pickup);
    return *this;
  }
};

// Writes the figures after `out`'s own keys, in VROOM's order (distance only when known).
void put_totals(Json& out, const Totals& totals, bool distances) {
  out["delivery"] = totals.delivery;
  out["pickup"] = totals.pickup;
  out["setup"] = totals.setup;
  out["service"] = totals.service;
  out["duration"] = totals.duration;
  out["waiting_time"] = totals.waiting_time;
  out["priority"] = totals.priority;
  if (distances) out["distance"] = totals.distance;
}

class RouteWriter {
 public:
  RouteWriter(const VroomDetails& vroom, const model::PlannedRoute& route)
      : vroom_(vroom),
        route_(route),
        vehicle_(vroom.vehicles[route.vehicle_type]),
        dimensions_(static_cast<size_t>(vroom.amount_dimensions)) {}

  Json write(Totals& totals) {
    Amount load(dimensions_, 0), delivered(dimensions_, 0), collected(dimensions_, 0);
    for (const model::PlannedStop& stop : route_.stops) {
      const VroomRequest& request = vroom_.requests[stop.request];
      if (request.kind == VroomRequestKind::kJob) add_to(load, request.delivery_amount);
    }
    Json steps = Json::array();
    int64_t setup = 0, service = 0, waiting = 0, priority = 0;
    if (vehicle_.start_index) {
      at_ = vehicle_.start_index;
      Json step = {{"type", "start"}};
      add_place(step, *at_, vehicle_.start_coordinates, "");
      add_timing(step, 0, 0, 0, load, whole(route_.start_time));
      steps.push_back(std::move(step));
    }
    for (const model::PlannedStop& stop : route_.stops) {
      const VroomRequest& request = vroom_.requests[stop.request];
      const VroomTask& task = task_of(request, stop.is_pickup);
      travel_to(task.location_index);
      if (request.kind == VroomRequestKind::kJob) {
        take_from(load, request.delivery_amount);
        add_to(load, request.pickup_amount);
        add_to(delivered, request.delivery_amount);
        add_to(collected, request.pickup_amount);
        priority += request.priority;
      } else if (stop.is_pickup) {
        add_to(load, request.pickup_amount);
        add_to(collected, request.pickup_amount);
        priority += request.priority;  // once per shipment
      } else {
        take_from(load, request.delivery_amount);
        add_to(delivered, request.delivery_amount);
      }
      const int64_t arrival = whole(stop.arrival);
      const int64_t wait = whole(stop.start) - arrival;
      Json step = {{"type", step_type(request, stop.is_pickup)}};
      add_place(step, task.location_index, task.coordinates, task.description);
      step["id"] = task.id;
      add_timing(step, task.setup, task.service, wait, load, arrival);
      steps.push_back(std::move(step));
      setup += task.setup;
      service += task.service;
      waiting += wait;
    }
    if (vehicle_.end_index) {
      travel_to(*vehicle_.end_index);
      Json step = {{"type", "end"}};
      add_place(step, *vehicle_.end_index, vehicle_.end_coordinates, "");
      add_timing(step, 0, 0, 0, load, whole(route_.end_time));
      steps.push_back(std::move(step));
    }

    const Totals mine{whole(route_.cost), setup,     service,   travel_,  waiting,
                      priority,           distance_, delivered, collected};
    Json out = {{"vehicle", vehicle_.id}, {"cost", mine.cost}};
    if (!vehicle_.description.empty()) out["description"] = vehicle_.description;
    put_totals(out, mine, vroom_.has_distances());
    out["steps"] = std::move(steps);
    out["violations"] = Json::array();
    totals += mine;
    return out;
  }

 private:
  // Adds the leg from the previous place (none before a route with no start).
  void travel_to(int location) {
    if (at_) {
      travel_ += vroom_.duration(*at_, location);
      if (vroom_.has_distances()) distance_ += vroom_.distance(*at_, location);
    }
    at_ = location;
  }

  void add_timing(Json& step, int64_t setup, int64_t service, int64_t waiting, const Amount& load,
                  int64_t arrival) const {
    step["setup"] = setup;
    step["service"] = service;
    step["waiting_time"] = waiting;
    step["load"] = load;
    step["arrival"] = arrival;
    step["duration"] = travel_;
    if (vroom_.has_distances()) step["distance"] = distance_;
    step["violations"] = Json::array();
  }

  const VroomDetails& vroom_;
  const model::PlannedRoute& route_;
  const VroomVehicle& vehicle_;
  size_t dimensions_;
  std::optional<int> at_;
  int64_t travel_ = 0;
  int64_t distance_ = 0;
};

Json unassigned_entry(const VroomTask& task, const char* type, const std::string& reason) {
  Json entry = {{"id", task.id}, {"type", type}};
  add_place(entry, task.location_index, task.coordinates, task.description);
  entry["reason"] = reason;
  return entry;
}

void add_unassigned(Json& list, const VroomRequest& request, const std::string& reason) {
  if (request.kind == VroomRequestKind::kJob) {
    list.push_back(unassigned_entry(request.job, "job", reason));
  } else {
    list.push_back(unassigned_entry(request.pickup, "pickup", reason));
    list.push_back(unassigned_entry(request.delivery, "delivery", reason));
  }
}

}  // namespace

nlohmann::ordered_json vroom_solution_to_json(const VroomInstance& instance,
                                              const model::Plan& plan,
                                              const VroomTimings& timings) {
  const VroomDetails& vroom = instance.vroom;
  Totals totals;
  totals.delivery.assign(static_cast<size_t>(vroom.amount_dimensions), 0);
  totals.pickup = totals.delivery;
  Json routes = Json::array();
  for (const model::PlannedRoute& route : plan.routes) {
    if (route.stops.empty()) continue;
    routes.push_back(RouteWriter(vroom, route).write(totals));
  }
  Json unassigned = Json::array();
  for (const model::UnservedRequest& unserved : plan.unserved)
    add_unassigned(unassigned, vroom.requests[unserved.request], unserved.reason);
  for (const VroomUnassignable& left_out : vroom.unassignable)
    add_unassigned(unassigned, left_out.request, left_out.reason);

  Json summary = {
      {"cost", totals.cost}, {"routes", routes.size()}, {"unassigned", unassigned.size()}};
  put_totals(summary, totals, vroom.has_distances());
  summary["violations"] = Json::array();
  summary["computing_times"] = {
      {"loading", timings.loading_ms}, {"solving", timings.solving_ms}, {"routing", 0}};
  return Json{{"code", 0},
              {"summary", std::move(summary)},
              {"unassigned", std::move(unassigned)},
              {"routes", std::move(routes)}};
}

Status write_vroom_solution(const VroomInstance& instance, const model::Plan& plan,
                            const VroomTimings& timings, const std::string& path) {
  const std::string text = vroom_solution_to_json(instance, plan, timings).dump(2) + "\n";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot write solution to '{}': {}", path, std::strerror(errno)));
  }
  out << text;
  out.close();
  if (!out) return make_error(ErrorCode::kIo, fmt::format("writing solution to '{}' failed", path));
  return {};
}

}  // namespace sendplan::io
