// High-needs finance: ESFA's DSG allocations, DfE's high-needs benchmarking data, high-needs
// placement spend per head (state vs independent) and the DSG cumulative balance.
#include <fmt/format.h>

#include <regex>

#include "dfe/layouts.h"

namespace sendplan::dfe {

namespace {

constexpr const char* kDfe = "Department for Education";
constexpr const char* kEsfa = "Education and Skills Funding Agency";

// The area of a row: England for National rows, a region by name, an LA by number or name.
Result<std::string> finance_area(FileReader& reader, const csv::Record& row) {
  const Table& table = reader.table();
  auto cell = [&](const char* name) -> std::string {
    std::optional<std::size_t> at = table.index(name);
    return at ? std::string(table.cell(row, *at)) : std::string();
  };
  const std::string level = cell("geographic_level");
  if (level == "National") return std::string(kEnglandCode);
  std::string name = cell("la_name");
  if (level == "Regional" && table.has("region_name") && name.empty()) {
    name = cell("region_name");
  }
  return reader.resolve(row, cell("old_la_code"), name);
}

// Every measure column of every row, at the period in `period_column` (or `fixed_period`).
Status read_wide(FileReader& reader, const char* period_column,
                 std::initializer_list<std::string_view> identifiers,
                 const std::string& fixed_period = "", int fixed_year = 0) {
  const Table& table = reader.table();
  std::optional<std::size_t> period_at;
  if (period_column != nullptr) {
    Result<std::size_t> at = reader.column(period_column);
    if (!at.ok()) return at.error();
    period_at = at.value();
  }
  const std::vector<std::size_t> measures = measure_columns(table, identifiers);
  for (const csv::Record& row : table.rows()) {
    std::pair<std::string, int> period{fixed_period, fixed_year};
    if (period_at) {
      Result<std::pair<std::string, int>> parsed = reader.period(row, *period_at);
      if (!parsed.ok()) return parsed.error();
      period = parsed.value();
    }
    Result<std::string> area = finance_area(reader, row);
    if (!area.ok()) return area.error();
    if (area.value().empty()) continue;
    for (std::size_t column : measures) {
      Status added = reader.add(row, column, table.header()[column], area.value(), period.first,
                                period.second);
      if (!added.ok()) return added;
    }
  }
  return {};
}

bool dsg_allocations(const Table& table) {
  return table.has("financial_year") && table.has("high_needs_block_gross");
}
bool benchmarking(const Table& table) {
  return table.has("ehcp_count_up_to_25") && table.has("placed_nmss_or_independent");
}
bool spend_per_head(const Table& table) {
  return table.has("Spend per head") && table.has("category") && table.has("la_name");
}
bool dsg_balance(const Table& table) {
  return table.has("dsg_cumulative_balance_pct_of_total_income");
}

// The benchmarking data's budget year, from its column names ("s251_budget_2021_22_...").
Status read_benchmarking(FileReader& reader) {
  static const std::regex kBudgetYear("^s251_budget_(\\d{4})_(\\d{2})_");
  for (const std::string& name : reader.table().header()) {
    std::smatch match;
    if (std::regex_search(name, match, kBudgetYear)) {
      const int start = std::stoi(match[1].str());
      return read_wide(reader, nullptr, {"region", "old_la_code", "la_name"},
                       fmt::format("{}-{}", match[1].str(), match[2].str()), start + 1);
    }
  }
  return reader.table().error_at_line(
      1, "cannot tell the budget year: no column named s251_budget_YYYY_YY_...");
}

Status read_spend_per_head(FileReader& reader) {
  const Table& table = reader.table();
  std::size_t at[3];
  const char* names[3] = {"la_name", "category", "year"};
  for (int i = 0; i < 3; ++i) {
    Result<std::size_t> column = reader.column(names[i]);
    if (!column.ok()) return column.error();
    at[i] = column.value();
  }
  const std::vector<std::size_t> measures =
      measure_columns(table, {"la_name", "category", "year", "region"});
  for (const csv::Record& row : table.rows()) {
    Result<std::pair<std::string, int>> period = reader.period(row, at[2]);
    if (!period.ok()) return period.error();
    Result<std::string> area = reader.resolve(row, "", table.cell(row, at[0]));
    if (!area.ok()) return area.error();
    if (area.value().empty()) continue;
    for (std::size_t column : measures) {
      Status added =
          reader.add(row, column, table.header()[column], area.value(), period.value().first,
                     period.value().second, "category", std::string(table.cell(row, at[1])));
      if (!added.ok()) return added;
    }
  }
  return {};
}

}  // namespace

std::vector<Layout> finance_layouts() {
  return {
      {"dsg_allocations", "Dedicated schools grant allocations, by block (£)", kEsfa,
       dsg_allocations,
       [](FileReader& reader) {
         return read_wide(
             reader, "financial_year",
             {"financial_year", "geographic_level", "old_la_code", "la_name", "source_file"});
       }},
      {"high_needs_benchmarking",
       "High needs benchmarking: EHC plans by placement and section "
       "251 high-needs budget",
       kDfe, benchmarking, read_benchmarking},
      {"high_needs_spend_per_head",
       "High-needs placement spend per head of 2-18 population, "
       "state and independent (£)",
       kDfe, spend_per_head, read_spend_per_head},
      {"dsg_cumulative_balance", "DSG cumulative balance as a share of DSG income (%)", kDfe,
       dsg_balance,
       [](FileReader& reader) {
         return read_wide(
             reader, "financial_year",
             {"time_period", "geographic_level", "region_name", "la_name", "financial_year"});
       }},
  };
}

}  // namespace sendplan::dfe
