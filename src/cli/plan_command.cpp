// `sendplan plan` implementation.
#include "cli/plan_command.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

#include "cli/planner_setup.h"
#include "cli/terminal.h"
#include "report/changes_csv.h"
#include "report/report_files.h"
#include "report/routes_csv_reader.h"
#include "report/settings_json.h"
#include "transport/plan_edits.h"
#include "transport/readers.h"

namespace sendplan::cli {

namespace {

std::string default_title(const transport::TransportInputs& inputs) {
  std::string borough = inputs.pupils.empty() ? "" : inputs.pupils.front().borough;
  return borough.empty() ? "SEN transport" : borough + " SEN transport";
}

}  // namespace

// The plan in force, as update_day takes it.
std::vector<transport::PreviousRoute> previous_routes(
    const std::vector<report::CurrentRoute>& routes) {
  std::vector<transport::PreviousRoute> out;
  for (const report::CurrentRoute& route : routes) {
    transport::PreviousRoute previous{route.run, route.route_id, route.vehicle_type, {}};
    for (const report::CurrentStop& stop : route.stops)
      previous.stops.push_back({stop.pupil_id, stop.pickup, stop.place, stop.location, stop.time});
    out.push_back(std::move(previous));
  }
  return out;
}

// Reads a routes.csv-layout file and resolves it against the inputs, adding any problem.
std::vector<transport::CurrentRoute> resolved_routes(
    const std::string& path, const Checked<transport::TransportInputs, transport::Problem>& inputs,
    std::vector<transport::Problem>& problems) {
  auto routes = report::read_current_routes(path);
  if (!routes) {
    problems.insert(problems.end(), routes.problems().begin(), routes.problems().end());
    return {};
  }
  if (!inputs) return {};
  auto resolved = report::resolve_current_routes(routes.value(), inputs.value(), path);
  if (!resolved) {
    problems.insert(problems.end(), resolved.problems().begin(), resolved.problems().end());
    return {};
  }
  return std::move(resolved).value();
}

std::string update_text(const transport::UpdateReport& report) {
  const transport::PlanDifference& d = report.difference;
  double largest = 0;
  int retimed = 0;
  for (const transport::ChildChange& change : d.children) {
    if (change.before_route.empty() || change.after_route.empty()) continue;
    ++retimed;
    largest = std::max(largest, std::abs(change.pickup_shift_minutes()));
  }
  return fmt::format(
      "Update: {} joined, {} left, {} moved, {} re-fitted; {} routes kept as they were, {} "
      "changed, {} added, {} removed; {} child-runs whose times or route changed (largest "
      "collection-time shift {:.0f} min); cost {} a day",
      report.joined.size(), report.left.size(), report.moved.size(), report.refitted.size(),
      report.routes_kept, d.routes_changed.size(), d.routes_added.size(), d.routes_removed.size(),
      retimed, largest,
      (d.cost_per_day_change_pence >= 0 ? "+" : "") + money(d.cost_per_day_change_pence));
}

int run_plan(const PlanOptions& options) {
  if (options.out.empty())
    return report_error(make_error(ErrorCode::kInvalidArgument, "--out DIR is required"));
  if (!options.locked.empty() && !options.update.empty())
    return report_error(make_error(ErrorCode::kInvalidArgument,
                                   "give --locked or --update, not both: an update keeps every "
                                   "route it can already"));
  if (options.max_time_shift < 0 || options.max_time_shift > 120)
    return report_error(make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("--max-time-shift must be 0 to 120 minutes, got {}", options.max_time_shift)));
  Result<PlannerSetup> made =
      make_planner_setup(options.solver, options.policy, options.travel, options.postcodes);
  if (!made) return report_error(made.error());
  const PlannerSetup& setup = made.value();

  // Every problem in every input file is listed before anything is planned or written.
  Checked<transport::TransportInputs, transport::Problem> inputs = transport::read_transport_inputs(
      {options.pupils, options.schools, options.fleet}, setup.settings.policy, setup.directory());
  std::vector<transport::Problem> problems;
  if (!inputs) problems = inputs.problems();
  std::vector<transport::CurrentRoute> current;
  if (!options.current.empty()) current = resolved_routes(options.current, inputs, problems);
  std::vector<transport::CurrentRoute> locked;
  if (!options.locked.empty()) locked = resolved_routes(options.locked, inputs, problems);
  std::vector<transport::PreviousRoute> in_force;
  if (!options.update.empty()) {
    // Children in the plan in force who are not in pupils.csv have left: not a problem.
    auto routes = report::read_current_routes(options.update);
    if (!routes)
      problems.insert(problems.end(), routes.problems().begin(), routes.problems().end());
    else
      in_force = previous_routes(routes.value());
  }
  if (!problems.empty()) {
    report_error(transport::problems_to_error(problems));
    say("Nothing was written.");
    return exit_code(ErrorCode::kInvalidInput);
  }
  const transport::TransportInputs& in = inputs.value();
  say(fmt::format("Read {} pupils, {} schools, {} vehicle types.", in.pupils.size(),
                  in.schools.size(), in.fleet.size()));

