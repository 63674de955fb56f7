// The checker's reading of VROOM problem and solution JSON (no code shared with src/io).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "instance.h"
#include "vroom_check.h"

namespace sendplan::check::vroom {
namespace {

using nlohmann::json;

class Shape {
 public:
  explicit Shape(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
    throw InputError(fmt::format("{}: {}: {}", source_, where, problem));
  }
  const json* find(const json& object, const std::string& where, const char* key) const {
    if (!object.is_object()) fail(where, "expected an object");
    auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }
  const json& field(const json& object, const std::string& where, const char* key) const {
    const json* value = find(object, where, key);
    if (value == nullptr) fail(where, fmt::format("missing key \"{}\"", key));
    return *value;
  }
  int64_t integer(const json& value, const std::string& where) const {
    if (!value.is_number_integer()) fail(where, "expected an integer, found " + value.dump());
    if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
      fail(where, "integer out of range");
    return value.get<int64_t>();
  }
  int64_t integer_or(const json& object, const std::string& where, const char* key,
                     int64_t fallback) const {
    const json* value = find(object, where, key);
    return value == nullptr ? fallback : integer(*value, where + "." + key);
  }
  std::optional<int64_t> maybe_integer(const json& object, const std::string& where,
                                       const char* key) const {
    const json* value = find(object, where, key);
    if (value == nullptr) return std::nullopt;
    return integer(*value, where + "." + key);
  }
  Id id(const json& value, const std::string& where) const {
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<int64_t>() >= 0))
      fail(where, "expected a non-negative integer, found " + value.dump());
    return value.get<uint64_t>();
  }
  double number(const json& value, const std::string& where) const {
    if (!value.is_number()) fail(where, "expected a number, found " + value.dump());
    const double result = value.get<double>();
    if (!std::isfinite(result)) fail(where, "expected a finite number");
    return result;
  }
  const json& array(const json& value, const std::string& where) const {
    if (!value.is_array()) fail(where, "expected an array");
    return value;
  }
  Amount amount(const json& value, const std::string& where) const {
    array(value, where);
    Amount result;
    for (size_t i = 0; i < value.size(); ++i)
      result.push_back(integer(value[i], fmt::format("{}[{}]", where, i)));
    return result;
  }
  std::vector<Id> ids(const json* value, const std::string& where) const {
    std::vector<Id> result;
    if (value == nullptr) return result;
    array(*value, where);
    for (size_t i = 0; i < value->size(); ++i)
      result.push_back(id((*value)[i], fmt::format("{}[{}]", where, i)));
    std::sort(result.begin(), result.end());
    return result;
  }
  Window window(const json& value, const std::string& where) const {
    array(value, where);
    if (value.size() != 2) fail(where, "expected [start, end]");
    return {integer(value[0], where + "[0]"), integer(value[1], where + "[1]")};
  }
  std::vector<int64_t> matrix(const json& value, const std::string& where, int& size) const {
    array(value, where);
    if (size >= 0 && value.size() != static_cast<size_t>(size))
      fail(where, "not the same size as the durations");
    size = static_cast<int>(value.size());
    std::vector<int64_t> cells;
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string row = fmt::format("{}[{}]", where, i);
      array(value[i], row);
      if (value[i].size() != value.size()) fail(row, "the matrix is not square");
      for (size_t j = 0; j < value.size(); ++j)
        cells.push_back(integer(value[i][j], fmt::format("{}[{}]", row, j)));
    }
    return cells;
  }

 private:
  const std::string& source_;
};

int location(const Shape& in, const json& object, const std::string& where, const char* key,
             int size) {
  const int64_t index = in.integer(in.field(object, where, key), where + "." + key);
  if (index < 0 || index >= size) in.fail(where + "." + key, "outside the matrices");
  return static_cast<int>(index);
}

Task read_task(const Shape& in, const json& value, const std::string& where, TaskType type,
               int size) {
  Task task;
  task.type = type;
  task.id = in.id(in.field(value, where, "id"), where + ".id");
  task.location = location(in, value, where, "location_index", size);
  task.setup = in.integer_or(value, where, "setup", 0);
  task.service = in.integer_or(value, where, "service", 0);
  if (const json* windows = in.find(value, where, "time_windows")) {
    in.array(*windows, where + ".time_windows");
    for (size_t i = 0; i < windows->size(); ++i)
      task.windows.push_back(
          in.window((*windows)[i], fmt::format("{}.time_windows[{}]", where, i)));
  }
  return task;
}

