// The VROOM reader's insides (vroom_reader.h), shared by its two halves: vroom_reader.cpp (the
// JSON's shape, checked key by key with the JSON path in every message) and vroom_mapping.cpp
// (the cost model, vehicles and tasks mapped onto model::Problem). Only those files include this.
// A failure is thrown as ReadFailure and turned into a Result at parse_vroom: the reader is deep
// and every check would otherwise need its own early return.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "io/vroom_reader.h"
#include "model/problem.h"

namespace sendplan::io::detail {

using nlohmann::json;

constexpr int64_t kMaxTime = int64_t{1} << 53;  // exact in a double
constexpr int64_t kMaxAmount = std::numeric_limits<int32_t>::max();
constexpr double kMaxSpeedFactor = 5.0;  // as VROOM
constexpr int64_t kDefaultPerHour = 3600;

struct ReadFailure {
  Error error;
};

inline std::string at(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}
inline std::string index(const std::string& path, size_t i) {
  return fmt::format("{}[{}]", path, i);
}

// Checks shape and values; every failure names the file and the JSON path.
class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  [[noreturn]] void malformed(const std::string& path, const std::string& what) const {
    throw ReadFailure{make_error(ErrorCode::kParse, fmt::format("{}: {}", path, what), {file_})};
  }
  [[noreturn]] void invalid(const std::string& path, const std::string& what) const {
    throw ReadFailure{
        make_error(ErrorCode::kInvalidInput, fmt::format("{}: {}", path, what), {file_})};
  }

  const json& object(const json& value, const std::string& path) const {
    if (!value.is_object())
      malformed(path, fmt::format("expected an object, found {}", kind(value)));
    return value;
  }
  const json& array(const json& value, const std::string& path) const {
    if (!value.is_array()) malformed(path, fmt::format("expected an array, found {}", kind(value)));
    return value;
  }
  // The value of `key`, or nullptr when absent or null.
  const json* optional(const json& parent, const std::string& path, const char* key) const {
    object(parent, path);
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) return nullptr;
    return &*it;
  }
  const json& required(const json& parent, const std::string& path, const char* key) const {
    const json* value = optional(parent, path, key);
    if (value == nullptr) malformed(path, fmt::format("missing key \"{}\"", key));
    return *value;
  }
  int64_t integer(const json& value, const std::string& path, int64_t min, int64_t max) const {
    if (!value.is_number_integer())
      malformed(path, fmt::format("expected an integer, found {}", kind(value)));
    if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(max))
      invalid(path, fmt::format("{} is larger than {}", value.dump(), max));
    const int64_t result = value.get<int64_t>();
    if (result < min) invalid(path, fmt::format("{} is less than {}", result, min));
    if (result > max) invalid(path, fmt::format("{} is larger than {}", result, max));
    return result;
  }
  int64_t integer_or(const json& parent, const std::string& path, const char* key, int64_t fallback,
                     int64_t min, int64_t max) const {
    const json* value = optional(parent, path, key);
    return value == nullptr ? fallback : integer(*value, at(path, key), min, max);
  }
  VroomId id(const json& value, const std::string& path) const {
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<int64_t>() >= 0))
      malformed(path, fmt::format("expected a non-negative integer id, found {}", kind(value)));
    return value.get<uint64_t>();
  }
  double number(const json& value, const std::string& path) const {
    if (!value.is_number())
      malformed(path, fmt::format("expected a number, found {}", kind(value)));
    const double result = value.get<double>();
    if (!std::isfinite(result)) invalid(path, "expected a finite number");
    return result;
  }
  bool boolean(const json& value, const std::string& path) const {
    if (!value.is_boolean())
      malformed(path, fmt::format("expected true or false, found {}", kind(value)));
    return value.get<bool>();
  }
  std::string text(const json& value, const std::string& path) const {
    if (!value.is_string())
      malformed(path, fmt::format("expected a string, found {}", kind(value)));
    return value.get<std::string>();
  }

  static std::string kind(const json& value) {
    if (value.is_string()) return fmt::format("the string {}", value.dump());
    if (value.is_number()) return fmt::format("the number {}", value.dump());
    return std::string(value.type_name());
  }

 private:
  const std::string& file_;
};

