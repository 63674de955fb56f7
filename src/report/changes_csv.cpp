// changes.csv: one row per child-run a plan change touched.
#include "report/changes_csv.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/text_format.h"

namespace sendplan::report {

namespace {

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::string changes_csv(const transport::PlanDifference& difference,
                        const transport::UpdateReport* report) {
  std::string text = std::string(kChangesCsvHeader) + '\n';
  for (const transport::ChildChange& change : difference.children) {
    const bool before = !change.before_route.empty();
    const bool after = !change.after_route.empty();
    std::string what = change.before_route == change.after_route ? "re-timed" : "new route";
    if (report != nullptr) {
      if (listed(report->joined, change.pupil_id)) what = "joined";
      if (listed(report->moved, change.pupil_id)) what = "moved";
      if (listed(report->refitted, change.pupil_id)) what = "refitted";
    }
    text += detail::csv_line(
        {change.pupil_id, transport::run_name(change.run), what, change.before_route,
         change.after_route, before ? detail::clock_time(change.before_pickup) : "",
         after ? detail::clock_time(change.after_pickup) : "",
         before && after ? fmt::format("{:.1f}", change.pickup_shift_minutes()) : ""});
  }
  if (report != nullptr) {
    for (const std::string& id : report->left)
      for (const char* run : {"AM", "PM"})
        text += detail::csv_line({id, run, "left", "", "", "", "", ""});
  }
  return text;
}

}  // namespace sendplan::report
