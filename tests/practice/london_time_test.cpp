// London time: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October; the skipped and repeated hours; leap years; and input that is not a time.
#include "practice/london_time.h"

#include <gtest/gtest.h>

namespace sendplan::practice {
namespace {

std::string utc(const std::string& local) {
  const Result<std::string> result = london_to_utc(local);
  EXPECT_TRUE(result.ok()) << local;
  return result.ok() ? result.value() : "";
}

TEST(LondonTime, WinterIsGmtAndSummerIsBst) {
  EXPECT_EQ(utc("2027-01-15T12:00"), "2027-01-15T12:00:00Z");
  EXPECT_EQ(utc("2027-07-15T12:00"), "2027-07-15T11:00:00Z");
  EXPECT_EQ(utc("2027-03-31T23:59"), "2027-03-31T22:59:00Z");  // the header's example
  EXPECT_EQ(utc("2027-12-31T23:59:59"), "2027-12-31T23:59:59Z");
}

TEST(LondonTime, SummerTimeStartsAtOneUtcOnTheLastSundayOfMarch) {
  // 2027: the last Sunday of March is the 28th.
  EXPECT_EQ(utc("2027-03-28T00:59"), "2027-03-28T00:59:00Z");  // still GMT
  EXPECT_EQ(utc("2027-03-28T02:00"), "2027-03-28T01:00:00Z");  // BST
  // 01:00-01:59 never happens on the clock: read as BST.
  EXPECT_EQ(utc("2027-03-28T01:30"), "2027-03-28T00:30:00Z");
  EXPECT_EQ(utc("2027-03-21T12:00"), "2027-03-21T12:00:00Z");  // a week before: GMT
  EXPECT_EQ(utc_to_london_local("2027-03-28T00:59:59Z"), "2027-03-28T00:59:59");
  EXPECT_EQ(utc_to_london_local("2027-03-28T01:00:00Z"), "2027-03-28T02:00");
}

TEST(LondonTime, SummerTimeEndsAtOneUtcOnTheLastSundayOfOctober) {
  // 2027: the last Sunday of October is the 31st.
  EXPECT_EQ(utc("2027-10-31T00:30"), "2027-10-30T23:30:00Z");  // BST
  // 01:00-01:59 happens twice: read as the first pass (BST).
  EXPECT_EQ(utc("2027-10-31T01:30"), "2027-10-31T00:30:00Z");
  EXPECT_EQ(utc("2027-10-31T02:00"), "2027-10-31T02:00:00Z");  // GMT again
  EXPECT_EQ(utc_to_london_local("2027-10-31T00:59:00Z"), "2027-10-31T01:59");
  EXPECT_EQ(utc_to_london_local("2027-10-31T01:00:00Z"), "2027-10-31T01:00");
  EXPECT_EQ(utc_to_london_local("2027-10-31T01:30:00Z"), "2027-10-31T01:30");
}

TEST(LondonTime, ChangeOverDatesOfOtherYears) {
  // 2024: 31 March and 27 October; 2025: 30 March and 26 October; 2026: 29 March, 25 October.
  EXPECT_EQ(utc("2024-03-31T02:00"), "2024-03-31T01:00:00Z");
  EXPECT_EQ(utc("2024-03-30T02:00"), "2024-03-30T02:00:00Z");
  EXPECT_EQ(utc("2024-10-27T00:00"), "2024-10-26T23:00:00Z");
  EXPECT_EQ(utc("2024-10-27T03:00"), "2024-10-27T03:00:00Z");
  EXPECT_EQ(utc("2025-03-30T03:00"), "2025-03-30T02:00:00Z");
  EXPECT_EQ(utc("2025-10-26T03:00"), "2025-10-26T03:00:00Z");
  EXPECT_EQ(utc("2026-03-29T12:00"), "2026-03-29T11:00:00Z");
  EXPECT_EQ(utc("2026-10-25T12:00"), "2026-10-25T12:00:00Z");
}

TEST(LondonTime, MidnightInSummerCrossesIntoThePreviousDayMonthAndYear) {
  EXPECT_EQ(utc("2027-06-01T00:30"), "2027-05-31T23:30:00Z");
  EXPECT_EQ(utc_to_london_local("2027-05-31T23:30:00Z"), "2027-06-01T00:30");
  EXPECT_EQ(utc("2028-01-01T00:30"), "2028-01-01T00:30:00Z");  // winter: no change
}

TEST(LondonTime, LeapYears) {
  EXPECT_EQ(utc("2028-02-29T12:00"), "2028-02-29T12:00:00Z");
  EXPECT_EQ(utc("2000-02-29T12:00"), "2000-02-29T12:00:00Z");  // divisible by 400
  EXPECT_FALSE(london_to_utc("2027-02-29T12:00").ok());
  EXPECT_FALSE(london_to_utc("2100-02-29T12:00").ok());  // divisible by 100, not 400
  EXPECT_EQ(utc_to_london_words("2028-02-29T23:00:00Z"), "29 February 2028, 23:00 (London time)");
}

TEST(LondonTime, BadInputIsRefusedNamingTheValue) {
  for (const std::string bad :
       {"", "2027-03-31", "2027-03-31 23:59", "2027-03-31T23:59Z", "2027-3-31T23:59",
        "2027-13-01T00:00", "2027-04-31T10:00", "2027-03-00T10:00", "2027-03-31T24:00",
        "2027-03-31T23:60", "2027-03-31T23:59:60", "2027-03-31T23:59:5", "0999-01-01T00:00",
        "abcd-ef-ghTij:kl", "2027-03-31T23:59:00.5", "2027-03-31T23:59 ", "２０２７-03-31T23:59"}) {
    const Result<std::string> result = london_to_utc(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(result.error().message.find("is not a London date and time"), std::string::npos);
  }
  const Result<std::string> long_one = london_to_utc(std::string(5000, '9'));
  ASSERT_FALSE(long_one.ok());
  EXPECT_LT(long_one.error().message.size(), 300u) << "quotes an excerpt, not the whole value";
}

TEST(LondonTime, WordsForPeople) {
  EXPECT_EQ(utc_to_london_words("2027-03-31T22:59:00Z"), "31 March 2027, 23:59 (London time)");
  EXPECT_EQ(utc_to_london_words("2027-01-05T09:05:00Z"), "5 January 2027, 09:05 (London time)");
  EXPECT_EQ(utc_to_london_words("2027-01-05T09:05:30Z"), "5 January 2027, 09:05:30 (London time)");
  EXPECT_EQ(utc_to_london_words("2027-07-01T10:00:00.123Z"), "1 July 2027, 11:00 (London time)");
  EXPECT_EQ(utc_to_london_words("2027-07-01T10:00Z"), "1 July 2027, 11:00 (London time)");
  // Not an instant: returned unchanged.
  EXPECT_EQ(utc_to_london_words("next Tuesday"), "next Tuesday");
  EXPECT_EQ(utc_to_london_words("2027-07-01T10:00:00"), "2027-07-01T10:00:00");
  EXPECT_EQ(utc_to_london_words(""), "");
}

TEST(LondonTime, LocalFieldValueAndRoundTrip) {
  EXPECT_EQ(utc_to_london_local("2027-03-31T22:59:00Z"), "2027-03-31T23:59");
  EXPECT_EQ(utc_to_london_local("not a time"), "");
  EXPECT_EQ(utc_to_london_local("2027-03-31T22:59:00"), "");
  // Every half hour of 2027 (and of a leap year) goes to London and back.
  for (const std::string year : {"2027", "2028"}) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 28; day += 3) {
        for (int half_hour = 0; half_hour < 48; ++half_hour) {
          const std::string instant = year + "-" + (month < 10 ? "0" : "") + std::to_string(month) +
                                      "-" + (day < 10 ? "0" : "") + std::to_string(day) + "T" +
                                      (half_hour < 20 ? "0" : "") + std::to_string(half_hour / 2) +
                                      ":" + (half_hour % 2 ? "30" : "00") + ":00Z";
          const std::string local = utc_to_london_local(instant);
          ASSERT_FALSE(local.empty()) << instant;
          const Result<std::string> back = london_to_utc(local);
          ASSERT_TRUE(back.ok()) << local;
          // The repeated October hour reads as its first pass; every other instant round-trips.
          const bool second_pass = local.substr(5, 5) == (year == "2027" ? "10-31" : "10-29") &&
                                   local.substr(11, 2) == "01" && back.value() != instant;
          if (!second_pass) {
            EXPECT_EQ(back.value(), instant) << local;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace sendplan::practice
