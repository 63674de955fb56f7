// DfE's missing-value symbols: each is missing and says what it means; numbers and words are not.
#include "dfe/symbols.h"

#include <gtest/gtest.h>

#include <string>

namespace sendplan::dfe {
namespace {

TEST(SymbolsTest, EverySymbolIsMissingWithAMeaning) {
  // The symbols ../shared/data/README.md lists, blank cells and R's NA, and "n/a".
  for (const char* symbol : {"x", "z", "c", "low", "-", "..", "~", "", "NA", "n/a"}) {
    SCOPED_TRACE(std::string("symbol '") + symbol + "'");
    EXPECT_TRUE(is_missing(symbol));
    const char* meaning = missing_meaning(symbol);
    ASSERT_NE(meaning, nullptr);
    EXPECT_FALSE(std::string(meaning).empty());
  }
}

TEST(SymbolsTest, MeaningsFollowDfeGuidance) {
  EXPECT_STREQ(missing_meaning("x"), "not available");
  EXPECT_STREQ(missing_meaning("z"), "not applicable");
  EXPECT_NE(std::string(missing_meaning("c")).find("suppressed"), std::string::npos);
  EXPECT_NE(std::string(missing_meaning("low")).find("rounds to zero"), std::string::npos);
  EXPECT_NE(std::string(missing_meaning("~")).find("fewer than 5"), std::string::npos);
}

TEST(SymbolsTest, NumbersAreNotMissing) {
  for (const char* number : {"0", "12", "-1.08", "57.900000000000", "638745", "1e3", "0.0"}) {
    SCOPED_TRACE(number);
    EXPECT_FALSE(is_missing(number));
    EXPECT_EQ(missing_meaning(number), nullptr);
  }
}

TEST(SymbolsTest, WordsAndLookAlikesAreNotMissing) {
  for (const char* text : {"Yes", "No", "lowest", "xx", "--", "...", "n/", "London"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(is_missing(text));
  }
}

}  // namespace
}  // namespace sendplan::dfe
