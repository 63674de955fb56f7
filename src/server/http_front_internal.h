// HttpFront's insides (http_front.h), shared by the files that define them: http_front.cpp (the
// loop thread: accepting, watching, timing out, refusing and closing connections, and HttpFront
// itself), http_front_framing.cpp (reading a request's head and body as bytes arrive) and
// http_front_workers.cpp (handing complete requests to the workers and httplib). Only those
// files include this.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "server/http_front.h"

namespace sendplan::server {

namespace detail {

using Clock = std::chrono::steady_clock;

// kDraining: answered and half-closed; what the client still sends is read and dropped for
// kLingerDeadline, so that it reads the answer instead of a reset (a lingering close).
enum class State { kHead, kBody, kBusy, kDraining, kClosed };

struct Connection {
  int fd = -1;
  std::pair<std::string, int> remote;
  std::pair<std::string, int> local;
  State state = State::kHead;
  std::string buffer;  // received, not yet handed to a worker
  Clock::time_point deadline;
  bool waiting_first_byte = true;  // idle between requests (closed quietly at its deadline)
  int requests = 0;
  // The head being read (valid in kBody).
  std::string head;  // as httplib will read it (Expect removed)
  std::size_t body_start = 0;
  std::size_t body_limit = 0;
  bool chunked = false;
  std::size_t content_length = 0;
  // Chunked framing, scanned as bytes arrive.
  std::size_t scan = 0;        // next unread position in buffer
  std::size_t chunk_left = 0;  // data bytes (+2 for its CRLF) still to skip
  bool in_trailers = false;
  std::size_t decoded = 0;
  std::size_t reserved = 0;    // counted against max_buffered_body_bytes
  std::size_t drain_left = 0;  // kDraining: bytes still to read and drop
};

// A complete request: its head as httplib will read it, then bytes[body_begin, body_end) of the
// connection's buffer (moved, not copied: a 20 MB upload is held once).
struct Job {
  int fd = -1;
  std::string head;
  std::string bytes;
  std::size_t body_begin = 0;
  std::size_t body_end = 0;
  std::pair<std::string, int> remote;
  std::pair<std::string, int> local;
  int requests = 0;  // on this connection, this one included
};

// Best effort, without waiting: the answers the front writes itself are small.
void send_now(int fd, const std::string& bytes);

}  // namespace detail

struct HttpFront::Impl {
  using Clock = detail::Clock;
  using Connection = detail::Connection;
  using Job = detail::Job;
  using State = detail::State;

  RoutingServer& routes;
  const FrontLimits& limits;
  FrontCounters counters;
  int listen_fd = -1;
  int epoll_fd = -1;
  std::atomic<int> wake_fd{-1};
  int max_connections = 0;
  std::atomic<bool> stopping{false};

  // Loop thread only.
  std::unordered_map<int, std::unique_ptr<Connection>> connections;
  std::map<std::string, int> per_address;
  std::size_t buffered = 0;

  // Loop <-> workers.
  std::mutex mutex;
  std::condition_variable work_ready;
  std::deque<Job> jobs;
  std::deque<std::pair<int, bool>> returned;  // fd, keep open
  bool workers_stop = false;
  std::vector<std::thread> workers;

  Impl(RoutingServer& r, const FrontLimits& l) : routes(r), limits(l) {}

  ~Impl();

  // --- the loop thread (http_front.cpp)
  void wake() const;
  void watch(int fd) const;
  void release(Connection& connection);
  void close_connection(int fd);

  // Answers, half-closes and drains the connection (the loop closes it; callers may still hold
  // it).
  void refuse(Connection& connection, int status, const std::string& code,
              const std::string& message);

  // After any step that may have refused the connection.
  void close_if_refused(int fd);
  void accept_all();

  // Reads what has arrived (one chunk; level-triggered epoll calls again), then frames it.
  void on_readable(Connection& connection);
  void on_returned(int fd, bool keep);
  void expire(Clock::time_point now);
  int busy() const;
  void loop();

  // --- reading a request (http_front_framing.cpp)
  // Frames as much as the buffer holds: the head, then the body; hands a complete request on.
  void advance(Connection& connection);

  // True when the head is complete and acceptable (state becomes kBody); false when more bytes
  // are needed or the connection was refused.
  bool read_head(Connection& connection);
  static std::string too_large_message(std::size_t limit);
  std::size_t limit_for(std::string_view method, std::string_view path) const;

  // Where the body ends in the buffer, once it is all there. Chunked bodies are scanned as
  // bytes arrive and refused as soon as their data passes the limit.
  std::optional<std::size_t> body_end(Connection& connection);

  // --- the workers (http_front_workers.cpp)
  void dispatch(Connection& connection, std::size_t end);
  void work();

  // A worker: httplib processes the request and writes the answer to the socket.
  void serve_one(const Job& job);
};

}  // namespace sendplan::server
