// Shared by the placements reader tests: reading a test file, and checking a reader's problems
// one by one (file, line, column and a part of the reason).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "placements/provider.h"

namespace sendplan::placements::testing {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Expected {
  int line;
  int column;
  std::string text;  // a part of the message
};

inline void expect_problems(const std::vector<Error>& problems, const std::string& file,
                            const std::vector<Expected>& expected) {
  ASSERT_EQ(problems.size(), expected.size()) << combine_problems(problems).message;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(problems[i].to_string());
    EXPECT_EQ(problems[i].where.file, file);
    EXPECT_EQ(problems[i].where.line, expected[i].line);
    EXPECT_EQ(problems[i].where.column, expected[i].column);
    EXPECT_NE(problems[i].message.find(expected[i].text), std::string::npos)
        << "expected '" << expected[i].text << "'";
  }
}

}  // namespace sendplan::placements::testing