  say(fmt::format("Travel times: {} ...", setup.travel->description()));
  Result<transport::DayMatrices> matrices = transport::day_matrices(in, *setup.travel);
  if (!matrices) return report_error(matrices.error());
  for (const std::string& note : matrices.value().morning.notes) say("warning: " + note);
  say(fmt::format("Planning the AM and PM runs at the same time ({} s) ...",
                  setup.settings.solver.time_limit_seconds));
  std::optional<transport::UpdateReport> update;
  Result<transport::PlannedDay> planned = [&]() -> Result<transport::PlannedDay> {
    PlanProgress progress;
    if (!options.update.empty()) {
      transport::UpdateSettings settings;
      settings.max_time_shift_minutes = options.max_time_shift;
      Result<transport::UpdatedDay> updated = transport::update_day(
          in, std::move(matrices).value(), setup.settings, in_force, settings);
      if (!updated) return updated.error();
      update = std::move(updated.value().report);
      return std::move(updated.value().planned);
    }
    if (!options.locked.empty())
      return transport::plan_around(in, std::move(matrices).value(), setup.settings, locked,
                                    progress.callback());
    return transport::plan_day(in, std::move(matrices).value(), setup.settings,
                               progress.callback());
  }();
  if (!planned) return report_error(planned.error());
  const transport::DayPlan& day = planned.value().day;

  std::optional<transport::DayPlan> today;
  if (!options.current.empty())
    today = transport::cost_current_routes(in, planned.value().matrices, current, setup.settings);

  const report::ReportInputs files{
      day,
      today ? &*today : nullptr,
      in.pupils,
      in.schools,
      report::settings_json(setup.settings, *setup.travel, options.postcodes),
      {options.title.empty() ? default_title(in) : options.title, today_iso(),
       setup.travel->description()}};
  if (Status written = report::write_report_files(options.out, files); !written)
    return report_error(written.error());
  if (update) {
    const std::string path = (std::filesystem::path(options.out) / "changes.csv").string();
    std::ofstream file(path, std::ios::binary);
    file << report::changes_csv(update->difference, &*update);
    if (!file.flush()) return report_error(make_error(ErrorCode::kIo, "cannot write " + path));
  }

  fmt::print("{}\n", day_summary_text(day));
  if (today) {
    fmt::print("{}\n", day_summary_text(*today));
    const std::int64_t saving = today->summary.cost.total_pence() - day.summary.cost.total_pence();
    fmt::print("Saving against current routes: {} a day, {} a year.\n", money(saving),
               money(saving * day.summary.school_days_per_year));
  }
  int shown = 0;
  for (const transport::PupilRun& run : day.pupil_runs) {
    if (run.compliant) continue;
    if (++shown > 20) continue;
    fmt::print(stderr, "{} {}: {}\n", run.pupil_id, transport::run_name(run.run), run.reason);
  }
  if (shown > 20) fmt::print(stderr, "... and {} more (see pupils.csv)\n", shown - 20);
  if (day.fleet_advice) fmt::print(stderr, "Fleet: {}\n", day.fleet_advice->text);
  if (day.summary.over_guidance_unavoidable > 0)
    fmt::print(stderr,
               "{} child-runs are over guidance but unavoidably so (their direct journey is "
               "longer than their limit): see over_guidance_unavoidable in summary.json\n",
               day.summary.over_guidance_unavoidable);
  if (update) fmt::print("{}\n", update_text(*update));
  fmt::print(
      "Written to {}: routes.csv, pupils.csv, summary.json, routes.geojson, "
      "route_sheets.html{}\n",
      options.out, update ? ", changes.csv" : "");
  std::fflush(stdout);
  return day.summary.unserved == 0 && day.summary.over_limit == 0 ? 0 : 1;
}

}  // namespace sendplan::cli
