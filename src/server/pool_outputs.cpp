#include "server/pool_outputs.h"

#include <set>

#include "report/pool_files.h"
#include "report/report_files.h"
#include "report/routes_csv.h"
#include "report/routes_geojson.h"

namespace sendplan::server {
namespace {

// Whose child or vehicle each pooled id is: merged pupil ids and vehicle types ("label/...").
struct Owners {
  std::map<std::string, int> pupil;
  std::map<std::string, int> vehicle;
};

Owners owners_of(const transport::MergedInputs& merged) {
  Owners owners;
  for (size_t p = 0; p < merged.inputs.pupils.size(); ++p)
    owners.pupil[merged.inputs.pupils[p].id] = merged.pupil_borough[p];
  for (size_t f = 0; f < merged.inputs.fleet.size(); ++f)
    owners.vehicle[merged.inputs.fleet[f].name] = merged.fleet_borough[f];
  return owners;
}

int owner(const std::map<std::string, int>& owners, const std::string& id) {
  const auto found = owners.find(id);
  return found == owners.end() ? -1 : found->second;
}

// routes.geojson of `plan` with the boroughs: each stop's child's, and for each line whose
// children ride on the whole pooled route (`riders`, by route id) and whose vehicle it is.
std::string tagged_geojson(const transport::DayPlan& plan,
                           const std::vector<transport::BoroughInputs>& boroughs,
                           const Owners& owners,
                           const std::map<std::string, std::set<int>>& riders) {
  auto label = [&](int b) { return b < 0 ? std::string() : boroughs[b].label; };
  nlohmann::json json = report::routes_geojson(plan);
  for (nlohmann::json& feature : json["features"]) {
    nlohmann::json& properties = feature["properties"];
    if (feature["geometry"]["type"] == "Point") {
      properties["borough"] = label(owner(owners.pupil, properties.value("pupil_id", "")));
      continue;
    }
    nlohmann::json on_board = nlohmann::json::array();
    const auto found = riders.find(properties.value("route_id", ""));
    if (found != riders.end())
      for (int b : found->second) on_board.push_back(label(b));
    properties["boroughs"] = std::move(on_board);
    properties["vehicle_borough"] =
        label(owner(owners.vehicle, properties.value("vehicle_type", "")));
  }
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

// The pooled plan with only the stops of borough `b`'s children; the routes left without a stop
// are dropped. Only routes are kept (no summary).
transport::DayPlan borough_routes(const transport::DayPlan& pooled, const Owners& owners, int b) {
  transport::DayPlan own;
  own.name = pooled.name;
  for (const transport::TransportRoute& route : pooled.routes) {
    transport::TransportRoute kept = route;
    kept.stops.clear();
    for (const transport::RouteStop& stop : route.stops)
      if (owner(owners.pupil, stop.pupil_id) == b) kept.stops.push_back(stop);
    if (!kept.stops.empty()) own.routes.push_back(std::move(kept));
  }
  return own;
}

}  // namespace

std::string borough_file_name(const std::string& borough, const std::string& name) {
  return borough + "/" + name;
}

std::map<std::string, std::string> pool_output_files(
    const std::vector<transport::BoroughInputs>& boroughs, const transport::PoolOutcome& pool,
    const transport::PoolSharing& sharing, const nlohmann::json& settings_record,
    const report::SheetHeading& heading, int days) {
  const Owners owners = owners_of(pool.merged);
  std::map<std::string, std::set<int>> riders;
  for (const transport::TransportRoute& route : pool.pooled.routes)
    for (const transport::RouteStop& stop : route.stops)
      if (const int b = owner(owners.pupil, stop.pupil_id); b >= 0)
        riders[route.route_id].insert(b);

  std::map<std::string, std::string> files;
  files.emplace("pool.csv", report::pool_csv(sharing, days));
  const transport::TransportInputs& merged = pool.merged.inputs;
  const report::ReportInputs inputs{pool.pooled,    nullptr,         merged.pupils,
                                    merged.schools, settings_record, heading};
  for (auto& [name, text] : report::render_report_files(inputs)) files[name] = std::move(text);
  files["routes.geojson"] = tagged_geojson(pool.pooled, boroughs, owners, riders);
  for (size_t b = 0; b < boroughs.size(); ++b) {
    const transport::DayPlan own = borough_routes(pool.pooled, owners, static_cast<int>(b));
    files[borough_file_name(boroughs[b].label, "routes.csv")] = report::routes_csv(own);
    files[borough_file_name(boroughs[b].label, "routes.geojson")] =
        tagged_geojson(own, boroughs, owners, riders);
  }
  return files;
}

}  // namespace sendplan::server
