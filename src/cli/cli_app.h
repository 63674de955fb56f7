// The `sendplan` command line: parses arguments (CLI11) and dispatches to the commands.
#pragma once

namespace sendplan::cli {

// Runs the program; returns the process exit code (2 for usage errors).
int run_cli(int argc, char** argv);

}  // namespace sendplan::cli
