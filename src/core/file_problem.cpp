// Formatting file problems for people: one line each.
#include "core/file_problem.h"

#include <fmt/format.h>

namespace sendplan {

std::string FileProblem::to_string() const {
  std::string text = file;
  if (row > 0) text += fmt::format(":{}", row);
  text += ": ";
  if (!column.empty()) text += fmt::format("column '{}': ", column);
  return text + reason;
}

std::string format_problems(const std::vector<FileProblem>& problems) {
  std::string text;
  for (const FileProblem& problem : problems) text += problem.to_string() + '\n';
  return text;
}

Error problems_to_error(const std::vector<FileProblem>& problems) {
  std::string message =
      fmt::format("{} problem{} in the input:\n", problems.size(), problems.size() == 1 ? "" : "s");
  message += format_problems(problems);
  if (!message.empty() && message.back() == '\n') message.pop_back();
  SourceLocation where;
  if (!problems.empty()) where.file = problems.front().file;
  return make_error(ErrorCode::kInvalidInput, std::move(message), where);
}

}  // namespace sendplan
