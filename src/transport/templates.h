// Blank-form templates for the three input files: a header row and two example rows each, with
// synthetic values only (no real children or addresses) and coordinates rather than postcodes,
// so they parse without a postcode directory. For `sendplan` to print and docs/reference/file-formats.md to show.
#pragma once

#include <string>

namespace sendplan::transport {

std::string pupils_template();
std::string schools_template();
std::string fleet_template();

}  // namespace sendplan::transport