// The figures a route and the summary both report; `where` names the object in errors.
void read_figures(const Shape& in, const json& object, const std::string& where, Figures& figures) {
  figures.cost = in.integer(in.field(object, where, "cost"), where + ".cost");
  figures.setup = in.integer_or(object, where, "setup", 0);
  figures.service = in.integer(in.field(object, where, "service"), where + ".service");
  figures.duration = in.integer(in.field(object, where, "duration"), where + ".duration");
  figures.waiting_time =
      in.integer(in.field(object, where, "waiting_time"), where + ".waiting_time");
  figures.priority = in.integer_or(object, where, "priority", 0);
  figures.distance = in.maybe_integer(object, where, "distance");
  if (const json* d = in.find(object, where, "delivery"))
    figures.delivery = in.amount(*d, where + ".delivery");
  if (const json* p = in.find(object, where, "pickup"))
    figures.pickup = in.amount(*p, where + ".pickup");
}

}  // namespace

int64_t Problem::travel(const Vehicle& v, int from, int to) const {
  const int64_t d = durations[from * size + to];
  if (v.speed_factor == 1) return d;
  return static_cast<int64_t>(std::llround(static_cast<double>(d) / v.speed_factor));
}

double Problem::leg_cost(const Vehicle& v, int from, int to) const {
  if (!costs.empty()) return static_cast<double>(costs[from * size + to]);
  double cost = static_cast<double>(v.per_hour * travel(v, from, to)) / 3600.0;
  if (v.per_km != 0) cost += static_cast<double>(v.per_km * distance(from, to)) / 1000.0;
  return cost;
}

