// Reader for VROOM's problem JSON (VROOM-Project/vroom, docs/API.md) onto the dial-a-ride model:
// a job becomes a single-stop request (`delivery` → kDelivery, `pickup` → kPickup), a shipment a
// pickup-delivery request, each vehicle one vehicle type of count 1 (in file order). Accepted:
// custom matrices only (`matrices` per profile, or the legacy top-level `matrix` of durations),
// one profile, at most one time window per task, up to 3 amount dimensions, and sendplan's
// extensions (shipment `max_ride_time`, `max_ride_factor`, `ride_alone`; top-level
// `never_together`). Units are VROOM's: seconds and metres. docs/vroom.md gives every mapping and
// every refusal. Errors: malformed JSON → kParse with line and column; a missing key or wrong type
// → kParse naming the JSON path (e.g. `jobs[3].time_windows`); impossible or unsupported data →
// kInvalidInput naming the path.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/problem.h"

namespace sendplan::io {

using VroomId = uint64_t;

// Where a VROOM task (a job, or one end of a shipment) is performed, as the file gave it.
struct VroomTask {
  VroomId id = 0;
  int location_index = 0;
  int64_t setup = 0;    // seconds; the model adds it to the service (see docs/vroom.md)
  int64_t service = 0;  // seconds
  std::string description;
  nlohmann::json coordinates;  // the task's `location` when given (echoed in the output), else null
};

enum class VroomRequestKind { kJob, kShipment };

struct VroomRequest {
  VroomRequestKind kind = VroomRequestKind::kJob;
  VroomTask job;       // kJob only
  VroomTask pickup;    // kShipment only
  VroomTask delivery;  // kShipment only
  // kJob: the amounts delivered and collected at the job; kShipment: both are its `amount`.
  std::vector<int64_t> delivery_amount;
  std::vector<int64_t> pickup_amount;
  int priority = 0;  // read and reported; not part of the objective
};

struct VroomVehicle {
  VroomId id = 0;
  std::optional<int> start_index;    // absent: the route starts at its first task
  std::optional<int> end_index;      // absent: the route ends at its last task
  nlohmann::json start_coordinates;  // `start` when given, else null
  nlohmann::json end_coordinates;    // `end` when given, else null
  std::string description;
};

// A task left out of the model because no vehicle has all its skills; reported unassigned.
struct VroomUnassignable {
  VroomRequest request;
  std::string reason;
};

// The VROOM side of a read instance: what the solution JSON reports beyond the model.
struct VroomDetails {
  int amount_dimensions = 0;  // length of every amount and capacity array (0 to 3)
  int location_count = 0;     // rows of the matrices (the model may add one "anywhere" location)
  std::vector<int64_t> durations;  // location_count², seconds, after the vehicles' speed factor
  std::vector<int64_t> distances;  // location_count², metres; empty when the file gives none
  std::vector<VroomRequest> requests;  // parallel to Problem::requests()
  std::vector<VroomVehicle> vehicles;  // parallel to Problem::vehicle_types()
  std::vector<VroomUnassignable> unassignable;
  std::vector<std::string> notes;  // what was approximated or ignored, one sentence each

  int64_t duration(int from, int to) const { return durations[from * location_count + to]; }
  int64_t distance(int from, int to) const { return distances[from * location_count + to]; }
  bool has_distances() const { return !distances.empty(); }
};

struct VroomInstance {
  model::Problem problem;
  VroomDetails vroom;
};

// Parse text already in memory; `file` names the file in errors.
Result<VroomInstance> parse_vroom(std::string_view text, const std::string& file);
// Read and parse a file (kNotFound / kIo when it cannot be read).
Result<VroomInstance> read_vroom(const std::string& path);

// 1-based line and column of the byte at 0-based `offset` in `text` (clamped to the text).
SourceLocation location_of_offset(std::string_view text, size_t offset, const std::string& file);

}  // namespace sendplan::io
