// `sendplan generate`: write a synthetic borough's pupils.csv, schools.csv and fleet.csv (see
// transport/generator.h) for trying the planner, or with --region those of several neighbouring
// boroughs that share schools (DIR/<label>/ each, ready for `sendplan pool`). All child-level
// data is synthetic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sendplan::cli {

struct GenerateOptions {
  std::string borough;              // e.g. "Hackney" (case-insensitive, "&" = "and")
  std::vector<std::string> region;  // or several boroughs, e.g. {"Croydon", "Sutton"}
  double cross_border_share = 0.2;  // --region: share of children at another borough's school
  int pupils = 0;                   // at least 1 (each borough's, with --region)
  std::uint64_t seed = 1;           // same seed, same files
  std::string out;                  // directory for the three CSV files (created if missing)
  std::string boundaries;           // borough boundaries GeoJSON; "" = default_boundaries_path()
};

// Exactly one of `borough` and `region` must be given; a region names each borough once.
// Exit code: 0 written; exit_code(ErrorCode) for errors (bad arguments, unknown borough,
// missing or malformed boundaries, write failures), reported on stderr.
int run_generate(const GenerateOptions& options);

}  // namespace sendplan::cli

namespace sendplan::cli {

// `sendplan generate-darp`: a random DARP instance by Cordeau & Laporte's recipe
// (io/darp_generator.h) written to `out` (Cordeau's format).
struct GenerateDarpOptions {
  int requests = 48;
  int vehicles = 0;  // 0 = requests/12 + 1
  std::uint64_t seed = 1;
  std::string out;
};
int run_generate_darp(const GenerateDarpOptions& options);

}  // namespace sendplan::cli
