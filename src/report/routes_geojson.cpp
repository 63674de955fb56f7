// routes.geojson: a LineString per route and a Point per stop.
#include "report/routes_geojson.h"

#include "report/text_format.h"

namespace sendplan::report {
namespace {

using nlohmann::json;

// RFC 7946 position: longitude first.
json position(const geo::LatLon& place) {
  return json::array({detail::rounded(place.longitude, 5), detail::rounded(place.latitude, 5)});
}

json route_line(const transport::TransportRoute& route) {
  json coordinates = json::array();
  coordinates.push_back(position(route.depot));
  for (const transport::RouteStop& stop : route.stops)
    coordinates.push_back(position(stop.location));
  coordinates.push_back(position(route.depot));
  return {
      {"type", "Feature"},
      {"geometry", {{"type", "LineString"}, {"coordinates", std::move(coordinates)}}},
      {"properties",
       {{"run", transport::run_name(route.run)},
        {"route_id", route.route_id},
        {"vehicle_type", route.vehicle_type},
        {"with_assistant", route.with_assistant},
        {"stops", route.stops.size()},
        {"depart", detail::clock_time(route.depart)},
        {"return", detail::clock_time(route.return_time)},
        {"miles", detail::rounded(route.miles, 2)}}},
  };
}

json stop_point(const transport::TransportRoute& route, const transport::RouteStop& stop, int seq) {
  return {
      {"type", "Feature"},
      {"geometry", {{"type", "Point"}, {"coordinates", position(stop.location)}}},
      {"properties",
       {{"run", transport::run_name(route.run)},
        {"route_id", route.route_id},
        {"seq", seq},
        {"action", stop.pickup ? "pickup" : "dropoff"},
        {"place", stop.place},
        {"time", detail::clock_time(stop.time)},
        {"pupil_id", stop.pupil_id}}},
  };
}

}  // namespace

json routes_geojson(const transport::DayPlan& plan) {
  json features = json::array();
  for (const transport::TransportRoute& route : plan.routes) {
    features.push_back(route_line(route));
    int seq = 0;
    for (const transport::RouteStop& stop : route.stops)
      features.push_back(stop_point(route, stop, ++seq));
  }
  return {{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

std::string routes_geojson_text(const transport::DayPlan& plan) {
  return routes_geojson(plan).dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
}

}  // namespace sendplan::report
