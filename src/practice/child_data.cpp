// The cautious search for a child's personal data in an entry's text (child_data_reasons,
// entry_checks.h): Unique Pupil Numbers, NHS numbers, dates of birth and a child's name. The
// scanners are hand-written (no std::regex: entries are user text of up to 12,000 characters a
// field, and libstdc++'s regex recurses per character).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "practice/entry_checks.h"
#include "practice/text_scan.h"

namespace sendplan::practice {
namespace {

using detail::count_digits;
using detail::is_ascii_letter;
using detail::is_digit;
using detail::is_lower;
using detail::is_non_ascii;
using detail::is_upper;
using detail::is_word_char;
using detail::lower;
using detail::word_at;

// ---- Unique Pupil Numbers ------------------------------------------------------------------

// A letter and 12 digits (a permanent UPN), or a letter, 11 digits and a letter (a temporary
// one), standing alone.
bool has_upn(std::string_view text) {
  for (std::size_t i = 0; i + 13 <= text.size(); ++i) {
    if (!is_ascii_letter(text[i]) || (i > 0 && is_word_char(text[i - 1]))) continue;
    const std::size_t digits = count_digits(text, i + 1);
    std::size_t end = 0;
    if (digits == 12) {
      end = i + 13;
    } else if (digits == 11 && is_ascii_letter(text[i + 12])) {
      end = i + 13;
    } else {
      continue;
    }
    if (end == text.size() || !is_word_char(text[end])) return true;
  }
  return false;
}

// ---- NHS numbers -----------------------------------------------------------------------------

// The NHS number's modulus 11 check: weights 10..2 on the first 9 digits; 11 - (sum mod 11) is
// the check digit (11 → 0; 10 → no valid number).
bool valid_nhs_check(const std::array<int, 10>& digits) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += digits[static_cast<std::size_t>(i)] * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == digits[9];
}

// 10 digits standing alone, or 3, 3 and 4 digits separated by one space (or hyphen) each,
// whose check digit is right.
bool has_nhs_number(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i]) || (i > 0 && (is_word_char(text[i - 1]) || text[i - 1] == '.'))) {
      continue;
    }
    std::array<int, 10> digits{};
    std::size_t end = 0;
    const std::size_t run = count_digits(text, i);
    if (run == 10) {
      for (std::size_t k = 0; k < 10; ++k) digits[k] = text[i + k] - '0';
      end = i + 10;
    } else if (run == 3 && i + 12 <= text.size()) {
      const char separator = text[i + 3];
      if ((separator != ' ' && separator != '-') || count_digits(text, i + 4) != 3 ||
          text[i + 7] != separator || count_digits(text, i + 8) != 4)
        continue;
      std::size_t k = 0;
      for (const std::size_t at : {i, i + 4, i + 8}) {
        const std::size_t length = at == i + 8 ? 4 : 3;
        for (std::size_t j = 0; j < length; ++j) digits[k++] = text[at + j] - '0';
      }
      end = i + 12;
    } else {
      i += run;
      continue;
    }
    const bool alone = end == text.size() ||
                       (!is_word_char(text[end]) &&
                        !(text[end] == '.' && end + 1 < text.size() && is_digit(text[end + 1])));
    if (alone && valid_nhs_check(digits)) return true;
  }
  return false;
}

// ---- Dates of birth ------------------------------------------------------------------------

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The length of a month's name (full, three letters or "Sept"; any case) at `at`, or 0.
std::size_t month_at(std::string_view text, std::size_t at) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (const std::string_view month : kMonths) {
    if (word_at(text, at, month)) return month.size();
    if (word_at(text, at, month.substr(0, 3))) return 3;
  }
  return word_at(text, at, "sept") ? 4 : 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  return at;
}

// A day number with an optional ordinal suffix ("3", "03", "3rd") at `at`: its end, or 0.
std::size_t day_at(std::string_view text, std::size_t at) {
  const std::size_t run = count_digits(text, at);
  if (run < 1 || run > 2) return 0;
  std::size_t end = at + run;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (text.substr(end, 2) == suffix) {
      end += 2;
      break;
    }
  }
  if (end < text.size() && is_word_char(text[end])) return 0;
  return end;
}

// A year of four digits at `at` (standing alone): its end, or 0.
std::size_t year_at(std::string_view text, std::size_t at) {
  if (count_digits(text, at) != 4) return 0;
  return at + 4;
}

