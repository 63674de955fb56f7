// Checked<T, P>: a value, or every problem found while making it (never a partial value), for
// readers that carry on past a bad cell so that a person can fix a whole file in one pass. Beside
// Result<T>, which stops at the first Error.
//
// P is the problem type: Error (file, line, column, reason; the default, as the CSV readers and
// the placements importers report them) or a layer's own (transport::Problem names the column).
// error() folds the problems into one Error for Result<T> callers and the CLI exit code, through
// `combine_problems(const std::vector<P>&)`, found beside P.
#pragma once

#include <cassert>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/value_or.h"

namespace sendplan {

// One Error for a list of Errors: the first problem's code and location, and a message of "N
// problems:" followed by one "file:line:column: reason" line per problem.
Error combine_problems(const std::vector<Error>& problems);

template <typename T, typename P = Error>
class [[nodiscard]] Checked : public ValueOr<T, std::vector<P>> {
 public:
  Checked(T value) : ValueOr<T, std::vector<P>>(std::move(value)) {}  // NOLINT: implicit
  // `problems` must not be empty.
  Checked(std::vector<P> problems)  // NOLINT: implicit by design
      : ValueOr<T, std::vector<P>>(std::move(problems)) {
    assert(!this->ok() && !this->problems().empty());
  }

  const std::vector<P>& problems() const { return this->alternative(); }
  // All the problems as one Error.
  Error error() const { return combine_problems(problems()); }
};

}  // namespace sendplan
