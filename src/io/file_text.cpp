#include "io/file_text.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sendplan::io::detail {

Result<std::string> read_text_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found)
    return make_error(ErrorCode::kNotFound, "no such file", {path, 0, 0});
  if (status.type() == fs::file_type::directory)
    return make_error(ErrorCode::kIo, "cannot read: it is a directory", {path, 0, 0});
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno),
                      {path, 0, 0});
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return make_error(ErrorCode::kIo, "read failed", {path, 0, 0});
  return std::move(content).str();
}

}  // namespace sendplan::io::detail
