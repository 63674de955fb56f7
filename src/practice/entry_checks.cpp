// What a valid practice entry is, and the cautious search for a child's personal data in its
// text. The child-data scanners are hand-written (no std::regex: entries are user text of up to
// 12,000 characters a field, and libstdc++'s regex recurses per character).
#include "practice/entry_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/text.h"
#include "core/text_encoding.h"
#include "dfe/indicators.h"
#include "practice/categories.h"
#include "practice/evidence.h"
#include "practice/workflow.h"

namespace sendplan::practice {
namespace {

constexpr int kMaxAge = 25;
constexpr std::size_t kMaxLinkChars = 2000;
constexpr std::size_t kMaxMeasurePartChars = 300;

// ---- Characters and words ----------------------------------------------------------------

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_letter(char c) {
  return is_upper(c) || is_lower(c);
}
// A byte of a UTF-8 sequence (other scripts' letters count as letters for word boundaries).
bool is_non_ascii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
bool is_word_char(char c) {
  return is_ascii_letter(c) || is_digit(c) || is_non_ascii(c);
}

char lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `word` (lower case) is at `at` in `text`, any case, as a whole word.
bool word_at(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(text[at + i]) != word[i]) return false;
  if (at > 0 && is_word_char(text[at - 1])) return false;
  const std::size_t end = at + word.size();
  return end == text.size() || !is_word_char(text[end]);
}

std::size_t count_digits(std::string_view text, std::size_t at) {
  std::size_t n = 0;
  while (at + n < text.size() && is_digit(text[at + n])) ++n;
  return n;
}

std::size_t utf8_chars(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

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

// ---- Entry checks --------------------------------------------------------------------------

struct Checker {
  const std::string& file;
  int row;
  std::vector<transport::Problem>& problems;

  void add(const std::string& column, std::string reason) const {
    problems.push_back({file, row, column, std::move(reason)});
  }
};

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joined(const std::vector<std::string>& list) {
  std::string text;
  for (const std::string& item : list) {
    if (!text.empty()) text += ", ";
    text += item;
  }
  return text;
}

std::string keys_of(const std::vector<Term>& terms) {
  std::string text;
  for (const Term& term : terms) {
    if (!text.empty()) text += ", ";
    text += term.key;
  }
  return text;
}

// A text field: valid UTF-8, within `limit` characters, one line when `one_line`, and free of a
// child's data.
void check_text(const Checker& check, const std::string& column, const std::string& value,
                std::size_t limit, bool one_line) {
  if (value.empty()) return;
  if (!is_valid_utf8(value)) {
    check.add(column, "is not UTF-8 text");
    return;
  }
  const std::size_t chars = utf8_chars(value);
  if (chars > limit) {
    check.add(column, fmt::format("is {} characters long; the limit is {}", chars, limit));
  }
  if (one_line && value.find_first_of("\r\n") != std::string::npos) {
    check.add(column, "must be one line");
  }
  for (const std::string& reason : child_data_reasons(value)) {
    check.add(column, fmt::format("looks like it identifies a child ({}): entries describe "
                                  "services, never a child, so remove it and save again",
                                  reason));
  }
}

void check_required(const Checker& check, const std::string& column, const std::string& value,
                    const char* what) {
  if (trim(value).empty()) check.add(column, fmt::format("is required ({})", what));
}

// Keys from `terms`, without repeats.
void check_keys(const Checker& check, const std::string& column,
                const std::vector<std::string>& values, const std::vector<Term>& terms,
                const char* what) {
  std::set<std::string> seen;
  for (const std::string& value : values) {
    if (find_term(terms, value) == nullptr) {
      check.add(column, fmt::format("unknown {} {} (known: {})", what, quoted_excerpt(value),
                                    keys_of(terms)));
    } else if (!seen.insert(value).second) {
      check.add(column, fmt::format("{} '{}' is listed twice", what, value));
    }
  }
}

bool valid_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(text[i])) return false;
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
  return day <= days;
}

// An absolute http(s) address with a host, no spaces or control characters.
bool valid_link(const std::string& link) {
  const std::string lowered = to_lower(link.substr(0, 8));
  std::size_t host = 0;
  if (lowered.rfind("https://", 0) == 0) {
    host = 8;
  } else if (lowered.rfind("http://", 0) == 0) {
    host = 7;
  } else {
    return false;
  }
  if (link.size() > kMaxLinkChars || host >= link.size()) return false;
  if (link[host] == '/' || link[host] == '?' || link[host] == '#') return false;
  for (const char c : link) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  return is_valid_utf8(link);
}