// The date that starts at `at`, if one does: 3/5/2015, 03-05-15, 3.5.2015, 2015-05-03,
// 3 May 2015, 3rd of May 2015, May 3, 2015, May 2015.
std::optional<Span> date_at(std::string_view text, std::size_t at) {
  if (at > 0 && is_word_char(text[at - 1])) return std::nullopt;
  const std::size_t run = count_digits(text, at);
  if (run == 4 && at + 10 <= text.size() && text[at + 4] == '-' &&
      count_digits(text, at + 5) == 2 && text[at + 7] == '-' && count_digits(text, at + 8) == 2) {
    return Span{at, at + 10};
  }
  if (run == 1 || run == 2) {
    const std::size_t after = at + run;
    if (after < text.size() && (text[after] == '/' || text[after] == '.' || text[after] == '-')) {
      const char separator = text[after];
      const std::size_t month_digits = count_digits(text, after + 1);
      const std::size_t second = after + 1 + month_digits;
      if ((month_digits == 1 || month_digits == 2) && second < text.size() &&
          text[second] == separator) {
        const std::size_t year_digits = count_digits(text, second + 1);
        if (year_digits == 2 || year_digits == 4) return Span{at, second + 1 + year_digits};
      }
    }
    const std::size_t day_end = day_at(text, at);
    if (day_end != 0) {
      std::size_t next = skip_spaces(text, day_end);
      if (word_at(text, next, "of")) next = skip_spaces(text, next + 2);
      const std::size_t month = month_at(text, next);
      if (month != 0 && next > day_end) {
        std::size_t year = next + month;
        if (year < text.size() && text[year] == '.') ++year;  // "Sept."
        if (year < text.size() && text[year] == ',') ++year;
        year = skip_spaces(text, year);
        const std::size_t year_end = year_at(text, year);
        return Span{at, year_end != 0 ? year_end : next + month};
      }
    }
    return std::nullopt;
  }
  const std::size_t month = month_at(text, at);
  if (month != 0) {
    std::size_t next = skip_spaces(text, at + month);
    if (next == at + month) return std::nullopt;
    const std::size_t day_end = day_at(text, next);
    if (day_end != 0) {
      std::size_t year = day_end;
      if (year < text.size() && text[year] == ',') ++year;
      year = skip_spaces(text, year);
      const std::size_t year_end = year_at(text, year);
      return Span{at, year_end != 0 ? year_end : day_end};
    }
    const std::size_t year_end = year_at(text, next);
    if (year_end != 0) return Span{at, year_end};
  }
  return std::nullopt;
}

std::vector<Span> find_dates(std::string_view text) {
  std::vector<Span> dates;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const std::optional<Span> date = date_at(text, i)) {
      dates.push_back(*date);
      i = date->end - 1;
    }
  }
  return dates;
}

// The words that mark a date as a birth date, with how far from them the date may be.
bool has_date_of_birth(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kTriggers = {
      "date of birth", "dates of birth", "birth date", "birthdate", "dob", "d.o.b", "born"};
  constexpr std::size_t kNear = 25;  // bytes between the words and the date
  std::vector<Span> triggers;
  bool label = false;  // "DOB:" or "date of birth:" used as a form label
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (const std::string_view trigger : kTriggers) {
      if (!word_at(text, i, trigger)) continue;
      const Span span{i, i + trigger.size()};
      triggers.push_back(span);
      // Past "." ("D.O.B.") and spaces.
      const std::size_t after =
          skip_spaces(text, span.end + (text.substr(span.end, 1) == "." ? 1 : 0));
      if (trigger != "born" && after < text.size() && (text[after] == ':' || text[after] == '=')) {
        label = true;
      }
      if (trigger == "born") {
        // "born in 2015", "born 2015"
        std::size_t next = skip_spaces(text, span.end);
        if (word_at(text, next, "in")) next = skip_spaces(text, next + 2);
        const std::size_t year_end = year_at(text, next);
        if (year_end != 0 && (year_end == text.size() || !is_word_char(text[year_end])) &&
            (text.substr(next, 2) == "19" || text.substr(next, 2) == "20"))
          return true;
      }
      break;
    }
  }
  if (label) return true;
  if (triggers.empty()) return false;
  for (const Span& date : find_dates(text)) {
    for (const Span& trigger : triggers) {
      if (date.begin >= trigger.end && date.begin - trigger.end <= kNear) return true;
      if (trigger.begin >= date.end && trigger.begin - date.end <= kNear) return true;
    }
  }
  return false;
}

// ---- A child's name ------------------------------------------------------------------------

// Capitalised words that follow "child", "pupil" and the others in the names of services,
// plans and teams, and so are not a child's name ("Child Health Team", "Student Support").
bool common_capitalised(std::string_view word) {
  static const std::set<std::string, std::less<>> kWords = [] {
    constexpr std::string_view kList =
        "a about academy access achievement act action adult adulthood adults advice advocacy "
        "advocate after agency all allowance alternative ambassador ambassadors an and annual "
        "apprenticeship area arrangements as assessment assessments at attendance autism award "
        "awards behaviour benefit board borough budget bursary by camhs care carer carers case "
        "census centre centred champion champions charter child children clinic club college "
        "commissioner community conference council counselling court data day development "
        "disabilities disability early education ehc employment engagement england equality "
        "exclusion exclusions experience family families finance first for forum framework "
        "friendly from fund funding grant group guarantee health help hub in inclusion "
        "independence independent information inspection into is journey key lead learning led "
        "life local london looked mental mentor mentoring mentors needs network nhs of offer "
        "officer on or outcome outcomes panel parliament participation partnership passport "
        "pathway pathways personal placement placements plan plans plus policy premium preparing "
        "profile programme progress project protection provision record records referral "
        "reference review reviews rights safeguarding safety school schools sen send senco "
        "service services social special standards strategy study summit support survey team "
        "teams the therapy to tracker training transition transitions transport travel tribunal "
        "trust unit view views voice wellbeing with work worker workers year years zone";
    std::set<std::string, std::less<>> words;
    std::size_t start = 0;
    while (start < kList.size()) {
      const std::size_t end = std::min(kList.find(' ', start), kList.size());
      words.emplace(kList.substr(start, end - start));
      start = end + 1;
    }
    return words;
  }();
  std::string key;
  for (const char c : word) key += lower(c);
  return kWords.count(key) > 0;
}

