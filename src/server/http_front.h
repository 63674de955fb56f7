// The server's front door: an event-driven connection layer in front of httplib's routing.
//
// Debian 12's cpp-httplib (0.11) reads each request on a worker thread with a timeout per read,
// not per request, so a client sending one header line every few seconds holds a worker for as
// long as it likes (36 such clients stalled the server), and it reads chunked bodies whole before
// checking their size (1 GB chunked to /api/login: +900 MB). Its listen loop cannot be changed
// (private, not virtual). So HttpFront owns the listening socket instead:
//   - one thread runs an epoll loop over every connection, reading request heads and bodies
//     without blocking: a slow client costs a file descriptor and at most its buffer, never a
//     worker;
//   - a request reaches a worker only when it is complete: its head within head_deadline, its
//     body within body_deadline_base + size / min_body_rate; later, the connection is answered
//     408 and closed;
//   - sizes are checked as bytes arrive: the head (431), the body against the limit for its
//     route (uploads are PUT, up to max_body_bytes; other methods carry JSON, up to
//     max_non_put_body_bytes; sign-in a few KB): 413 before a byte of it is read when
//     Content-Length says so, and while chunks arrive otherwise; and the bodies buffered at
//     once across all connections (503);
//   - connections are capped in all and per client address (503 and closed);
//   - a worker hands the complete request to httplib's own request processing
//     (httplib::Server::process_request, through RoutingServer) over an in-memory stream, and
//     writes the answer with a deadline for the whole response;
//   - stop() closes the listening socket and every connection waiting for a request at once,
//     and gives requests in progress at most drain_deadline to finish.
// Thread-safe: run() on one thread, stop() from any.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace sendplan::server {

// httplib::Server with its request processing reachable (it is protected there).
class RoutingServer : public httplib::Server {
 public:
  bool handle(httplib::Stream& stream, bool close_connection, bool& connection_closed,
              const std::function<void(httplib::Request&)>& setup) {
    return process_request(stream, close_connection, connection_closed, setup);
  }
};

// A smaller body limit for the requests whose path starts with `path_prefix` (e.g. sign-in).
struct RouteBodyLimit {
  std::string path_prefix;
  std::size_t max_body_bytes;
};

struct FrontLimits {
  std::chrono::milliseconds head_deadline{10'000};       // from the first byte (or accept)
  std::chrono::milliseconds idle_keep_alive{5'000};      // between requests on one connection
  std::chrono::milliseconds body_deadline_base{30'000};  // + body bytes / min_body_rate
  std::size_t min_body_bytes_per_second = 64 * 1024;
  std::chrono::milliseconds write_deadline{60'000};  // a whole response
  std::chrono::milliseconds drain_deadline{10'000};  // requests in progress at stop()
  std::size_t max_head_bytes = 32 * 1024;
  std::size_t max_body_bytes = std::size_t{20} << 20;            // PUT: uploads
  std::size_t max_non_put_body_bytes = std::size_t{1} << 20;     // POST, PATCH, ...: JSON
  std::vector<RouteBodyLimit> route_limits;                      // first matching prefix wins
  std::size_t max_buffered_body_bytes = std::size_t{256} << 20;  // all connections together
  int max_connections = 1000;  // lowered to the process's file limit if that is smaller
  int max_connections_per_address = 128;
  int workers = 16;
  int max_requests_per_connection = 100;
};

// What the front has seen, for tests and the load benchmark.
struct FrontCounters {
  std::atomic<long> accepted{0};
  std::atomic<long> refused_connections{0};  // over a connection cap
  std::atomic<long> timed_out{0};            // 408: head or body not complete in time
  std::atomic<long> too_large{0};            // 413 / 431
  std::atomic<long> requests{0};             // handed to a worker
};

class HttpFront {
 public:
  HttpFront(RoutingServer& routes, FrontLimits limits);
  ~HttpFront();
  HttpFront(const HttpFront&) = delete;
  HttpFront& operator=(const HttpFront&) = delete;

  // Binds and listens; returns the port (useful with port 0). kIo when it cannot.
  Result<int> bind(const std::string& host, int port);
  // Serves until stop() (blocks). Call after bind().
  void run();
  // From any thread or a signal watcher; safe before run() and more than once.
  void stop();

  const FrontCounters& counters() const;
  const FrontLimits& limits() const { return limits_; }
  // The body limit for a request.
  std::size_t body_limit_for(std::string_view method, std::string_view path) const;

 private:
  struct Impl;
  FrontLimits limits_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sendplan::server
