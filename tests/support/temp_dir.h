// TempDir: a fresh folder under the temp directory, removed with everything in it when the object
// goes (a static one at process exit). CTest points TMPDIR at the build tree's test-tmp folder for
// every test and fails the run's last test (test_tmp_check) if a test left anything there, so a
// test that writes files makes them here.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sendplan::testing {

class TempDir {
 public:
  // The folder is named sendplan-<label>-XXXXXX (mkdtemp).
  explicit TempDir(std::string_view label) {
    std::string pattern = (std::filesystem::temp_directory_path() /
                           ("sendplan-" + std::string(label) + "-XXXXXX"))
                              .string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("cannot make a temp folder: " + pattern);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path()/name, as a string.
  std::string file(std::string_view name) const { return (path_ / name).string(); }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace sendplan::testing
