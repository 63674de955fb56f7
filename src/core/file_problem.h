// File problems: every fault found in an input file, with the file, the 1-based line (row 1 is
// the header) and the column name, so a person can fix them all in one pass. The planner's
// readers (transport::Problem) and the practice repository's importers report them. A reader
// returns Checked<T, FileProblem> (core/checked.h): a value or the full list of problems (never
// a partial value).
#pragma once

#include <string>
#include <vector>

#include "core/checked.h"
#include "core/error.h"

namespace sendplan {

struct FileProblem {
  std::string file;    // as the caller named it, e.g. "pupils.csv"
  int row = 0;         // 1-based line in the file; 0 = the file as a whole
  std::string column;  // CSV column name; "" when the problem is not about one column
  std::string reason;  // what is wrong, in words, quoting the bad value

  // "pupils.csv:12: column 'wheelchair': expected yes or no, got 'maybe'".
  std::string to_string() const;
};

// One line per problem, each ending in '\n'.
std::string format_problems(const std::vector<FileProblem>& problems);
// kInvalidInput carrying the problems as its message (one per line), for Result<T> callers
// such as the CLI exit code; where.file is the first problem's file.
Error problems_to_error(const std::vector<FileProblem>& problems);

// For Checked<T, FileProblem>::error(): problems_to_error.
inline Error combine_problems(const std::vector<FileProblem>& problems) {
  return problems_to_error(problems);
}

}  // namespace sendplan
