// Folding a list of problems into one Error (see the header).
#include "core/checked.h"

#include <fmt/format.h>

namespace sendplan {

Error combine_problems(const std::vector<Error>& problems) {
  if (problems.empty()) return make_error(ErrorCode::kInternal, "no problems to report");
  std::string message =
      fmt::format("{} problem{}:", problems.size(), problems.size() == 1 ? "" : "s");
  for (const Error& problem : problems) message += "\n" + problem.to_string();
  return make_error(problems.front().code, std::move(message), problems.front().where);
}

}  // namespace sendplan
