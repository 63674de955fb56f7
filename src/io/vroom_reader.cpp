// VROOM problem JSON → model::Problem (vroom_reader.h): parsing, and the shape checked key by key
// with the JSON path in every message (VroomParser, vroom_reader_internal.h); the cost model and
// the rest mapped onto the model: vroom_mapping.cpp.
#include "io/vroom_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "io/file_text.h"
#include "io/vroom_reader_internal.h"

namespace sendplan::io {

namespace detail {

namespace {

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

constexpr const char* kRideExtensions[] = {"max_ride_time", "max_ride_factor", "ride_alone"};

// Refuses keys that look like misspellings of sendplan's own extension keys.
void refuse_misspellings(const Reader& in, const json& object, const std::string& path,
                         std::initializer_list<const char*> known,
                         std::initializer_list<const char*> ours) {
  for (const auto& item : object.items()) {
    // A named copy, not a structured binding: clang 14 (the fuzz build) cannot capture those.
    const std::string& key = item.key();
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

}  // namespace

VroomInstance VroomParser::parse() {
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

// ---- shape --------------------------------------------------------------------------------

std::vector<int64_t> VroomParser::read_amount(const json& value, const std::string& path) {
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

std::vector<VroomId> VroomParser::read_skills(const json& parent, const std::string& path) {
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

TimeWindow VroomParser::read_window(const json& value, const std::string& path) {
  in_.array(value, path);
  if (value.size() != 2) in_.malformed(path, "expected [start, end]");
  TimeWindow window;
  window.start = in_.integer(value[0], index(path, 0), 0, kMaxTime);
  window.end = in_.integer(value[1], index(path, 1), 0, kMaxTime);
  window.given = true;
  if (window.start > window.end)
    in_.invalid(path,
                fmt::format("the window [{}, {}] ends before it starts", window.start, window.end));
  return window;
}

std::optional<int> VroomParser::read_location_index(const json& parent, const std::string& path,
                                                    const char* index_key,
                                                    const char* coordinates_key) {
  if (const json* value = in_.optional(parent, path, index_key))
    return static_cast<int>(in_.integer(*value, at(path, index_key), 0, 1'000'000'000));
  if (in_.optional(parent, path, coordinates_key) != nullptr)
    in_.invalid(at(path, coordinates_key),
                fmt::format("coordinates without \"{}\": sendplan has no routing server; give "
                            "custom matrices and a \"{}\" for every place",
                            index_key, index_key));
  return std::nullopt;
}

TaskInput VroomParser::read_task(const json& value, const std::string& path,
                                 const std::string& name) {
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
      in_.invalid(where, fmt::format("{} has {} time windows; sendplan supports one per task", name,
                                     windows->size()));
    input.window = read_window((*windows)[0], index(where, 0));
  }
  if (task.setup > 0) any_setup_ = true;
  return input;
}

int VroomParser::read_priority(const json& value, const std::string& path) {
  return static_cast<int>(in_.integer_or(value, path, "priority", 0, 0, 100));
}

void VroomParser::read_vehicles() {
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
    if (vehicle.end_index) location_paths_.push_back({at(where, "end_index"), *vehicle.end_index});
    if (const json* start = in_.optional(value, where, "start")) vehicle.start_coordinates = *start;
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

void VroomParser::read_vehicle_costs(const json& value, VehicleInput& input) {
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

std::vector<int64_t> VroomParser::read_matrix(const json& value, const std::string& path,
                                              int& size) {
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

void VroomParser::read_matrices() {
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

void VroomParser::read_jobs() {
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

void VroomParser::read_shipments() {
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

void VroomParser::check_amount_sizes() {
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
      in_.invalid(
          path, fmt::format("{} is outside the matrices ({} locations)", location, matrices_.size));
  }
}

}  // namespace detail

namespace {

using detail::ReadFailure;
using detail::VroomParser;
using nlohmann::json;

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
