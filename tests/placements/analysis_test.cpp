// The placements analyses on a small hand-made register whose every figure is worked out in the
// comments, and the small-number suppression on hand-made tables (plus a property check that no
// hidden count can be recovered from the shown ones).
#include "placements/analysis.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/random.h"

namespace sendplan::placements {
namespace {

constexpr const char* kDate = "2025-01-15";

std::vector<BoroughInfo> boroughs() {
  return {{"Ashford Vale", "201", "North"},
          {"Brookmere", "202", "North"},
          {"Cresthill", "203", "South"}};
}

Provider provider(std::int64_t id, std::string name, ProviderType type, std::string la) {
  Provider p;
  p.id = id;
  p.name = std::move(name);
  p.type = type;
  p.la_number = std::move(la);
  return p;
}

// Alpha in Ashford Vale (201), Beta in Brookmere (202), Gamma outside London (886), Delta with
// no LA number. Provider 99 is not in the list.
std::vector<Provider> providers() {
  return {provider(1, "Alpha School", ProviderType::kIndependentSpecial, "201"),
          provider(2, "Beta School", ProviderType::kNonMaintainedSpecial, "202"),
          provider(3, "Gamma College", ProviderType::kSpecialPost16, "886"),
          provider(4, "Delta Unit", ProviderType::kMaintainedSpecial, "")};
}

FeePeriod period(std::string from, std::int64_t total) {
  FeePeriod p;
  p.from = std::move(from);
  p.fees.education = total / 2;
  p.fees.care = total - total / 2;
  return p;
}

Placement placement(std::int64_t id, std::string borough, std::string ref, Need need,
                    std::int64_t provider_id, std::int64_t fee, std::int64_t transport) {
  Placement p;
  p.id = id;
  p.borough = std::move(borough);
  p.child_ref = std::move(ref);
  p.need = need;
  p.provider_id = provider_id;
  p.start_date = "2023-09-01";
  p.fees = {period("2023-09-01", fee)};
  p.transport_cost = transport;
  return p;
}

// Active on 2025-01-15 with a fee (fee + transport = annual cost):
//   1 Ashford AA-00001 ASD  Alpha  60000 + 5000 =  65000   in borough
//   2 Ashford AA-00002 ASD  Beta   70000 + 3000 =  73000   other London
//   3 Ashford AA-00003 ASD  Gamma  80000 + 8000 =  88000   outside London (fee from history)
//   4 Ashford AA-00004 ASD  Delta 100000 +    0 = 100000   location unknown
//   5 Ashford AA-00005 SEMH Gamma 120000 + 2000 = 122000   outside London
//   6 Brook   BB-00001 ASD  Alpha  50000 + 4000 =  54000   other London
//   7 Brook   BB-00002 ASD  Beta   90000 + 1000 =  91000   in borough
//  12 Brook   BB-00004 SLD  Beta   95000 + 5000 = 100000   in borough (ties with 4)
//  13 Crest   CC-00003 OTH  (99)   40000 +    0 =  40000   location unknown
// Left out: 8 ended 2024-12-31; 9 starts 2025-02-01; 10 active without a fee in force yet
// (counted where children are placed: other London); 11 from a borough not in the list.
std::vector<Placement> register_fixture() {
  std::vector<Placement> list;
  list.push_back(placement(1, "Ashford Vale", "AA-00001", Need::kAsd, 1, 60000, 5000));
  list.push_back(placement(2, "Ashford Vale", "AA-00002", Need::kAsd, 2, 70000, 3000));
  Placement third = placement(3, "Ashford Vale", "AA-00003", Need::kAsd, 3, 75000, 8000);
  // Out of order on purpose: the latest `from` on or before the date wins.
  third.fees = {period("2025-04-01", 90000), period("2023-09-01", 75000),
                period("2024-04-01", 80000)};
  list.push_back(third);
  list.push_back(placement(4, "Ashford Vale", "AA-00004", Need::kAsd, 4, 100000, 0));
  list.push_back(placement(5, "Ashford Vale", "AA-00005", Need::kSemh, 3, 120000, 2000));
  list.push_back(placement(6, "Brookmere", "BB-00001", Need::kAsd, 1, 50000, 4000));
  list.push_back(placement(7, "Brookmere", "BB-00002", Need::kAsd, 2, 90000, 1000));
  Placement ended = placement(8, "Brookmere", "BB-00003", Need::kSemh, 1, 200000, 0);
  ended.end_date = "2024-12-31";
  list.push_back(ended);
  Placement future = placement(9, "Cresthill", "CC-00001", Need::kSlcn, 1, 210000, 0);
  future.start_date = "2025-02-01";
  list.push_back(future);
  Placement unpriced = placement(10, "Cresthill", "CC-00002", Need::kSlcn, 2, 220000, 0);
  unpriced.fees = {period("2025-03-01", 220000)};
  list.push_back(unpriced);
  list.push_back(placement(11, "Nowhere", "NW-00001", Need::kAsd, 1, 230000, 0));
  list.push_back(placement(12, "Brookmere", "BB-00004", Need::kSld, 2, 95000, 5000));
  list.push_back(placement(13, "Cresthill", "CC-00003", Need::kOth, 99, 40000, 0));
  return list;
}

std::vector<Placement> in_list(std::vector<Placement> list) {
  std::erase_if(list, [](const Placement& p) { return p.borough == "Nowhere"; });
  return list;
}

void expect_summary(const FeeSummary& summary, int count, double lower, double median,
                    double upper) {
  EXPECT_EQ(summary.count, count);
  EXPECT_DOUBLE_EQ(summary.lower_quartile, lower);
  EXPECT_DOUBLE_EQ(summary.median, median);
  EXPECT_DOUBLE_EQ(summary.upper_quartile, upper);
}

// ---- dates and fee history ----

TEST(AnalysisDatesTest, ActiveFromStartToEndInclusive) {
  Placement p;
  p.start_date = "2024-09-01";
  p.end_date = "2025-01-15";
  EXPECT_FALSE(is_active_on(p, "2024-08-31"));
  EXPECT_TRUE(is_active_on(p, "2024-09-01"));
  EXPECT_TRUE(is_active_on(p, "2025-01-15"));
  EXPECT_FALSE(is_active_on(p, "2025-01-16"));
  p.end_date = "";
  EXPECT_TRUE(is_active_on(p, "2030-01-01"));
  p.start_date = "";
  EXPECT_TRUE(is_active_on(p, "1999-01-01"));
}

TEST(AnalysisDatesTest, FeeInForceIsTheLatestPeriodStartedOnOrBeforeTheDate) {
  Placement p;
  p.fees = {period("2025-04-01", 90000), period("2023-09-01", 75000), period("2024-04-01", 80000)};
  EXPECT_EQ(fees_in_force(p, "2023-08-31"), nullptr);
  EXPECT_EQ(fees_in_force(p, "2023-09-01")->fees.total(), 75000);
  EXPECT_EQ(fees_in_force(p, "2024-03-31")->fees.total(), 75000);
  EXPECT_EQ(fees_in_force(p, "2024-04-01")->fees.total(), 80000);
  EXPECT_EQ(fees_in_force(p, kDate)->fees.total(), 80000);
  EXPECT_EQ(fees_in_force(p, "2025-04-01")->fees.total(), 90000);
  // A correction recorded later for the same date wins.
  p.fees.push_back(period("2024-04-01", 81000));
  EXPECT_EQ(fees_in_force(p, kDate)->fees.total(), 81000);
  EXPECT_EQ(fees_in_force(Placement{}, kDate), nullptr);
}

// ---- (a) most expensive ----

TEST(AnalysisTopCostTest, OrdersByTotalThenBoroughThenChildRef) {
  const std::vector<CostlyPlacement> all =
      most_expensive_placements(in_list(register_fixture()), providers(), kDate, 100);
  std::vector<std::string> refs;
  std::vector<std::int64_t> totals;
  for (const CostlyPlacement& row : all) {
    refs.push_back(row.child_ref);
    totals.push_back(row.total);
  }
  EXPECT_EQ(refs,
            (std::vector<std::string>{"AA-00005", "AA-00004", "BB-00004", "BB-00002", "AA-00003",
                                      "AA-00002", "AA-00001", "BB-00001", "CC-00003"}));
  EXPECT_EQ(totals, (std::vector<std::int64_t>{122000, 100000, 100000, 91000, 88000, 73000, 65000,
                                               54000, 40000}));
  const CostlyPlacement& top = all.front();
  EXPECT_EQ(top.borough, "Ashford Vale");
  EXPECT_EQ(top.need, Need::kSemh);
  EXPECT_EQ(top.provider_id, 3);
  EXPECT_EQ(top.provider_name, "Gamma College");
  EXPECT_EQ(top.fees.education, 60000);
  EXPECT_EQ(top.fees.care, 60000);
  EXPECT_EQ(top.transport, 2000);
  EXPECT_EQ(all.back().provider_name, "");  // provider 99 is not in the list
  // The fee in force on the date, not the latest: 80000 + 8000.
  EXPECT_EQ(all[4].fees.total(), 80000);
}

TEST(AnalysisTopCostTest, CutsTiesDeterministicallyAndFiltersByBorough) {
  const std::vector<Placement> list = in_list(register_fixture());
  const std::vector<CostlyPlacement> two = most_expensive_placements(list, providers(), kDate, 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].child_ref, "AA-00004");  // ties with BB-00004 at 100000: Ashford first
  const std::vector<CostlyPlacement> brookmere =
      most_expensive_placements(list, providers(), kDate, 10, "Brookmere");
  ASSERT_EQ(brookmere.size(), 3u);
  EXPECT_EQ(brookmere[0].child_ref, "BB-00004");
  EXPECT_EQ(brookmere[1].child_ref, "BB-00002");
  EXPECT_EQ(brookmere[2].child_ref, "BB-00001");
  EXPECT_TRUE(most_expensive_placements(list, providers(), kDate, 0).empty());
  // Same child ref in two boroughs at the same cost: borough decides.
  std::vector<Placement> twins = {placement(1, "Brookmere", "X-1", Need::kAsd, 1, 5, 0),
                                  placement(2, "Ashford Vale", "X-1", Need::kAsd, 1, 5, 0),
                                  placement(3, "Ashford Vale", "X-0", Need::kAsd, 1, 5, 0)};
  const std::vector<CostlyPlacement> ordered = most_expensive_placements(twins, {}, kDate, 3);
  EXPECT_EQ(ordered[0].placement_id, 3);
  EXPECT_EQ(ordered[1].placement_id, 2);
  EXPECT_EQ(ordered[2].placement_id, 1);
}

// ---- (b) quantiles and fee benchmarks ----

TEST(AnalysisQuantileTest, HyndmanFanType7) {
  // p = q(n − 1): n = 4 → 0.75, 1.5, 2.25.
  EXPECT_DOUBLE_EQ(quantile_type7({40, 10, 30, 20}, 0.25), 17.5);
  EXPECT_DOUBLE_EQ(quantile_type7({40, 10, 30, 20}, 0.5), 25);
  EXPECT_DOUBLE_EQ(quantile_type7({40, 10, 30, 20}, 0.75), 32.5);
  EXPECT_DOUBLE_EQ(quantile_type7({1, 2, 3, 4, 5}, 0.25), 2);
  EXPECT_DOUBLE_EQ(quantile_type7({1, 2, 3, 4, 5}, 0.75), 4);
  EXPECT_DOUBLE_EQ(quantile_type7({7}, 0.25), 7);
  EXPECT_DOUBLE_EQ(quantile_type7({1, 9}, 0), 1);
  EXPECT_DOUBLE_EQ(quantile_type7({1, 9}, 1), 9);
  EXPECT_DOUBLE_EQ(quantile_type7({1, 9}, 1.5), 9);  // clamped
  expect_summary(summarise_fees({}), 0, 0, 0, 0);
}

TEST(AnalysisFeeBenchmarkTest, ByNeedPerBoroughAgainstLondon) {
  const BoroughTable<FeeSummary> table =
      fee_benchmarks_by_need(register_fixture(), boroughs(), kDate);
  ASSERT_EQ(table.rows.size(), 3u);
  ASSERT_EQ(table.columns.size(), static_cast<std::size_t>(kNeedCount));
  EXPECT_EQ(table.columns[0], need_code(Need::kAsd));
  const auto asd = static_cast<std::size_t>(Need::kAsd);
  const auto semh = static_cast<std::size_t>(Need::kSemh);
  const auto sld = static_cast<std::size_t>(Need::kSld);
  const auto slcn = static_cast<std::size_t>(Need::kSlcn);
  // Ashford ASD {60, 70, 80, 100}k: p = 0.75, 1.5, 2.25.
  expect_summary(table.cells[0][asd], 4, 67500, 75000, 85000);
  // Brookmere ASD {50, 90}k: p = 0.25, 0.5, 0.75.
  expect_summary(table.cells[1][asd], 2, 60000, 70000, 80000);
  expect_summary(table.cells[0][semh], 1, 120000, 120000, 120000);
  expect_summary(table.cells[1][sld], 1, 95000, 95000, 95000);
  expect_summary(table.cells[2][slcn], 0, 0, 0, 0);  // 9 not started, 10 has no fee yet
  // London ASD {50, 60, 70, 80, 90, 100}k: p = 1.25, 2.5, 3.75 (80k + 0.75 · 10k).
  expect_summary(table.column_totals[asd], 6, 62500, 75000, 87500);
  // Ashford over all needs {60, 70, 80, 100, 120}k: p = 1, 2, 3.
  expect_summary(table.row_totals[0], 5, 70000, 80000, 100000);
  // Brookmere {50, 90, 95}k: p = 0.5, 1, 1.5.
  expect_summary(table.row_totals[1], 3, 70000, 90000, 92500);
  expect_summary(table.row_totals[2], 1, 40000, 40000, 40000);
  // London {40, 50, 60, 70, 80, 90, 95, 100, 120}k: p = 2, 4, 6 (Nowhere's 230k left out).
  expect_summary(table.grand_total, 9, 60000, 80000, 95000);
}

TEST(AnalysisFeeBenchmarkTest, ByProviderSortedByName) {
  const BoroughTable<FeeSummary> table =
      fee_benchmarks_by_provider(register_fixture(), providers(), boroughs(), kDate);
  EXPECT_EQ(table.columns, (std::vector<std::string>{"Alpha School", "Beta School", "Delta Unit",
                                                     "Gamma College", "provider 99"}));
  EXPECT_EQ(table.column_ids, (std::vector<std::int64_t>{1, 2, 4, 3, 99}));
  expect_summary(table.column_totals[0], 2, 52500, 55000, 57500);    // {50, 60}k
  expect_summary(table.column_totals[1], 3, 80000, 90000, 92500);    // {70, 90, 95}k
  expect_summary(table.column_totals[3], 2, 90000, 100000, 110000);  // {80, 120}k
  expect_summary(table.cells[1][1], 2, 91250, 92500, 93750);         // Brookmere at Beta {90, 95}k
  expect_summary(table.cells[0][1], 1, 70000, 70000, 70000);
  expect_summary(table.cells[2][4], 1, 40000, 40000, 40000);
  expect_summary(table.cells[2][1], 0, 0, 0, 0);
  expect_summary(table.grand_total, 9, 60000, 80000, 95000);
}

// ---- (c) spend ----

TEST(AnalysisSpendTest, SumCountMeanByProviderType) {
  const BoroughTable<Spend> table =
      spend_by_provider_type(register_fixture(), providers(), boroughs(), kDate);
  ASSERT_EQ(table.columns.size(), 7u);
  EXPECT_EQ(table.columns[6], "unknown");
  EXPECT_EQ(table.columns[0], provider_type_code(ProviderType::kIndependentSpecial));
  const Spend& independent = table.column_totals[0];  // 1 and 6
  EXPECT_EQ(independent.count, 2);
  EXPECT_EQ(independent.fees, 110000);
  EXPECT_EQ(independent.transport, 9000);
  EXPECT_EQ(independent.total, 119000);
  EXPECT_DOUBLE_EQ(independent.mean, 59500);
  const Spend& non_maintained = table.column_totals[1];  // 2, 7 and 12
  EXPECT_EQ(non_maintained.count, 3);
  EXPECT_EQ(non_maintained.total, 264000);
  EXPECT_DOUBLE_EQ(non_maintained.mean, 88000);
  EXPECT_EQ(table.column_totals[2].total, 210000);  // 3 and 5
  EXPECT_EQ(table.column_totals[3].total, 100000);  // 4 at the maintained Delta
  EXPECT_EQ(table.column_totals[4].count, 0);
  EXPECT_DOUBLE_EQ(table.column_totals[4].mean, 0);
  EXPECT_EQ(table.column_totals[6].total, 40000);  // 13: provider not in the list
  EXPECT_EQ(table.row_totals[0].count, 5);
  EXPECT_EQ(table.row_totals[0].fees, 430000);
  EXPECT_EQ(table.row_totals[0].transport, 18000);
  EXPECT_DOUBLE_EQ(table.row_totals[0].mean, 89600);
  EXPECT_EQ(table.cells[1][1].total, 191000);  // Brookmere at Beta: 91000 + 100000
  EXPECT_EQ(table.grand_total.count, 9);
  EXPECT_EQ(table.grand_total.fees, 705000);
  EXPECT_EQ(table.grand_total.transport, 28000);
  EXPECT_EQ(table.grand_total.total, 733000);
}

// ---- (d) out of borough and out of London ----

TEST(AnalysisLocationTest, CountsAndShares) {
  const BoroughTable<int> table =
      placement_locations(register_fixture(), providers(), boroughs(), kDate);
  EXPECT_EQ(table.columns, kLocationColumns);
  EXPECT_EQ(table.cells[0], (std::vector<int>{1, 1, 2, 1}));
  EXPECT_EQ(table.cells[1], (std::vector<int>{2, 1, 0, 0}));
  EXPECT_EQ(table.cells[2], (std::vector<int>{0, 1, 0, 1}));  // 10 counts though unpriced
  EXPECT_EQ(table.row_totals, (std::vector<int>{5, 3, 2}));
  EXPECT_EQ(table.column_totals, (std::vector<int>{3, 3, 2, 2}));
  EXPECT_EQ(table.grand_total, 10);

  const LocationShares ashford = location_shares(table.cells[0]);
  EXPECT_EQ(ashford.known, 4);
  EXPECT_DOUBLE_EQ(*ashford.out_of_borough, 0.75);
  EXPECT_DOUBLE_EQ(*ashford.out_of_london, 0.5);
  const LocationShares brookmere = location_shares(table.cells[1]);
  EXPECT_DOUBLE_EQ(*brookmere.out_of_borough, 1.0 / 3);
  EXPECT_DOUBLE_EQ(*brookmere.out_of_london, 0);
  const LocationShares london = location_shares(table.column_totals);
  EXPECT_DOUBLE_EQ(*london.out_of_borough, 0.625);
  EXPECT_DOUBLE_EQ(*london.out_of_london, 0.25);
  const LocationShares none = location_shares(std::vector<int>{0, 0, 0, 3});
  EXPECT_EQ(none.known, 0);
  EXPECT_FALSE(none.out_of_borough.has_value());
}

TEST(AnalysisLocationTest, SharesHiddenWithTheirCounts) {
  const BoroughTable<int> table =
      placement_locations(register_fixture(), providers(), boroughs(), kDate);
  // Hiding only 1s: Ashford [1h 1h 2 1h]; Brookmere [2 1h 0 0] has one hidden, so its 2 goes
  // too (its column already has one hidden); Cresthill [0 1h 0 1h]; London [3 3 2 2] shown.
  const BoroughTable<std::optional<int>> shown = suppress_counts(table, 2);
  EXPECT_FALSE(shown.cells[1][0].has_value());
  EXPECT_EQ(shown.cells[0][2], 2);
  EXPECT_EQ(shown.row_totals[1], 3);
  EXPECT_FALSE(location_shares(shown.cells[0]).out_of_borough.has_value());
  EXPECT_FALSE(location_shares(shown.cells[1]).out_of_london.has_value());
  EXPECT_FALSE(location_shares(shown.cells[2]).known.has_value());
  EXPECT_DOUBLE_EQ(*location_shares(shown.column_totals).out_of_borough, 0.625);
}

// ---- (e) suppression ----

BoroughTable<int> counts_table(std::vector<std::vector<int>> cells) {
  BoroughTable<int> table;
  table.cells = std::move(cells);
  const std::size_t columns = table.cells.empty() ? 0 : table.cells[0].size();
  table.column_totals.assign(columns, 0);
  for (std::size_t r = 0; r < table.cells.size(); ++r) {
    table.rows.push_back("r" + std::to_string(r));
    int total = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      total += table.cells[r][c];
      table.column_totals[c] += table.cells[r][c];
    }
    table.row_totals.push_back(total);
    table.grand_total += total;
  }
  for (std::size_t c = 0; c < columns; ++c) table.columns.push_back("c" + std::to_string(c));
  return table;
}

