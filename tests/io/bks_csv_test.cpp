// Best-known-solution tables: the real BKS.csv files and small broken ones in tests/io/data.
#include "io/bks_csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "io/test_paths.h"

namespace sendplan::io {
namespace {

using test_support::benchmarks_dir;
using test_support::test_data;

std::string bks(const std::string& family) {
  return (benchmarks_dir() / family / "BKS.csv").string();
}

TEST(BksCsv, RealDarpTable) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  Result<std::map<std::string, double>> table = read_bks_csv(bks("darp_cordeau"), "bks_cost");
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  EXPECT_EQ(table.value().size(), 48u);
  EXPECT_DOUBLE_EQ(table.value().at("a2-16"), 294.25);
  EXPECT_DOUBLE_EQ(table.value().at("b8-96"), 1185.55);
  // The last column is empty on every row: rows without a value are skipped.
  Result<std::map<std::string, double>> empty =
      read_bks_csv(bks("darp_cordeau"), "cordeau_laporte_2003_tabu_cost");
  ASSERT_TRUE(empty.ok()) << empty.error().to_string();
  EXPECT_TRUE(empty.value().empty());
}

TEST(BksCsv, RealSolomonAndLiLimTables) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  Result<std::map<std::string, double>> solomon =
      read_bks_csv(bks("vrptw_solomon"), "bks_distance_only_cost");
  ASSERT_TRUE(solomon.ok()) << solomon.error().to_string();
  EXPECT_EQ(solomon.value().size(), 56u);
  EXPECT_DOUBLE_EQ(solomon.value().at("C101"), 828.94);
  EXPECT_DOUBLE_EQ(solomon.value().at("R101"), 1642.88);
  Result<std::map<std::string, double>> lilim = read_bks_csv(bks("pdptw_lilim"), "bks_cost");
  ASSERT_TRUE(lilim.ok()) << lilim.error().to_string();
  EXPECT_EQ(lilim.value().size(), 56u);
  EXPECT_DOUBLE_EQ(lilim.value().at("lc101"), 828.9369);
}

TEST(BksCsv, EveryTableRowHasAnInstanceFile) {
  SENDPLAN_SKIP_WITHOUT_BENCHMARKS();
  const std::pair<const char*, const char*> families[] = {
      {"darp_cordeau", nullptr}, {"vrptw_solomon", "instances"}, {"pdptw_lilim", "instances"}};
  for (const auto& [family, folder] : families) {
    Result<std::map<std::string, double>> table = read_bks_csv(bks(family), "bks_cost");
    ASSERT_TRUE(table.ok()) << table.error().to_string();
    for (const auto& [name, value] : table.value()) {
      const std::filesystem::path dir =
          folder != nullptr ? benchmarks_dir() / family / folder
                            : benchmarks_dir() / family / (name.substr(0, 1) + "_instances");
      EXPECT_TRUE(std::filesystem::exists(dir / (name + ".txt"))) << family << " " << name;
      EXPECT_GT(value, 0);
    }
  }
}

TEST(BksCsv, QuotedFieldsCommasDoubledQuotesAndNewlines) {
  Result<std::map<std::string, double>> table = read_bks_csv(test_data("bks-good.csv"), "bks_cost");
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  const std::map<std::string, double> expected = {{"a1", 100.5}, {"a2", 200.25}, {"a4", 700}};
  EXPECT_EQ(table.value(), expected);
}

TEST(BksCsv, UnknownColumn) {
  Result<std::map<std::string, double>> table = read_bks_csv(test_data("bks-good.csv"), "cost");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(table.error().where.file, test_data("bks-good.csv"));
  EXPECT_EQ(table.error().where.line, 1);
  EXPECT_NE(table.error().message.find("unknown column 'cost'"), std::string::npos);
  EXPECT_NE(table.error().message.find("bks_cost"), std::string::npos);
}

TEST(BksCsv, BadNumberNamesLineAndColumn) {
  Result<std::map<std::string, double>> table =
      read_bks_csv(test_data("bks-bad-number.csv"), "bks_cost");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, ErrorCode::kParse);
  EXPECT_EQ(table.error().where.line, 3);
  EXPECT_EQ(table.error().where.column, 4);
  EXPECT_NE(table.error().message.find("'12.x5'"), std::string::npos) << table.error().message;
  // A text column cannot be read as numbers either.
  EXPECT_FALSE(read_bks_csv(test_data("bks-bad-number.csv"), "source").ok());
}

TEST(BksCsv, ShortRowUnterminatedQuoteAndDuplicate) {
  Result<std::map<std::string, double>> short_row =
      read_bks_csv(test_data("bks-short-row.csv"), "bks_cost");
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.error().code, ErrorCode::kParse);
  EXPECT_EQ(short_row.error().where.line, 3);

  Result<std::map<std::string, double>> unterminated =
      read_bks_csv(test_data("bks-unterminated.csv"), "bks_cost");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_EQ(unterminated.error().code, ErrorCode::kParse);
  EXPECT_EQ(unterminated.error().where.line, 2);
  EXPECT_EQ(unterminated.error().where.column, 8);

  Result<std::map<std::string, double>> duplicate =
      read_bks_csv(test_data("bks-duplicate.csv"), "bks_cost");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().where.line, 3);
  EXPECT_NE(duplicate.error().message.find("first on line 2"), std::string::npos);
}

TEST(BksCsv, MissingFileIsNotFound) {
  Result<std::map<std::string, double>> table = read_bks_csv(test_data("nope.csv"), "bks_cost");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace sendplan::io
