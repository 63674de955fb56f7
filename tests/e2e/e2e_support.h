// Helpers for the end-to-end tests: where the programs and the benchmarks are, running a command
// with its stdout and stderr captured, and scratch directories.
#pragma once

#include <string>

#include "support/temp_dir.h"

namespace sendplan::e2e {

// The programs under test (absolute paths baked in by CMake).
std::string sendplan_bin();
std::string checker_bin();

// The shared/ folder: $SENDPLAN_SHARED when set, else the configured SENDPLAN_SHARED_DIR.
// Empty when it holds no benchmarks (tests then GTEST_SKIP).
std::string shared_dir();
// Path of a benchmark file under shared/benchmarks, e.g. "darp_cordeau/a_instances/a2-16.txt".
std::string benchmark(const std::string& relative);

struct RunResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs `command` through /bin/sh with stdout and stderr captured in files under `scratch`.
RunResult run(const std::string& command, const std::string& scratch);

// Single-quotes an argument for /bin/sh.
std::string quote(const std::string& text);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

// A fresh directory under the temp dir, removed (with its contents) on destruction.
class ScratchDir {
 public:
  ScratchDir() : folder_("e2e"), path_(folder_.path().string()) {}
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return folder_.file(name); }

 private:
  testing::TempDir folder_;
  std::string path_;
};

}  // namespace sendplan::e2e

// Skips the current test when the benchmarks are not available.
#define SENDPLAN_REQUIRE_SHARED()                                          \
  do {                                                                     \
    if (::sendplan::e2e::shared_dir().empty())                             \
      GTEST_SKIP() << "no shared/benchmarks folder (set SENDPLAN_SHARED)"; \
  } while (0)
