// The CSV reader's byte sources: a text in memory, and a plain or gzipped file through zlib
// (whose gzread passes a file that is not gzip through unchanged).
#include "io/csv_source.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>

namespace sendplan::csv {
namespace {

class TextSource final : public ByteSource {
 public:
  explicit TextSource(std::string_view text) : rest_(text) {}
  Result<std::size_t> read(char* buffer, std::size_t size) override {
    const std::size_t count = std::min(size, rest_.size());
    std::memcpy(buffer, rest_.data(), count);
    rest_.remove_prefix(count);
    return count;
  }

 private:
  std::string_view rest_;
};

class GzipFileSource final : public ByteSource {
 public:
  GzipFileSource(gzFile file, std::string path) : file_(file), path_(std::move(path)) {}
  ~GzipFileSource() override { gzclose(file_); }
  GzipFileSource(const GzipFileSource&) = delete;
  GzipFileSource& operator=(const GzipFileSource&) = delete;

  Result<std::size_t> read(char* buffer, std::size_t size) override {
    const auto wanted =
        static_cast<unsigned>(std::min<std::size_t>(size, std::numeric_limits<int>::max() / 2));
    const int got = gzread(file_, buffer, wanted);
    // A truncated stream shows only through gzerror (Z_BUF_ERROR), maybe after some bytes.
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (got < 0 || (code != Z_OK && code != Z_STREAM_END)) {
      return make_error(ErrorCode::kIo, fmt::format("cannot read the file: {}", message), {path_});
    }
    return static_cast<std::size_t>(got);
  }

 private:
  gzFile file_;
  std::string path_;
};

}  // namespace

std::unique_ptr<ByteSource> text_source(std::string_view text) {
  return std::make_unique<TextSource>(text);
}

Result<std::unique_ptr<ByteSource>> open_file_source(const std::string& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    return make_error(ErrorCode::kNotFound, "file not found", {path});
  }
  if (std::filesystem::is_directory(path, ignored)) {
    return make_error(ErrorCode::kIo, "is a directory, not a file", {path});
  }
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return make_error(ErrorCode::kIo, "cannot open the file", {path});
  constexpr unsigned kZlibBuffer = 1u << 17;
  gzbuffer(file, kZlibBuffer);
  return std::unique_ptr<ByteSource>(std::make_unique<GzipFileSource>(file, path));
}

}  // namespace sendplan::csv
