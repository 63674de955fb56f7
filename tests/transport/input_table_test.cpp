// The planner's input files through the one CSV reader (transport/input_table.h): what the old
// line reader did and must still do (trimmed cells, any-case headers, the formula guard undone,
// CR-only files, one problem for a file that is not UTF-8 or is empty), and what it now reads
// that it could not (a quoted cell over two lines).
#include "transport/input_table.h"

#include <gtest/gtest.h>

#include "test_helpers.h"
#include "transport/readers.h"
#include "transport/templates.h"

namespace sendplan::transport {
namespace {

using testing::dump;

detail::InputTable read(std::string_view text, detail::ProblemList& problems) {
  return detail::read_input_table(text, problems);
}

TEST(InputTable, CellsAreTrimmedFoundByAnyCaseAndUnguarded) {
  detail::ProblemList problems("f.csv");
  const detail::InputTable table = read(" Pupil_ID ,Note\r\n  P1 , '=SUM(A1) \r\n", problems);
  ASSERT_TRUE(problems.empty()) << dump(problems.problems());
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.header_line(), 1);
  EXPECT_EQ(table.cell(table.rows[0], "pupil_id"), "P1");
  EXPECT_EQ(table.cell(table.rows[0], "NOTE"), "=SUM(A1)");  // sendplan's guard undone
  EXPECT_EQ(table.cell(table.rows[0], "absent"), "");
}

TEST(InputTable, ReadsOldMacLineEndsAndKeepsLineNumbers) {
  detail::ProblemList problems("f.csv");
  const detail::InputTable table = read("id\r\rA\rB\r", problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 3);
  EXPECT_EQ(table.rows[1].line, 4);
}

TEST(InputTable, AFileThatIsNotUtf8OrIsEmptyIsOneProblem) {
  detail::ProblemList latin1("f.csv");
  read("id,name\nP1,Ren\xE9\n", latin1);
  ASSERT_EQ(latin1.size(), 1u);
  EXPECT_EQ(latin1.problems()[0].to_string(),
            "f.csv:2: file is not UTF-8 (byte 0xE9 at line 2, column 7; looks like "
            "Latin-1/Windows-1252: save it as CSV UTF-8)");
  detail::ProblemList empty("f.csv");
  read("\n  \n", empty);
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty.problems()[0].to_string(), "f.csv:1: the file is empty: expected a header row");
}

TEST(InputTable, BadQuotingIsAProblemAtItsLine) {
  detail::ProblemList problems("f.csv");
  read("id,name\nP1,\"Amy\"x\n", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.problems()[0].to_string(), "f.csv:2: unexpected text after a closing quote");
}

// New with the one reader: a quoted cell may hold a line end, and later rows keep their lines.
TEST(InputTable, AQuotedCellMaySpanLines) {
  std::string text = pupils_template();
  const std::size_t first_row = text.find('\n') + 1;
  const std::size_t first_comma = text.find(',', first_row);
  ASSERT_NE(first_comma, std::string::npos);
  // The first pupil's borough cell, quoted and over two lines.
  const std::size_t borough_end = text.find(',', first_comma + 1);
  text.replace(first_comma + 1, borough_end - first_comma - 1, "\"Camden\nNorth\"");
  auto read_pupils = parse_pupils(text, "pupils.csv", {}, nullptr);
  ASSERT_TRUE(read_pupils.ok()) << dump(read_pupils.problems());
  EXPECT_EQ(read_pupils.value()[0].borough, "Camden\nNorth");
  EXPECT_EQ(read_pupils.value()[1].source_row, 4);  // one line further down than before
}

}  // namespace
}  // namespace sendplan::transport
