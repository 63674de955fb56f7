// The 33 London boroughs as the placements layer needs them: canonical name, DfE LA number,
// sub-regional partnership and centroid, read from ../shared/data/boundaries/london_boroughs.csv
// (columns borough_name, dfe_la_code, sub_regional_partnership, centroid_lat, centroid_long).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "placements/placement_generator.h"

namespace sendplan::placements {

// kNotFound when the file is missing; kParse (file, line, column) for a bad row.
Result<std::vector<GeneratorBorough>> read_london_boroughs(const std::string& path);

std::vector<BoroughInfo> borough_infos(const std::vector<GeneratorBorough>& boroughs);

}  // namespace sendplan::placements
