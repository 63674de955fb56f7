// routes.csv: one row per stop.
#include "report/routes_csv.h"

#include <fmt/format.h>

#include "report/text_format.h"

namespace sendplan::report {

std::string routes_csv(const transport::DayPlan& plan) {
  std::string text = std::string(kRoutesCsvHeader) + '\n';
  for (const transport::TransportRoute& route : plan.routes) {
    int seq = 0;
    for (const transport::RouteStop& stop : route.stops) {
      text += detail::csv_line(
          {transport::run_name(route.run), route.route_id, route.vehicle_type,
           std::to_string(++seq), stop.pupil_id, stop.pickup ? "pickup" : "dropoff", stop.place,
           fmt::format("{:.5f}", stop.location.latitude),
           fmt::format("{:.5f}", stop.location.longitude), detail::clock_time(stop.time)});
    }
  }
  return text;
}

}  // namespace sendplan::report
