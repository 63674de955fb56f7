// Input problems: every fault found in a planner input file, with the file, the 1-based line
// (row 1 is the header) and the column name, so a person can fix them all in one pass.
// InputResult<T> is a value or the full list of problems (never a partial value).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"

namespace sendplan::transport {

struct Problem {
  std::string file;    // as the caller named it, e.g. "pupils.csv"
  int row = 0;         // 1-based line in the file; 0 = the file as a whole
  std::string column;  // CSV column name; "" when the problem is not about one column
  std::string reason;  // what is wrong, in words, quoting the bad value

  // "pupils.csv:12: column 'wheelchair': expected yes or no, got 'maybe'".
  std::string to_string() const;
};

// One line per problem, each ending in '\n'.
std::string format_problems(const std::vector<Problem>& problems);
// kInvalidInput carrying the problems as its message (one per line), for Result<T> callers
// such as the CLI exit code; where.file is the first problem's file.
Error problems_to_error(const std::vector<Problem>& problems);

template <typename T>
class [[nodiscard]] InputResult {
 public:
  InputResult(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  // `problems` must not be empty.
  InputResult(std::vector<Problem> problems) : state_(std::move(problems)) {  // NOLINT
    assert(!std::get<std::vector<Problem>>(state_).empty());
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }
  const std::vector<Problem>& problems() const {
    assert(!ok());
    return std::get<std::vector<Problem>>(state_);
  }
  Error error() const { return problems_to_error(problems()); }

 private:
  std::variant<T, std::vector<Problem>> state_;
};

}  // namespace sendplan::transport
