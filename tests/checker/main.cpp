// sendplan_check: independent feasibility check of a solver JSON output against a benchmark
// instance. Exit 0 feasible, 1 infeasible, 2 usage error or unreadable/malformed file.
#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return sendplan::check::run_cli(args, std::cout, std::cerr);
}
