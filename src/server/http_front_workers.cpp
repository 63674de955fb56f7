// The front's workers (http_front.h, http_front_internal.h): a complete request is queued, and a
// worker hands it to httplib's own request processing over an in-memory stream, writing the
// answer to the socket within a deadline for the whole response.
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "server/http_front_internal.h"

namespace sendplan::server {
namespace {

using detail::Clock;

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

}  // namespace

void HttpFront::Impl::dispatch(Connection& connection, std::size_t end) {
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

void HttpFront::Impl::work() {
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

}  // namespace sendplan::server
