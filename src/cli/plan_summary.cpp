// Plan summaries for the terminal.
#include "cli/plan_summary.h"

#include <fmt/format.h>

#include <cmath>

namespace sendplan::cli {

std::string plan_summary(const model::Plan& plan, const model::Problem& problem,
                         const solver::SolverParameters& parameters) {
  const int total = problem.request_count();
  const int served = total - static_cast<int>(plan.unserved.size());
  std::string text = fmt::format("{}: cost {:.2f}", plan.instance, plan.cost);
  if (std::abs(plan.distance - plan.cost) > 1e-9)
    text += fmt::format(" (distance {:.2f})", plan.distance);
  text += fmt::format(" with {} vehicle{}, {}/{} requests served", plan.vehicles_used,
                      plan.vehicles_used == 1 ? "" : "s", served, total);
  if (plan.unserved.empty() && !plan.feasible) text += " (the plan breaks a constraint)";
  const auto& stats = plan.statistics;
  text +=
      fmt::format(". {} iterations in {:.2f} s (seed {}, {} thread{})", stats.iterations,
                  stats.elapsed_seconds, stats.seed, stats.threads, stats.threads == 1 ? "" : "s");
  if (parameters.max_iterations > 0 && stats.iterations < parameters.max_iterations &&
      parameters.time_limit_seconds > 0)
    text += fmt::format("; the {:g} s time limit stopped the search before {} iterations",
                        parameters.time_limit_seconds, parameters.max_iterations);
  return text + ".";
}

std::vector<std::string> unserved_lines(const model::Plan& plan, const model::Problem& problem) {
  std::vector<std::string> lines;
  for (const model::UnservedRequest& u : plan.unserved) {
    std::string name = u.request >= 0 && u.request < problem.request_count()
                           ? problem.request(u.request).name
                           : fmt::format("#{}", u.request);
    lines.push_back(fmt::format("unserved request {}: {}", name, u.reason));
  }
  return lines;
}

}  // namespace sendplan::cli
