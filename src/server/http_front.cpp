#include "server/http_front.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/text.h"

namespace sendplan::server {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::size_t kMaxChunkLine = 1024;  // a chunk-size line (with extensions)

// The security headers every answer carries (WebServer adds the same to routed answers).
constexpr const char* kFrontHeaders =
    "Content-Type: application/json; charset=utf-8\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Cache-Control: no-store\r\n"
    "Connection: close\r\n";

std::string status_text(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 413:
      return "Payload Too Large";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    default:
      return "Service Unavailable";
  }
}

// A whole answer from the front itself; the connection is closed after it.
std::string front_answer(int status, const std::string& code, const std::string& message) {
  const std::string body = nlohmann::json{{"error", code}, {"message", message}}.dump();
  return fmt::format("HTTP/1.1 {} {}\r\n{}Content-Length: {}\r\n\r\n{}", status,
                     status_text(status), kFrontHeaders, body.size(), body);
}

// Best effort, without waiting: the answers the front writes itself are small.
void send_now(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

void set_non_blocking(int fd) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL, 0) | O_NONBLOCK);
}

std::pair<std::string, int> address_of(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    return {text, ntohs(v4.sin_port)};
  }
  const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
  ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
  return {text, ntohs(v6.sin6_port)};
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The request as httplib reads it, from memory; answers go to the socket, the whole answer
// within a deadline.
class BufferStream final : public httplib::Stream {
 public:
  // Reads `head`, then `body`.
  BufferStream(int fd, std::string_view head, std::string_view body,
               std::pair<std::string, int> remote, std::pair<std::string, int> local,
               Clock::time_point deadline)
      : fd_(fd),
        head_(head),
        body_(body),
        remote_(std::move(remote)),
        local_(std::move(local)),
        deadline_(deadline) {}

  bool is_readable() const override { return true; }
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override {
    std::string_view& from = head_.empty() ? body_ : head_;
    const std::size_t n = std::min(size, from.size());
    std::memcpy(ptr, from.data(), n);
    from.remove_prefix(n);
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    std::size_t sent = 0;
    while (sent < size && !failed_) {
      const ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
        pollfd wait{fd_, POLLOUT, 0};
        if (left.count() > 0 && ::poll(&wait, 1, static_cast<int>(left.count())) > 0) continue;
      }
      failed_ = true;
    }
    return failed_ ? -1 : static_cast<ssize_t>(size);
  }
  using httplib::Stream::write;
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = remote_.first;
    port = remote_.second;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = local_.first;
    port = local_.second;
  }
  // httplib compares this with FD_SETSIZE and refuses larger ones; it reads and writes only
  // through read() and write() here.
  socket_t socket() const override { return 0; }

  bool failed() const { return failed_; }

 private:
  int fd_;
  std::string_view head_;
  std::string_view body_;
  std::pair<std::string, int> remote_;
  std::pair<std::string, int> local_;
  Clock::time_point deadline_;
  bool failed_ = false;
};

// kDraining: answered and half-closed; what the client still sends is read and dropped for
// kLingerDeadline, so that it reads the answer instead of a reset (a lingering close).
enum class State { kHead, kBody, kBusy, kDraining, kClosed };
constexpr std::chrono::milliseconds kLingerDeadline{2000};
// How much of a refused body is read and dropped: what its Content-Length declared (so that an
// ordinary client sending a too-large upload reads the 413), at most kLingerMaxBytes; a
// chunked body, kLingerChunkedBytes.
constexpr std::size_t kLingerMaxBytes = std::size_t{64} << 20;
constexpr std::size_t kLingerChunkedBytes = std::size_t{1} << 20;

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

}  // namespace

struct HttpFront::Impl {
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

  ~Impl() {
    {
      std::lock_guard lock(mutex);
      workers_stop = true;
    }
    work_ready.notify_all();
    for (std::thread& worker : workers) worker.join();
    for (auto& [fd, connection] : connections) ::close(fd);
    if (listen_fd >= 0) ::close(listen_fd);
    if (epoll_fd >= 0) ::close(epoll_fd);
    if (wake_fd >= 0) ::close(wake_fd);
  }

