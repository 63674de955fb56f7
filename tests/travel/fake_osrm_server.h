// A stand-in OSRM server for the tests. There is no OSRM package in Debian 12, so the client is
// tested against this server instead: a real HTTP server (cpp-httplib) on 127.0.0.1, on a free
// port and its own thread, that answers the table service in the format OSRM documents
// (docs/http.md, "Table service": code, durations, distances, sources, destinations; errors as
// HTTP 400 with code and message), with values from a simple formula instead of a road network.
//
// Paths below the server select a behaviour, so one server serves every test:
//   /table/v1/driving/...            the normal answer
//   /island/table/v1/driving/...     no route (null) to or from any place at latitude ≥ 60
//   /nosegment/table/v1/driving/...  HTTP 400 {"code": "NoSegment", "message": ...}
//   /notok/table/v1/driving/...      HTTP 200 {"code": "NoTable", "message": ...}
//   /broken/table/v1/driving/...     HTTP 200 with a body that is not JSON
//   /fail/table/v1/driving/...       HTTP 500 with a plain-text body
// A request with more coordinates than max_table_size gets HTTP 400 "TooBig", as osrm-routed
// does beyond its --max-table-size.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "geo/coordinates.h"

namespace httplib {
class Server;
}

namespace sendplan::travel::testing {

class FakeOsrmServer {
 public:
  explicit FakeOsrmServer(int max_table_size = 100);
  ~FakeOsrmServer();
  FakeOsrmServer(const FakeOsrmServer&) = delete;
  FakeOsrmServer& operator=(const FakeOsrmServer&) = delete;

  std::string url() const;  // "http://127.0.0.1:PORT"
  int requests() const { return requests_.load(); }
  int largest_request() const { return largest_request_.load(); }  // coordinates

  // The formula the server answers with (not symmetric, to catch a transposed matrix):
  // 111 km per degree of latitude plus 70 km per degree of longitude, plus 25 m; 6 m/s, plus
  // 45 s when heading north. 0 from a position to itself.
  static double metres(geo::LatLon from, geo::LatLon to);
  static double seconds(geo::LatLon from, geo::LatLon to);

 private:
  int max_table_size_;
  int port_ = 0;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::atomic<int> requests_{0};
  std::atomic<int> largest_request_{0};
};

}  // namespace sendplan::travel::testing
