// The planner's input problems: core's FileProblem (file, line, column name, reason) under the
// name the transport code and its tests use.
#pragma once

#include "core/file_problem.h"

namespace sendplan::transport {

using Problem = FileProblem;
using sendplan::format_problems;
using sendplan::problems_to_error;

}  // namespace sendplan::transport