  void wake() const {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_fd, &one, sizeof one);
  }

  void watch(int fd) const {
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event);
  }

  void release(Connection& connection) {
    buffered -= connection.reserved;
    connection.reserved = 0;
  }

  void close_connection(int fd) {
    const auto found = connections.find(fd);
    if (found == connections.end()) return;
    release(*found->second);
    const std::string& address = found->second->remote.first;
    if (--per_address[address] <= 0) per_address.erase(address);
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
    ::close(fd);
    connections.erase(found);
  }

  // Answers, half-closes and drains the connection (the loop closes it; callers may still hold
  // it).
  void refuse(Connection& connection, int status, const std::string& code,
              const std::string& message) {
    send_now(connection.fd, front_answer(status, code, message));
    ::shutdown(connection.fd, SHUT_WR);
    connection.drain_left =
        connection.chunked
            ? kLingerChunkedBytes
            : std::max(kReadChunk, std::min(kLingerMaxBytes, connection.content_length));
    release(connection);
    connection.buffer.clear();
    connection.buffer.shrink_to_fit();
    connection.state = State::kDraining;
    connection.deadline = Clock::now() + kLingerDeadline;
  }

  // After any step that may have refused the connection.
  void close_if_refused(int fd) {
    const auto found = connections.find(fd);
    if (found != connections.end() && found->second->state == State::kClosed) close_connection(fd);
  }

  void accept_all() {
    while (true) {
      sockaddr_storage address{};
      socklen_t length = sizeof address;
      const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&address), &length,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN, or a transient error: the next event retries
      ++counters.accepted;
      auto remote = address_of(address);
      if (static_cast<int>(connections.size()) >= max_connections ||
          per_address[remote.first] >= limits.max_connections_per_address) {
        if (per_address[remote.first] == 0) per_address.erase(remote.first);
        ++counters.refused_connections;
        send_now(fd, front_answer(503, "busy", "too many connections; try again in a moment"));
        ::close(fd);
        continue;
      }
      const int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      auto connection = std::make_unique<Connection>();
      connection->fd = fd;
      connection->remote = std::move(remote);
      sockaddr_storage local{};
      socklen_t local_length = sizeof local;
      if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) == 0)
        connection->local = address_of(local);
      connection->deadline = Clock::now() + limits.head_deadline;
      ++per_address[connection->remote.first];
      connections.emplace(fd, std::move(connection));
      watch(fd);
    }
  }

  // Reads what has arrived (one chunk; level-triggered epoll calls again), then frames it.
  void on_readable(Connection& connection) {
    char chunk[kReadChunk];
    const ssize_t n = ::recv(connection.fd, chunk, sizeof chunk, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
      connection.state = State::kClosed;
      return;
    }
    if (n < 0) return;
    if (connection.state == State::kDraining) {  // dropped, up to drain_left
      const std::size_t got = static_cast<std::size_t>(n);
      if (got >= connection.drain_left)
        connection.state = State::kClosed;
      else
        connection.drain_left -= got;
      return;
    }
    if (connection.waiting_first_byte) {
      connection.waiting_first_byte = false;
      connection.deadline = Clock::now() + limits.head_deadline;
    }
    connection.buffer.append(chunk, static_cast<std::size_t>(n));
    advance(connection);
  }

  // Frames as much as the buffer holds: the head, then the body; hands a complete request on.
  void advance(Connection& connection) {
    if (connection.state == State::kHead && !read_head(connection)) return;
    if (connection.state != State::kBody) return;
    std::optional<std::size_t> end = body_end(connection);
    if (connection.state != State::kBody) return;  // refused while scanning
    if (!end) {
      // Count what this connection holds against the bodies buffered in all.
      const std::size_t holds = connection.chunked
                                    ? connection.buffer.size() - connection.body_start
                                    : connection.content_length;
      if (holds > connection.reserved) {
        buffered += holds - connection.reserved;
        connection.reserved = holds;
        if (buffered > limits.max_buffered_body_bytes) {
          ++counters.too_large;
          return refuse(connection, 503, "busy",
                        "the server is receiving too many uploads at once; try again shortly");
        }
      }
      return;
    }
    dispatch(connection, *end);
  }

  // True when the head is complete and acceptable (state becomes kBody); false when more bytes
  // are needed or the connection was refused.
  bool read_head(Connection& connection) {
    std::string& buffer = connection.buffer;
    // Blank lines before a request are allowed (RFC 9112 2.2).
    const std::size_t start = buffer.find_first_not_of("\r\n");
    if (start == std::string::npos) {
      buffer.clear();
      return false;
    }
    if (start > 0) buffer.erase(0, start);
    std::size_t end = std::string::npos;
    for (std::size_t at = buffer.find('\n'); at != std::string::npos;
         at = buffer.find('\n', at + 1)) {
      if (at + 1 < buffer.size() && buffer[at + 1] == '\n') {
        end = at + 2;
        break;
      }
      if (at + 2 < buffer.size() && buffer[at + 1] == '\r' && buffer[at + 2] == '\n') {
        end = at + 3;
        break;
      }
    }
    if (end == std::string::npos) {
      if (buffer.size() > limits.max_head_bytes) {
        ++counters.too_large;
        refuse(connection, 431, "too_large",
               fmt::format("the request's headers are too large (limit {} KB)",
                           limits.max_head_bytes / 1024));
      }
      return false;
    }
    if (end > limits.max_head_bytes) {
      ++counters.too_large;
      refuse(connection, 431, "too_large",
             fmt::format("the request's headers are too large (limit {} KB)",
                         limits.max_head_bytes / 1024));
      return false;
    }

    // Request line and the headers that frame the body.
    std::string_view head(buffer.data(), end);
    std::string kept;
    std::optional<std::size_t> content_length;
    bool chunked = false;
    bool expect_continue = false;
    std::string_view method;
    std::string_view path;
    std::size_t line_start = 0;
    bool first = true;
    while (line_start < head.size()) {
      std::size_t line_end = head.find('\n', line_start);
      std::string_view line = head.substr(line_start, line_end - line_start + 1);
      line_start = line_end + 1;
      std::string_view text = line;
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
      if (first) {
        first = false;
        const std::size_t space = text.find(' ');
        const std::size_t second =
            space == std::string_view::npos ? space : text.find(' ', space + 1);
        if (space == std::string_view::npos || second == std::string_view::npos) {
          refuse(connection, 400, "bad_request", "the request line could not be understood");
          return false;
        }
        method = text.substr(0, space);
        path = text.substr(space + 1, second - space - 1);
        path = path.substr(0, path.find('?'));
        kept.append(line);
        continue;
      }
      const std::size_t colon = text.find(':');
      if (text.empty() || colon == std::string_view::npos) {
        kept.append(line);
        continue;
      }
      const std::string_view name = trim(text.substr(0, colon));
      const std::string_view value = trim(text.substr(colon + 1));
      if (iequals(name, "Content-Length")) {
        std::size_t parsed = 0;
        bool digits = !value.empty() && value.size() <= 18;
        for (char c : value) {
          if (c < '0' || c > '9')
            digits = false;
          else
            parsed = parsed * 10 + static_cast<std::size_t>(c - '0');
        }
        if (!digits || (content_length && *content_length != parsed)) {
          refuse(connection, 400, "bad_request", "the Content-Length header is not valid");
          return false;
        }
        content_length = parsed;
      } else if (iequals(name, "Transfer-Encoding")) {
        if (!iequals(value, "chunked") || chunked) {
          refuse(connection, 501, "unsupported_encoding",
                 "only the chunked transfer encoding is supported");
          return false;
        }
        chunked = true;
      } else if (iequals(name, "Expect")) {
        if (!iequals(value, "100-continue")) {
          refuse(connection, 400, "bad_request", "only 'Expect: 100-continue' is understood");
          return false;
        }
        expect_continue = true;
        continue;  // answered here; httplib does not see it
      }
      kept.append(line);
    }
    if (chunked && content_length) {
      refuse(connection, 400, "bad_request",
             "a request may not have both Content-Length and Transfer-Encoding");
      return false;
    }
    const std::size_t limit = limit_for(method, path);
    connection.chunked = chunked;
    connection.content_length = content_length.value_or(0);
    if (content_length && *content_length > limit) {
      ++counters.too_large;
      refuse(connection, 413, "too_large", too_large_message(limit));
      return false;
    }
    connection.head = std::move(kept);
    connection.body_start = end;
    connection.body_limit = limit;
    connection.chunked = chunked;
    connection.content_length = content_length.value_or(0);
    connection.scan = end;
    connection.chunk_left = 0;
    connection.in_trailers = false;
    connection.decoded = 0;
    connection.state = State::kBody;
    const std::size_t expected = chunked ? limit : connection.content_length;
    connection.deadline =
        Clock::now() + limits.body_deadline_base +
        std::chrono::milliseconds(expected * 1000 /
                                  std::max<std::size_t>(1, limits.min_body_bytes_per_second));
    if (expect_continue && (chunked || connection.content_length > 0))
      send_now(connection.fd, "HTTP/1.1 100 Continue\r\n\r\n");
    return true;
  }

  static std::string too_large_message(std::size_t limit) {
    return limit >= 1024 * 1024
               ? fmt::format("the request body is too large (limit {} MB)", limit >> 20)
               : fmt::format("the request body is too large for this address (limit {} KB)",
                             limit / 1024);
  }

  std::size_t limit_for(std::string_view method, std::string_view path) const {
    for (const RouteBodyLimit& route : limits.route_limits)
      if (path.starts_with(route.path_prefix)) return route.max_body_bytes;
    // Uploads are PUT; every other request carries a small JSON body at most.
    if (method != "PUT") return std::min(limits.max_body_bytes, limits.max_non_put_body_bytes);
    return limits.max_body_bytes;
  }

  // Where the body ends in the buffer, once it is all there. Chunked bodies are scanned as
  // bytes arrive and refused as soon as their data passes the limit.
  std::optional<std::size_t> body_end(Connection& connection) {
    const std::string& buffer = connection.buffer;
    if (!connection.chunked) {
      const std::size_t end = connection.body_start + connection.content_length;
      return buffer.size() >= end ? std::optional<std::size_t>(end) : std::nullopt;
    }
    while (true) {
      if (connection.chunk_left > 0) {
        const std::size_t take = std::min(connection.chunk_left, buffer.size() - connection.scan);
        connection.scan += take;
        connection.chunk_left -= take;
        if (connection.chunk_left > 0) return std::nullopt;
      }
      const std::size_t newline = buffer.find('\n', connection.scan);
      if (newline == std::string::npos) {
        if (buffer.size() - connection.scan > kMaxChunkLine) {
          refuse(connection, 400, "bad_request", "a chunk header is too long");
        }
        return std::nullopt;
      }
      std::string_view line(buffer.data() + connection.scan, newline - connection.scan);
      connection.scan = newline + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (connection.in_trailers) {
        if (line.empty()) return connection.scan;
        continue;
      }
      line = line.substr(0, line.find(';'));
      line = trim(line);
      std::size_t size = 0;
      bool ok = !line.empty() && line.size() <= 15;
      for (char c : line) {
        const int digit =
            std::isxdigit(static_cast<unsigned char>(c))
                ? (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10)
                : -1;
        if (digit < 0)
          ok = false;
        else
          size = size * 16 + static_cast<std::size_t>(digit);
      }
      if (!ok) {
        refuse(connection, 400, "bad_request", "a chunk size could not be read");
        return std::nullopt;
      }
      if (size == 0) {
        connection.in_trailers = true;
        continue;
      }
      connection.decoded += size;
      if (connection.decoded > connection.body_limit) {
        ++counters.too_large;
        refuse(connection, 413, "too_large", too_large_message(connection.body_limit));
        return std::nullopt;
      }
      connection.chunk_left = size + 2;  // its data and the CRLF after it
    }
  }

  void dispatch(Connection& connection, std::size_t end) {
    Job job;
    job.fd = connection.fd;
    job.head = std::move(connection.head);
    job.body_begin = connection.body_start;
    job.body_end = end;
    job.remote = connection.remote;
    job.local = connection.local;
    job.requests = connection.requests + 1;
    std::string rest = connection.buffer.substr(end);  // a pipelined request, usually nothing
    job.bytes = std::move(connection.buffer);
    connection.buffer = std::move(rest);
    connection.head.clear();
    release(connection);
    connection.state = State::kBusy;
    ++connection.requests;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, connection.fd, nullptr);
    ++counters.requests;
    {
      std::lock_guard lock(mutex);
      jobs.push_back(std::move(job));
    }
    work_ready.notify_one();
  }

  void work() {
    while (true) {
      Job job;
      {
        std::unique_lock lock(mutex);
        work_ready.wait(lock, [&] { return workers_stop || !jobs.empty(); });
        if (jobs.empty()) return;
        job = std::move(jobs.front());
        jobs.pop_front();
      }
      serve_one(job);
    }
  }

  // A worker: httplib processes the request and writes the answer to the socket.
  void serve_one(const Job& job);

  void on_returned(int fd, bool keep) {
    const auto found = connections.find(fd);
    if (found == connections.end()) return;
    Connection& connection = *found->second;
    if (!keep || stopping) {
      close_connection(fd);
      return;
    }
    connection.state = State::kHead;
    connection.waiting_first_byte = connection.buffer.empty();
    connection.deadline = Clock::now() + (connection.waiting_first_byte ? limits.idle_keep_alive
                                                                        : limits.head_deadline);
    watch(fd);
    if (!connection.buffer.empty()) advance(connection);  // a pipelined request
    close_if_refused(fd);
  }

  void expire(Clock::time_point now) {
    std::vector<int> late;
    for (auto& [fd, connection] : connections)
      if (connection->state != State::kBusy && now >= connection->deadline) late.push_back(fd);
    for (int fd : late) {
      Connection& connection = *connections.at(fd);
      if (connection.waiting_first_byte || connection.state == State::kDraining) {
        close_connection(fd);  // an idle keep-alive connection: nothing to say
        continue;
      }
      ++counters.timed_out;
      refuse(connection, 408, "timeout",
             connection.state == State::kHead ? "the request's headers did not arrive in time"
                                              : "the request's body did not arrive in time");
      close_connection(fd);
    }
  }

  int busy() const {
    int count = 0;
    for (const auto& [fd, connection] : connections)
      if (connection->state == State::kBusy) ++count;
    return count;
  }

  void loop() {
    epoll_event events[256];
    std::optional<Clock::time_point> drain_until;
    while (true) {
      if (stopping && !drain_until) {
        drain_until = Clock::now() + limits.drain_deadline;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
        ::close(listen_fd);
        listen_fd = -1;
        std::vector<int> idle;
        for (auto& [fd, connection] : connections)
          if (connection->state != State::kBusy) idle.push_back(fd);
        for (int fd : idle) close_connection(fd);
      }
      if (drain_until && (busy() == 0 || Clock::now() >= *drain_until)) break;
      const int count = ::epoll_wait(epoll_fd, events, 256, 200);
      for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listen_fd) {
          accept_all();
        } else if (fd == wake_fd) {
          std::uint64_t value = 0;
          [[maybe_unused]] const ssize_t n = ::read(wake_fd, &value, sizeof value);
        } else {
          const auto found = connections.find(fd);
          if (found != connections.end() && found->second->state != State::kBusy) {
            on_readable(*found->second);
            close_if_refused(fd);
          }
        }
      }
      std::deque<std::pair<int, bool>> back;
      {
        std::lock_guard lock(mutex);
        back.swap(returned);
      }
      for (auto [fd, keep] : back) on_returned(fd, keep);
      expire(Clock::now());
    }
    // Past the drain deadline: requests still running lose their connection (their handler
    // finishes, its answer is dropped).
    for (auto& [fd, connection] : connections)
      if (connection->state == State::kBusy) ::shutdown(fd, SHUT_RDWR);
  }
};

