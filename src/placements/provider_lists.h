// Readers for the DfE's published lists of independent special schools, as CSV (the files in
// ../shared/data/inmss, UTF-8). Each file is recognised by its header; the result is one
// Provider per institution, in file order. Pure functions on text; safe from any thread.
//
// Layouts accepted (column names exact, any order; other columns are an unknown layout):
// - Section 41 list: local_authority, institution_trading_name, institution_type,
//   date_approved_s41 (or the GOV.UK original's: "Local authority", "Institution trading name
//   (1)", "Independent special school / Special post-16 institution", "Date approved under
//   section 41"). institution_type is "Independent special school" (→ kIndependentSpecial) or
//   "Special post-16 institution" (→ kSpecialPost16), any case; the date is Mon-YY ("Aug-16").
//   The file continues the GOV.UK original's sections: a row repeating the original header
//   starts one, and its last cell says which: "Date approved under section 41" (more approved
//   institutions) or "Date removed from list" (institutions no longer approved: kept, with
//   section41 = false and the removal month in `source`). local_authority is free text, so
//   la_number stays "".
// - Independent special schools not approved under section 41: dfe_la_code (3 digits),
//   local_authority, school_name, section41_approval: "No" (→ kIndependentSpecial) or "Not
//   applicable" (non-maintained special schools, → kNonMaintainedSpecial); section41 = false.
// Names have runs of white space (including line breaks inside quotes) made one space, and a
// soft hyphen (U+00AD, a lost dash in the source) made "-".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "placements/provider.h"

namespace sendplan::placements {

enum class ProviderListLayout {
  kSection41,                // special schools and colleges approved under section 41
  kIndependentNotSection41,  // independent and non-maintained special schools, not s41
};
const char* provider_list_layout_name(ProviderListLayout layout);

struct ProviderList {
  ProviderListLayout layout = ProviderListLayout::kSection41;
  std::vector<Provider> providers;  // file order
  int removed_from_section41 = 0;   // section 41 list: rows under "Date removed from list"
};

// `file` names the text in problems, and its date gives `source`: "DfE section 41 list
// (2022-03-22)" for ..._2022_03_22.csv, "DfE independent special schools list (2022)" for
// ..._2022.csv. Problems: kParse for an unknown header (listing the layouts known), and one per
// bad cell (empty name, unknown type, bad date or LA number, unknown section heading).
Checked<ProviderList> read_provider_list(std::string_view text, const std::string& file);
// Reads the file at `path` (one kNotFound or kIo problem when it cannot be read).
Checked<ProviderList> load_provider_list(const std::string& path);

}  // namespace sendplan::placements
