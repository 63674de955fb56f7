// Runs the independent feasibility checker (`sendplan_check`) on a written plan and reads its
// verdict: "FEASIBLE cost=<c> routes=<k>" with exit 0, or "INFEASIBLE" + violations with exit 1.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace sendplan::cli {

struct CheckerVerdict {
  bool feasible = false;
  std::optional<double> cost;  // from "cost=<c>" when printed
  std::string output;          // everything the checker printed (stdout and stderr)
};

// kNotFound when the checker cannot be started; kInternal when it fails with any exit code
// other than 0 or 1 (usage or malformed files), with its output in the message.
Result<CheckerVerdict> run_checker(const std::string& checker, const std::string& format,
                                   const std::string& instance, const std::string& solution);

// Quotes `text` for /bin/sh ('...' with embedded quotes escaped).
std::string shell_quote(const std::string& text);

}  // namespace sendplan::cli
