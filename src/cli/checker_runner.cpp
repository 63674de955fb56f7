// Checker invocation through /bin/sh (popen), output captured, exit status decoded.
#include "cli/checker_runner.h"

#include <fmt/format.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>

namespace sendplan::cli {

namespace {

std::optional<double> parse_cost(const std::string& output) {
  size_t at = output.find("cost=");
  if (at == std::string::npos) return std::nullopt;
  const char* begin = output.c_str() + at + 5;
  char* end = nullptr;
  double value = std::strtod(begin, &end);
  if (end == begin) return std::nullopt;
  return value;
}

}  // namespace

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

Result<CheckerVerdict> run_checker(const std::string& checker, const std::string& format,
                                   const std::string& instance, const std::string& solution) {
  std::string command =
      fmt::format("{} --format {} {} {} 2>&1", shell_quote(checker), shell_quote(format),
                  shell_quote(instance), shell_quote(solution));
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr)
    return make_error(ErrorCode::kIo, fmt::format("cannot start the checker {}", checker));
  CheckerVerdict verdict;
  std::array<char, 4096> buffer{};
  size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    verdict.output.append(buffer.data(), got);
  int status = ::pclose(pipe);

  if (status == -1 || !WIFEXITED(status))
    return make_error(ErrorCode::kInternal, fmt::format("the checker {} did not finish", checker));
  int code = WEXITSTATUS(status);
  if (code == 126 || code == 127)
    return make_error(ErrorCode::kNotFound,
                      fmt::format("cannot run the checker {}: {}", checker, verdict.output));
  if (code != 0 && code != 1)
    return make_error(ErrorCode::kInternal, fmt::format("the checker failed (exit {}) on {}: {}",
                                                        code, solution, verdict.output));
  verdict.feasible = code == 0;
  verdict.cost = parse_cost(verdict.output);
  return verdict;
}

}  // namespace sendplan::cli
