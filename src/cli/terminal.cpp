// Terminal detection and error reporting for the commands.
#include "cli/terminal.h"

#include <fmt/format.h>
#include <unistd.h>

namespace sendplan::cli {

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

int report_error(const Error& error) {
  fmt::print(stderr, "error: {}\n", error.to_string());
  return exit_code(error.code);
}

}  // namespace sendplan::cli
