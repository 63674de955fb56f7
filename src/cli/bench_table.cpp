// Bench table and CSV formatting.
#include "cli/bench_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/text.h"

namespace sendplan::cli {

namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string yes_no(bool value) {
  return value ? "yes" : "NO";
}

// A gap with `decimals` places and an explicit sign when asked; never "-0.00" (a cost that
// matches a best-known value rounded to 2 decimals is +0.00, not -0.00).
std::string gap_text(double gap, int decimals, bool sign) {
  std::string digits = fmt::format("{:.{}f}", std::abs(gap), decimals);
  const bool zero = digits.find_first_not_of("0.") == std::string::npos;
  if (gap < 0 && !zero) return "-" + digits;
  return sign ? "+" + digits : digits;
}

// The feasible column: the checker's verdict when it ran, else the solver's, plus notes.
std::string verdict_text(const BenchRow& row) {
  if (!row.error.empty()) return "error";
  std::string text = yes_no(row.checker_feasible.value_or(row.solver_feasible));
  std::vector<std::string> notes;
  if (row.unserved > 0) notes.push_back(fmt::format("{} unserved", row.unserved));
  if (row.disagreement()) notes.push_back("solver says " + yes_no(row.solver_feasible));
  if (!row.feasible()) notes.push_back("not in gap statistics");
  for (size_t i = 0; i < notes.size(); ++i) text += (i == 0 ? " (" : "; ") + notes[i];
  if (!notes.empty()) text += ")";
  return text;
}

}  // namespace

bool BenchRow::feasible() const {
  return error.empty() && solver_feasible && unserved == 0 && checker_feasible.value_or(true);
}

double BenchRow::gap_percent() const {
  return best_known != 0 ? 100.0 * (cost - best_known) / best_known : 0.0;
}

bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      size_t i_end = i, j_end = j;
      while (i_end < a.size() && is_digit(a[i_end])) ++i_end;
      while (j_end < b.size() && is_digit(b[j_end])) ++j_end;
      // Compare as numbers: skip leading zeros, then the longer run is larger.
      size_t i_start = i, j_start = j;
      while (i_start + 1 < i_end && a[i_start] == '0') ++i_start;
      while (j_start + 1 < j_end && b[j_start] == '0') ++j_start;
      std::string_view x(a.data() + i_start, i_end - i_start);
      std::string_view y(b.data() + j_start, j_end - j_start);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = i_end;
      j = j_end;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;  // e.g. "a01" vs "a1": any fixed tie-break
}

BenchTable::BenchTable(size_t name_width)
    : name_width_(static_cast<int>(std::max<size_t>(name_width, 8))) {}

std::string BenchTable::header() const {
  return fmt::format("{:<{}}  {:>10}  {:>10}  {:>7}  {:>8}  {}", "instance", name_width_, "cost",
                     "best known", "gap %", "time (s)", "feasible");
}

std::string BenchTable::row(const BenchRow& row) const {
  if (!row.error.empty())
    return fmt::format("{:<{}}  {:>10}  {:>10.2f}  {:>7}  {:>8}  {}", row.instance, name_width_,
                       "-", row.best_known, "-", "-", verdict_text(row));
  return fmt::format("{:<{}}  {:>10.2f}  {:>10.2f}  {:>7}  {:>8.2f}  {}", row.instance, name_width_,
                     row.cost, row.best_known, gap_text(row.gap_percent(), 2, true), row.seconds,
                     verdict_text(row));
}

std::string BenchTable::footer(const std::vector<BenchRow>& rows) const {
  int feasible = 0;
  double gap_sum = 0;
  const BenchRow* worst = nullptr;
  for (const BenchRow& row : rows) {
    if (!row.feasible()) continue;
    ++feasible;
    gap_sum += row.gap_percent();
    if (worst == nullptr || row.gap_percent() > worst->gap_percent()) worst = &row;
  }
  std::string text = fmt::format("feasible: {}/{} instances", feasible, rows.size());
  if (feasible < static_cast<int>(rows.size()))
    text += fmt::format(" ({} flagged, not in the gap statistics)",
                        rows.size() - static_cast<size_t>(feasible));
  if (worst == nullptr) return text + "\nmean gap: n/a (no feasible instance)\nworst gap: n/a\n";
  text += fmt::format("\nmean gap: {} % over {} feasible instance{}\n",
                      gap_text(gap_sum / feasible, 2, true), feasible, feasible == 1 ? "" : "s");
  text += fmt::format("worst gap: {} % ({})\n", gap_text(worst->gap_percent(), 2, true),
                      worst->instance);
  return text;
}

std::string bench_csv(const std::vector<BenchRow>& rows) {
  std::string csv =
      "instance,cost,best_known,gap_percent,time_seconds,feasible,vehicles,unserved,"
      "solver_feasible,checker_feasible,error\n";
  for (const BenchRow& row : rows) {
    bool ok = row.error.empty();
    std::string checker = row.checker_feasible ? yes_no(*row.checker_feasible) : "";
    csv += fmt::format("{},{},{:.4f},{},{},{},{},{},{},{},{}\n", csv_cell(row.instance),
                       ok ? fmt::format("{:.4f}", row.cost) : "", row.best_known,
                       ok ? gap_text(row.gap_percent(), 4, false) : "",
                       ok ? fmt::format("{:.3f}", row.seconds) : "",
                       ok ? yes_no(row.feasible()) : "error", row.vehicles, row.unserved,
                       ok ? yes_no(row.solver_feasible) : "", checker, csv_cell(row.error));
  }
  return csv;
}

}  // namespace sendplan::cli
