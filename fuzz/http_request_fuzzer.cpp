// fuzz_http_request: raw bytes as a client's side of one HTTP/1.1 connection, through the real
// server stack (see fuzz_server.h for the fixtures and the promises checked on every response).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_server.h"

namespace {

sendplan::fuzz::FuzzServer* fuzz_server = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz_server = new sendplan::fuzz::FuzzServer();
  // Registered after the fixtures it uses were made, so it runs before they are destroyed.
  std::atexit([] { delete fuzz_server; });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_server->serve(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
