// The server's front door (http_front.h): the loop thread that accepts connections, watches
// them with epoll, times them out, refuses them with an answer of its own and closes them; and
// HttpFront's bind, run and stop. Reading requests: http_front_framing.cpp; serving them:
// http_front_workers.cpp (the three share http_front_internal.h).
#include "server/http_front.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <spdlog/spdlog.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <nlohmann/json.hpp>

#include "server/http_front_internal.h"

namespace sendplan::server {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;

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

constexpr std::chrono::milliseconds kLingerDeadline{2000};
// How much of a refused body is read and dropped: what its Content-Length declared (so that an
// ordinary client sending a too-large upload reads the 413), at most kLingerMaxBytes; a
// chunked body, kLingerChunkedBytes.
constexpr std::size_t kLingerMaxBytes = std::size_t{64} << 20;
constexpr std::size_t kLingerChunkedBytes = std::size_t{1} << 20;

}  // namespace

namespace detail {

// Best effort, without waiting: the answers the front writes itself are small.
void send_now(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace detail

using detail::send_now;

HttpFront::Impl::~Impl() {
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

void HttpFront::Impl::wake() const {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_fd, &one, sizeof one);
}

void HttpFront::Impl::watch(int fd) const {
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP;
  event.data.fd = fd;
  ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event);
}

void HttpFront::Impl::release(Connection& connection) {
  buffered -= connection.reserved;
  connection.reserved = 0;
}

void HttpFront::Impl::close_connection(int fd) {
  const auto found = connections.find(fd);
  if (found == connections.end()) return;
  release(*found->second);
  const std::string& address = found->second->remote.first;
  if (--per_address[address] <= 0) per_address.erase(address);
  ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  ::close(fd);
  connections.erase(found);
}

void HttpFront::Impl::refuse(Connection& connection, int status, const std::string& code,
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

void HttpFront::Impl::close_if_refused(int fd) {
  const auto found = connections.find(fd);
  if (found != connections.end() && found->second->state == State::kClosed) close_connection(fd);
}

void HttpFront::Impl::accept_all() {
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

void HttpFront::Impl::on_readable(Connection& connection) {
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

void HttpFront::Impl::on_returned(int fd, bool keep) {
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

void HttpFront::Impl::expire(Clock::time_point now) {
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

int HttpFront::Impl::busy() const {
  int count = 0;
  for (const auto& [fd, connection] : connections)
    if (connection->state == State::kBusy) ++count;
  return count;
}

void HttpFront::Impl::loop() {
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
