// A reader for a GIAS "all establishment data" extract (edubasealldataYYYYMMDD.csv, downloaded
// by the user from Get Information About Schools): the special schools and the mainstream
// schools' resourced provisions and SEN units, as Providers. And the Windows-1252 → UTF-8
// conversion the real file needs. Pure functions on text; safe from any thread.
//
// Columns required (names exactly as in GIAS's header; any order; other columns ignored):
//   URN, LA (code), LA (name), EstablishmentName, TypeOfEstablishment (code),
//   EstablishmentStatus (name), StatutoryLowAge, StatutoryHighAge, Boarders (name),
//   SchoolCapacity, NumberOfPupils, Postcode, Easting, Northing, SEN1 (name),
//   TypeOfResourcedProvision (name), ResourcedProvisionCapacity, ResourcedProvisionOnRoll,
//   OfstedRating (name), OfstedLastInsp
// Used when present: SEN2 (name) .. SEN13 (name), SenUnitCapacity, SenUnitOnRoll,
//   Section41Approved (name) ("Approved" → section41).
//
// Kept: establishments whose status is "Open" or "Open, but proposed to close" and either
// - of a special type: 7 community and 12 foundation special (kMaintainedSpecial), 8
//   non-maintained special (kNonMaintainedSpecial), 10 other independent special
//   (kIndependentSpecial), 32 special post 16 (kSpecialPost16), 33 academy special sponsor led,
//   36 free school special and 44 academy special converter (kAcademySpecial); capacity is
//   SchoolCapacity and vacancies max(0, SchoolCapacity − NumberOfPupils) when both are known;
// - or of any other type with a resourced provision or SEN unit (TypeOfResourcedProvision
//   neither blank nor "Not applicable") whose capacity (ResourcedProvisionCapacity plus
//   SenUnitCapacity) is above 0: kResourcedProvision, with that capacity and vacancies
//   max(0, capacity − the provision's pupils on roll) when the roll is known.
// Needs come from SEN1..SEN13 ("ASD - Autistic Spectrum Disorder", ...); boarding from
// Boarders (name): "No boarders" → day, "Has boarders" → both, "Boarding school" →
// residential, anything else → day; location from Easting/Northing (British National Grid,
// converted to WGS84; blank or 0,0 = unknown); Ofsted grade from OfstedRating (name):
// Outstanding 1, Good 2, Requires improvement 3, Inadequate, Serious Weaknesses and Special
// Measures 4, else none; OfstedLastInsp dd-mm-yyyy (or dd/mm/yyyy) becomes ISO yyyy-mm-dd.
// StatutoryHighAge above 25 (adult provision) is read as 25, the end of SEND support.
// Numbers blank or 0 are unknown. Only the kept rows' cells are checked (and the type code and
// status of every row): each bad one is a problem with file, line, column and reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text_encoding.h"  // is_valid_utf8, windows1252_to_utf8
#include "placements/provider.h"

namespace sendplan::placements {

// Windows-1252 bytes as UTF-8 (core/text_encoding.h).
using sendplan::windows1252_to_utf8;
// `bytes` unchanged when they are valid UTF-8 (a real Windows-1252 text with any byte above
// 0x7F almost never is), else converted from Windows-1252; `converted` (if given) says which.
std::string text_as_utf8(std::string_view bytes, bool* converted = nullptr);

struct GiasExtract {
  std::vector<Provider> providers;  // the kept establishments, in file order
  int rows = 0;                     // data rows read
  int not_open = 0;                 // rows skipped as closed or not yet open
  int not_special = 0;              // open rows neither special nor with a resourced provision
  bool converted_from_windows1252 = false;
};

// `bytes` is the file's content in either encoding; `file` names it in problems, and its
// 8-digit date gives `source` ("GIAS 20250422" for edubasealldata20250422.csv; else "GIAS").
// Problems: kParse for malformed CSV, missing columns (all listed at once) or a malformed cell;
// kInvalidInput for an impossible value (negative capacity, low age above high age, a URN kept
// twice, ...).
Checked<GiasExtract> read_gias_extract(std::string_view bytes, const std::string& file);
// Reads the file at `path` (one kNotFound or kIo problem when it cannot be read).
Checked<GiasExtract> load_gias_extract(const std::string& path);

}  // namespace sendplan::placements