void check_boroughs(const Checker& check, const store::PracticeEntry& entry,
                    const std::vector<std::string>& boroughs) {
  if (!entry.lead_borough.empty() && !contains(boroughs, entry.lead_borough)) {
    check.add("lead_borough",
              fmt::format("unknown borough {} (use the borough's name as listed, e.g. "
                          "'Kensington and Chelsea')",
                          quoted_excerpt(entry.lead_borough)));
  }
  std::set<std::string> seen;
  for (const std::string& partner : entry.partner_boroughs) {
    if (!contains(boroughs, partner)) {
      check.add("partner_boroughs", fmt::format("unknown borough {}", quoted_excerpt(partner)));
    } else if (partner == entry.lead_borough) {
      check.add("partner_boroughs",
                fmt::format("{} is the lead borough; list only the other boroughs", partner));
    } else if (!seen.insert(partner).second) {
      check.add("partner_boroughs", fmt::format("'{}' is listed twice", partner));
    }
  }
}

void check_impact(const Checker& check, const store::PracticeEntry& entry,
                  const EntryLimits& limits) {
  if (entry.impact.size() > limits.impact_measures) {
    check.add("impact", fmt::format("has {} measures; the limit is {}", entry.impact.size(),
                                    limits.impact_measures));
  }
  for (std::size_t i = 0; i < entry.impact.size(); ++i) {
    const store::ImpactMeasure& measure = entry.impact[i];
    const std::string which = fmt::format("measure {}", i + 1);
    if (trim(measure.measure).empty()) {
      check.add("impact", fmt::format("{}: say what was measured", which));
    }
    const std::array<std::pair<const char*, const std::string*>, 5> parts = {{
        {"what was measured", &measure.measure},
        {"before", &measure.before},
        {"after", &measure.after},
        {"period", &measure.period},
        {"source", &measure.source},
    }};
    for (const auto& [name, value] : parts) {
      if (value->empty()) continue;
      if (!is_valid_utf8(*value)) {
        check.add("impact", fmt::format("{} ({}): is not UTF-8 text", which, name));
        continue;
      }
      if (utf8_chars(*value) > kMaxMeasurePartChars) {
        check.add("impact", fmt::format("{} ({}): longer than {} characters", which, name,
                                        kMaxMeasurePartChars));
      }
      if (value->find_first_of("\r\n") != std::string::npos) {
        check.add("impact", fmt::format("{} ({}): must be one line", which, name));
      }
      for (const std::string& reason : child_data_reasons(*value)) {
        check.add("impact", fmt::format("{} ({}): looks like it identifies a child ({})", which,
                                        name, reason));
      }
    }
  }
}