void HttpFront::Impl::serve_one(const Job& job) {
  const auto& [remote, local] = std::pair(job.remote, job.local);
  const int requests = job.requests;
  BufferStream stream(
      job.fd, job.head,
      std::string_view(job.bytes).substr(job.body_begin, job.body_end - job.body_begin), remote,
      local, Clock::now() + limits.write_deadline);
  bool closed = false;
  const bool close = stopping || requests >= limits.max_requests_per_connection;
  try {
    routes.handle(stream, close, closed, [&](httplib::Request& request) {
      request.remote_addr = remote.first;
      request.remote_port = remote.second;
      request.local_addr = local.first;
      request.local_port = local.second;
    });
  } catch (...) {
    closed = true;  // httplib's exception handler answers; anything past it ends the connection
  }
  {
    std::lock_guard lock(mutex);
    returned.emplace_back(job.fd, !(closed || close || stream.failed()));
  }
  wake();
}

HttpFront::HttpFront(RoutingServer& routes, FrontLimits limits)
    : limits_(std::move(limits)), impl_(std::make_unique<Impl>(routes, limits_)) {}

HttpFront::~HttpFront() = default;

const FrontCounters& HttpFront::counters() const {
  return impl_->counters;
}

std::size_t HttpFront::body_limit_for(std::string_view method, std::string_view path) const {
  return impl_->limit_for(method, path);
}

