// The checker's own reading of VROOM's problem and solution JSON, and the check of one against the
// other. Independent of src/: nothing is shared with sendplan's VROOM reader or writer.
// Rules (each violation names the route and task id): every task served at most once and either
// routed or listed unassigned; shipments whole, on one route, pickup first; loads per dimension
// after every step within capacity; skills; task time windows (any of several) and the vehicle's
// time window; travel times between steps; max_tasks, max_travel_time, max_distance; sendplan's
// extensions (max_ride_time / max_ride_factor, ride_alone, never_together); and every reported
// figure (arrival order, setup, service, load, duration, distance, cost, the summary) recomputed.
// Units are VROOM's: whole seconds and metres. A vehicle's travel time on a leg is the durations
// entry divided by its speed_factor, rounded to the nearest second.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "checker.h"

namespace sendplan::check::vroom {

using Id = uint64_t;
using Amount = std::vector<int64_t>;

struct Window {
  int64_t start = 0;
  int64_t end = 0;
};

enum class TaskType { kJob, kPickup, kDelivery };

struct Task {
  TaskType type = TaskType::kJob;
  Id id = 0;
  int location = 0;
  int64_t setup = 0;
  int64_t service = 0;
  std::vector<Window> windows;  // empty = any time
  Amount delivery;              // job only: loaded at the start, dropped here
  Amount pickup;                // job only: collected here, carried to the end
  std::vector<Id> skills;       // sorted
  int64_t priority = 0;
  int shipment = -1;  // pickup/delivery: index into Problem::shipments
};

struct Shipment {
  int pickup = -1;    // index into Problem::tasks
  int delivery = -1;  // index into Problem::tasks
  Amount amount;
  double max_ride_time = kNoLimit;    // extension, seconds
  double max_ride_factor = kNoLimit;  // extension, × direct travel time
  bool ride_alone = false;            // extension
};

struct Vehicle {
  Id id = 0;
  std::optional<int> start;
  std::optional<int> end;
  Amount capacity;
  std::vector<Id> skills;  // sorted
  Window window{0, INT64_MAX};
  int64_t fixed = 0;
  int64_t per_hour = 3600;
  int64_t per_km = 0;
  std::optional<int64_t> max_tasks;
  std::optional<int64_t> max_travel_time;
  std::optional<int64_t> max_distance;
  double speed_factor = 1;
};

struct Problem {
  std::string file;
  int size = 0;                    // matrix rows
  std::vector<int64_t> durations;  // size²
  std::vector<int64_t> distances;  // size², or empty
  std::vector<int64_t> costs;      // size², or empty
  std::vector<Task> tasks;
  std::vector<Shipment> shipments;
  std::vector<Vehicle> vehicles;
  std::vector<std::pair<int, int>> never_together;  // shipment indices
  int jobs = 0;                                     // tasks[0, jobs) are the jobs

  // Travel time of vehicle v on a leg, after its speed factor.
  int64_t travel(const Vehicle& v, int from, int to) const;
  int64_t distance(int from, int to) const { return distances[from * size + to]; }
  // Cost of vehicle v on a leg: the costs matrix, else per_hour and per_km (not rounded).
  double leg_cost(const Vehicle& v, int from, int to) const;
};

struct Step {
  std::string type;  // start, job, pickup, delivery, end (break is refused)
  std::optional<Id> id;
  std::optional<int> location;
  int64_t arrival = 0;
  int64_t setup = 0;
  int64_t service = 0;
  int64_t waiting_time = 0;
  int64_t duration = 0;  // cumulated travel time on arrival
  std::optional<int64_t> distance;
  std::optional<Amount> load;
};

// The figures a route and the summary both report.
struct Figures {
  int64_t cost = 0;
  int64_t setup = 0;
  int64_t service = 0;
  int64_t duration = 0;
  int64_t waiting_time = 0;
  int64_t priority = 0;
  std::optional<int64_t> distance;
  std::optional<Amount> delivery;
  std::optional<Amount> pickup;
};

struct Route : Figures {
  Id vehicle = 0;
  std::vector<Step> steps;
};

struct Unassigned {
  Id id = 0;
  std::string type;
};

struct Summary : Figures {
  int64_t routes = 0;
  int64_t unassigned = 0;
};

struct Solution {
  Summary summary;
  std::vector<Route> routes;
  std::vector<Unassigned> unassigned;
};

// Throw InputError "<source>: <json path>: <problem>" for a wrong shape or an unknown location.
Problem problem_from_json(const nlohmann::json& json, const std::string& source);
Solution solution_from_json(const nlohmann::json& json, const std::string& source);
// Read and parse files; InputError naming the file when unreadable or not valid JSON.
Problem read_problem(const std::string& path);
Solution read_solution(const std::string& path);

// Report::cost is the recomputed total cost (each route's exact cost rounded, then summed);
// requests are jobs and shipments.
Report check_solution(const Problem& problem, const Solution& solution);

}  // namespace sendplan::check::vroom