constexpr Disclosure S = Disclosure::kShown;
constexpr Disclosure P = Disclosure::kPrimary;
constexpr Disclosure X = Disclosure::kSecondary;

TEST(AnalysisSuppressionTest, HidesOneToFourAndShowsZeroAndFive) {
  const BoroughTable<Disclosure> pattern = suppression_pattern(counts_table({{0, 5}, {0, 6}}));
  EXPECT_EQ(pattern.cells, (std::vector<std::vector<Disclosure>>{{S, S}, {S, S}}));
  const BoroughTable<Disclosure> ones = suppression_pattern(counts_table({{1, 4}, {5, 6}}));
  EXPECT_EQ(ones.cells[0], (std::vector<Disclosure>{P, P}));
  // Row total 5 is shown: two hidden cells under it. Columns c0 {1h, 5} and c1 {4h, 6} each
  // have one hidden: complements 5 and 6, then row r1 has two hidden.
  EXPECT_EQ(ones.cells[1], (std::vector<Disclosure>{X, X}));
  EXPECT_EQ(ones.row_totals, (std::vector<Disclosure>{S, S}));
  EXPECT_EQ(ones.column_totals, (std::vector<Disclosure>{S, S}));
  EXPECT_EQ(ones.grand_total, S);
}

TEST(AnalysisSuppressionTest, OneColumnHidesTheNextSmallestNotTheTotal) {
  // Column {10, 3, 8, 0}, total 21: 3 (and its equal row total) primary; 8 is the complement
  // (the smallest non-zero), and then its row total; the London total stays.
  const BoroughTable<Disclosure> pattern = suppression_pattern(counts_table({{10}, {3}, {8}, {0}}));
  EXPECT_EQ(pattern.cells, (std::vector<std::vector<Disclosure>>{{S}, {P}, {X}, {S}}));
  EXPECT_EQ(pattern.row_totals, (std::vector<Disclosure>{S, P, X, S}));
  EXPECT_EQ(pattern.column_totals, (std::vector<Disclosure>{S}));
  EXPECT_EQ(pattern.grand_total, S);
}