// A capitalised name at `at` ("Amara", "O'Neill", "Smith-Jones", "Zoë"): its end, or 0. An
// acronym ("EHC") or a common capitalised word is not a name.
std::size_t name_at(std::string_view text, std::size_t at) {
  if (at >= text.size() || !is_upper(text[at])) return 0;
  std::size_t end = at + 1;
  bool has_lower = false;
  while (end < text.size()) {
    const char c = text[end];
    if (is_lower(c) || is_non_ascii(c)) {
      has_lower = true;
      ++end;
    } else if (is_upper(c)) {
      ++end;
    } else if ((c == '\'' || c == '-') && end + 1 < text.size() && is_ascii_letter(text[end + 1])) {
      ++end;
    } else {
      break;
    }
  }
  if (end < text.size() && is_digit(text[end])) return 0;
  if (!has_lower || end - at < 2 || common_capitalised(text.substr(at, end - at))) return 0;
  return end;
}

// Where the words after a trigger start: past spaces, commas, a colon, an opening bracket, a
// dash and "called" / "named" / "known as".
std::size_t past_separators(std::string_view text, std::size_t at) {
  constexpr std::string_view kEnDash = "\xE2\x80\x93";
  constexpr std::string_view kEmDash = "\xE2\x80\x94";
  const std::size_t start = at;
  for (;;) {
    if (at < text.size() && (text[at] == ' ' || text[at] == ',' || text[at] == ':' ||
                             text[at] == '(' || text[at] == '-')) {
      ++at;
    } else if (text.substr(at, 3) == kEnDash || text.substr(at, 3) == kEmDash) {
      at += 3;
    } else if (word_at(text, at, "called")) {
      at += 6;
    } else if (word_at(text, at, "named")) {
      at += 5;
    } else if (word_at(text, at, "known") && word_at(text, skip_spaces(text, at + 5), "as")) {
      at = skip_spaces(text, at + 5) + 2;
    } else {
      break;
    }
    if (at - start > 20) break;
  }
  return at == start ? 0 : at;
}

// Whether the word at `at` begins a sentence (or the text).
bool sentence_start(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '"' || text[i - 1] == '(')) --i;
  return i == 0 || text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?' ||
         text[i - 1] == '\n' || text[i - 1] == ':' || text[i - 1] == '-' || text[i - 1] == '*';
}

// The trigger words (as found, lower case) followed by a capitalised first name and surname.
std::vector<std::string> named_child_triggers(std::string_view text) {
  static constexpr std::array<std::string_view, 6> kTriggers = {
      "young person", "pupil", "child", "student", "son", "daughter"};
  std::vector<std::string> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_ascii_letter(text[i]) || (i > 0 && is_word_char(text[i - 1]))) continue;
    for (const std::string_view trigger : kTriggers) {
      if (!word_at(text, i, trigger)) continue;
      // A capitalised trigger in the middle of a sentence names a service ("our Child Health
      // Team", "the Young Person Plan"), not a child.
      if (is_upper(text[i]) && !sentence_start(text, i)) break;
      const std::size_t after = past_separators(text, i + trigger.size());
      if (after == 0) break;
      const std::size_t first = name_at(text, after);
      if (first == 0 || first >= text.size() || text[first] != ' ') break;
      if (name_at(text, first + 1) == 0) break;
      if (std::find(found.begin(), found.end(), trigger) == found.end())
        found.emplace_back(trigger);
      break;
    }
  }
  return found;
}

}  // namespace

std::vector<std::string> child_data_reasons(const std::string& text) {
  std::vector<std::string> reasons;
  if (has_upn(text)) reasons.emplace_back("a Unique Pupil Number (a letter and 12 digits)");
  if (has_nhs_number(text)) {
    reasons.emplace_back("an NHS number (10 digits with a valid check digit)");
  }
  if (has_date_of_birth(text)) {
    reasons.emplace_back("a date of birth (a date next to 'born', 'date of birth' or 'DOB')");
  }
  for (const std::string& trigger : named_child_triggers(text)) {
    reasons.push_back(
        fmt::format("a child's name after '{}' (a capitalised first name and surname)", trigger));
  }
  return reasons;
}

}  // namespace sendplan::practice
