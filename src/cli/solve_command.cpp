// `sendplan solve` implementation.
#include "cli/solve_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cli/plan_summary.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "io/instance_readers.h"
#include "io/plan_json.h"
#include "io/vroom_reader.h"
#include "io/vroom_writer.h"
#include "solver/solve.h"

namespace sendplan::cli {

namespace {

using Clock = std::chrono::steady_clock;

model::Plan solve_with_progress(const model::Problem& problem,
                                const solver::SolverParameters& parameters) {
  ProgressLine progress(stderr_is_terminal());
  return solver::solve(problem, parameters,
                       [&progress](const solver::Progress& p) { progress.update(p); });
}  // the progress line is erased here

int64_t milliseconds_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// VROOM serves as many tasks as it can before it looks at cost. The solver weighs an unserved
// request at unserved_penalty_factor × (its largest sampled distance, at least 1), so the factor
// is raised until one unserved request costs more than any vehicle's fixed cost plus the longest
// detour an insertion can add (four legs), which makes serving always worth it.
solver::SolverParameters serve_first(const model::Problem& problem,
                                     solver::SolverParameters parameters) {
  double largest_leg = 0;
  for (int i = 0; i < problem.location_count(); ++i)
    for (int j = 0; j < problem.location_count(); ++j)
      largest_leg = std::max(largest_leg, problem.distance(i, j));
  double largest_request_cost = 0;
  for (const model::VehicleType& type : problem.vehicle_types())
    largest_request_cost =
        std::max(largest_request_cost, type.fixed_cost + 4 * type.cost_per_distance * largest_leg);
  parameters.unserved_penalty_factor =
      std::max(parameters.unserved_penalty_factor, 2 * largest_request_cost + 1);
  return parameters;
}

// `solve --format vroom`: VROOM's problem JSON in, VROOM's solution JSON out.
int run_solve_vroom(const SolveOptions& options, const solver::SolverParameters& parameters) {
  const Clock::time_point started = Clock::now();
  Result<io::VroomInstance> read = io::read_vroom(options.instance);
  if (!read) return report_error(read.error());
  const io::VroomInstance& instance = read.value();
  const model::Problem& problem = instance.problem;
  for (const std::string& note : instance.vroom.notes) fmt::print(stderr, "note: {}\n", note);
  const int64_t loading_ms = milliseconds_since(started);

  const solver::SolverParameters tuned = serve_first(problem, parameters);
  const Clock::time_point solving = Clock::now();
  const model::Plan plan = solve_with_progress(problem, tuned);
  const io::VroomTimings timings{loading_ms, milliseconds_since(solving)};

  if (options.output.empty()) {
    fmt::print("{}\n", io::vroom_solution_to_json(instance, plan, timings).dump(2));
    std::fflush(stdout);
  } else if (Status written = io::write_vroom_solution(instance, plan, timings, options.output);
             !written) {
    return report_error(written.error());
  }

  fmt::print(stderr, "{}\n", plan_summary(plan, problem, tuned));
  if (!options.output.empty()) fmt::print(stderr, "Solution written to {}.\n", options.output);
  for (const std::string& line : unserved_lines(plan, problem)) fmt::print(stderr, "{}\n", line);
  for (const io::VroomUnassignable& left_out : instance.vroom.unassignable) {
    const io::VroomRequest& request = left_out.request;
    fmt::print(stderr, "unserved request {}: {}\n",
               request.kind == io::VroomRequestKind::kJob
                   ? fmt::format("job {}", request.job.id)
                   : fmt::format("shipment {}-{}", request.pickup.id, request.delivery.id),
               left_out.reason);
  }
  const bool all_served = plan.unserved.empty() && instance.vroom.unassignable.empty();
  return all_served && plan.feasible ? 0 : 1;
}

}  // namespace

int run_solve(const SolveOptions& options) {
  Result<io::InstanceFormat> format = io::parse_instance_format(options.format);
  if (!format) return report_error(format.error());
  Result<solver::SolverParameters> parameters = make_parameters(options.solver);
  if (!parameters) return report_error(parameters.error());
  if (format.value() == io::InstanceFormat::kVroom)
    return run_solve_vroom(options, parameters.value());
  Result<model::Problem> problem = io::read_instance(format.value(), options.instance);
  if (!problem) return report_error(problem.error());
  if (!problem.value().source_note().empty())
    fmt::print(stderr, "Read {} as the {}.\n", options.instance, problem.value().source_note());

  const model::Plan plan = solve_with_progress(problem.value(), parameters.value());

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