TEST(AnalysisSuppressionTest, SecondarySuppressionMakesARectangle) {
  //        c0  c1  c2 | 24     (0,0)=2 is primary. Row r0's complement: 10 (smaller than 12).
  //   r0    2  10  12 | 24     Column c0's: 6 (smaller than 7). Column c1 now has one hidden
  //   r1    7   9  20 | 36     (10): of 9 and 15, 15 also completes row r2, so it is chosen
  //   r2    6  15   0 | 21     although larger. Hidden: the rectangle r0,r2 × c0,c1.
  //        15  34  32 | 81
  const BoroughTable<Disclosure> pattern =
      suppression_pattern(counts_table({{2, 10, 12}, {7, 9, 20}, {6, 15, 0}}));
  EXPECT_EQ(pattern.cells, (std::vector<std::vector<Disclosure>>{{P, X, S}, {S, S, S}, {X, X, S}}));
  EXPECT_EQ(pattern.row_totals, (std::vector<Disclosure>{S, S, S}));
  EXPECT_EQ(pattern.column_totals, (std::vector<Disclosure>{S, S, S}));
}

TEST(AnalysisSuppressionTest, SmallTotalsAreProtectedToo) {
  //        c0  c1 |        Primary: 2, 1 and the column total 3. Rows r1 and r2 each get
  //   r0    0   6 |  6     their c1 cell as complement; the row of column totals then has one
  //   r1    2   9 | 11     hidden (3), so 22 goes too.
  //   r2    1   7 |  8
  //         3  22 | 25
  const BoroughTable<Disclosure> pattern =
      suppression_pattern(counts_table({{0, 6}, {2, 9}, {1, 7}}));
  EXPECT_EQ(pattern.cells, (std::vector<std::vector<Disclosure>>{{S, S}, {P, X}, {P, X}}));
  EXPECT_EQ(pattern.column_totals, (std::vector<Disclosure>{P, X}));
  EXPECT_EQ(pattern.row_totals, (std::vector<Disclosure>{S, S, S}));
  EXPECT_EQ(pattern.grand_total, S);
}

