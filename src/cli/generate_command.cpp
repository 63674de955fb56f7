// `sendplan generate` implementation.
#include "cli/generate_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/install_paths.h"
#include "cli/terminal.h"
#include "io/darp_generator.h"
#include "transport/borough_boundaries.h"
#include "transport/generator.h"

namespace sendplan::cli {

namespace {

constexpr int kMaxPupils = 100'000;

using Boroughs = std::vector<transport::BoroughBoundary>;

Error invalid(std::string message) {
  return make_error(ErrorCode::kInvalidArgument, std::move(message));
}

// The checks that need no file, so that a bad command line is told before anything is read.
Status check_options(const GenerateOptions& options) {
  if (options.borough.empty() == options.region.empty()) {
    return invalid("give exactly one of --borough NAME and --region \"NAME,NAME,...\"");
  }
  if (options.pupils < 1 || options.pupils > kMaxPupils) {
    return invalid(fmt::format("--pupils must be 1 to {}, got {}", kMaxPupils, options.pupils));
  }
  // Written so that NaN fails too.
  if (!(options.cross_border_share >= 0 && options.cross_border_share <= 1)) {
    return invalid(
        fmt::format("--cross-border-share must be 0 to 1, got {}", options.cross_border_share));
  }
  if (options.out.empty()) return invalid("--out DIR is required");
  return Status::success();
}

Result<Boroughs> read_boundaries(const GenerateOptions& options) {
  std::string path = options.boundaries;
  if (path.empty()) {
    std::error_code ec;
    path = default_boundaries_path();
    if (!std::filesystem::exists(path, ec)) {
      return make_error(ErrorCode::kNotFound,
                        fmt::format("no borough boundaries at {}; pass --boundaries PATH to "
                                    "london_boroughs_gla.geojson",
                                    path));
    }
  }
  return transport::read_borough_boundaries(path);
}

// The region's boroughs in the order named; each may be named once (its files share a folder).
Result<Boroughs> find_region(const Boroughs& boroughs, const std::vector<std::string>& names) {
  Boroughs region;
  for (const std::string& name : names) {
    Result<transport::BoroughBoundary> borough = transport::find_borough(boroughs, name);
    if (!borough) return borough.error();
    for (const transport::BoroughBoundary& earlier : region) {
      if (earlier.name == borough.value().name) {
        return invalid(fmt::format("--region names {} twice", earlier.name));
      }
    }
    region.push_back(std::move(borough).value());
  }
  return region;
}

Status write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return make_error(ErrorCode::kIo, "cannot open the file for writing", {path.string()});
  out << text;
  out.close();
  if (!out) return make_error(ErrorCode::kIo, "cannot write the file", {path.string()});
  return Status::success();
}

// pupils.csv, schools.csv and fleet.csv in `dir` (created if missing).
Status write_files(const std::filesystem::path& dir, const transport::GeneratedBorough& files) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return make_error(ErrorCode::kIo, "cannot create the output directory: " + ec.message(),
                      {dir.string()});
  }
  for (const auto& [name, text] :
       {std::pair<const char*, const std::string*>{"pupils.csv", &files.pupils_csv},
        {"schools.csv", &files.schools_csv},
        {"fleet.csv", &files.fleet_csv}}) {
    if (Status written = write_text(dir / name, *text); !written) return written;
  }
  return Status::success();
}

int generate_one(const GenerateOptions& options, const Boroughs& boroughs) {
  Result<transport::BoroughBoundary> borough = transport::find_borough(boroughs, options.borough);
  if (!borough) return report_error(borough.error());
  const transport::GeneratedBorough generated = transport::generate_borough(
      borough.value(), options.pupils, options.seed, transport::Policy{}, &boroughs);
  const std::filesystem::path dir(options.out);
  if (Status written = write_files(dir, generated); !written) return report_error(written.error());
  fmt::print(
      "Generated {} (seed {}): {} pupils, {} schools, {} wheelchair users, {} vehicles "
      "available; written to {}\n",
      borough.value().name, options.seed, generated.pupils, generated.schools,
      generated.wheelchair_users, generated.vehicles, dir.string());
  return 0;
}

int generate_region(const GenerateOptions& options, const Boroughs& boroughs) {
  Result<Boroughs> region = find_region(boroughs, options.region);
  if (!region) return report_error(region.error());
  const std::vector<transport::RegionBorough> generated =
      transport::generate_region(region.value(), options.pupils, options.seed, transport::Policy{},
                                 options.cross_border_share);
  const std::filesystem::path dir(options.out);
  for (const transport::RegionBorough& borough : generated) {
    if (Status written = write_files(dir / borough.label, borough.files); !written) {
      return report_error(written.error());
    }
    fmt::print(
        "Generated {} (seed {}): {} pupils, {} schools, {} at other boroughs' schools, {} shared "
        "schools; in {}/\n",
        borough.name, options.seed, borough.files.pupils, borough.files.schools,
        borough.pupils_at_other_schools, borough.shared_schools, borough.label);
  }
  fmt::print("written to {}\n", dir.string());
  return 0;
}

}  // namespace

int run_generate(const GenerateOptions& options) {
  if (Status checked = check_options(options); !checked) return report_error(checked.error());
  Result<Boroughs> boroughs = read_boundaries(options);
  if (!boroughs) return report_error(boroughs.error());
  const int code = options.region.empty() ? generate_one(options, boroughs.value())
                                          : generate_region(options, boroughs.value());
  std::fflush(stdout);
  return code;
}

int run_generate_darp(const GenerateDarpOptions& options) {
  io::DarpRecipe recipe;
  recipe.requests = options.requests;
  recipe.vehicles = options.vehicles;
  recipe.seed = options.seed;
  Result<std::string> text = io::generate_darp(recipe);
  if (!text) return report_error(text.error());
  std::ofstream out(options.out, std::ios::binary);
  out << text.value();
  out.close();
  if (!out)
    return report_error(make_error(ErrorCode::kIo, fmt::format("cannot write {}", options.out)));
  fmt::print("Wrote {}: {} requests, Cordeau & Laporte's recipe, seed {}.\n", options.out,
             options.requests, options.seed);
  return 0;
}

}  // namespace sendplan::cli
