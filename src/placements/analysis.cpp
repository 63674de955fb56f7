// The placements analyses and the small-number suppression (see analysis.h for the rules).
#include "placements/analysis.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "stats/forecast.h"

namespace sendplan::placements {

bool is_active_on(const Placement& placement, const std::string& date) {
  if (!placement.start_date.empty() && date < placement.start_date) return false;
  return placement.end_date.empty() || date <= placement.end_date;
}

const FeePeriod* fees_in_force(const Placement& placement, const std::string& date) {
  const FeePeriod* found = nullptr;
  for (const FeePeriod& period : placement.fees) {
    if (period.from > date) continue;
    if (found == nullptr || period.from >= found->from) found = &period;
  }
  return found;
}

namespace {

// What every analysis looks up: the row of each borough, the London LA numbers, the providers.
struct Lookup {
  std::map<std::string, std::size_t> borough_row;
  std::vector<std::string> borough_la;
  std::set<std::string> london_la;
  std::map<std::int64_t, const Provider*> providers;

  Lookup(const std::vector<BoroughInfo>& boroughs, const std::vector<Provider>& provider_list) {
    for (std::size_t i = 0; i < boroughs.size(); ++i) {
      borough_row.emplace(boroughs[i].name, i);
      borough_la.push_back(boroughs[i].la_number);
      if (!boroughs[i].la_number.empty()) london_la.insert(boroughs[i].la_number);
    }
    for (const Provider& provider : provider_list) providers.emplace(provider.id, &provider);
  }
  std::optional<std::size_t> row_of(const Placement& placement) const {
    const auto it = borough_row.find(placement.borough);
    if (it == borough_row.end()) return std::nullopt;
    return it->second;
  }
  const Provider* provider(std::int64_t id) const {
    const auto it = providers.find(id);
    return it == providers.end() ? nullptr : it->second;
  }
};

std::vector<std::string> borough_names(const std::vector<BoroughInfo>& boroughs) {
  std::vector<std::string> names;
  for (const BoroughInfo& borough : boroughs) names.push_back(borough.name);
  return names;
}

template <typename T>
BoroughTable<T> empty_table(const std::vector<BoroughInfo>& boroughs,
                            std::vector<std::string> columns) {
  BoroughTable<T> table;
  table.rows = borough_names(boroughs);
  table.columns = std::move(columns);
  table.cells.assign(table.rows.size(), std::vector<T>(table.columns.size()));
  table.row_totals.assign(table.rows.size(), T{});
  table.column_totals.assign(table.columns.size(), T{});
  return table;
}

// Fee totals collected per cell, row, column and overall, then summarised.
struct FeeCollector {
  std::vector<std::vector<std::vector<double>>> cells;
  std::vector<std::vector<double>> rows;
  std::vector<std::vector<double>> columns;
  std::vector<double> all;

