// FuzzStream (see fuzz_stream.h).
#include "fuzz_stream.h"

#include <algorithm>
#include <cstring>

namespace sendplan::fuzz {

ssize_t FuzzStream::read(char* ptr, size_t size) {
  const size_t n = std::min(size, input_.size() - position_);
  if (n > 0) std::memcpy(ptr, input_.data() + position_, n);
  position_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t FuzzStream::write(const char*, size_t size) {
  written_ += size;
  return static_cast<ssize_t>(size);
}

void FuzzStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = "127.0.0.1";
  port = 40000;
}

void FuzzStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = "127.0.0.1";
  port = 8080;
}

}  // namespace sendplan::fuzz
