// Small helpers shared by the commands: is stderr a terminal, and reporting an Error.
#pragma once

#include "core/error.h"

namespace sendplan::cli {

// True when stderr is an interactive terminal (progress lines are drawn only then).
bool stderr_is_terminal();

// Prints "error: <error.to_string()>" to stderr and returns exit_code(error.code).
int report_error(const Error& error);

}  // namespace sendplan::cli
