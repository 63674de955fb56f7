#include "core/error.h"

#include <gtest/gtest.h>

#include <set>

#include "core/result.h"

namespace sendplan {
namespace {

TEST(Error, ToStringNamesFileLineAndColumn) {
  Error e = make_error(ErrorCode::kParse, "expected a number", {"a2-16.txt", 3, 7});
  EXPECT_EQ(e.to_string(), "a2-16.txt:3:7: expected a number");
}

TEST(Error, ToStringLeavesOutUnknownParts) {
  EXPECT_EQ(make_error(ErrorCode::kIo, "disk full", {"out.json", 0, 0}).to_string(),
            "out.json: disk full");
  EXPECT_EQ(make_error(ErrorCode::kIo, "disk full").to_string(), "disk full");
}

TEST(Error, EveryCodeHasADistinctNonZeroExitCode) {
  std::set<int> seen;
  for (ErrorCode c :
       {ErrorCode::kInvalidArgument, ErrorCode::kParse, ErrorCode::kInvalidInput,
        ErrorCode::kNotFound, ErrorCode::kIo, ErrorCode::kInfeasible, ErrorCode::kInternal}) {
    EXPECT_NE(exit_code(c), 0);
    EXPECT_NE(exit_code(c), 1);
    EXPECT_TRUE(seen.insert(exit_code(c)).second);
  }
}

TEST(Result, HoldsValueOrError) {
  Result<int> good = 5;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 5);
  Result<int> bad = make_error(ErrorCode::kNotFound, "nope");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
  Status fine;
  EXPECT_TRUE(fine.ok());
  Status failed = make_error(ErrorCode::kIo, "x");
  EXPECT_FALSE(failed.ok());
}

}  // namespace
}  // namespace sendplan