Problem problem_from_json(const json& root, const std::string& source) {
  Shape in(source);
  Problem problem;
  problem.file = source;
  const json& vehicles = in.array(in.field(root, "(top level)", "vehicles"), "vehicles");
  std::string profile = "car";
  for (const json& v : vehicles)
    if (v.is_object() && v.contains("profile") && v["profile"].is_string())
      profile = v["profile"].get<std::string>();
  int size = -1;
  const json* profile_matrices = nullptr;
  if (const json* matrices = in.find(root, "(top level)", "matrices"))
    profile_matrices = in.find(*matrices, "matrices", profile.c_str());
  const std::string where_matrices = "matrices." + profile;
  if (profile_matrices != nullptr && in.find(*profile_matrices, where_matrices, "durations")) {
    problem.durations = in.matrix(in.field(*profile_matrices, where_matrices, "durations"),
                                  where_matrices + ".durations", size);
  } else {
    problem.durations = in.matrix(in.field(root, "(top level)", "matrix"), "matrix", size);
  }
  if (profile_matrices != nullptr) {
    if (const json* d = in.find(*profile_matrices, where_matrices, "distances"))
      problem.distances = in.matrix(*d, where_matrices + ".distances", size);
    if (const json* c = in.find(*profile_matrices, where_matrices, "costs"))
      problem.costs = in.matrix(*c, where_matrices + ".costs", size);
  }
  problem.size = size;

  for (size_t i = 0; i < vehicles.size(); ++i) {
    const std::string where = fmt::format("vehicles[{}]", i);
    const json& value = vehicles[i];
    Vehicle v;
    v.id = in.id(in.field(value, where, "id"), where + ".id");
    if (in.find(value, where, "start_index"))
      v.start = location(in, value, where, "start_index", size);
    if (in.find(value, where, "end_index")) v.end = location(in, value, where, "end_index", size);
    if (const json* capacity = in.find(value, where, "capacity"))
      v.capacity = in.amount(*capacity, where + ".capacity");
    v.skills = in.ids(in.find(value, where, "skills"), where + ".skills");
    if (const json* window = in.find(value, where, "time_window"))
      v.window = in.window(*window, where + ".time_window");
    if (const json* costs = in.find(value, where, "costs")) {
      v.fixed = in.integer_or(*costs, where + ".costs", "fixed", 0);
      v.per_hour = in.integer_or(*costs, where + ".costs", "per_hour", 3600);
      v.per_km = in.integer_or(*costs, where + ".costs", "per_km", 0);
    }
    v.max_tasks = in.maybe_integer(value, where, "max_tasks");
    v.max_travel_time = in.maybe_integer(value, where, "max_travel_time");
    v.max_distance = in.maybe_integer(value, where, "max_distance");
    if (const json* factor = in.find(value, where, "speed_factor"))
      v.speed_factor = in.number(*factor, where + ".speed_factor");
    if (const json* breaks = in.find(value, where, "breaks"); breaks && !breaks->empty())
      in.fail(where + ".breaks", "breaks are not checked");
    problem.vehicles.push_back(std::move(v));
  }

  if (const json* jobs = in.find(root, "(top level)", "jobs")) {
    in.array(*jobs, "jobs");
    for (size_t i = 0; i < jobs->size(); ++i) {
      const std::string where = fmt::format("jobs[{}]", i);
      const json& value = (*jobs)[i];
      Task task = read_task(in, value, where, TaskType::kJob, size);
      if (const json* d = in.find(value, where, "delivery"))
        task.delivery = in.amount(*d, where + ".delivery");
      if (const json* p = in.find(value, where, "pickup"))
        task.pickup = in.amount(*p, where + ".pickup");
      task.skills = in.ids(in.find(value, where, "skills"), where + ".skills");
      task.priority = in.integer_or(value, where, "priority", 0);
      problem.tasks.push_back(std::move(task));
    }
  }
  problem.jobs = static_cast<int>(problem.tasks.size());

  std::map<Id, int> shipment_of_pickup;
  if (const json* shipments = in.find(root, "(top level)", "shipments")) {
    in.array(*shipments, "shipments");
    for (size_t i = 0; i < shipments->size(); ++i) {
      const std::string where = fmt::format("shipments[{}]", i);
      const json& value = (*shipments)[i];
      Shipment shipment;
      const int index = static_cast<int>(problem.shipments.size());
      if (const json* a = in.find(value, where, "amount"))
        shipment.amount = in.amount(*a, where + ".amount");
      const std::vector<Id> skills = in.ids(in.find(value, where, "skills"), where + ".skills");
      const int64_t priority = in.integer_or(value, where, "priority", 0);
      if (const json* ride = in.find(value, where, "max_ride_time"))
        shipment.max_ride_time = in.number(*ride, where + ".max_ride_time");
      if (const json* factor = in.find(value, where, "max_ride_factor"))
        shipment.max_ride_factor = in.number(*factor, where + ".max_ride_factor");
      if (const json* alone = in.find(value, where, "ride_alone")) {
        if (!alone->is_boolean()) in.fail(where + ".ride_alone", "expected true or false");
        shipment.ride_alone = alone->get<bool>();
      }
      for (TaskType type : {TaskType::kPickup, TaskType::kDelivery}) {
        const char* key = type == TaskType::kPickup ? "pickup" : "delivery";
        Task task = read_task(in, in.field(value, where, key), where + "." + key, type, size);
        task.skills = skills;
        task.priority = type == TaskType::kPickup ? priority : 0;  // counted once per shipment
        task.shipment = index;
        (type == TaskType::kPickup ? shipment.pickup : shipment.delivery) =
            static_cast<int>(problem.tasks.size());
        problem.tasks.push_back(std::move(task));
      }
      shipment_of_pickup[problem.tasks[shipment.pickup].id] = index;
      problem.shipments.push_back(std::move(shipment));
    }
  }

  if (const json* pairs = in.find(root, "(top level)", "never_together")) {
    in.array(*pairs, "never_together");
    for (size_t i = 0; i < pairs->size(); ++i) {
      const std::string where = fmt::format("never_together[{}]", i);
      const json& pair = in.array((*pairs)[i], where);
      if (pair.size() != 2) in.fail(where, "expected two shipment pickup ids");
      int shipment[2];
      for (size_t k = 0; k < 2; ++k) {
        auto found = shipment_of_pickup.find(in.id(pair[k], fmt::format("{}[{}]", where, k)));
        if (found == shipment_of_pickup.end())
          in.fail(fmt::format("{}[{}]", where, k), "no shipment has this pickup id");
        shipment[k] = found->second;
      }
      problem.never_together.emplace_back(shipment[0], shipment[1]);
    }
  }
  std::map<std::pair<TaskType, Id>, int> seen;
  for (const Task& task : problem.tasks) {
    if (++seen[{task.type, task.id}] == 2)
      in.fail("(tasks)", fmt::format("two tasks of one kind share the id {}", task.id));
  }
  std::map<Id, int> vehicle_ids;
  for (const Vehicle& v : problem.vehicles) {
    if (++vehicle_ids[v.id] == 2)
      in.fail("vehicles", fmt::format("vehicle id {} is used twice", v.id));
  }
  return problem;
}

