// routes.geojson: a DayPlan as an RFC 7946 FeatureCollection for QGIS and web maps. Positions
// are [longitude, latitude] (WGS84, 5 decimals). Features, in route order:
// - one LineString per route, depot -> each stop -> depot, with properties run, route_id,
//   vehicle_type, with_assistant, stops (count), depart and return (HH:MM), miles (2 decimals);
// - then, after each route's line, one Point per stop with properties run, route_id, seq
//   (1..n), action (pickup/dropoff), place (school id or "home"), time (HH:MM), pupil_id.
// Note: the "home" points are children's homes (personal data); share the file accordingly.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "transport/day_plan.h"

namespace sendplan::report {

nlohmann::json routes_geojson(const transport::DayPlan& plan);
// routes_geojson as compact text ending in "\n"; invalid UTF-8 is replaced by U+FFFD.
std::string routes_geojson_text(const transport::DayPlan& plan);

}  // namespace sendplan::report
