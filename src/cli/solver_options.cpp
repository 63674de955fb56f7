// SolverOptions -> SolverParameters. `--time-limit 0` switches the wall-clock limit off, which
// SolverParameters::validate accepts only together with an iteration limit.
#include "cli/solver_options.h"

#include <fmt/format.h>

#include <cmath>

#include "io/file_text.h"

namespace sendplan::cli {

namespace {
Error bad(std::string message) {
  return make_error(ErrorCode::kInvalidArgument, std::move(message));
}
}  // namespace

Result<solver::SolverParameters> make_parameters(const SolverOptions& options) {
  if (!std::isfinite(options.time_limit_seconds) || options.time_limit_seconds < 0)
    return bad("--time-limit must be a number of seconds, 0 or more");
  if (options.iterations < 0) return bad("--iterations must not be negative");
  if (options.seed < 0) return bad("--seed must not be negative");
  if (options.time_limit_seconds == 0 && options.iterations == 0)
    return bad("--time-limit 0 means no time limit; give --iterations N as well");

  solver::SolverParameters parameters;
  if (!options.parameters_file.empty()) {
    Result<std::string> text = io::detail::read_text_file(options.parameters_file);
    if (!text) return text.error();
    nlohmann::json json = nlohmann::json::parse(text.value(), nullptr, false);
    if (json.is_discarded())
      return bad(fmt::format("--parameters {}: not valid JSON", options.parameters_file));
    Result<solver::SolverParameters> read = solver::parameters_from_json(json);
    if (!read)
      return bad(fmt::format("--parameters {}: {}", options.parameters_file, read.error().message));
    parameters = read.value();
  }
  parameters.time_limit_seconds = options.time_limit_seconds;
  parameters.max_iterations = options.iterations;
  parameters.seed = static_cast<uint64_t>(options.seed);
  parameters.threads = options.threads;
  if (Status status = parameters.validate(); !status) return status.error();
  return parameters;
}

}  // namespace sendplan::cli
