// Writing the planner's five output files together into one directory: routes.csv,
// pupils.csv, summary.json, routes.geojson and route_sheets.html (see each writer's header).
//
// What happens on failure: every file is first rendered in memory, then written to a hidden
// temporary name in the same directory (".routes.csv.<pid>.tmp"), and only when all five are
// written and closed are they renamed over the final names. A failure while creating the
// directory or writing the temporaries removes the temporaries and leaves any earlier set of
// files untouched. Each rename replaces one file atomically (same directory, so same file
// system); the five renames are not atomic as a set, but a rename can fail only for a reason
// checked beforehand (a final name that is a directory) or an operating-system fault: then the
// error lists the files already replaced, and the rest keep their earlier contents.
// Not safe for two writers into the same directory at once.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "report/route_sheets.h"
#include "transport/day_plan.h"
#include "transport/inputs.h"

namespace sendplan::report {

struct ReportInputs {
  const transport::DayPlan& plan;
  const transport::DayPlan* current = nullptr;  // the borough's current routes, costed; optional
  const std::vector<transport::Pupil>& pupils;
  const std::vector<transport::School>& schools;
  nlohmann::json settings = nlohmann::json::object();  // written as summary.json's "settings"
  SheetHeading heading;
};

// The five file names, in the order they are written.
const std::vector<std::string>& report_file_names();

// The five files rendered in memory, in report_file_names() order: {name, content}.
std::vector<std::pair<std::string, std::string>> render_report_files(const ReportInputs& inputs);

// Creates `directory` when missing. kIo (message naming the file) on any failure.
Status write_report_files(const std::string& directory, const ReportInputs& inputs);

}  // namespace sendplan::report
