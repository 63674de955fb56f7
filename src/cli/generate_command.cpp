// `sendplan generate` implementation.
#include "cli/generate_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "cli/terminal.h"
#include "transport/borough_boundaries.h"
#include "transport/generator.h"

namespace sendplan::cli {

namespace {

constexpr int kMaxPupils = 100'000;

Status write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return make_error(ErrorCode::kIo, "cannot open the file for writing", {path.string()});
  out << text;
  out.close();
  if (!out) return make_error(ErrorCode::kIo, "cannot write the file", {path.string()});
  return Status::success();
}

}  // namespace

int run_generate(const GenerateOptions& options) {
  if (options.pupils < 1 || options.pupils > kMaxPupils) {
    return report_error(
        make_error(ErrorCode::kInvalidArgument,
                   fmt::format("--pupils must be 1 to {}, got {}", kMaxPupils, options.pupils)));
  }
  if (options.out.empty()) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "--out DIR is required"));
  }
  std::string boundaries_path = options.boundaries;
  if (boundaries_path.empty()) {
    std::error_code ec;
    if (!std::filesystem::exists(kDefaultBoundariesPath, ec)) {
      return report_error(make_error(
          ErrorCode::kNotFound,
          fmt::format("no borough boundaries at {} (relative to the current directory); pass "
                      "--boundaries PATH to london_boroughs_gla.geojson",
                      kDefaultBoundariesPath)));
    }
    boundaries_path = kDefaultBoundariesPath;
  }
  Result<std::vector<transport::BoroughBoundary>> boroughs =
      transport::read_borough_boundaries(boundaries_path);
  if (!boroughs) return report_error(boroughs.error());
  Result<transport::BoroughBoundary> borough =
      transport::find_borough(boroughs.value(), options.borough);
  if (!borough) return report_error(borough.error());

  const transport::GeneratedBorough generated = transport::generate_borough(
      borough.value(), options.pupils, options.seed, transport::Policy{}, &boroughs.value());

  const std::filesystem::path dir(options.out);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return report_error(make_error(
        ErrorCode::kIo, "cannot create the output directory: " + ec.message(), {options.out}));
  }
  for (const auto& [name, text] :
       {std::pair<const char*, const std::string*>{"pupils.csv", &generated.pupils_csv},
        {"schools.csv", &generated.schools_csv},
        {"fleet.csv", &generated.fleet_csv}}) {
    if (Status written = write_text(dir / name, *text); !written) {
      return report_error(written.error());
    }
  }
  fmt::print(
      "Generated {} (seed {}): {} pupils, {} schools, {} wheelchair users, {} vehicles "
      "available; written to {}\n",
      borough.value().name, options.seed, generated.pupils, generated.schools,
      generated.wheelchair_users, generated.vehicles, dir.string());
  std::fflush(stdout);
  return 0;
}

}  // namespace sendplan::cli
