// Best-known-solution tables (../shared/benchmarks/*/BKS.csv): header row, then one row per
// instance. Quoted fields may contain commas. Which column holds the value to compare with is
// chosen by name (e.g. "bks_cost" or "bks_distance_only_cost").
#pragma once

#include <map>
#include <string>

#include "core/result.h"

namespace sendplan::io {

// Map instance name -> value of `column`. Errors name the file, line and reason (unknown column,
// missing field, non-numeric value).
Result<std::map<std::string, double>> read_bks_csv(const std::string& path,
                                                   const std::string& column);

}  // namespace sendplan::io
