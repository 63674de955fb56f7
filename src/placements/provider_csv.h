// sendplan's own provider register as CSV, read and written. Pure functions on text; safe from
// any thread.
//
// The register's columns, in the order written (the header names them; a reader accepts them in
// any order, and only `name` and `type` are required; an absent column reads as blank):
//   id                     blank for a new provider, else a positive whole number
//   urn                    blank, or the DfE unique reference number (digits)
//   name                   required
//   type                   a provider type code ("independent-special", ...; the name is
//                          accepted too, any case)
//   la_number              blank, or the DfE 3-digit LA number
//   local_authority        free text
//   postcode               blank, or a UK postcode (any spacing or case; stored as "SW1A 1AA")
//   latitude, longitude    both blank, or both WGS84 degrees within Great Britain
//   age_low, age_high      both blank (unknown), or whole years 0..25 with low <= high, high >= 1
//   needs                  need codes separated by ';' ("asd;semh"); blank = unknown; written in
//                          the order of Need
//   boarding               day, residential or both; blank = day
//   wheelchair_accessible  yes or no; blank = no
//   capacity               blank (unknown) or at least 1
//   places_commissioned    whole number >= 0, not above a known capacity; blank = 0
//   vacancies              whole number >= 0, not above a known capacity; blank = 0
//   ofsted_grade           blank, or 1 (outstanding) .. 4 (inadequate)
//   ofsted_date            blank, or an ISO date 2019-05-31
//   section41              yes or no; blank = no
//   source                 free text
// A file written by write_provider_csv reads back to the same providers, and a file in that
// canonical form is written back byte for byte. An unknown or repeated column, a missing
// required column, every bad cell, and repeated ids or URNs are all reported.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "placements/cell_reader.h"  // detail::CellReader and the shared helpers
#include "placements/provider.h"

namespace sendplan::placements {

// The register's columns in the order write_provider_csv writes them.
const std::vector<std::string>& provider_csv_columns();

// `file` names the text in the problems.
Checked<std::vector<Provider>> read_provider_csv(std::string_view text, const std::string& file);
// Reads the file at `path` (one kNotFound or kIo problem when it cannot be read).
Checked<std::vector<Provider>> load_provider_csv(const std::string& path);

// The header and one row per provider, LF line ends, fields quoted only when they need it.
std::string write_provider_csv(const std::vector<Provider>& providers);

}  // namespace sendplan::placements
