// `sendplan report --borough NAME --out report.html`: a borough's SEND profile from the imported
// statistics as one self-contained HTML file (see dfe/profile.h). `sendplan forecast` prints the
// back-test of the forecast method and, with --borough, the borough's forecast as a table.
#pragma once

#include <string>

namespace sendplan::cli {

struct ReportOptions {
  std::string database = "sendplan.db";
  std::string borough;
  std::string out;
  double cost_per_plan = 0;  // 0 = derived
  int fit_years = 5;
  int horizon = 5;
};

int run_report(const ReportOptions& options);
int run_forecast(const ReportOptions& options);

}  // namespace sendplan::cli
