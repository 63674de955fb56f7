// What a finished pool keeps in the store, and each borough's own view of the pooled routes.
// Officers of a pooled borough see the pooled routes with only their own children's stops (a
// route without any of them is left out; a line runs from the depot through their own stops
// only), so another borough's pupil ids and homes never reach them. Pure functions; thread-safe.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/route_sheets.h"
#include "transport/pool_search.h"
#include "transport/pool_sharing.h"

namespace sendplan::server {

// The stored name of `borough`'s own view of a pooled file: "Hackney/routes.csv".
std::string borough_file_name(const std::string& borough, const std::string& name);

// The files of a done pool (name -> content):
// - pool.csv (report::pool_csv);
// - the pooled plan's five files (report::render_report_files), routes.geojson with each stop's
//   "borough" and each line's "boroughs" (whose children ride on it) and "vehicle_borough";
// - per borough, borough_file_name(label, "routes.csv") and (…, "routes.geojson"): the pooled
//   routes with only that borough's children's stops (tagged the same way).
// Boroughs' labels are their names.
std::map<std::string, std::string> pool_output_files(
    const std::vector<transport::BoroughInputs>& boroughs, const transport::PoolOutcome& pool,
    const transport::PoolSharing& sharing, const nlohmann::json& settings_record,
    const report::SheetHeading& heading, int days);

}  // namespace sendplan::server