TEST(AnalysisSuppressionTest, ClosesACycleThroughABridge) {
  // Two blocks of 1s joined by (1,2): every line has two or more hidden counts, yet (1,2) can be
  // worked out (row r1's total minus its block's). One more count, (0,2), closes a cycle.
  const BoroughTable<Disclosure> pattern = suppression_pattern(
      counts_table({{1, 1, 10, 10}, {1, 1, 1, 10}, {10, 10, 1, 1}, {10, 10, 1, 1}}));
  EXPECT_EQ(pattern.cells, (std::vector<std::vector<Disclosure>>{
                               {P, P, X, S}, {P, P, P, S}, {S, S, P, P}, {S, S, P, P}}));
  EXPECT_EQ(pattern.grand_total, S);
}

// Independent check: a hidden entry can be recovered exactly when its unit vector lies in the
// row space of the line equations restricted to the hidden entries.
int rank_of(std::vector<std::vector<double>> matrix) {
  int rank = 0;
  const std::size_t columns = matrix.empty() ? 0 : matrix[0].size();
  for (std::size_t c = 0; c < columns && rank < static_cast<int>(matrix.size()); ++c) {
    std::size_t pivot = static_cast<std::size_t>(rank);
    for (std::size_t r = pivot; r < matrix.size(); ++r)
      if (std::abs(matrix[r][c]) > std::abs(matrix[pivot][c])) pivot = r;
    if (std::abs(matrix[pivot][c]) < 1e-9) continue;
    std::swap(matrix[pivot], matrix[static_cast<std::size_t>(rank)]);
    const std::vector<double>& top = matrix[static_cast<std::size_t>(rank)];
    for (std::size_t r = 0; r < matrix.size(); ++r) {
      if (r == static_cast<std::size_t>(rank)) continue;
      const double factor = matrix[r][c] / top[c];
      for (std::size_t k = 0; k < columns; ++k) matrix[r][k] -= factor * top[k];
    }
    ++rank;
  }
  return rank;
}

