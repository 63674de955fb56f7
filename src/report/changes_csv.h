// changes.csv: what a plan update (or an edit) changed for each family, one row per child-run
// that changed. Columns, exactly:
// pupil_id,run,change,before_route,after_route,before_pickup,after_pickup,shift_minutes
// - change: joined (new child), left (no longer in the inputs), moved (home or school changed),
//   refitted (their route could no longer carry them), new route, or re-timed (same route,
//   another time);
// - before_/after_pickup: the collection time (HH:MM) before and after, blank when not planned;
//   shift_minutes: after - before, 1 decimal, blank unless planned both times.
// Cells holding a comma, quote, CR or LF are quoted (RFC 4180); a text cell a spreadsheet could run
// as a formula (starting =, +, -, @, tab or CR; not a number) is written with a leading ' and
// quoted (core/text.h csv_cell).
#pragma once

#include <string>

#include "transport/plan_edits.h"

namespace sendplan::report {

inline constexpr const char* kChangesCsvHeader =
    "pupil_id,run,change,before_route,after_route,before_pickup,after_pickup,shift_minutes";

// `report` may be null (an edit): then changes are "new route" or "re-timed" only.
std::string changes_csv(const transport::PlanDifference& difference,
                        const transport::UpdateReport* report);

}  // namespace sendplan::report
