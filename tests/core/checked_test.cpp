// Checked<T, P>: a value, or every problem (never both), and the problems folded into one Error;
// and Result<T> on the same ValueOr base.
#include "core/checked.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/result.h"

namespace sendplan {
namespace {

// A problem type of a layer's own, folded by the combine_problems found beside it.
struct Note {
  std::string text;
};
Error combine_problems(const std::vector<Note>& notes) {
  return make_error(ErrorCode::kInvalidInput, std::to_string(notes.size()) + " notes");
}

TEST(Checked, HoldsAValue) {
  Checked<std::vector<int>> read(std::vector<int>{1, 2});
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value().size(), 2u);
  read.value().push_back(3);
  EXPECT_EQ(std::move(read).value(), (std::vector<int>{1, 2, 3}));
}

TEST(Checked, HoldsEveryProblemAndFoldsThemIntoOneError) {
  const Checked<int> read(std::vector<Error>{
      make_error(ErrorCode::kParse, "bad quote", {"f.csv", 2, 3}),
      make_error(ErrorCode::kInvalidInput, "negative", {"f.csv", 4, 1}),
  });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.problems().size(), 2u);
  const Error error = read.error();
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.message, "2 problems:\nf.csv:2:3: bad quote\nf.csv:4:1: negative");
}

TEST(Checked, FoldsALayersOwnProblemsThroughItsCombine) {
  const Checked<int, Note> read(std::vector<Note>{{"a"}, {"b"}, {"c"}});
  EXPECT_EQ(read.error().message, "3 notes");
}

TEST(Result, SharesTheValueAccessors) {
  Result<std::string> good(std::string("x"));
  ASSERT_TRUE(good);
  EXPECT_EQ(good.value(), "x");
  const Result<std::string> bad(make_error(ErrorCode::kNotFound, "gone"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "gone");
}

}  // namespace
}  // namespace sendplan
