// An httplib::Stream over a fuzz input: reads give the input's bytes in order (then end of
// stream), writes are counted and dropped. Stands in for a client's socket so that the server's
// own request handling (httplib::Server::process_request) runs on the bytes.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace sendplan::fuzz {

class FuzzStream final : public httplib::Stream {
 public:
  explicit FuzzStream(std::string_view input) : input_(input) {}

  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  using httplib::Stream::write;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  // No real socket: 0 keeps httplib's FD_SETSIZE check happy and is never read from.
  socket_t socket() const override { return 0; }

  bool at_end() const { return position_ >= input_.size(); }
  size_t bytes_written() const { return written_; }

 private:
  std::string_view input_;
  size_t position_ = 0;
  size_t written_ = 0;
};

}  // namespace sendplan::fuzz
