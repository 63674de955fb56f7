// The HTTP server: the JSON API under /api, the web app's static files, JSON bodies for every
// error (unknown routes, oversized or malformed requests, exceptions), security headers, and a
// graceful stop (requests in progress finish; keep-alive connections close after them).
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "server/api.h"
#include "server/http_front.h"

namespace sendplan::server {

struct WebServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;         // 0 = any free port
  std::string web_dir;     // holds index.html and app/
  std::string vendor_dir;  // node_modules: leaflet/dist at /vendor/leaflet, chart.js/dist at
                           // /vendor/chart.js
  std::size_t max_body_bytes = std::size_t{20} << 20;
  bool log_requests = false;  // one log line per request (method, path, status; no query)
  // Deadlines, caps and per-route body limits of the connection layer (http_front.h);
  // max_body_bytes above is its default body limit. Empty route_limits: kSmallBodyRoutes.
  FrontLimits front;
};

// Requests that never need a large body: sign-in, sign-out and account changes.
std::vector<RouteBodyLimit> small_body_routes();

class WebServer {
 public:
  WebServer(Api& api, WebServerOptions options);

  // Binds the listening socket; returns the port (useful with port 0). kIo when it cannot.
  Result<int> bind();
  // Serves until stop() (blocks). Call after bind().
  void serve();
  // From any thread, e.g. a signal watcher. Safe to call more than once.
  void stop();

  // The configured httplib server, for driving requests without a socket (the fuzzer).
  httplib::Server& http_server() { return server_; }
  // The connection layer's counters (accepted, refused, timed out, too large, requests).
  const FrontCounters& counters() const { return front_->counters(); }

 private:
  void add_static_files();
  void add_error_handling();

  RoutingServer server_;
  WebServerOptions options_;
  std::unique_ptr<HttpFront> front_;
};

}  // namespace sendplan::server
