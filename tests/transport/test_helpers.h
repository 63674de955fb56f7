// Helpers for the transport reader tests: finding a problem by row and column.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "transport/problems.h"

namespace sendplan::transport::testing {

// The problems as text, for failure messages.
inline std::string dump(const std::vector<Problem>& problems) {
  return format_problems(problems);
}

// True when some problem is at `row` and `column` and its reason contains `reason_part`.
inline bool has_problem(const std::vector<Problem>& problems, int row, const std::string& column,
                        const std::string& reason_part) {
  for (const Problem& problem : problems) {
    if (problem.row == row && problem.column == column &&
        problem.reason.find(reason_part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace sendplan::transport::testing
