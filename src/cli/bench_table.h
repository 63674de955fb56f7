// The `sendplan bench` results table: one row per instance (cost, best known, gap, time,
// feasibility), a footer with the feasible count and the mean and worst gap over feasible rows,
// and the same rows as CSV. Also the natural order used to sort instance names.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sendplan::cli {

struct BenchRow {
  std::string instance;
  std::string error;  // non-empty: the instance could not be read/solved/checked
  double cost = 0;
  double best_known = 0;
  double seconds = 0;
  int vehicles = 0;
  int unserved = 0;
  bool solver_feasible = false;          // the solver's own verdict (all served, no violation)
  std::optional<bool> checker_feasible;  // the independent checker's verdict, when it ran

  // Counted in the gap statistics: no error and every verdict says feasible.
  bool feasible() const;
  bool disagreement() const { return checker_feasible && *checker_feasible != solver_feasible; }
  double gap_percent() const;  // 100 * (cost - best_known) / best_known
};

// "a2-9" < "a2-16" < "a10-1": digit runs compare as numbers.
bool natural_less(const std::string& a, const std::string& b);

class BenchTable {
 public:
  // `name_width`: the longest instance name (the first column is at least that wide).
  explicit BenchTable(size_t name_width);
  std::string header() const;
  std::string row(const BenchRow& row) const;
  std::string footer(const std::vector<BenchRow>& rows) const;

 private:
  int name_width_;
};

// CSV with a header: instance,cost,best_known,gap_percent,time_seconds,feasible,vehicles,
// unserved,solver_feasible,checker_feasible,error.
std::string bench_csv(const std::vector<BenchRow>& rows);

}  // namespace sendplan::cli
