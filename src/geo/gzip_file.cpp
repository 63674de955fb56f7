#include "geo/gzip_file.h"

#include <fmt/format.h>
#include <zlib.h>

#include <filesystem>
#include <memory>
#include <system_error>

namespace sendplan::geo::detail {

namespace {

struct GzCloser {
  void operator()(gzFile file) const { gzclose(file); }
};
using GzHandle = std::unique_ptr<std::remove_pointer_t<gzFile>, GzCloser>;

}  // namespace

Result<std::string> read_possibly_gzipped_file(const std::string& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    return make_error(ErrorCode::kNotFound, "file not found", {path});
  }
  if (std::filesystem::is_directory(path, ignored)) {
    return make_error(ErrorCode::kIo, "is a directory, not a file", {path});
  }
  const GzHandle file(gzopen(path.c_str(), "rb"));
  if (!file) return make_error(ErrorCode::kIo, "cannot open the file", {path});
  constexpr unsigned kChunk = 1u << 18;
  gzbuffer(file.get(), kChunk);
  std::string text;
  for (;;) {
    const size_t used = text.size();
    text.resize(used + kChunk);
    const int got = gzread(file.get(), text.data() + used, kChunk);
    if (got < 0) {
      int code = 0;
      const char* message = gzerror(file.get(), &code);
      return make_error(ErrorCode::kIo, fmt::format("cannot read the file: {}", message), {path});
    }
    text.resize(used + static_cast<size_t>(got));
    if (got == 0) break;
  }
  // gzread reports a truncated stream only through gzerror, as Z_BUF_ERROR.
  int code = Z_OK;
  const char* message = gzerror(file.get(), &code);
  if (code != Z_OK) {
    return make_error(ErrorCode::kIo, fmt::format("cannot read the file: {}", message), {path});
  }
  return text;
}

}  // namespace sendplan::geo::detail
