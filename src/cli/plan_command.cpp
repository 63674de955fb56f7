// `sendplan plan` implementation.
#include "cli/plan_command.h"

#include <fmt/format.h>

#include <cstdio>

#include "cli/planner_setup.h"
#include "cli/terminal.h"
#include "report/report_files.h"
#include "report/routes_csv_reader.h"
#include "report/settings_json.h"
#include "transport/readers.h"

namespace sendplan::cli {

namespace {

std::string default_title(const transport::TransportInputs& inputs) {
  std::string borough = inputs.pupils.empty() ? "" : inputs.pupils.front().borough;
  return borough.empty() ? "SEN transport" : borough + " SEN transport";
}

}  // namespace

int run_plan(const PlanOptions& options) {
  if (options.out.empty())
    return report_error(make_error(ErrorCode::kInvalidArgument, "--out DIR is required"));
  Result<PlannerSetup> made =
      make_planner_setup(options.solver, options.policy, options.travel, options.postcodes);
  if (!made) return report_error(made.error());
  const PlannerSetup& setup = made.value();

  // Every problem in every input file is listed before anything is planned or written.
  transport::InputResult<transport::TransportInputs> inputs = transport::read_transport_inputs(
      {options.pupils, options.schools, options.fleet}, setup.settings.policy, setup.directory());
  std::vector<transport::Problem> problems;
  if (!inputs) problems = inputs.problems();
  std::vector<transport::CurrentRoute> current;
  if (!options.current.empty()) {
    auto routes = report::read_current_routes(options.current);
    if (!routes) {
      problems.insert(problems.end(), routes.problems().begin(), routes.problems().end());
    } else if (inputs) {
      auto resolved =
          report::resolve_current_routes(routes.value(), inputs.value(), options.current);
      if (!resolved)
        problems.insert(problems.end(), resolved.problems().begin(), resolved.problems().end());
      else
        current = std::move(resolved).value();
    }
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
  Result<transport::PlannedDay> planned = [&] {
    PlanProgress progress;
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
  fmt::print(
      "Written to {}: routes.csv, pupils.csv, summary.json, routes.geojson, "
      "route_sheets.html\n",
      options.out);
  std::fflush(stdout);
  return day.summary.unserved == 0 && day.summary.over_limit == 0 ? 0 : 1;
}

}  // namespace sendplan::cli
