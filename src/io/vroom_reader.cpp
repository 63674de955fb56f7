// VROOM problem JSON → model::Problem. The shape is checked key by key with the JSON path in every
// message; then the cost model is mapped onto the single distance matrix (see docs/vroom.md).
// Internally a failure is thrown as ReadFailure and turned into a Result at parse_vroom: the
// reader is deep and every check would otherwise need its own early return.
#include "io/vroom_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "io/file_text.h"
#include "io/instance_readers.h"

namespace sendplan::io {

namespace {

using nlohmann::json;

constexpr int64_t kMaxTime = int64_t{1} << 53;  // exact in a double
constexpr int64_t kMaxAmount = std::numeric_limits<int32_t>::max();
constexpr double kMaxSpeedFactor = 5.0;  // as VROOM
constexpr int64_t kDefaultPerHour = 3600;

struct ReadFailure {
  Error error;
};

std::string at(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}
std::string index(const std::string& path, size_t i) {
  return fmt::format("{}[{}]", path, i);
}

// Edit distance, for catching misspellings of sendplan's own keys.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
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

constexpr const char* kRideExtensions[] = {"max_ride_time", "max_ride_factor", "ride_alone"};

// Refuses keys that look like misspellings of sendplan's own extension keys.
void refuse_misspellings(const Reader& in, const json& object, const std::string& path,
                         std::initializer_list<const char*> known,
                         std::initializer_list<const char*> ours) {
  for (const auto& [key, value] : object.items()) {
    if (std::find_if(known.begin(), known.end(), [&](const char* k) { return key == k; }) !=
        known.end())
      continue;
    for (const char* extension : ours) {
      if (edit_distance(key, extension) <= 2)
        in.invalid(at(path, key),
                   fmt::format("unknown key; did you mean sendplan's \"{}\"?", extension));
    }
  }
}

class VroomParser {
 public:
  VroomParser(const json& root, const std::string& file) : root_(root), file_(file), in_(file) {}

  VroomInstance parse() {
    in_.object(root_, "(top level)");
    refuse_misspellings(in_, root_, "",
                        {"jobs", "shipments", "vehicles", "matrix", "matrices", "never_together"},
                        {"never_together"});
    read_vehicles();
    read_matrices();
    read_jobs();
    read_shipments();
    check_amount_sizes();
    return build();
  }

 private:
  // ---- shape --------------------------------------------------------------------------------

  std::vector<int64_t> read_amount(const json& value, const std::string& path) {
    in_.array(value, path);
    std::vector<int64_t> amount;
    for (size_t i = 0; i < value.size(); ++i)
      amount.push_back(in_.integer(value[i], index(path, i), 0, kMaxAmount));
    if (amount.size() > static_cast<size_t>(model::kMaxLoadDimensions))
      in_.invalid(path, fmt::format("{} amount dimensions; sendplan supports at most {}",
                                    amount.size(), model::kMaxLoadDimensions));
    amount_paths_.push_back({path, amount.size()});
    return amount;
  }

  std::vector<VroomId> read_skills(const json& parent, const std::string& path) {
    std::vector<VroomId> skills;
    if (const json* value = in_.optional(parent, path, "skills")) {
      const std::string where = at(path, "skills");
      in_.array(*value, where);
      for (size_t i = 0; i < value->size(); ++i)
        skills.push_back(in_.id((*value)[i], index(where, i)));
    }
    std::sort(skills.begin(), skills.end());
    skills.erase(std::unique(skills.begin(), skills.end()), skills.end());
    return skills;
  }

  TimeWindow read_window(const json& value, const std::string& path) {
    in_.array(value, path);
    if (value.size() != 2) in_.malformed(path, "expected [start, end]");
    TimeWindow window;
    window.start = in_.integer(value[0], index(path, 0), 0, kMaxTime);
    window.end = in_.integer(value[1], index(path, 1), 0, kMaxTime);
    window.given = true;
    if (window.start > window.end)
      in_.invalid(
          path, fmt::format("the window [{}, {}] ends before it starts", window.start, window.end));
    return window;
  }