Result<int> HttpFront::bind(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  auto cannot = [&](const std::string& why) {
    return make_error(ErrorCode::kIo, fmt::format("cannot listen on {}:{} ({})", host, port, why));
  };
  if (::getaddrinfo(host.c_str(), service.c_str(), &hints, &found) != 0 || found == nullptr)
    return cannot("unknown address");
  int fd = -1;
  for (addrinfo* at = found; at != nullptr && fd < 0; at = at->ai_next) {
    fd = ::socket(at->ai_family, at->ai_socktype | SOCK_CLOEXEC, at->ai_protocol);
    if (fd < 0) continue;
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, at->ai_addr, at->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  if (fd < 0) return cannot("in use, or not allowed?");
  set_non_blocking(fd);
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length);
  impl_->listen_fd = fd;

  // Connections need file descriptors: raise the soft limit to the hard one, and keep a margin
  // for the store, the log and the files the handlers open.
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
    if (files.rlim_cur < files.rlim_max) {
      files.rlim_cur = files.rlim_max;
      ::setrlimit(RLIMIT_NOFILE, &files);
      ::getrlimit(RLIMIT_NOFILE, &files);
    }
  }
  const long usable = files.rlim_cur == RLIM_INFINITY ? limits_.max_connections
                                                      : static_cast<long>(files.rlim_cur) - 128;
  impl_->max_connections =
      static_cast<int>(std::max(16L, std::min<long>(limits_.max_connections, usable)));
  return address_of(bound).second;
}

void HttpFront::run() {
  Impl& impl = *impl_;
  if (impl.listen_fd < 0 || impl.stopping) return;
  impl.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  impl.wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  impl.watch(impl.listen_fd);
  impl.watch(impl.wake_fd);
  for (int i = 0; i < std::max(1, limits_.workers); ++i)
    impl.workers.emplace_back([&impl] { impl.work(); });
  impl.loop();
  {
    std::lock_guard lock(impl.mutex);
    impl.workers_stop = true;
  }
  impl.work_ready.notify_all();
  for (std::thread& worker : impl.workers) worker.join();
  impl.workers.clear();
  for (auto& [fd, connection] : impl.connections) ::close(fd);
  impl.connections.clear();
  impl.per_address.clear();
}

void HttpFront::stop() {
  impl_->stopping = true;
  if (impl_->wake_fd >= 0) impl_->wake();
}

}  // namespace sendplan::server
