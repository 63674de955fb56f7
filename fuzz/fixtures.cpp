// Synthetic fixtures for the fuzz targets (see fixtures.h).
#include "fixtures.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "transport/borough_boundaries.h"

namespace sendplan::fuzz {
namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz fixtures: %s\n", what.c_str());
  std::abort();
}

constexpr const char* kPostcodesCsv =
    "pcds,oseast1m,osnrth1m,lad25cd\n"
    "E8 1AA,534500,184500,E09000012\n"
    "E8 2BB,534800,184900,E09000012\n"
    "E5 0LL,535000,186000,E09000012\n"
    "E9 5AB,535900,184700,E09000012\n"
    "N16 0AA,533500,186500,E09000012\n";

constexpr const char* kScratchPrefix = "sendplan-fuzz-";

// Files of fuzz processes that died without cleaning up (a crash aborts): "sendplan-fuzz-PID-..."
// where no process PID exists any more.
void remove_stale_scratch_files(const std::filesystem::path& dir) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(kScratchPrefix)) continue;
    const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + std::strlen(kScratchPrefix)));
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) std::filesystem::remove(entry, error);
  }
}

}  // namespace

const std::string& boundaries_path() {
  static const std::string path = [] {
    const char* shared = std::getenv("SENDPLAN_SHARED");
    if (shared != nullptr && *shared != '\0')
      return std::string(shared) + "/data/boundaries/london_boroughs_gla.geojson";
    return std::string(SENDPLAN_BOUNDARIES);
  }();
  return path;
}

const server::BoroughAtlas& atlas() {
  static const server::BoroughAtlas instance = [] {
    Result<server::BoroughAtlas> read = server::BoroughAtlas::read(boundaries_path());
    if (!read) fail(read.error().message);
    return std::move(read).value();
  }();
  return instance;
}

const transport::GeneratedBorough& hackney_files() {
  static const transport::GeneratedBorough files = [] {
    Result<std::vector<transport::BoroughBoundary>> all =
        transport::read_borough_boundaries(boundaries_path());
    if (!all) fail(all.error().message);
    Result<transport::BoroughBoundary> hackney = transport::find_borough(all.value(), "Hackney");
    if (!hackney) fail(hackney.error().message);
    return transport::generate_borough(hackney.value(), 12, 1, transport::Policy{});
  }();
  return files;
}

const transport::TransportInputs& hackney_inputs() {
  static const transport::TransportInputs inputs = [] {
    const transport::GeneratedBorough& files = hackney_files();
    const transport::Policy policy;
    auto pupils = transport::parse_pupils(files.pupils_csv, "pupils.csv", policy, nullptr);
    auto schools = transport::parse_schools(files.schools_csv, "schools.csv", policy, nullptr);
    auto fleet = transport::parse_fleet(files.fleet_csv, "fleet.csv", policy, nullptr);
    if (!pupils || !schools || !fleet) fail("the generated Hackney files do not read");
    return transport::TransportInputs{pupils.value(), schools.value(), fleet.value()};
  }();
  return inputs;
}

const geo::PostcodeDirectory& postcodes() {
  static const geo::PostcodeDirectory directory = [] {
    const std::string path = scratch_path("postcodes-fixture.csv");
    std::ofstream(path, std::ios::binary) << kPostcodesCsv;
    Result<geo::PostcodeDirectory> read = geo::PostcodeDirectory::read_csv(path);
    std::filesystem::remove(path);
    if (!read) fail(read.error().message);
    return std::move(read).value();
  }();
  return directory;
}

std::string scratch_path(const std::string& name) {
  static const std::filesystem::path dir = [] {
    const std::filesystem::path chosen = std::filesystem::is_directory("/dev/shm")
                                             ? std::filesystem::path("/dev/shm")
                                             : std::filesystem::temp_directory_path();
    remove_stale_scratch_files(chosen);
    return chosen;
  }();
  return (dir / (kScratchPrefix + std::to_string(::getpid()) + "-" + name)).string();
}

}  // namespace sendplan::fuzz
