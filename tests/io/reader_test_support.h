// Helpers shared by the benchmark-reader tests: edit one line of a small instance text, and
// assert that parsing failed with a given code, 1-based line and column, and message fragment.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/result.h"
#include "model/problem.h"

namespace sendplan::io::test_support {

// `text` with its 1-based line `line` replaced (the newline is kept).
inline std::string replace_line(const std::string& text, int line, const std::string& replacement) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  const size_t end = text.find('\n', start);
  return text.substr(0, start) + replacement + text.substr(end);
}

inline void expect_error(const Result<model::Problem>& result, ErrorCode code, int line, int column,
                         const std::string& fragment) {
  ASSERT_FALSE(result.ok());
  const Error& e = result.error();
  EXPECT_EQ(e.code, code) << e.to_string();
  EXPECT_EQ(e.where.line, line) << e.to_string();
  EXPECT_EQ(e.where.column, column) << e.to_string();
  EXPECT_NE(e.message.find(fragment), std::string::npos) << e.to_string();
}

}  // namespace sendplan::io::test_support
