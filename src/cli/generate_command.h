// `sendplan generate`: write a synthetic borough's pupils.csv, schools.csv and fleet.csv (see
// transport/generator.h) for trying the planner. All child-level data is synthetic.
#pragma once

#include <cstdint>
#include <string>

namespace sendplan::cli {

// Where the boundaries are looked for when --boundaries is not given (relative to the current
// directory, i.e. run from the repository root with ../shared beside it).
inline constexpr const char* kDefaultBoundariesPath =
    "../shared/data/boundaries/london_boroughs_gla.geojson";

struct GenerateOptions {
  std::string borough;     // e.g. "Hackney" (case-insensitive, "&" = "and")
  int pupils = 0;          // at least 1
  std::uint64_t seed = 1;  // same seed, same files
  std::string out;         // directory for the three CSV files (created if missing)
  std::string boundaries;  // GeoJSON of borough boundaries; empty = kDefaultBoundariesPath
};

// Exit code: 0 written; exit_code(ErrorCode) for errors (bad arguments, unknown borough,
// missing or malformed boundaries, write failures), reported on stderr.
int run_generate(const GenerateOptions& options);

}  // namespace sendplan::cli