TEST(AnalysisSuppressionTest, NoHiddenCountCanBeRecoveredOnRandomTables) {
  Random random(20250115);
  for (int trial = 0; trial < 200; ++trial) {
    const int rows = random.between(1, 6);
    const int columns = random.between(1, 6);
    std::vector<std::vector<int>> cells(static_cast<std::size_t>(rows));
    for (auto& row : cells)
      for (int c = 0; c < columns; ++c)
        row.push_back(random.chance(0.4) ? random.between(1, 4) : random.between(0, 30));
    const BoroughTable<int> table = counts_table(cells);
    const BoroughTable<Disclosure> pattern = suppression_pattern(table);
    // The extended grid and which entries are hidden.
    const auto R = static_cast<std::size_t>(rows);
    const auto C = static_cast<std::size_t>(columns);
    auto state = [&](std::size_t r, std::size_t c) {
      if (r < R && c < C) return pattern.cells[r][c];
      if (r < R) return pattern.row_totals[r];
      if (c < C) return pattern.column_totals[c];
      return pattern.grand_total;
    };
    auto value = [&](std::size_t r, std::size_t c) {
      if (r < R && c < C) return table.cells[r][c];
      if (r < R) return table.row_totals[r];
      if (c < C) return table.column_totals[c];
      return table.grand_total;
    };
    std::vector<std::pair<std::size_t, std::size_t>> hidden;
    for (std::size_t r = 0; r <= R; ++r)
      for (std::size_t c = 0; c <= C; ++c) {
        const int count = value(r, c);
        if (count > 0 && count < kSuppressBelow) {
          EXPECT_EQ(state(r, c), P);
        }
        if (state(r, c) != S) hidden.emplace_back(r, c);
      }
    if (hidden.empty()) continue;
    std::vector<std::vector<double>> equations;
    for (std::size_t line = 0; line < R + 1 + C + 1; ++line) {
      std::vector<double> equation(hidden.size(), 0);
      for (std::size_t h = 0; h < hidden.size(); ++h) {
        const auto [r, c] = hidden[h];
        if (line <= R && r == line) equation[h] = c == C ? -1 : 1;
        if (line > R && c == line - R - 1) equation[h] = r == R ? -1 : 1;
      }
      equations.push_back(equation);
    }
    const int base = rank_of(equations);
    for (std::size_t h = 0; h < hidden.size(); ++h) {
      std::vector<std::vector<double>> extended = equations;
      std::vector<double> unit(hidden.size(), 0);
      unit[h] = 1;
      extended.push_back(unit);
      EXPECT_GT(rank_of(extended), base) << "trial " << trial << ": entry (" << hidden[h].first
                                         << ", " << hidden[h].second << ") can be recovered";
    }
  }
}

