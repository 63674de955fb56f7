// What a valid practice entry is (entry_checks.h): every field checked and every problem named by
// its field, for a draft and for a submission; the search for a child's data that the text
// fields pass through is child_data.cpp.
#include "practice/entry_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>

#include "core/text.h"
#include "core/text_encoding.h"
#include "dfe/indicators.h"
#include "practice/categories.h"
#include "practice/evidence.h"
#include "practice/text_scan.h"
#include "practice/workflow.h"

namespace sendplan::practice {
namespace {

using detail::is_digit;

constexpr int kMaxAge = 25;
constexpr std::size_t kMaxLinkChars = 2000;
constexpr std::size_t kMaxMeasurePartChars = 300;

std::size_t utf8_chars(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// ---- Entry checks --------------------------------------------------------------------------

struct Checker {
  const std::string& file;
  int row;
  std::vector<FileProblem>& problems;

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

std::vector<FileProblem> draft_problems(const store::PracticeEntry& entry,
                                        const std::vector<std::string>& boroughs,
                                        const std::string& file, int row,
                                        const EntryLimits& limits) {
  std::vector<FileProblem> problems;
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

std::vector<FileProblem> submission_problems(const store::PracticeEntry& entry,
                                             const std::vector<std::string>& boroughs,
                                             const std::string& file, int row,
                                             const EntryLimits& limits) {
  std::vector<FileProblem> problems = draft_problems(entry, boroughs, file, row, limits);
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
  std::stable_sort(
      problems.begin(), problems.end(),
      [&](const FileProblem& a, const FileProblem& b) { return rank(a.column) < rank(b.column); });
  return problems;
}

}  // namespace sendplan::practice
