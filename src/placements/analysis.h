// Analyses of the placements register at one date, for commissioners: the most expensive
// placements, fee benchmarks (quartiles) by need and by provider, spend by provider type, the
// shares placed out of borough and out of London, and the small-number suppression every view
// that crosses a borough boundary must go through. Pure functions over plain data; thread-safe.
// Money in whole pounds a year (fees and transport as the register holds them); dates ISO
// "YYYY-MM-DD", compared as text.
//
// What counts on a date D:
// - a placement is active when start_date <= D (an empty start counts as long ago) and its
//   end_date is empty or D <= end_date (the end date is its last day);
// - the fees in force are those of the FeePeriod with the latest `from` <= D (a later entry in
//   the list wins a tie); an active placement with no period yet in force has no known fee and
//   is left out of every money figure (fees, spend, top N) but still counted where no money is
//   involved (where children are placed);
// - a placement's annual cost is its fee total in force plus its transport cost;
// - the tables (b)–(d) ignore placements of boroughs not in the list passed: "London" is the
//   boroughs listed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "placements/placement.h"
#include "placements/provider.h"

namespace sendplan::placements {

// A London borough as the analyses need it (the rows of london_boroughs.csv).
struct BoroughInfo {
  std::string name;        // canonical name, as Placement::borough holds it
  std::string la_number;   // DfE LA number, e.g. "204"
  std::string sub_region;  // sub-regional partnership, e.g. "Central London Forward"
};

// Children (or places) by primary need, indexed by static_cast<size_t>(Need).
using NeedCounts = std::array<int, kNeedCount>;

bool is_active_on(const Placement& placement, const std::string& date);
// The fee period in force on `date`, or nullptr when none has started.
const FeePeriod* fees_in_force(const Placement& placement, const std::string& date);

// ---------------------------------------------------------------------------------------------
// A table of one figure per (borough, group), with each borough's figure over all groups
// (row_totals), London's figure in each group (column_totals) and London's over all groups
// (grand_total). Rows are the boroughs in the order passed; columns depend on the analysis.
template <typename T>
struct BoroughTable {
  std::vector<std::string> rows;         // borough names
  std::vector<std::string> columns;      // group labels (need codes, provider names, type codes...)
  std::vector<std::int64_t> column_ids;  // provider ids for a table by provider, else empty
  std::vector<std::vector<T>> cells;     // cells[row][column]
  std::vector<T> row_totals;
  std::vector<T> column_totals;
  T grand_total{};
};

// ---------------------------------------------------------------------------------------------
// (a) The most expensive placements active on `date`: the top `count` by annual cost (fee total
// + transport), highest first; ties by borough, then child_ref, then placement id (ascending),
// so the cut at `count` is deterministic. `borough` "" means London-wide. These rows are about
// single children: show them only to the commissioning borough or to officers entitled to see
// its register, never in a published regional view.
struct CostlyPlacement {
  std::int64_t placement_id = 0;
  std::string borough;
  std::string child_ref;
  Need need = Need::kAsd;
  std::int64_t provider_id = 0;
  std::string provider_name;  // "" when the provider is not in the list
  Fees fees;                  // in force on the date
  std::int64_t transport = 0;
  std::int64_t total = 0;  // fees.total() + transport
};
std::vector<CostlyPlacement> most_expensive_placements(const std::vector<Placement>& placements,
                                                       const std::vector<Provider>& providers,
                                                       const std::string& date, std::size_t count,
                                                       const std::string& borough = "");

// ---------------------------------------------------------------------------------------------
// (b) Fee benchmarks. Quantiles use linear interpolation between order statistics (Hyndman and
// Fan's type 7, the default of R and NumPy, and the dashboard's empirical_quantile): with
// x(0) <= ... <= x(n-1) sorted and p = q·(n − 1), Q(q) = x(⌊p⌋) + (p − ⌊p⌋)·(x(⌊p⌋+1) − x(⌊p⌋)).
// E.g. fees {10, 20, 30, 40}: lower quartile 17.5, median 25, upper quartile 32.5.
// `values` must not be empty; q is clamped to [0, 1].
// (stats::empirical_quantile, which the dashboard uses too.)
double quantile_type7(std::vector<double> values, double q);

// The annual fee totals (fees in force; transport not included) of a group of placements. All
// three quantiles are 0 when count is 0.
struct FeeSummary {
  int count = 0;
  double lower_quartile = 0;
  double median = 0;
  double upper_quartile = 0;
};
FeeSummary summarise_fees(const std::vector<double>& fees);

// Rows the boroughs; columns every need (need_code, in Need order). Cells count only active
// placements with a fee in force.
BoroughTable<FeeSummary> fee_benchmarks_by_need(const std::vector<Placement>& placements,
                                                const std::vector<BoroughInfo>& boroughs,
                                                const std::string& date);
// Columns the providers with at least one counted placement, by name then id (labels the
// provider names, column_ids their ids; a provider missing from the list is labelled
// "provider <id>").
BoroughTable<FeeSummary> fee_benchmarks_by_provider(const std::vector<Placement>& placements,
                                                    const std::vector<Provider>& providers,
                                                    const std::vector<BoroughInfo>& boroughs,
                                                    const std::string& date);

// ---------------------------------------------------------------------------------------------
// (c) Spend by provider type: columns every ProviderType (provider_type_code, in enum order)
// plus "unknown" for placements whose provider is not in the list. Spend is the annual cost
// (fees in force + transport) of the active placements with a fee in force.
struct Spend {
  int count = 0;
  std::int64_t fees = 0;
  std::int64_t transport = 0;
  std::int64_t total = 0;  // fees + transport
  double mean = 0;         // total / count; 0 when count is 0
};
BoroughTable<Spend> spend_by_provider_type(const std::vector<Placement>& placements,
                                           const std::vector<Provider>& providers,
                                           const std::vector<BoroughInfo>& boroughs,
                                           const std::string& date);

// ---------------------------------------------------------------------------------------------
// (d) Where children are placed: active placements (fee or not) counted in four columns,
// kLocationColumns: in the borough (the provider's la_number is the borough's), elsewhere in
// London (another listed borough's), outside London (an la_number not in the list), unknown
// (provider not in the list, or its la_number empty).
inline const std::vector<std::string> kLocationColumns = {"in-borough", "other-london",
                                                          "outside-london", "unknown"};
BoroughTable<int> placement_locations(const std::vector<Placement>& placements,
                                      const std::vector<Provider>& providers,
                                      const std::vector<BoroughInfo>& boroughs,
                                      const std::string& date);

// Shares of the placements whose location is known: out of borough = (other London + outside
// London) / known, out of London = outside London / known, known = the first three columns.
// nullopt when any of the three is unknown (suppressed: a share would give a hidden count
// away) or when known is 0.
struct LocationShares {
  std::optional<int> known;
  std::optional<double> out_of_borough;
  std::optional<double> out_of_london;
};
// `row` holds the four counts of one row of placement_locations (or its suppressed form).
LocationShares location_shares(const std::vector<std::optional<int>>& row);
LocationShares location_shares(const std::vector<int>& row);

// ---------------------------------------------------------------------------------------------
// (e) Small-number suppression for regional views (any table of counts of children that crosses
// boroughs). The same rule as the server's put_count (server/suppression.h, kept as a pure C++
// version here because the placements layer sits below the server and its JSON): a count from 1
// to suppress_below − 1 (1–4) is hidden, 0 and 5 or more are shown, and totals follow the same
// rule. Secondary suppression generalises the server's "a total with exactly one hidden count
// under it is hidden too" to two dimensions:
//
//   See the table extended by its totals as lines that each add up: every row (its cells and
//   its row total), every column (its cells and its column total), the row of column totals
//   with the grand total, and the column of row totals with the grand total.
//   1. A line with exactly one hidden entry would give it away by subtraction. Hide one more
//      entry of that line: among its shown non-zero cells (for the totals lines, the row or
//      column totals), preferring those whose crossing line also has exactly one hidden entry
//      (one complement then protects both), then the smallest (the first on a tie); if it has no
//      shown non-zero cell, its own total (as the server does), else any shown entry.
//   2. Repeat until no line has exactly one hidden entry; then make sure no hidden entry can be
//      worked out from any combination of lines: seen as a graph (a node per line, an edge per
//      hidden entry joining its two lines), an entry is recoverable exactly when its edge is a
//      bridge (on no cycle). For such an entry (rare after step 1), hide the fewest shown
//      entries that close a cycle through it (a shortest path between its two lines through the
//      other entries, hidden ones free; first found on a tie), and go back to 1.
//
// So no hidden count can be recovered exactly from the shown cells and totals; bounds from
// counts being non-negative can still narrow a hidden value, as with any cell suppression.
// Money and other figures computed from a count (a median of 3 fees reveals fees of 3 children;
// a sum and a mean together reveal the count) are hidden with their count: apply_suppression.
// The margins of `counts` must be the sums of its cells (as the analyses above build them).
inline constexpr int kSuppressBelow = 5;

enum class Disclosure {
  kShown,
  kPrimary,    // a count from 1 to suppress_below − 1
  kSecondary,  // hidden so that a primary one cannot be recovered
};
BoroughTable<Disclosure> suppression_pattern(const BoroughTable<int>& counts,
                                             int suppress_below = kSuppressBelow);

// Each figure of `table` as is, or nullopt where `pattern` hides its cell. The tables must
// have the same shape.
template <typename T>
BoroughTable<std::optional<T>> apply_suppression(const BoroughTable<T>& table,
                                                 const BoroughTable<Disclosure>& pattern) {
  auto shown = [](const T& value, Disclosure disclosure) -> std::optional<T> {
    if (disclosure == Disclosure::kShown) return value;
    return std::nullopt;
  };
  BoroughTable<std::optional<T>> result;
  result.rows = table.rows;
  result.columns = table.columns;
  result.column_ids = table.column_ids;
  for (std::size_t r = 0; r < table.cells.size(); ++r) {
    std::vector<std::optional<T>> row;
    for (std::size_t c = 0; c < table.cells[r].size(); ++c)
      row.push_back(shown(table.cells[r][c], pattern.cells[r][c]));
    result.cells.push_back(std::move(row));
    result.row_totals.push_back(shown(table.row_totals[r], pattern.row_totals[r]));
  }
  for (std::size_t c = 0; c < table.column_totals.size(); ++c)
    result.column_totals.push_back(shown(table.column_totals[c], pattern.column_totals[c]));
  result.grand_total = shown(table.grand_total, pattern.grand_total);
  return result;
}

// The table of one field of each figure, e.g. project(fees, &FeeSummary::count).
template <typename T, typename Field>
BoroughTable<Field> project(const BoroughTable<T>& table, Field T::*field) {
  BoroughTable<Field> result;
  result.rows = table.rows;
  result.columns = table.columns;
  result.column_ids = table.column_ids;
  for (const auto& row : table.cells) {
    std::vector<Field> projected;
    for (const T& value : row) projected.push_back(value.*field);
    result.cells.push_back(std::move(projected));
  }
  for (const T& value : table.row_totals) result.row_totals.push_back(value.*field);
  for (const T& value : table.column_totals) result.column_totals.push_back(value.*field);
  result.grand_total = table.grand_total.*field;
  return result;
}

// Regional views: the analyses above with small numbers suppressed (money with its count).
BoroughTable<std::optional<FeeSummary>> suppress_fee_benchmarks(
    const BoroughTable<FeeSummary>& table, int suppress_below = kSuppressBelow);
BoroughTable<std::optional<Spend>> suppress_spend(const BoroughTable<Spend>& table,
                                                  int suppress_below = kSuppressBelow);
BoroughTable<std::optional<int>> suppress_counts(const BoroughTable<int>& table,
                                                 int suppress_below = kSuppressBelow);

}  // namespace sendplan::placements
