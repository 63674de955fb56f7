// Reads the solver's JSON output into a Solution, checking the shape of every key it uses.
#include "solution.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "instance.h"

namespace sendplan::check {
namespace {

using nlohmann::json;

class ShapeReader {
 public:
  explicit ShapeReader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
    throw InputError(fmt::format("{}: {}: {}", source_, where, problem));
  }
  const json& field(const json& object, const std::string& where, const char* key) const {
    if (!object.is_object()) fail(where, "expected an object");
    auto it = object.find(key);
    if (it == object.end()) fail(where, fmt::format("missing key \"{}\"", key));
    return *it;
  }
  double number(const json& value, const std::string& where) const {
    if (!value.is_number()) fail(where, fmt::format("expected a number, found {}", value.dump()));
    double result = value.get<double>();
    if (!std::isfinite(result)) fail(where, "expected a finite number");
    return result;
  }
  int integer(const json& value, const std::string& where) const {
    if (!value.is_number_integer()) {
      fail(where, fmt::format("expected an integer, found {}", value.dump()));
    }
    auto result = value.get<long long>();
    if (result < -1'000'000'000LL || result > 1'000'000'000LL) fail(where, "integer out of range");
    return static_cast<int>(result);
  }
  const json& array(const json& value, const std::string& where) const {
    if (!value.is_array()) fail(where, "expected an array");
    return value;
  }

 private:
  const std::string& source_;
};

Route read_route(const ShapeReader& in, const json& value, const std::string& where) {
  Route route;
  route.vehicle = in.integer(in.field(value, where, "vehicle"), where + ".vehicle");
  const json& stops = in.array(in.field(value, where, "stops"), where + ".stops");
  for (size_t i = 0; i < stops.size(); ++i) {
    std::string at = fmt::format("{}.stops[{}]", where, i);
    Stop stop;
    stop.node = in.integer(in.field(stops[i], at, "node"), at + ".node");
    stop.time = in.number(in.field(stops[i], at, "time"), at + ".time");
    route.stops.push_back(stop);
  }
  return route;
}

UnservedEntry read_unserved(const ShapeReader& in, const json& value, const std::string& where) {
  UnservedEntry entry;
  const json& request = in.field(value, where, "request");
  if (request.is_string()) {
    entry.request = request.get<std::string>();
  } else if (request.is_number_integer()) {
    entry.request = std::to_string(request.get<long long>());
  } else {
    in.fail(where + ".request", "expected a string or an integer");
  }
  auto reason = value.find("reason");
  if (reason != value.end()) {
    if (!reason->is_string()) in.fail(where + ".reason", "expected a string");
    entry.reason = reason->get<std::string>();
  }
  return entry;
}

}  // namespace

Solution solution_from_json(const json& root, const std::string& source) {
  ShapeReader in(source);
  Solution solution;
  const json& instance = in.field(root, "top level", "instance");
  if (!instance.is_string()) in.fail("instance", "expected a string");
  solution.instance = instance.get<std::string>();
  const json& feasible = in.field(root, "top level", "feasible");
  if (!feasible.is_boolean()) in.fail("feasible", "expected true or false");
  solution.feasible = feasible.get<bool>();
  solution.cost = in.number(in.field(root, "top level", "cost"), "cost");
  solution.vehicles_used =
      in.integer(in.field(root, "top level", "vehicles_used"), "vehicles_used");
  const json& routes = in.array(in.field(root, "top level", "routes"), "routes");
  for (size_t r = 0; r < routes.size(); ++r) {
    solution.routes.push_back(read_route(in, routes[r], fmt::format("routes[{}]", r)));
  }
  auto unserved = root.find("unserved");
  if (unserved != root.end() && !unserved->is_null()) {
    in.array(*unserved, "unserved");
    for (size_t u = 0; u < unserved->size(); ++u) {
      solution.unserved.push_back(
          read_unserved(in, (*unserved)[u], fmt::format("unserved[{}]", u)));
    }
  }
  return solution;
}

Solution read_solution(const std::string& path) {
  std::string text = read_text_file(path);
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& error) {
    throw InputError(fmt::format("{}: not valid JSON ({})", path, error.what()));
  }
  return solution_from_json(root, path);
}

}  // namespace sendplan::check