TEST(AnalysisSuppressionTest, MoneyIsHiddenWithItsCount) {
  // Fees by need: Ashford ASD (4) and SEMH (1), Brookmere ASD (2) and SLD (1), Cresthill OTH (1),
  // Brookmere's and Cresthill's totals (3, 1) and London's SEMH, SLD, OTH (1 each) are primary;
  // every line then has 0 or at least 2 hidden, and no entry is on a bridge.
  const BoroughTable<FeeSummary> fees =
      fee_benchmarks_by_need(register_fixture(), boroughs(), kDate);
  const BoroughTable<std::optional<FeeSummary>> shown = suppress_fee_benchmarks(fees);
  const auto asd = static_cast<std::size_t>(Need::kAsd);
  EXPECT_FALSE(shown.cells[0][asd].has_value());  // a median of 4 fees
  EXPECT_FALSE(shown.cells[1][asd].has_value());
  ASSERT_TRUE(shown.column_totals[asd].has_value());  // London ASD: 6
  EXPECT_DOUBLE_EQ(shown.column_totals[asd]->median, 75000);
  ASSERT_TRUE(shown.row_totals[0].has_value());  // Ashford: 5
  EXPECT_DOUBLE_EQ(shown.row_totals[0]->median, 80000);
  EXPECT_FALSE(shown.row_totals[1].has_value());
  EXPECT_FALSE(shown.column_totals[static_cast<std::size_t>(Need::kSemh)].has_value());
  ASSERT_TRUE(shown.cells[2][static_cast<std::size_t>(Need::kMld)].has_value());  // count 0
  EXPECT_EQ(shown.cells[2][static_cast<std::size_t>(Need::kMld)]->count, 0);
  ASSERT_TRUE(shown.grand_total.has_value());
  EXPECT_EQ(shown.grand_total->count, 9);

  // A secondary suppression hides money too: 8 children's spend next to 3 children's.
  BoroughTable<Spend> spend;
  spend.rows = {"r0", "r1", "r2"};
  spend.columns = {"independent-special"};
  auto make = [](int count, std::int64_t total) {
    Spend s;
    s.count = count;
    s.fees = total;
    s.total = total;
    s.mean = static_cast<double>(total) / count;
    return s;
  };
  spend.cells = {{make(10, 700000)}, {make(3, 300000)}, {make(8, 600000)}};
  spend.row_totals = {make(10, 700000), make(3, 300000), make(8, 600000)};
  spend.column_totals = {make(21, 1600000)};
  spend.grand_total = make(21, 1600000);
  const BoroughTable<std::optional<Spend>> hidden = suppress_spend(spend);
  EXPECT_TRUE(hidden.cells[0][0].has_value());
  EXPECT_FALSE(hidden.cells[1][0].has_value());
  EXPECT_FALSE(hidden.cells[2][0].has_value());  // 8 children, hidden so 3's cannot be derived
  EXPECT_FALSE(hidden.row_totals[2].has_value());
  ASSERT_TRUE(hidden.grand_total.has_value());
  EXPECT_EQ(hidden.grand_total->total, 1600000);
}

}  // namespace
}  // namespace sendplan::placements
