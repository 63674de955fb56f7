#include "cli/install_paths.h"

#include <system_error>

namespace sendplan::cli {

DataPaths data_paths_for(const std::filesystem::path& executable, const std::string& source_dir) {
  // SENDPLAN_DATADIR_FROM_BINDIR is the install layout's share/sendplan seen from bin/
  // ("../share/sendplan"), set by CMake from GNUInstallDirs.
  const std::filesystem::path data =
      executable.parent_path() / std::filesystem::path(SENDPLAN_DATADIR_FROM_BINDIR);
  std::error_code ec;
  if (!executable.empty() && std::filesystem::exists(data / "web" / "index.html", ec)) {
    const std::string root = data.lexically_normal().string();
    return {root + "/web", root + "/vendor", root, true};
  }
  return {source_dir + "/web", source_dir + "/node_modules", "../shared", false};
}

const DataPaths& data_paths() {
  static const DataPaths paths = [] {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return data_paths_for(ec ? std::filesystem::path() : self, SENDPLAN_SOURCE_DIR);
  }();
  return paths;
}

std::string default_boundaries_path() {
  return data_paths().shared + "/data/boundaries/london_boroughs_gla.geojson";
}

std::string shared_or_default(const std::string& shared) {
  return shared.empty() ? data_paths().shared : shared;
}

}  // namespace sendplan::cli
