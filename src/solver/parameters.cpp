#include "solver/parameters.h"

#include <fmt/format.h>

namespace sendplan::solver {

namespace {
Error bad(std::string message) {
  return make_error(ErrorCode::kInvalidArgument, std::move(message));
}
}  // namespace

Status SolverParameters::validate() const {
  if (time_limit_seconds <= 0 && max_iterations <= 0)
    return bad("give a time limit above 0 seconds or an iteration limit (or both)");
  if (max_iterations < 0) return bad("the iteration limit must not be negative");
  if (threads < 1 || threads > 64)
    return bad(fmt::format("threads must be 1..64, got {}", threads));
  if (!(min_removal_fraction > 0 && min_removal_fraction <= max_removal_fraction &&
        max_removal_fraction <= 1))
    return bad("removal fractions must satisfy 0 < min <= max <= 1");
  if (min_removed < 1 || max_removed < min_removed)
    return bad("removal counts must satisfy 1 <= min_removed <= max_removed");
  if (!(start_worse_fraction >= 0)) return bad("start_worse_fraction must not be negative");
  if (restarts < 0 || restarts > 1000) return bad("restarts must be 0..1000");
  if (decompose_min_requests < 0) return bad("decompose_min_requests must be 0 or more");
  if (!(end_temperature_ratio > 0 && end_temperature_ratio <= 1))
    return bad("end_temperature_ratio must be in (0, 1]");
  if (!(reaction >= 0 && reaction <= 1)) return bad("reaction must be in [0, 1]");
  if (segment_length < 1) return bad("segment_length must be at least 1");
  if (!(unserved_penalty_factor > 0)) return bad("unserved_penalty_factor must be positive");
  if (granular_neighbours < 0) return bad("granular_neighbours must not be negative");
  if (exchange_neighbours < 0) return bad("exchange_neighbours must not be negative");
  if (granular_min_requests < 0) return bad("granular_min_requests must not be negative");
  return {};
}

// clang-format off (clang-format 14 reflows this list differently on every run)
#define SENDPLAN_PARAMETER_FIELDS(X) \
  X(time_limit_seconds)              \
  X(max_iterations)                  \
  X(seed)                            \
  X(threads)                         \
  X(min_removal_fraction)            \
  X(max_removal_fraction)            \
  X(min_removed)                     \
  X(max_removed)                     \
  X(start_worse_fraction)            \
  X(end_temperature_ratio)           \
  X(restarts)                        \
  X(decompose_min_requests)          \
  X(one_trajectory)                  \
  X(score_new_best)                  \
  X(score_better)                    \
  X(score_accepted)                  \
  X(reaction)                        \
  X(segment_length)                  \
  X(local_search)                    \
  X(unserved_penalty_factor)         \
  X(granular_neighbours)             \
  X(exchange_neighbours)             \
  X(granular_min_requests)
// clang-format on

void to_json(nlohmann::json& json, const SolverParameters& p) {
  json = nlohmann::json::object();
#define SENDPLAN_WRITE(field) json[#field] = p.field;
  SENDPLAN_PARAMETER_FIELDS(SENDPLAN_WRITE)
#undef SENDPLAN_WRITE
}

Result<SolverParameters> parameters_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return bad("solver parameters must be a JSON object");
  SolverParameters p;
  for (const auto& [key, value] : json.items()) {
    bool known = false;
    try {
#define SENDPLAN_READ(field)                  \
  if (key == #field) {                        \
    p.field = value.get<decltype(p.field)>(); \
    known = true;                             \
  }
      SENDPLAN_PARAMETER_FIELDS(SENDPLAN_READ)
#undef SENDPLAN_READ
    } catch (const nlohmann::json::exception&) {
      return bad(fmt::format("solver parameter '{}' has the wrong type", key));
    }
    if (!known) return bad(fmt::format("unknown solver parameter '{}'", key));
  }
  if (Status s = p.validate(); !s) return s.error();
  return p;
}

}  // namespace sendplan::solver