struct TimeWindow {
  int64_t start = 0;
  int64_t end = kMaxTime;
  bool given = false;
};

// A job, or one end of a shipment, with the window and the keys the model needs.
struct TaskInput {
  VroomTask task;
  TimeWindow window;
};

struct RequestInput {
  VroomRequest request;
  std::string path;  // "jobs[3]" or "shipments[1]"
  std::vector<VroomId> skills;
  TimeWindow job_window, pickup_window, delivery_window;
  double max_ride_time = model::kUnlimited;    // extension
  double max_ride_factor = model::kUnlimited;  // extension
  bool ride_alone = false;                     // extension
};

struct VehicleInput {
  VroomVehicle vehicle;
  std::string path;
  std::string profile = "car";
  std::vector<int64_t> capacity;
  bool has_capacity = false;
  std::vector<VroomId> skills;
  TimeWindow window;
  int64_t fixed = 0;
  int64_t per_hour = kDefaultPerHour;
  int64_t per_km = 0;
  bool custom_rates = false;  // per_hour or per_km given
  int64_t max_tasks = std::numeric_limits<int>::max();
  std::optional<int64_t> max_travel_time;
  std::optional<int64_t> max_distance;
  double speed_factor = 1.0;
};

struct Matrices {
  int size = 0;
  std::vector<int64_t> durations;
  std::vector<int64_t> distances;  // empty when absent
  std::vector<int64_t> costs;      // empty when absent
  std::string path;                // "matrices.car" or "matrix", for messages
};

class VroomParser {
 public:
  VroomParser(const json& root, const std::string& file) : root_(root), file_(file), in_(file) {}

  VroomInstance parse();

 private:
  // ---- shape (vroom_reader.cpp) ------------------------------------------------------------
  std::vector<int64_t> read_amount(const json& value, const std::string& path);
  std::vector<VroomId> read_skills(const json& parent, const std::string& path);
  TimeWindow read_window(const json& value, const std::string& path);
  std::optional<int> read_location_index(const json& parent, const std::string& path,
                                         const char* index_key, const char* coordinates_key);
  TaskInput read_task(const json& value, const std::string& path, const std::string& name);
  int read_priority(const json& value, const std::string& path);
  void read_vehicles();
  void read_vehicle_costs(const json& value, VehicleInput& input);
  std::vector<int64_t> read_matrix(const json& value, const std::string& path, int& size);
  void read_matrices();
  void read_jobs();
  void read_shipments();

  // Every amount and capacity array has the same length, as VROOM requires.
  void check_amount_sizes();

  // ---- mapping onto the model (vroom_mapping.cpp) ---------------------------------------------
  // The per-leg cost matrix shared by every vehicle, and each vehicle's factor on it.
  struct CostMapping {
    std::vector<double> base;     // location_count²
    std::vector<double> factors;  // per vehicle
    // Base = per_metre × distance: max_distance maps exactly onto the model's distance limit.
    bool proportional_to_distance = false;
    double per_metre = 0;
  };

  CostMapping map_costs(const std::vector<int64_t>& durations) const;
  std::vector<int64_t> scaled_durations() const;
  static model::Load to_load(const std::vector<int64_t>& amount);
  static bool any_positive(const std::vector<int64_t>& amount);
  static model::StopSpec stop_spec(const VroomTask& task, const TimeWindow& window);
  VroomInstance build();

  // Top-level "never_together": [[pickup id, pickup id], ...] naming shipments by pickup id.
  void read_never_together(model::ProblemData& data,
                           const std::map<VroomId, int>& request_of_pickup);

  const json& root_;
  const std::string& file_;
  Reader in_;
  std::vector<VehicleInput> vehicles_;
  std::vector<RequestInput> requests_;
  Matrices matrices_;
  std::vector<std::pair<std::string, size_t>> amount_paths_;  // (path, length), in file order
  std::vector<std::pair<std::string, int>> location_paths_;   // (path, location index)
  int dimensions_ = 0;
  bool any_setup_ = false;
  std::set<std::string> notes_;
};

}  // namespace sendplan::io::detail