  FeeCollector(std::size_t row_count, std::size_t column_count)
      : cells(row_count, std::vector<std::vector<double>>(column_count)),
        rows(row_count),
        columns(column_count) {}
  void add(std::size_t row, std::size_t column, double fee) {
    cells[row][column].push_back(fee);
    rows[row].push_back(fee);
    columns[column].push_back(fee);
    all.push_back(fee);
  }
  void fill(BoroughTable<FeeSummary>& table) const {
    for (std::size_t r = 0; r < cells.size(); ++r) {
      for (std::size_t c = 0; c < cells[r].size(); ++c)
        table.cells[r][c] = summarise_fees(cells[r][c]);
      table.row_totals[r] = summarise_fees(rows[r]);
    }
    for (std::size_t c = 0; c < columns.size(); ++c)
      table.column_totals[c] = summarise_fees(columns[c]);
    table.grand_total = summarise_fees(all);
  }
};

void add_spend(Spend& spend, std::int64_t fees, std::int64_t transport) {
  ++spend.count;
  spend.fees += fees;
  spend.transport += transport;
  spend.total += fees + transport;
  spend.mean = static_cast<double>(spend.total) / spend.count;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
std::vector<CostlyPlacement> most_expensive_placements(const std::vector<Placement>& placements,
                                                       const std::vector<Provider>& providers,
                                                       const std::string& date, std::size_t count,
                                                       const std::string& borough) {
  const Lookup lookup({}, providers);
  std::vector<CostlyPlacement> rows;
  for (const Placement& placement : placements) {
    if (!borough.empty() && placement.borough != borough) continue;
    if (!is_active_on(placement, date)) continue;
    const FeePeriod* period = fees_in_force(placement, date);
    if (period == nullptr) continue;
    CostlyPlacement row;
    row.placement_id = placement.id;
    row.borough = placement.borough;
    row.child_ref = placement.child_ref;
    row.need = placement.need;
    row.provider_id = placement.provider_id;
    if (const Provider* provider = lookup.provider(placement.provider_id))
      row.provider_name = provider->name;
    row.fees = period->fees;
    row.transport = placement.transport_cost;
    row.total = period->fees.total() + placement.transport_cost;
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const CostlyPlacement& a, const CostlyPlacement& b) {
    if (a.total != b.total) return a.total > b.total;
    return std::tie(a.borough, a.child_ref, a.placement_id) <
           std::tie(b.borough, b.child_ref, b.placement_id);
  });
  if (rows.size() > count) rows.resize(count);
  return rows;
}

// ---------------------------------------------------------------------------------------------
double quantile_type7(std::vector<double> values, double q) {
  return stats::empirical_quantile(std::move(values), q);
}

FeeSummary summarise_fees(const std::vector<double>& fees) {
  FeeSummary summary;
  summary.count = static_cast<int>(fees.size());
  if (fees.empty()) return summary;
  summary.lower_quartile = quantile_type7(fees, 0.25);
  summary.median = quantile_type7(fees, 0.5);
  summary.upper_quartile = quantile_type7(fees, 0.75);
  return summary;
}

BoroughTable<FeeSummary> fee_benchmarks_by_need(const std::vector<Placement>& placements,
                                                const std::vector<BoroughInfo>& boroughs,
                                                const std::string& date) {
  std::vector<std::string> columns;
  for (int i = 0; i < kNeedCount; ++i) columns.emplace_back(need_code(static_cast<Need>(i)));
  BoroughTable<FeeSummary> table = empty_table<FeeSummary>(boroughs, std::move(columns));
  const Lookup lookup(boroughs, {});
  FeeCollector collector(table.rows.size(), table.columns.size());
  for (const Placement& placement : placements) {
    const std::optional<std::size_t> row = lookup.row_of(placement);
    if (!row || !is_active_on(placement, date)) continue;
    const FeePeriod* period = fees_in_force(placement, date);
    if (period == nullptr) continue;
    collector.add(*row, static_cast<std::size_t>(placement.need),
                  static_cast<double>(period->fees.total()));
  }
  collector.fill(table);
  return table;
}

BoroughTable<FeeSummary> fee_benchmarks_by_provider(const std::vector<Placement>& placements,
                                                    const std::vector<Provider>& providers,
                                                    const std::vector<BoroughInfo>& boroughs,
                                                    const std::string& date) {
  const Lookup lookup(boroughs, providers);
  // The counted placements first, to know the columns.
  struct Counted {
    std::size_t row;
    std::int64_t provider_id;
    double fee;
  };
  std::vector<Counted> counted;
  std::map<std::int64_t, std::string> labels;
  for (const Placement& placement : placements) {
    const std::optional<std::size_t> row = lookup.row_of(placement);
    if (!row || !is_active_on(placement, date)) continue;
    const FeePeriod* period = fees_in_force(placement, date);
    if (period == nullptr) continue;
    counted.push_back({*row, placement.provider_id, static_cast<double>(period->fees.total())});
    const Provider* provider = lookup.provider(placement.provider_id);
    labels[placement.provider_id] =
        provider != nullptr ? provider->name : fmt::format("provider {}", placement.provider_id);
  }
  std::vector<std::pair<std::string, std::int64_t>> order;
  for (const auto& [id, label] : labels) order.emplace_back(label, id);
  std::sort(order.begin(), order.end());
  std::vector<std::string> columns;
  std::map<std::int64_t, std::size_t> column_of;
  BoroughTable<FeeSummary> table;
  for (const auto& [label, id] : order) {
    column_of[id] = columns.size();
    columns.push_back(label);
  }
  table = empty_table<FeeSummary>(boroughs, std::move(columns));
  for (const auto& [label, id] : order) table.column_ids.push_back(id);
  FeeCollector collector(table.rows.size(), table.columns.size());
  for (const Counted& item : counted)
    collector.add(item.row, column_of.at(item.provider_id), item.fee);
  collector.fill(table);
  return table;
}

// ---------------------------------------------------------------------------------------------
BoroughTable<Spend> spend_by_provider_type(const std::vector<Placement>& placements,
                                           const std::vector<Provider>& providers,
                                           const std::vector<BoroughInfo>& boroughs,
                                           const std::string& date) {
  constexpr std::size_t kTypeCount = 6;
  std::vector<std::string> columns;
  for (std::size_t i = 0; i < kTypeCount; ++i)
    columns.emplace_back(provider_type_code(static_cast<ProviderType>(i)));
  columns.emplace_back("unknown");
  BoroughTable<Spend> table = empty_table<Spend>(boroughs, std::move(columns));
  const Lookup lookup(boroughs, providers);
  for (const Placement& placement : placements) {
    const std::optional<std::size_t> row = lookup.row_of(placement);
    if (!row || !is_active_on(placement, date)) continue;
    const FeePeriod* period = fees_in_force(placement, date);
    if (period == nullptr) continue;
    const Provider* provider = lookup.provider(placement.provider_id);
    const std::size_t column =
        provider != nullptr ? static_cast<std::size_t>(provider->type) : kTypeCount;
    const std::int64_t fees = period->fees.total();
    add_spend(table.cells[*row][column], fees, placement.transport_cost);
    add_spend(table.row_totals[*row], fees, placement.transport_cost);
    add_spend(table.column_totals[column], fees, placement.transport_cost);
    add_spend(table.grand_total, fees, placement.transport_cost);
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
BoroughTable<int> placement_locations(const std::vector<Placement>& placements,
                                      const std::vector<Provider>& providers,
                                      const std::vector<BoroughInfo>& boroughs,
                                      const std::string& date) {
  BoroughTable<int> table = empty_table<int>(boroughs, kLocationColumns);
  const Lookup lookup(boroughs, providers);
  for (const Placement& placement : placements) {
    const std::optional<std::size_t> row = lookup.row_of(placement);
    if (!row || !is_active_on(placement, date)) continue;
    const Provider* provider = lookup.provider(placement.provider_id);
    std::size_t column = 3;  // unknown
    if (provider != nullptr && !provider->la_number.empty()) {
      if (provider->la_number == lookup.borough_la[*row]) {
        column = 0;
      } else if (lookup.london_la.count(provider->la_number) > 0) {
        column = 1;
      } else {
        column = 2;
      }
    }
    ++table.cells[*row][column];
    ++table.row_totals[*row];
    ++table.column_totals[column];
    ++table.grand_total;
  }
  return table;
}

LocationShares location_shares(const std::vector<std::optional<int>>& row) {
  LocationShares shares;
  if (row.size() < 3 || !row[0] || !row[1] || !row[2]) return shares;
  const int known = *row[0] + *row[1] + *row[2];
  shares.known = known;
  if (known == 0) return shares;
  shares.out_of_borough = static_cast<double>(*row[1] + *row[2]) / known;
  shares.out_of_london = static_cast<double>(*row[2]) / known;
  return shares;
}

LocationShares location_shares(const std::vector<int>& row) {
  return location_shares(std::vector<std::optional<int>>(row.begin(), row.end()));
}

// ---------------------------------------------------------------------------------------------
namespace {

// The table extended by its totals: (rows + 1) × (columns + 1) entries, the last row the column
// totals, the last column the row totals, the corner the grand total. Row line u holds entries
// (u, 0..C) and its total is (u, C); column line v holds (0..R, v) and its total is (R, v).
class SuppressionGrid {
 public:
  SuppressionGrid(const BoroughTable<int>& counts, int suppress_below)
      : rows_(counts.rows.size()), columns_(counts.columns.size()) {
    values_.assign(rows_ + 1, std::vector<int>(columns_ + 1, 0));
    state_.assign(rows_ + 1, std::vector<Disclosure>(columns_ + 1, Disclosure::kShown));
    for (std::size_t r = 0; r < rows_; ++r) {
      for (std::size_t c = 0; c < columns_; ++c) values_[r][c] = counts.cells[r][c];
      values_[r][columns_] = counts.row_totals[r];
    }
    for (std::size_t c = 0; c < columns_; ++c) values_[rows_][c] = counts.column_totals[c];
    values_[rows_][columns_] = counts.grand_total;
    for (std::size_t r = 0; r <= rows_; ++r)
      for (std::size_t c = 0; c <= columns_; ++c)
        if (values_[r][c] > 0 && values_[r][c] < suppress_below)
          state_[r][c] = Disclosure::kPrimary;
  }

  void run() {
    for (;;) {
      while (fix_single_hidden_lines()) {
      }
      if (!close_a_bridge()) return;
    }
  }

  BoroughTable<Disclosure> pattern(const BoroughTable<int>& counts) const {
    BoroughTable<Disclosure> result;
    result.rows = counts.rows;
    result.columns = counts.columns;
    result.column_ids = counts.column_ids;
    for (std::size_t r = 0; r < rows_; ++r) {
      result.cells.emplace_back(state_[r].begin(), state_[r].begin() + static_cast<long>(columns_));
      result.row_totals.push_back(state_[r][columns_]);
    }
    for (std::size_t c = 0; c < columns_; ++c) result.column_totals.push_back(state_[rows_][c]);
    result.grand_total = state_[rows_][columns_];
    return result;
  }

 private:
  struct Entry {
    std::size_t row;
    std::size_t column;
  };

  bool hidden(Entry e) const { return state_[e.row][e.column] != Disclosure::kShown; }
  void hide(Entry e) {
    if (!hidden(e)) state_[e.row][e.column] = Disclosure::kSecondary;
  }

  // The entries of a line (interior first, its total last).
  std::vector<Entry> line(bool is_row, std::size_t index) const {
    std::vector<Entry> entries;
    if (is_row) {
      for (std::size_t c = 0; c <= columns_; ++c) entries.push_back({index, c});
    } else {
      for (std::size_t r = 0; r <= rows_; ++r) entries.push_back({r, index});
    }
    return entries;
  }

  // Step 1 over every line once; true when something was hidden.
  bool fix_single_hidden_lines() {
    bool changed = false;
    for (int pass = 0; pass < 2; ++pass) {
      const bool is_row = pass == 0;
      const std::size_t lines = is_row ? rows_ + 1 : columns_ + 1;
      for (std::size_t index = 0; index < lines; ++index) {
        const std::vector<Entry> entries = line(is_row, index);
        const auto hidden_count =
            std::count_if(entries.begin(), entries.end(), [&](Entry e) { return hidden(e); });
        if (hidden_count != 1) continue;
        hide(complement(entries, is_row));
        changed = true;
      }
    }
    return changed;
  }

  std::ptrdiff_t hidden_in_line(bool is_row, std::size_t index) const {
    const std::vector<Entry> entries = line(is_row, index);
    return std::count_if(entries.begin(), entries.end(), [&](Entry e) { return hidden(e); });
  }

  Entry complement(const std::vector<Entry>& entries, bool is_row) const {
    const Entry total = entries.back();
    std::optional<Entry> best;
    bool best_closes = false;
    for (std::size_t i = 0; i + 1 < entries.size(); ++i) {
      const Entry e = entries[i];
      if (hidden(e) || values_[e.row][e.column] <= 0) continue;
      // The crossing line: the column of an entry of a row line, and the other way round.
      const bool closes =
          is_row ? hidden_in_line(false, e.column) == 1 : hidden_in_line(true, e.row) == 1;
      const bool better =
          !best || (closes && !best_closes) ||
          (closes == best_closes && values_[e.row][e.column] < values_[best->row][best->column]);
      if (better) {
        best = e;
        best_closes = closes;
      }
    }
    if (best) return *best;
    if (!hidden(total)) return total;
    for (const Entry e : entries)
      if (!hidden(e)) return e;
    assert(false && "a line with one hidden entry has a shown one");
    return total;
  }

  // Nodes: row lines 0..rows_, then column lines rows_+1..rows_+columns_+1. Edge = hidden entry.
  std::size_t row_node(std::size_t r) const { return r; }
  std::size_t column_node(std::size_t c) const { return rows_ + 1 + c; }

  // Step 2: finds a hidden entry on no cycle and closes one through it; false when none.
  bool close_a_bridge() {
    const std::size_t nodes = rows_ + columns_ + 2;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> adjacent(nodes);
    std::vector<Entry> edges;
    for (std::size_t r = 0; r <= rows_; ++r)
      for (std::size_t c = 0; c <= columns_; ++c)
        if (hidden({r, c})) {
          adjacent[row_node(r)].emplace_back(column_node(c), edges.size());
          adjacent[column_node(c)].emplace_back(row_node(r), edges.size());
          edges.push_back({r, c});
        }
    const std::optional<std::size_t> bridge = find_bridge(adjacent);
    if (!bridge) return false;
    close_cycle(edges[*bridge]);
    return true;
  }

  // Tarjan's bridge finding (iterative); the first bridge found, if any.
  static std::optional<std::size_t> find_bridge(
      const std::vector<std::vector<std::pair<std::size_t, std::size_t>>>& adjacent) {
    const std::size_t nodes = adjacent.size();
    constexpr std::size_t kUnseen = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> order(nodes, kUnseen);
    std::vector<std::size_t> low(nodes, 0);
    std::size_t counter = 0;
    struct Frame {
      std::size_t node;
      std::size_t parent_edge;
      std::size_t next;
    };
    for (std::size_t start = 0; start < nodes; ++start) {
      if (order[start] != kUnseen) continue;
      std::vector<Frame> stack = {{start, kUnseen, 0}};
      order[start] = low[start] = counter++;
      while (!stack.empty()) {
        Frame& frame = stack.back();
        if (frame.next < adjacent[frame.node].size()) {
          const auto [next, edge] = adjacent[frame.node][frame.next++];
          if (edge == frame.parent_edge) continue;
          if (order[next] == kUnseen) {
            order[next] = low[next] = counter++;
            stack.push_back({next, edge, 0});
          } else {
            low[frame.node] = std::min(low[frame.node], order[next]);
          }
          continue;
        }
        const Frame done = frame;
        stack.pop_back();
        if (stack.empty()) continue;
        const std::size_t parent = stack.back().node;
        low[parent] = std::min(low[parent], low[done.node]);
        if (low[done.node] > order[parent]) return done.parent_edge;
      }
    }
    return std::nullopt;
  }

  // Hides the fewest shown entries making a path from the bridge's row line to its column line
  // that does not use the bridge itself (0-1 breadth-first search: hidden entries cost 0).
  void close_cycle(Entry bridge) {
    const std::size_t nodes = rows_ + columns_ + 2;
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> cost(nodes, kNone);
    std::vector<std::size_t> previous(nodes, kNone);
    std::deque<std::size_t> queue;
    const std::size_t source = row_node(bridge.row);
    const std::size_t target = column_node(bridge.column);
    cost[source] = 0;
    queue.push_back(source);
    auto entry_between = [&](std::size_t a, std::size_t b) -> Entry {
      return a <= rows_ ? Entry{a, b - rows_ - 1} : Entry{b, a - rows_ - 1};
    };
    while (!queue.empty()) {
      const std::size_t node = queue.front();
      queue.pop_front();
      const bool is_row = node <= rows_;
      const std::size_t others = is_row ? columns_ + 1 : rows_ + 1;
      for (std::size_t k = 0; k < others; ++k) {
        const std::size_t next = is_row ? column_node(k) : row_node(k);
        const Entry e = entry_between(node, next);
        if (e.row == bridge.row && e.column == bridge.column) continue;
        const std::size_t step = hidden(e) ? 0 : 1;
        if (cost[next] != kNone && cost[next] <= cost[node] + step) continue;
        cost[next] = cost[node] + step;
        previous[next] = node;
        if (step == 0) {
          queue.push_front(next);
        } else {
          queue.push_back(next);
        }
      }
    }
    assert(cost[target] != kNone);
    for (std::size_t node = target; node != source; node = previous[node])
      hide(entry_between(previous[node], node));
  }

  std::size_t rows_;
  std::size_t columns_;
  std::vector<std::vector<int>> values_;
  std::vector<std::vector<Disclosure>> state_;
};

}  // namespace

BoroughTable<Disclosure> suppression_pattern(const BoroughTable<int>& counts, int suppress_below) {
  SuppressionGrid grid(counts, suppress_below);
  grid.run();
  return grid.pattern(counts);
}

BoroughTable<std::optional<FeeSummary>> suppress_fee_benchmarks(
    const BoroughTable<FeeSummary>& table, int suppress_below) {
  return apply_suppression(table,
                           suppression_pattern(project(table, &FeeSummary::count), suppress_below));
}

BoroughTable<std::optional<Spend>> suppress_spend(const BoroughTable<Spend>& table,
                                                  int suppress_below) {
  return apply_suppression(table,
                           suppression_pattern(project(table, &Spend::count), suppress_below));
}

BoroughTable<std::optional<int>> suppress_counts(const BoroughTable<int>& table,
                                                 int suppress_below) {
  return apply_suppression(table, suppression_pattern(table, suppress_below));
}

}  // namespace sendplan::placements
