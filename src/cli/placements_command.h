// `sendplan placements ...`: the placements register from the command line.
//   import-providers FILE...     DfE provider lists, GIAS extracts or the register CSV
//   export-providers --out FILE  the provider register as CSV
//   import --borough B FILE      a borough's placements CSV (all or nothing)
//   export [--borough B] --out FILE
//   generate [--seed N --scale S] the synthetic London dataset (needs SEN2 need counts in the
//                                store: `sendplan import dfe` of the by-placement-type file)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sendplan::cli {

struct PlacementsOptions {
  std::string database = "sendplan.db";
  std::vector<std::string> files;
  std::string borough;
  std::string out;
  std::string shared;  // default: shared_or_default() (london_boroughs.csv)
  std::uint64_t seed = 1;
  double scale = 0.1;
};

int run_import_providers(const PlacementsOptions& options);
int run_export_providers(const PlacementsOptions& options);
int run_import_placements(const PlacementsOptions& options);
int run_export_placements(const PlacementsOptions& options);
int run_generate_placements(const PlacementsOptions& options);

}  // namespace sendplan::cli
