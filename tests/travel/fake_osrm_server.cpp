// The stand-in OSRM table service (see fake_osrm_server.h).
#include "travel/fake_osrm_server.h"

#include <httplib.h>

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace sendplan::travel::testing {

namespace {

using nlohmann::json;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) parts.push_back(part);
  return parts;
}

void answer_error(httplib::Response& response, int status, const std::string& code,
                  const std::string& message) {
  response.status = status;
  response.set_content(json{{"code", code}, {"message", message}}.dump(), "application/json");
}

json waypoint(geo::LatLon at) {
  return json{{"hint", "AAAAAAAAAAAAAAAA"},
              {"distance", 0.0},
              {"name", "Test Street"},
              {"location", {at.longitude, at.latitude}}};
}

}  // namespace

double FakeOsrmServer::metres(geo::LatLon from, geo::LatLon to) {
  if (from.latitude == to.latitude && from.longitude == to.longitude) return 0;
  return 111000 * std::abs(to.latitude - from.latitude) +
         70000 * std::abs(to.longitude - from.longitude) + 25;
}

double FakeOsrmServer::seconds(geo::LatLon from, geo::LatLon to) {
  const double distance = metres(from, to);
  if (distance == 0) return 0;
  return distance / 6 + (to.latitude > from.latitude ? 45 : 0);
}

FakeOsrmServer::FakeOsrmServer(int max_table_size)
    : max_table_size_(max_table_size), server_(std::make_unique<httplib::Server>()) {
  server_->Get(R"(/([a-z]*)/?table/v1/driving/([^/?]+))", [this](const httplib::Request& request,
                                                                 httplib::Response& response) {
    ++requests_;
    const std::string mode = request.matches[1];
    std::vector<geo::LatLon> coordinates;
    for (const std::string& pair : split(request.matches[2], ';')) {
      const std::vector<std::string> lon_lat = split(pair, ',');
      if (lon_lat.size() != 2) {
        answer_error(response, 400, "InvalidQuery", "Query string malformed close to " + pair);
        return;
      }
      coordinates.push_back({std::stod(lon_lat[1]), std::stod(lon_lat[0])});
    }
    const int count = static_cast<int>(coordinates.size());
    int largest = largest_request_.load();
    while (count > largest && !largest_request_.compare_exchange_weak(largest, count)) {
    }
    if (count > max_table_size_) {
      answer_error(response, 400, "TooBig", "Too many table coordinates");
      return;
    }
    const std::string annotations = request.get_param_value("annotations");
    if (annotations != "duration,distance" && annotations != "distance,duration") {
      answer_error(response, 400, "InvalidOptions", "Expected duration and distance");
      return;
    }
    auto indices = [&](const char* name) {
      std::vector<int> chosen;
      if (!request.has_param(name) || request.get_param_value(name) == "all") {
        for (int i = 0; i < count; ++i) chosen.push_back(i);
      } else {
        for (const std::string& index : split(request.get_param_value(name), ';')) {
          chosen.push_back(std::stoi(index));
        }
      }
      return chosen;
    };
    const std::vector<int> sources = indices("sources");
    const std::vector<int> destinations = indices("destinations");
    for (int index : sources) {
      if (index < 0 || index >= count) {
        answer_error(response, 400, "InvalidOptions", "Source indices are out of bounds");
        return;
      }
    }
    for (int index : destinations) {
      if (index < 0 || index >= count) {
        answer_error(response, 400, "InvalidOptions", "Destination indices are out of bounds");
        return;
      }
    }
    if (mode == "nosegment") {
      answer_error(response, 400, "NoSegment",
                   "Could not find a matching segment for coordinate 0");
      return;
    }
    if (mode == "notok") {
      answer_error(response, 200, "NoTable", "No table found");
      return;
    }
    if (mode == "broken") {
      response.set_content("<html>502 Bad Gateway</html>", "text/html");
      return;
    }
    if (mode == "fail") {
      response.status = 500;
      response.set_content("internal error", "text/plain");
      return;
    }
    json durations = json::array();
    json distances = json::array();
    for (int s : sources) {
      json duration_row = json::array();
      json distance_row = json::array();
      for (int d : destinations) {
        const geo::LatLon from = coordinates[static_cast<std::size_t>(s)];
        const geo::LatLon to = coordinates[static_cast<std::size_t>(d)];
        const bool island = from.latitude >= 60 || to.latitude >= 60;
        if (mode == "island" && island && metres(from, to) > 0) {
          duration_row.push_back(nullptr);
          distance_row.push_back(nullptr);
        } else {
          duration_row.push_back(seconds(from, to));
          distance_row.push_back(metres(from, to));
        }
      }
      durations.push_back(std::move(duration_row));
      distances.push_back(std::move(distance_row));
    }
    json source_waypoints = json::array();
    for (int s : sources)
      source_waypoints.push_back(waypoint(coordinates[static_cast<std::size_t>(s)]));
    json destination_waypoints = json::array();
    for (int d : destinations) {
      destination_waypoints.push_back(waypoint(coordinates[static_cast<std::size_t>(d)]));
    }
    const json answer = {{"code", "Ok"},
                         {"durations", std::move(durations)},
                         {"distances", std::move(distances)},
                         {"sources", std::move(source_waypoints)},
                         {"destinations", std::move(destination_waypoints)}};
    response.set_content(answer.dump(), "application/json");
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("the fake OSRM server cannot bind to 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeOsrmServer::~FakeOsrmServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeOsrmServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

}  // namespace sendplan::travel::testing
