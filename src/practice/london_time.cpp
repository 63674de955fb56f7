// Europe/London time: the UK's BST rule (last Sunday of March to last Sunday of October, changing
// at 01:00 UTC) on the proleptic Gregorian calendar, with day arithmetic from civil dates.
#include "practice/london_time.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/text.h"

namespace sendplan::practice {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kSecondsPerHour = 3600;

struct CivilTime {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

bool leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day) {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// The date of `days` since 1970-01-01 (civil_from_days).
CivilTime civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  CivilTime time;
  time.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  time.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  time.year = static_cast<int>(year_of_era + era * 400 + (time.month <= 2 ? 1 : 0));
  return time;
}

std::int64_t seconds_of(const CivilTime& time) {
  return days_from_civil(time.year, time.month, time.day) * kSecondsPerDay +
         time.hour * kSecondsPerHour + time.minute * 60 + time.second;
}

CivilTime time_of(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t rest = seconds % kSecondsPerDay;
  if (rest < 0) {
    rest += kSecondsPerDay;
    --days;
  }
  CivilTime time = civil_from_days(days);
  time.hour = static_cast<int>(rest / kSecondsPerHour);
  time.minute = static_cast<int>(rest / 60 % 60);
  time.second = static_cast<int>(rest % 60);
  return time;
}

// Days since 1970-01-01 of the last Sunday of `month`.
std::int64_t last_sunday(int year, int month) {
  const std::int64_t last_day = days_from_civil(year, month, days_in_month(year, month));
  const std::int64_t weekday =
      ((last_day + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
  return last_day - weekday;
}

// BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October, both as seconds since the epoch (UTC).
std::int64_t bst_start(int year) {
  return last_sunday(year, 3) * kSecondsPerDay + kSecondsPerHour;
}
std::int64_t bst_end(int year) {
  return last_sunday(year, 10) * kSecondsPerDay + kSecondsPerHour;
}

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// "YYYY-MM-DDTHH:MM" and, when `seconds_optional` is false or they are there, ":SS"; the rest of
// the text (after the minutes or seconds) is returned in `rest`.
std::optional<CivilTime> parse_civil(std::string_view text, std::string_view& rest) {
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  if (!year || !month || !day || !hour || !minute || text[4] != '-' || text[7] != '-' ||
      text[10] != 'T' || text[13] != ':')
    return std::nullopt;
  CivilTime time{*year, *month, *day, *hour, *minute, 0};
  std::size_t end = 16;
  if (text.size() > 16 && text[16] == ':') {
    const auto second = digits(text, 17, 2);
    if (!second) return std::nullopt;
    time.second = *second;
    end = 19;
  }
  if (time.year < 1000 || time.month < 1 || time.month > 12 || time.day < 1 ||
      time.day > days_in_month(time.year, time.month) || time.hour > 23 || time.minute > 59 ||
      time.second > 59)
    return std::nullopt;
  rest = text.substr(end);
  return time;
}

// Seconds since the epoch of a UTC instant "YYYY-MM-DDTHH:MM[:SS[.fff]]Z".
std::optional<std::int64_t> parse_utc(std::string_view text) {
  std::string_view rest;
  const std::optional<CivilTime> time = parse_civil(text, rest);
  if (!time) return std::nullopt;
  if (!rest.empty() && rest.front() == '.' && text.size() == 19 + rest.size()) {
    std::size_t i = 1;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
    if (i == 1) return std::nullopt;
    rest.remove_prefix(i);
  }
  if (rest != "Z") return std::nullopt;
  return seconds_of(*time);
}

// The London wall-clock time of a UTC instant.
CivilTime london_of(std::int64_t utc) {
  const int year = time_of(utc).year;
  const bool summer = utc >= bst_start(year) && utc < bst_end(year);
  return time_of(utc + (summer ? kSecondsPerHour : 0));
}

std::string month_name(int month) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return kMonths[static_cast<std::size_t>(month - 1)];
}

}  // namespace

Result<std::string> london_to_utc(const std::string& local) {
  std::string_view rest;
  const std::optional<CivilTime> time = parse_civil(local, rest);
  if (!time || !rest.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("{} is not a London date and time: expected "
                                  "YYYY-MM-DDTHH:MM, e.g. 2027-03-31T23:59",
                                  quoted_excerpt(local)));
  }
  // Read on the local clock, summer time runs from 01:00 (the skipped hour 01:00-01:59 counts
  // as BST) on the last Sunday of March to 02:00 on the last Sunday of October (so the repeated
  // hour 01:00-01:59 is its first pass, in BST).
  const std::int64_t local_seconds = seconds_of(*time);
  const bool summer = local_seconds >= bst_start(time->year) &&
                      local_seconds < bst_end(time->year) + kSecondsPerHour;
  const CivilTime utc = time_of(local_seconds - (summer ? kSecondsPerHour : 0));
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.year, utc.month, utc.day, utc.hour,
                     utc.minute, utc.second);
}

std::string utc_to_london_words(const std::string& utc) {
  const std::optional<std::int64_t> seconds = parse_utc(utc);
  if (!seconds) return utc;
  const CivilTime time = london_of(*seconds);
  std::string clock = fmt::format("{:02}:{:02}", time.hour, time.minute);
  if (time.second != 0) clock += fmt::format(":{:02}", time.second);
  return fmt::format("{} {} {}, {} (London time)", time.day, month_name(time.month), time.year,
                     clock);
}

std::string utc_to_london_local(const std::string& utc) {
  const std::optional<std::int64_t> seconds = parse_utc(utc);
  if (!seconds) return "";
  const CivilTime time = london_of(*seconds);
  std::string text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", time.year, time.month, time.day,
                                 time.hour, time.minute);
  if (time.second != 0) text += fmt::format(":{:02}", time.second);
  return text;
}

}  // namespace sendplan::practice
