// `sendplan bench`: solve every benchmark instance of a set that has a best-known value, print a
// table of gaps (optionally double-checked by the independent checker) and a summary.
#pragma once

#include <string>
#include <vector>

#include "cli/solver_options.h"

namespace sendplan::cli {

struct BenchOptions {
  std::string set;        // darp | solomon | lilim
  std::string instances;  // directory searched recursively for *.txt
  std::string bks;        // BKS.csv
  SolverOptions solver;
  std::vector<std::string> only;  // instance names to keep (empty = all)
  std::string checker;            // sendplan_check path (empty = no checker)
  std::string solutions;          // where plan JSONs go (empty = a temporary directory)
  std::string csv;                // also write the table as CSV here (empty = no)
};

// Exit code: 0 when every instance ran (whatever the gaps); 1 when the checker disagrees with the
// solver; exit_code(ErrorCode) of the first error otherwise (bad directory, unreadable BKS, ...).
int run_bench(const BenchOptions& options);

}  // namespace sendplan::cli
