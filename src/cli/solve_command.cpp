// `sendplan solve` implementation.
#include "cli/solve_command.h"

#include <fmt/format.h>

#include <cstdio>

#include "cli/plan_summary.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "io/instance_readers.h"
#include "io/plan_json.h"
#include "solver/solve.h"

namespace sendplan::cli {

int run_solve(const SolveOptions& options) {
  Result<io::InstanceFormat> format = io::parse_instance_format(options.format);
  if (!format) return report_error(format.error());
  Result<solver::SolverParameters> parameters = make_parameters(options.solver);
  if (!parameters) return report_error(parameters.error());
  Result<model::Problem> problem = io::read_instance(format.value(), options.instance);
  if (!problem) return report_error(problem.error());
  if (!problem.value().source_note().empty())
    fmt::print(stderr, "Read {} as the {}.\n", options.instance, problem.value().source_note());

  model::Plan plan;
  {
    ProgressLine progress(stderr_is_terminal());
    plan = solver::solve(problem.value(), parameters.value(),
                         [&progress](const solver::Progress& p) { progress.update(p); });
  }  // the progress line is erased here

  if (options.output.empty()) {
    fmt::print("{}\n", io::plan_to_json(plan, problem.value()).dump(2));
    std::fflush(stdout);
  } else if (Status written = io::write_plan_json(plan, problem.value(), options.output);
             !written) {
    return report_error(written.error());
  }

  fmt::print(stderr, "{}\n", plan_summary(plan, problem.value(), parameters.value()));
  if (!options.output.empty()) fmt::print(stderr, "Plan written to {}.\n", options.output);
  for (const std::string& line : unserved_lines(plan, problem.value()))
    fmt::print(stderr, "{}\n", line);
  return plan.unserved.empty() && plan.feasible ? 0 : 1;
}

}  // namespace sendplan::cli