// A contact is a lead officer: "Pupil", "Child" and the like are not.
bool child_role(const std::string& role) {
  const std::string key = to_lower(trim(role));
  for (const char* word :
       {"pupil", "student", "child", "young person", "learner", "son", "daughter", "service user"})
    if (key == word) return true;
  return false;
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

std::vector<transport::Problem> draft_problems(const store::PracticeEntry& entry,
                                               const std::vector<std::string>& boroughs,
                                               const std::string& file, int row,
                                               const EntryLimits& limits) {
  std::vector<transport::Problem> problems;
  const Checker check{file, row, problems};

  check_required(check, "title", entry.title, "a short name for the practice");
  check_text(check, "title", entry.title, limits.title_chars, true);
  check_required(check, "lead_borough", entry.lead_borough, "the borough that leads it");
  check_boroughs(check, entry, boroughs);
  check_text(check, "summary", entry.summary, limits.summary_chars, false);
  check_keys(check, "categories", entry.categories, categories(), "category");
  check_text(check, "problem", entry.problem, limits.text_chars, false);
  check_text(check, "actions", entry.actions, limits.text_chars, false);

  if (entry.age_from < 0 || entry.age_from > kMaxAge) {
    check.add("age_from", fmt::format("{} is not an age from 0 to {}", entry.age_from, kMaxAge));
  }
  if (entry.age_to < 0 || entry.age_to > kMaxAge) {
    check.add("age_to", fmt::format("{} is not an age from 0 to {}", entry.age_to, kMaxAge));
  } else if (entry.age_from >= 0 && entry.age_from <= kMaxAge && entry.age_from > entry.age_to) {
    check.add("age_to", fmt::format("{} is below age_from ({})", entry.age_to, entry.age_from));
  }
  check_keys(check, "needs", entry.needs, needs(), "need");
  check_keys(check, "settings", entry.settings, settings(), "setting");
  check_impact(check, entry, limits);
  check_text(check, "impact_summary", entry.impact_summary, limits.text_chars, false);
  check_text(check, "cost_and_resources", entry.cost_and_resources, limits.text_chars, false);
  check_text(check, "how_to_adopt", entry.how_to_adopt, limits.text_chars, false);
  check_text(check, "contact_name", entry.contact_name, limits.title_chars, true);
  check_text(check, "contact_role", entry.contact_role, limits.title_chars, true);
  if (child_role(entry.contact_role)) {
    check.add("contact_role", fmt::format("{} is not a lead officer's role: the contact is the "
                                          "officer who leads the practice",
                                          quoted_excerpt(entry.contact_role)));
  }

  if (entry.links.size() > limits.links) {
    check.add("links",
              fmt::format("has {} links; the limit is {}", entry.links.size(), limits.links));
  }
  for (const std::string& link : entry.links) {
    if (!valid_link(link)) {
      check.add("links",
                fmt::format("{} is not a web address (http:// or https://)", quoted_excerpt(link)));
    }
  }
  std::set<std::string> seen_indicators;
  for (const std::string& indicator : entry.indicators) {
    if (dfe::find_indicator(indicator) == nullptr) {
      check.add("indicators", fmt::format("unknown dashboard indicator {} (e.g. ehc-plans, "
                                          "timeliness-20-weeks)",
                                          quoted_excerpt(indicator)));
    } else if (!seen_indicators.insert(indicator).second) {
      check.add("indicators", fmt::format("'{}' is listed twice", indicator));
    }
  }
  if (!entry.started_on.empty() && !valid_iso_date(entry.started_on)) {
    check.add("started_on", fmt::format("{} is not a date (YYYY-MM-DD, e.g. 2024-09-01)",
                                        quoted_excerpt(entry.started_on)));
  }
  if (!is_state(entry.state)) {
    check.add("state", fmt::format("unknown state {} (the states are {})",
                                   quoted_excerpt(entry.state), joined(states())));
  }
  if (!entry.winner_category.empty()) {
    if (!contains(entry.categories, entry.winner_category)) {
      check.add("winner_category", fmt::format("{} is not one of the entry's categories",
                                               quoted_excerpt(entry.winner_category)));
    } else if (entry.state != "winner" && entry.state != "published") {
      check.add("winner_category",
                fmt::format("only a winner has one (the entry is {})", entry.state));
    }
  } else if (entry.state == "winner") {
    check.add("winner_category", "is required for a winner (the category it won)");
  }
  if (evidence_name(entry.evidence_strength).empty()) {
    check.add("evidence_strength",
              fmt::format("{} is not on the scale 0 (not rated) to 5", entry.evidence_strength));
  }
  return problems;
}

std::vector<transport::Problem> submission_problems(const store::PracticeEntry& entry,
                                                    const std::vector<std::string>& boroughs,
                                                    const std::string& file, int row,
                                                    const EntryLimits& limits) {
  std::vector<transport::Problem> problems = draft_problems(entry, boroughs, file, row, limits);
  const Checker check{file, row, problems};
  check_required(check, "summary", entry.summary, "a few sentences for search results");
  check_required(check, "problem", entry.problem, "the problem it tackled");
  check_required(check, "actions", entry.actions, "what was done");
  if (entry.categories.empty()) {
    check.add("categories",
              fmt::format("choose at least one category ({})", keys_of(categories())));
  }
  if (trim(entry.impact_summary).empty() && entry.impact.empty()) {
    check.add("impact_summary", "is required: the impact in words, or at least one measure");
  }
  check_required(check, "how_to_adopt", entry.how_to_adopt,
                 "what another borough needs to adopt it");
  check_required(check, "contact_name", entry.contact_name, "the lead officer");
  check_required(check, "contact_role", entry.contact_role, "the lead officer's role");
  // Keep the problems in field order for people reading them.
  // clang-format off
  static constexpr std::array<std::string_view, 23> kOrder = {
      "title", "summary", "lead_borough", "partner_boroughs", "categories", "problem", "actions",
      "age_from", "age_to", "needs", "settings", "impact", "impact_summary",
      "cost_and_resources", "how_to_adopt", "contact_name", "contact_role", "links",
      "indicators", "started_on", "state", "winner_category", "evidence_strength"};
  // clang-format on
  const auto rank = [](const std::string& column) {
    return std::find(kOrder.begin(), kOrder.end(), column) - kOrder.begin();
  };
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const transport::Problem& a, const transport::Problem& b) {
                     return rank(a.column) < rank(b.column);
                   });
  return problems;
}

}  // namespace sendplan::practice