  std::optional<int> read_location_index(const json& parent, const std::string& path,
                                         const char* index_key, const char* coordinates_key) {
    if (const json* value = in_.optional(parent, path, index_key))
      return static_cast<int>(in_.integer(*value, at(path, index_key), 0, 1'000'000'000));
    if (in_.optional(parent, path, coordinates_key) != nullptr)
      in_.invalid(at(path, coordinates_key),
                  fmt::format("coordinates without \"{}\": sendplan has no routing server; give "
                              "custom matrices and a \"{}\" for every place",
                              index_key, index_key));
    return std::nullopt;
  }

  TaskInput read_task(const json& value, const std::string& path, const std::string& name) {
    in_.object(value, path);
    TaskInput input;
    VroomTask& task = input.task;
    task.id = in_.id(in_.required(value, path, "id"), at(path, "id"));
    std::optional<int> location = read_location_index(value, path, "location_index", "location");
    if (!location) in_.malformed(path, "missing key \"location_index\"");
    task.location_index = *location;
    location_paths_.push_back({at(path, "location_index"), *location});
    if (const json* coordinates = in_.optional(value, path, "location"))
      task.coordinates = *coordinates;
    task.setup = in_.integer_or(value, path, "setup", 0, 0, kMaxTime);
    task.service = in_.integer_or(value, path, "service", 0, 0, kMaxTime);
    if (const json* description = in_.optional(value, path, "description"))
      task.description = in_.text(*description, at(path, "description"));
    for (const char* key : {"setup_per_type", "service_per_type"}) {
      if (in_.optional(value, path, key) != nullptr)
        in_.invalid(at(path, key), "per-vehicle-type setup and service are not supported");
    }
    if (const json* windows = in_.optional(value, path, "time_windows")) {
      const std::string where = at(path, "time_windows");
      in_.array(*windows, where);
      if (windows->empty()) in_.invalid(where, "an empty list of time windows");
      if (windows->size() > 1)
        in_.invalid(where, fmt::format("{} has {} time windows; sendplan supports one per task",
                                       name, windows->size()));
      input.window = read_window((*windows)[0], index(where, 0));
    }
    if (task.setup > 0) any_setup_ = true;
    return input;
  }

  int read_priority(const json& value, const std::string& path) {
    return static_cast<int>(in_.integer_or(value, path, "priority", 0, 0, 100));
  }

  void read_vehicles() {
    const std::string path = "vehicles";
    const json& vehicles = in_.array(in_.required(root_, "(top level)", "vehicles"), path);
    if (vehicles.empty()) in_.invalid(path, "there are no vehicles");
    std::set<VroomId> ids;
    for (size_t i = 0; i < vehicles.size(); ++i) {
      const json& value = vehicles[i];
      VehicleInput input;
      input.path = index(path, i);
      const std::string& where = input.path;
      in_.object(value, where);
      VroomVehicle& vehicle = input.vehicle;
      vehicle.id = in_.id(in_.required(value, where, "id"), at(where, "id"));
      if (!ids.insert(vehicle.id).second)
        in_.invalid(at(where, "id"), fmt::format("vehicle id {} is used twice", vehicle.id));
      if (const json* profile = in_.optional(value, where, "profile"))
        input.profile = in_.text(*profile, at(where, "profile"));
      vehicle.start_index = read_location_index(value, where, "start_index", "start");
      vehicle.end_index = read_location_index(value, where, "end_index", "end");
      if (!vehicle.start_index && !vehicle.end_index)
        in_.invalid(where, "a vehicle needs a start_index, an end_index or both");
      if (vehicle.start_index)
        location_paths_.push_back({at(where, "start_index"), *vehicle.start_index});
      if (vehicle.end_index)
        location_paths_.push_back({at(where, "end_index"), *vehicle.end_index});
      if (const json* start = in_.optional(value, where, "start"))
        vehicle.start_coordinates = *start;
      if (const json* end = in_.optional(value, where, "end")) vehicle.end_coordinates = *end;
      if (const json* description = in_.optional(value, where, "description"))
        vehicle.description = in_.text(*description, at(where, "description"));
      if (const json* capacity = in_.optional(value, where, "capacity")) {
        input.capacity = read_amount(*capacity, at(where, "capacity"));
        input.has_capacity = true;
      }
      input.skills = read_skills(value, where);
      if (const json* window = in_.optional(value, where, "time_window"))
        input.window = read_window(*window, at(where, "time_window"));
      read_vehicle_costs(value, input);
      if (const json* tasks = in_.optional(value, where, "max_tasks"))
        input.max_tasks =
            in_.integer(*tasks, at(where, "max_tasks"), 0, std::numeric_limits<int>::max());
      if (const json* limit = in_.optional(value, where, "max_travel_time"))
        input.max_travel_time = in_.integer(*limit, at(where, "max_travel_time"), 0, kMaxTime);
      if (const json* limit = in_.optional(value, where, "max_distance"))
        input.max_distance = in_.integer(*limit, at(where, "max_distance"), 0, kMaxTime);
      if (const json* factor = in_.optional(value, where, "speed_factor")) {
        input.speed_factor = in_.number(*factor, at(where, "speed_factor"));
        if (!(input.speed_factor > 0 && input.speed_factor <= kMaxSpeedFactor))
          in_.invalid(at(where, "speed_factor"),
                      fmt::format("{} is outside (0, {}]", input.speed_factor, kMaxSpeedFactor));
      }
      if (const json* breaks = in_.optional(value, where, "breaks")) {
        in_.array(*breaks, at(where, "breaks"));
        if (!breaks->empty())
          in_.invalid(at(where, "breaks"),
                      "breaks are not supported: the model has no driver breaks (remove them, or "
                      "shorten the vehicle's time_window)");
      }
      if (const json* steps = in_.optional(value, where, "steps")) {
        in_.array(*steps, at(where, "steps"));
        if (!steps->empty())
          notes_.insert(
              "Vehicle \"steps\" (VROOM's plan mode and initial routes) are ignored: sendplan "
              "plans every route from scratch.");
      }
      vehicles_.push_back(std::move(input));
    }
  }

  void read_vehicle_costs(const json& value, VehicleInput& input) {
    const json* costs = in_.optional(value, input.path, "costs");
    if (costs == nullptr) return;
    const std::string where = at(input.path, "costs");
    in_.object(*costs, where);
    input.fixed = in_.integer_or(*costs, where, "fixed", 0, 0, kMaxTime);
    input.custom_rates =
        in_.optional(*costs, where, "per_hour") != nullptr || in_.optional(*costs, where, "per_km");
    input.per_hour = in_.integer_or(*costs, where, "per_hour", kDefaultPerHour, 0, kMaxTime);
    input.per_km = in_.integer_or(*costs, where, "per_km", 0, 0, kMaxTime);
    if (in_.integer_or(*costs, where, "per_task_hour", 0, 0, kMaxTime) != 0)
      in_.invalid(at(where, "per_task_hour"),
                  "a cost per hour of task time is not supported (only fixed, per_hour, per_km)");
  }

  std::vector<int64_t> read_matrix(const json& value, const std::string& path, int& size) {
    in_.array(value, path);
    const size_t n = value.size();
    if (size >= 0 && n != static_cast<size_t>(size))
      in_.invalid(path, fmt::format("{} rows, but the durations have {}", n, size));
    std::vector<int64_t> cells;
    cells.reserve(n * n);
    for (size_t i = 0; i < n; ++i) {
      const std::string row_path = index(path, i);
      const json& row = in_.array(value[i], row_path);
      if (row.size() != n)
        in_.invalid(row_path, fmt::format("{} entries in a {}x{} matrix", row.size(), n, n));
      for (size_t j = 0; j < n; ++j)
        cells.push_back(in_.integer(row[j], index(row_path, j), 0, kMaxTime));
    }
    size = static_cast<int>(n);
    return cells;
  }

  void read_matrices() {
    std::set<std::string> profiles;
    for (const VehicleInput& v : vehicles_) profiles.insert(v.profile);
    if (profiles.size() > 1)
      in_.invalid("vehicles",
                  fmt::format("the vehicles use {} profiles ({}); sendplan plans with one set of "
                              "matrices, so every vehicle must use the same profile",
                              profiles.size(), fmt::join(profiles, ", ")));
    const std::string profile = *profiles.begin();
    const json* per_profile = nullptr;
    if (const json* matrices = in_.optional(root_, "", "matrices")) {
      in_.object(*matrices, "matrices");
      per_profile = in_.optional(*matrices, "matrices", profile.c_str());
    }
    const json* legacy = in_.optional(root_, "", "matrix");
    int size = -1;
    if (per_profile != nullptr) {
      matrices_.path = at("matrices", profile);
      in_.object(*per_profile, matrices_.path);
      const json* durations = in_.optional(*per_profile, matrices_.path, "durations");
      if (durations != nullptr) {
        matrices_.durations = read_matrix(*durations, at(matrices_.path, "durations"), size);
      } else if (legacy != nullptr) {
        matrices_.durations = read_matrix(*legacy, "matrix", size);
      } else {
        in_.invalid(matrices_.path,
                    "no \"durations\": sendplan has no routing server to compute travel times");
      }
      if (const json* distances = in_.optional(*per_profile, matrices_.path, "distances"))
        matrices_.distances = read_matrix(*distances, at(matrices_.path, "distances"), size);
      if (const json* costs = in_.optional(*per_profile, matrices_.path, "costs"))
        matrices_.costs = read_matrix(*costs, at(matrices_.path, "costs"), size);
    } else if (legacy != nullptr) {
      matrices_.path = "matrix";
      matrices_.durations = read_matrix(*legacy, "matrix", size);
    } else {
      in_.invalid(at("matrices", profile),
                  fmt::format("no matrices for profile \"{}\": sendplan has no routing server, so "
                              "give \"matrices\": {{\"{}\": {{\"durations\": [...], "
                              "\"distances\": [...]}}}} indexed by location_index",
                              profile, profile));
    }
    if (size == 0) in_.invalid(matrices_.path, "the matrices are empty");
    matrices_.size = size;
  }

  void read_jobs() {
    const json* jobs = in_.optional(root_, "", "jobs");
    if (jobs == nullptr) return;
    in_.array(*jobs, "jobs");
    std::set<VroomId> ids;
    for (size_t i = 0; i < jobs->size(); ++i) {
      const json& value = (*jobs)[i];
      RequestInput input;
      input.path = index("jobs", i);
      const std::string& where = input.path;
      in_.object(value, where);
      const std::string name = value.contains("id") ? fmt::format("job {}", value["id"].dump())
                                                    : fmt::format("job at {}", where);
      TaskInput task = read_task(value, where, name);
      VroomRequest& request = input.request;
      request.kind = VroomRequestKind::kJob;
      request.job = std::move(task.task);
      input.job_window = task.window;
      if (!ids.insert(request.job.id).second)
        in_.invalid(at(where, "id"), fmt::format("job id {} is used twice", request.job.id));
      if (in_.optional(value, where, "amount") != nullptr)
        in_.invalid(at(where, "amount"),
                    "a job's \"amount\" is deprecated in VROOM; use \"delivery\" or \"pickup\"");
      if (const json* delivery = in_.optional(value, where, "delivery"))
        request.delivery_amount = read_amount(*delivery, at(where, "delivery"));
      if (const json* pickup = in_.optional(value, where, "pickup"))
        request.pickup_amount = read_amount(*pickup, at(where, "pickup"));
      input.skills = read_skills(value, where);
      request.priority = read_priority(value, where);
      for (const char* extension : kRideExtensions) {
        if (in_.optional(value, where, extension) != nullptr)
          in_.invalid(at(where, extension),
                      "sendplan's ride extensions apply to shipments only (a job has no ride)");
      }
      requests_.push_back(std::move(input));
    }
  }

  void read_shipments() {
    const json* shipments = in_.optional(root_, "", "shipments");
    if (shipments == nullptr) return;
    in_.array(*shipments, "shipments");
    std::set<VroomId> pickup_ids, delivery_ids;
    for (size_t i = 0; i < shipments->size(); ++i) {
      const json& value = (*shipments)[i];
      RequestInput input;
      input.path = index("shipments", i);
      const std::string& where = input.path;
      in_.object(value, where);
      refuse_misspellings(in_, value, where,
                          {"pickup", "delivery", "amount", "skills", "priority", "description",
                           "max_ride_time", "max_ride_factor", "ride_alone"},
                          {"max_ride_time", "max_ride_factor", "ride_alone"});
      VroomRequest& request = input.request;
      request.kind = VroomRequestKind::kShipment;
      const std::string name = fmt::format("the shipment at {}", where);
      TaskInput pickup = read_task(in_.required(value, where, "pickup"), at(where, "pickup"), name);
      TaskInput delivery =
          read_task(in_.required(value, where, "delivery"), at(where, "delivery"), name);
      request.pickup = std::move(pickup.task);
      request.delivery = std::move(delivery.task);
      input.pickup_window = pickup.window;
      input.delivery_window = delivery.window;
      if (!pickup_ids.insert(request.pickup.id).second)
        in_.invalid(at(where, "pickup.id"),
                    fmt::format("pickup id {} is used twice", request.pickup.id));
      if (!delivery_ids.insert(request.delivery.id).second)
        in_.invalid(at(where, "delivery.id"),
                    fmt::format("delivery id {} is used twice", request.delivery.id));
      if (const json* amount = in_.optional(value, where, "amount")) {
        request.delivery_amount = read_amount(*amount, at(where, "amount"));
        request.pickup_amount = request.delivery_amount;
      }
      input.skills = read_skills(value, where);
      request.priority = read_priority(value, where);
      if (const json* ride = in_.optional(value, where, "max_ride_time"))
        input.max_ride_time = in_.number(*ride, at(where, "max_ride_time"));
      if (!(input.max_ride_time >= 0))
        in_.invalid(at(where, "max_ride_time"), "a maximum ride time cannot be negative");
      if (const json* factor = in_.optional(value, where, "max_ride_factor")) {
        input.max_ride_factor = in_.number(*factor, at(where, "max_ride_factor"));
        if (!(input.max_ride_factor >= 1))
          in_.invalid(at(where, "max_ride_factor"),
                      fmt::format("{} is less than 1: no ride can be shorter than the direct "
                                  "journey",
                                  input.max_ride_factor));
      }
      if (const json* alone = in_.optional(value, where, "ride_alone"))
        input.ride_alone = in_.boolean(*alone, at(where, "ride_alone"));
      requests_.push_back(std::move(input));
    }
  }

  // Every amount and capacity array has the same length, as VROOM requires.
  void check_amount_sizes() {
    for (const auto& [path, size] : amount_paths_) {
      const size_t expected = amount_paths_.front().second;
      if (size != expected)
        in_.invalid(path, fmt::format("{} amount values, but {} has {}", size,
                                      amount_paths_.front().first, expected));
    }
    dimensions_ = amount_paths_.empty() ? 0 : static_cast<int>(amount_paths_.front().second);
    for (const VehicleInput& v : vehicles_) {
      if (dimensions_ > 0 && !v.has_capacity)
        in_.invalid(v.path, fmt::format("no \"capacity\", but the tasks have {}-dimensional "
                                        "amounts",
                                        dimensions_));
    }
    for (const auto& [path, location] : location_paths_) {
      if (location >= matrices_.size)
        in_.invalid(path, fmt::format("{} is outside the matrices ({} locations)", location,
                                      matrices_.size));
    }
  }

  // ---- mapping onto the model -----------------------------------------------------------------

  // The per-leg cost matrix shared by every vehicle, and each vehicle's factor on it.
  struct CostMapping {
    std::vector<double> base;     // location_count²
    std::vector<double> factors;  // per vehicle
    // Base = per_metre × distance: max_distance maps exactly onto the model's distance limit.
    bool proportional_to_distance = false;
    double per_metre = 0;
  };

  CostMapping map_costs(const std::vector<int64_t>& durations) const {
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

  std::vector<int64_t> scaled_durations() const {
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

  static model::Load to_load(const std::vector<int64_t>& amount) {
    model::Load load;
    for (size_t d = 0; d < amount.size(); ++d) load.amount[d] = static_cast<int32_t>(amount[d]);
    return load;
  }

  static bool any_positive(const std::vector<int64_t>& amount) {
    return std::any_of(amount.begin(), amount.end(), [](int64_t a) { return a > 0; });
  }

  static model::StopSpec stop_spec(const VroomTask& task, const TimeWindow& window) {
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

  VroomInstance build() {
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
        const size_t from =
            static_cast<size_t>(i) * static_cast<size_t>(n) + static_cast<size_t>(j);
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
      type.shift_end =
          input.window.given ? static_cast<double>(input.window.end) : model::kUnlimited;
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

  // Top-level "never_together": [[pickup id, pickup id], ...] naming shipments by pickup id.
  void read_never_together(model::ProblemData& data,
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
      if (pair.size() != 2)
        in_.malformed(where, "expected [shipment pickup id, shipment pickup id]");
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

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line L, column
// C: " prefix (the location is reported separately).
std::string parse_reason(const std::string& what) {
  const size_t column = what.find("column ");
  if (column != std::string::npos) {
    const size_t colon = what.find(": ", column);
    if (colon != std::string::npos) return what.substr(colon + 2);
  }
  const size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

}  // namespace

SourceLocation location_of_offset(std::string_view text, size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {file, line, static_cast<int>(offset - line_start) + 1};
}

Result<VroomInstance> parse_vroom(std::string_view text, const std::string& file) {
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // `byte` counts the characters read, the offending one included.
    const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    return make_error(ErrorCode::kParse, "invalid JSON: " + parse_reason(e.what()),
                      location_of_offset(text, offset, file));
  }
  try {
    return VroomParser(root, file).parse();
  } catch (const ReadFailure& failure) {
    return failure.error;
  }
}

Result<VroomInstance> read_vroom(const std::string& path) {
  Result<std::string> text = detail::read_text_file(path);
  if (!text) return text.error();
  return parse_vroom(text.value(), path);
}

}  // namespace sendplan::io
