#include "io/plan_json.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace sendplan::io {

namespace {

using nlohmann::json;

std::string vehicle_type_name(const model::Problem& problem, int type) {
  const auto& types = problem.vehicle_types();
  return type >= 0 && type < static_cast<int>(types.size()) ? types[type].name : std::string();
}

std::string request_name(const model::Problem& problem, int request) {
  return request >= 0 && request < problem.request_count() ? problem.request(request).name
                                                           : std::string();
}

json load_to_json(const model::Load& load, int dimensions) {
  json amounts = json::array();
  for (int d = 0; d < dimensions && d < model::kMaxLoadDimensions; ++d)
    amounts.push_back(load.amount[d]);
  return amounts;
}

json stop_to_json(const model::PlannedStop& stop, const model::Problem& problem) {
  return {
      {"node", stop.external_id},
      {"time", stop.start},
      {"request", request_name(problem, stop.request)},
      {"action", stop.is_pickup ? "pickup" : "delivery"},
      {"arrival", stop.arrival},
      {"load", load_to_json(stop.load_after, problem.load_dimensions())},
  };
}

json route_to_json(const model::PlannedRoute& route, const model::Problem& problem) {
  json stops = json::array();
  for (const model::PlannedStop& stop : route.stops) stops.push_back(stop_to_json(stop, problem));
  return {
      {"vehicle", route.vehicle},
      {"vehicle_type", vehicle_type_name(problem, route.vehicle_type)},
      {"start_time", route.start_time},
      {"end_time", route.end_time},
      {"distance", route.distance},
      {"duration", route.duration},
      {"cost", route.cost},
      {"stops", std::move(stops)},
  };
}

}  // namespace

nlohmann::json plan_to_json(const model::Plan& plan, const model::Problem& problem) {
  json routes = json::array();
  for (const model::PlannedRoute& route : plan.routes)
    routes.push_back(route_to_json(route, problem));
  json unserved = json::array();
  for (const model::UnservedRequest& u : plan.unserved)
    unserved.push_back({{"request", request_name(problem, u.request)}, {"reason", u.reason}});
  return {
      {"instance", plan.instance},
      {"feasible", plan.feasible},
      {"cost", plan.cost},
      {"vehicles_used", plan.vehicles_used},
      {"routes", std::move(routes)},
      {"distance", plan.distance},
      {"unserved", std::move(unserved)},
      {"statistics",
       {{"iterations", plan.statistics.iterations},
        {"elapsed_seconds", plan.statistics.elapsed_seconds},
        {"threads", plan.statistics.threads},
        {"seed", plan.statistics.seed}}},
  };
}

Status write_plan_json(const model::Plan& plan, const model::Problem& problem,
                       const std::string& path) {
  const std::string text = plan_to_json(plan, problem).dump(2) + "\n";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot write plan to '{}': {}", path, std::strerror(errno)));
  }
  out << text;
  out.close();
  if (!out) {
    return make_error(ErrorCode::kIo, fmt::format("writing plan to '{}' failed", path));
  }
  return {};
}

}  // namespace sendplan::io
