// End-to-end test helpers: process running via std::system, files, scratch directories.
#include "e2e_support.h"

#include <stdlib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sendplan::e2e {

namespace fs = std::filesystem;

std::string sendplan_bin() {
  return SENDPLAN_BIN;
}
std::string checker_bin() {
  return SENDPLAN_CHECK_BIN;
}

std::string shared_dir() {
  const char* env = std::getenv("SENDPLAN_SHARED");
  std::string dir = env != nullptr && *env != '\0' ? env : SENDPLAN_SHARED_DIR;
  std::error_code ec;
  return fs::is_directory(fs::path(dir) / "benchmarks", ec) ? dir : std::string();
}

std::string benchmark(const std::string& relative) {
  return shared_dir() + "/benchmarks/" + relative;
}

std::string quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

RunResult run(const std::string& command, const std::string& scratch) {
  const std::string out = scratch + "/run.stdout";
  const std::string err = scratch + "/run.stderr";
  int status = std::system((command + " >" + quote(out) + " 2>" + quote(err)).c_str());
  RunResult result;
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}


}  // namespace sendplan::e2e
