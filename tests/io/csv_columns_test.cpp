// The one header-to-field mapping: names trimmed and matched ignoring case, a repeated name
// (first column wins, the repeat listed), missing required columns, cells by name, and where a
// problem points (the cell, or the row's start for a short row).
#include "io/csv_columns.h"

#include <gtest/gtest.h>

namespace sendplan::csv {
namespace {

struct Read {
  Columns columns;
  std::vector<Record> rows;
};

Read read(std::string_view text) {
  Reader reader(text, "f.csv");
  std::vector<Record> records = reader.read_all().value();
  Read result;
  result.columns = Columns(records.front(), "f.csv");
  result.rows.assign(records.begin() + 1, records.end());
  return result;
}

TEST(CsvColumns, MatchesTrimmedNamesIgnoringCase) {
  const Read file = read(" Pupil_ID ,\tName\t,POSTCODE\nP1,Amy,N1 1AA\n");
  EXPECT_EQ(file.columns.names(), (std::vector<std::string>{"Pupil_ID", "Name", "POSTCODE"}));
  EXPECT_EQ(file.columns.find("pupil_id"), 0u);
  EXPECT_EQ(file.columns.find(" name "), 1u);
  EXPECT_EQ(file.columns.find("Postcode"), 2u);
  EXPECT_FALSE(file.columns.has("pupil"));
  EXPECT_EQ(file.columns.cell(file.rows[0], "NAME"), "Amy");
  EXPECT_EQ(file.columns.cell(file.rows[0], "absent"), "");
}

TEST(CsvColumns, ARepeatedNameKeepsItsFirstColumn) {
  const Read file = read("id,name,ID,Name,\nA,Amy,B,Bea,x\n");
  EXPECT_EQ(file.columns.find("id"), 0u);
  EXPECT_EQ(file.columns.cell(file.rows[0], "name"), "Amy");
  ASSERT_EQ(file.columns.repeats().size(), 2u);  // an unnamed column is no repeat
  EXPECT_EQ(file.columns.repeats()[0].column, 2u);
  EXPECT_EQ(file.columns.repeats()[0].first, 0u);
  EXPECT_EQ(file.columns.repeats()[1].column, 3u);
  EXPECT_EQ(file.columns.repeats()[1].first, 1u);
}

TEST(CsvColumns, ListsMissingRequiredColumns) {
  const Read file = read("name,Type\nx,y\n");
  EXPECT_EQ(file.columns.missing({"name", "type", "urn", "id"}),
            (std::vector<std::string>{"urn", "id"}));
  EXPECT_TRUE(file.columns.missing({"NAME"}).empty());
}

TEST(CsvColumns, PointsAtTheCellOrTheRowsStart) {
  const Read file = read("\n a , b,c\n1,\"two\nlines\",3\nshort\n");
  const SourceLocation header_b = file.columns.header_where(1);
  EXPECT_EQ(header_b.line, 2);
  EXPECT_EQ(header_b.column, 5);  // the field starts after the comma, at its space
  EXPECT_EQ(file.columns.header_where(std::nullopt).line, 2);
  EXPECT_EQ(file.columns.header_where(std::nullopt).column, 1);
  EXPECT_EQ(file.columns.line(), 2);

  const SourceLocation c = file.columns.where(file.rows[0], "c");
  EXPECT_EQ(c.file, "f.csv");
  EXPECT_EQ(c.line, 4);
  EXPECT_EQ(c.column, 8);
  const SourceLocation missing = file.columns.where(file.rows[1], "b");  // the row is short
  EXPECT_EQ(missing.line, 5);
  EXPECT_EQ(missing.column, 1);
  EXPECT_EQ(file.columns.field(file.rows[1], "c"), nullptr);
}

TEST(CsvColumns, SameNameIgnoresAsciiCaseOnly) {
  EXPECT_TRUE(same_name("LA (code)", "la (CODE)"));
  EXPECT_FALSE(same_name("caf\xC3\xA9", "CAF\xC3\x89"));  // é and É differ: ASCII only
  EXPECT_FALSE(same_name("a", "ab"));
}

}  // namespace
}  // namespace sendplan::csv
