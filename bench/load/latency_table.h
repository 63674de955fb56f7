// sendplan_load's report: one row per path and a total row (requests, errors, latency
// percentiles), the throughput, and the errors by kind.
#pragma once

#include <string>
#include <vector>

#include "api_login.h"
#include "load_options.h"
#include "load_run.h"

namespace sendplan::load {

// The q-quantile (0..1) of `sorted` (ascending) by nearest rank; 0 for none.
double percentile(const std::vector<double>& sorted, double q);

// The whole report, ending in a newline.
std::string format_report(const LoadOptions& options, const SignedIn& who,
                          const LoadResult& result);

}  // namespace sendplan::load