Solution solution_from_json(const json& root, const std::string& source) {
  Shape in(source);
  const int64_t code = in.integer(in.field(root, "(top level)", "code"), "code");
  if (code != 0) {
    const json* error = in.find(root, "(top level)", "error");
    in.fail("code", fmt::format("the solution reports error code {}{}", code,
                                error != nullptr ? ": " + error->dump() : std::string()));
  }
  Solution solution;
  const json& summary = in.field(root, "(top level)", "summary");
  Summary& s = solution.summary;
  read_figures(in, summary, "summary", s);
  s.routes = in.integer(in.field(summary, "summary", "routes"), "summary.routes");
  s.unassigned = in.integer(in.field(summary, "summary", "unassigned"), "summary.unassigned");

  const json& unassigned = in.array(in.field(root, "(top level)", "unassigned"), "unassigned");
  for (size_t i = 0; i < unassigned.size(); ++i) {
    const std::string where = fmt::format("unassigned[{}]", i);
    Unassigned entry;
    entry.id = in.id(in.field(unassigned[i], where, "id"), where + ".id");
    const json& type = in.field(unassigned[i], where, "type");
    if (!type.is_string()) in.fail(where + ".type", "expected a string");
    entry.type = type.get<std::string>();
    solution.unassigned.push_back(std::move(entry));
  }

  const json& routes = in.array(in.field(root, "(top level)", "routes"), "routes");
  for (size_t r = 0; r < routes.size(); ++r) {
    const std::string where = fmt::format("routes[{}]", r);
    const json& value = routes[r];
    Route route;
    route.vehicle = in.id(in.field(value, where, "vehicle"), where + ".vehicle");
    read_figures(in, value, where, route);
    const json& steps = in.array(in.field(value, where, "steps"), where + ".steps");
    for (size_t k = 0; k < steps.size(); ++k) {
      const std::string at = fmt::format("{}.steps[{}]", where, k);
      const json& step_json = steps[k];
      Step step;
      const json& type = in.field(step_json, at, "type");
      if (!type.is_string()) in.fail(at + ".type", "expected a string");
      step.type = type.get<std::string>();
      if (const json* id = in.find(step_json, at, "id")) step.id = in.id(*id, at + ".id");
      if (const json* index = in.find(step_json, at, "location_index"))
        step.location = static_cast<int>(in.integer(*index, at + ".location_index"));
      step.arrival = in.integer(in.field(step_json, at, "arrival"), at + ".arrival");
      step.setup = in.integer_or(step_json, at, "setup", 0);
      step.service = in.integer_or(step_json, at, "service", 0);
      step.waiting_time = in.integer_or(step_json, at, "waiting_time", 0);
      step.duration = in.integer(in.field(step_json, at, "duration"), at + ".duration");
      step.distance = in.maybe_integer(step_json, at, "distance");
      if (const json* load = in.find(step_json, at, "load"))
        step.load = in.amount(*load, at + ".load");
      route.steps.push_back(std::move(step));
    }
    solution.routes.push_back(std::move(route));
  }
  return solution;
}

namespace {
json read_json(const std::string& path) {
  const std::string text = read_text_file(path);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw InputError(fmt::format("{}: not valid JSON: {}", path, e.what()));
  }
}
}  // namespace

Problem read_problem(const std::string& path) {
  return problem_from_json(read_json(path), path);
}

Solution read_solution(const std::string& path) {
  return solution_from_json(read_json(path), path);
}

}  // namespace sendplan::check::vroom
