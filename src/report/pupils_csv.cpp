// pupils.csv: one row per child-run.
#include "report/pupils_csv.h"

#include <fmt/format.h>

#include "report/text_format.h"

namespace sendplan::report {

std::string pupils_csv(const transport::DayPlan& plan) {
  std::string text = std::string(kPupilsCsvHeader) + '\n';
  for (const transport::PupilRun& child : plan.pupil_runs) {
    const bool served = !child.route_id.empty();
    text += detail::csv_line({child.pupil_id, transport::run_name(child.run), child.route_id,
                              served ? detail::clock_time(child.pickup) : "",
                              served ? detail::clock_time(child.dropoff) : "",
                              served ? fmt::format("{:.1f}", child.ride_minutes) : "",
                              std::to_string(child.limit_minutes),
                              fmt::format("{:.1f}", child.direct_minutes),
                              fmt::format("{:.1f}", child.allowed_minutes),
                              served ? transport::limit_group_name(child.group) : "",
                              served ? fmt::format("{:.1f}", child.excess_minutes) : "",
                              child.compliant ? "yes" : "no", child.reason, child.note});
  }
  return text;
}

}  // namespace sendplan::report
