#include "dfe/periods.h"

#include <fmt/format.h>

#include <cctype>

#include "core/text.h"

namespace sendplan::dfe {

namespace {

bool digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

int number(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

bool plausible(int year) {
  return year >= 1900 && year <= 2200;
}

// "2023" and "24" (or "2024"): the second year follows the first.
bool consecutive(std::string_view first, std::string_view second) {
  const int start = number(first);
  if (second.size() == 2) return (start + 1) % 100 == number(second);
  return second.size() == 4 && number(second) == start + 1;
}

Error bad_period(std::string_view text) {
  return make_error(ErrorCode::kParse,
                    fmt::format("{} is not a period (expected e.g. 2024, 202425, 2024/25, "
                                "2023-24 or 2024-11-18)",
                                quoted_excerpt(text)));
}

// Whether day/month/year is a day of the Gregorian calendar.
bool real_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace

Result<Period> parse_period(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (digits(text) && text.size() == 4 && plausible(number(text))) {
    return Period{std::string(text), number(text)};
  }
  if (digits(text) && text.size() == 6 && consecutive(text.substr(0, 4), text.substr(4))) {
    const int start = number(text.substr(0, 4));
    return Period{fmt::format("{}/{}", text.substr(0, 4), text.substr(4)), start + 1};
  }
  if (text.size() >= 7 && digits(text.substr(0, 4)) && (text[4] == '/' || text[4] == '-')) {
    std::string_view second = text.substr(5);
    std::string suffix;
    if (const std::size_t space = second.find(' '); space != std::string_view::npos) {
      const std::string_view note = second.substr(space + 1);
      second = second.substr(0, space);
      if (note == "(OT)") {
        suffix = " (outturn)";
      } else {
        return bad_period(text);
      }
    }
    const std::string_view first = text.substr(0, 4);
    if (digits(second) && (second.size() == 2 || second.size() == 4) &&
        consecutive(first, second) && plausible(number(first))) {
      const std::string end =
          second.size() == 2 ? std::string(second) : std::string(second.substr(2));
      return Period{fmt::format("{}{}{}{}", first, text[4], end, suffix), number(first) + 1};
    }
    // An ISO date.
    if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(5, 2)) &&
        digits(text.substr(8, 2)) && plausible(number(first)) &&
        real_date(number(first), number(text.substr(5, 2)), number(text.substr(8, 2)))) {
      return Period{std::string(text), number(first)};
    }
  }
  return bad_period(text);
}

}  // namespace sendplan::dfe
