// The placements register as CSV, read and written: one row per fee period of a placement.
// Pure functions on text; safe from any thread.
//
// Columns, in the order written (a reader accepts any order; an absent optional column reads
// as blank; an unknown column is a problem):
//   placement_id   blank for a new placement, else a positive whole number
//   borough        required: the commissioning borough
//   child_ref      required: the borough's reference for the child, 1–32 letters, digits, '-'
//                  or '_' with at least one digit. References only, never a child's name: the
//                  register is shared across boroughs, and a name there would be personal data
//                  about a child with SEND.
//   need           required: the primary need's code ("asd"; a GIAS name is accepted too)
//   age            required: whole years 0..25
//   provider_id, provider_urn   at least one: the provider's register id (positive) or DfE URN
//   start_date     required, ISO YYYY-MM-DD;  end_date  blank while it lasts, else >= start_date
//   residential    yes or no; blank = no
//   fee_from       the date the fees on this row apply from: within start_date..end_date and
//                  after the previous row's (oldest first). Blank: start_date when a fee is
//                  given; a row with fee_from and all four fees blank records no fee at all
//                  (allowed only as the placement's one row).
//   fee_education, fee_care, fee_therapy, fee_other   whole pounds a year, >= 0; blank = 0
//   transport_cost whole pounds a year, >= 0; blank = 0
//   distance_km    kilometres from home by road, >= 0; blank = 0
// Required columns: borough, child_ref, need, age, start_date, fee_from, fee_education, and
// provider_id or provider_urn. The rows of one placement (the same placement_id or, for new
// ones, the same borough, child_ref, provider and start_date) are its fee history, and must
// agree on every column but fee_from and the fees. Every bad cell is reported with file, line,
// column and reason. A file written by write_placement_csv reads back to the same placements
// (FeePeriod's recorded_by and recorded_at are not in the file), and a file in that canonical
// form is written back byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "placements/placement.h"

namespace sendplan::placements {

const std::vector<std::string>& placement_csv_columns();

// True when `text` is shaped like a child reference (see child_ref above).
bool is_child_reference(std::string_view text);

// Placements in the order of their first row; `file` names the text in problems.
Checked<std::vector<Placement>> read_placement_csv(std::string_view text, const std::string& file);
// Reads the file at `path` (one kNotFound or kIo problem when it cannot be read).
Checked<std::vector<Placement>> load_placement_csv(const std::string& path);

// The header, then each placement's fee periods oldest first (one row with blank fee cells for
// a placement without fees); LF line ends.
std::string write_placement_csv(const std::vector<Placement>& placements);

}  // namespace sendplan::placements
