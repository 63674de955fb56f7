// Paths the io tests use: the shared benchmark folder (tests skip when it is absent) and the
// small broken inputs in tests/io/data.
#pragma once

#include <filesystem>
#include <string>

namespace sendplan::io::test_support {

inline std::filesystem::path benchmarks_dir() {
  return std::filesystem::path(SENDPLAN_SHARED_DIR) / "benchmarks";
}

inline std::string test_data(const std::string& name) {
  return (std::filesystem::path(SENDPLAN_TEST_DATA_DIR) / name).string();
}

}  // namespace sendplan::io::test_support

#define SENDPLAN_SKIP_WITHOUT_BENCHMARKS()                                               \
  do {                                                                                   \
    const auto dir = ::sendplan::io::test_support::benchmarks_dir();                     \
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no benchmarks at " << dir; \
  } while (0)
