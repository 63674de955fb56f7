// Practice entries in and out as CSV and JSON. One table of columns drives both formats, so
// they always carry the same fields.
#include "practice/entry_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <variant>

#include "core/text.h"
#include "io/csv_reader.h"
#include "practice/entry_checks.h"
#include "practice/entry_json.h"
#include "practice/london_time.h"

namespace sendplan::practice {
namespace {

using store::ImpactMeasure;
using store::PracticeEntry;
using Problem = FileProblem;

// ---- The columns ---------------------------------------------------------------------------

using FieldPointer =
    std::variant<std::string PracticeEntry::*, std::vector<std::string> PracticeEntry::*,
                 int PracticeEntry::*, std::int64_t PracticeEntry::*, bool PracticeEntry::*,
                 std::vector<ImpactMeasure> PracticeEntry::*>;

struct Column {
  const char* name;
  FieldPointer field;
  bool required = false;  // the column must be in a CSV header
  bool instant = false;   // a UTC instant when not empty
  bool csv = true;        // false: in JSON only (entry_to_json's store bookkeeping)
};

const std::vector<Column>& columns() {
  using E = PracticeEntry;
  static const std::vector<Column> list = {
      {"id", &E::id},
      {"call_id", &E::call_id},
      {"title", &E::title, true},
      {"summary", &E::summary},
      {"lead_borough", &E::lead_borough, true},
      {"partner_boroughs", &E::partner_boroughs},
      {"categories", &E::categories},
      {"problem", &E::problem},
      {"actions", &E::actions},
      {"age_from", &E::age_from},
      {"age_to", &E::age_to},
      {"needs", &E::needs},
      {"settings", &E::settings},
      {"impact", &E::impact},
      {"impact_summary", &E::impact_summary},
      {"cost_and_resources", &E::cost_and_resources},
      {"how_to_adopt", &E::how_to_adopt},
      {"contact_name", &E::contact_name},
      {"contact_role", &E::contact_role},
      {"links", &E::links},
      {"indicators", &E::indicators},
      {"started_on", &E::started_on},
      {"state", &E::state},
      {"winner_category", &E::winner_category},
      {"evidence_strength", &E::evidence_strength},
      {"example", &E::example},
      {"created_at", &E::created_at, false, true},
      {"updated_at", &E::updated_at, false, true},
      {"submitted_at", &E::submitted_at, false, true},
      {"published_at", &E::published_at, false, true},
      {"created_by", &E::created_by, false, false, false},
      {"revision", &E::revision, false, false, false},
  };
  return list;
}

const Column* find_column(std::string_view name, bool csv) {
  for (const Column& column : columns())
    if (name == column.name && (column.csv || !csv)) return &column;
  return nullptr;
}

std::string column_names(bool csv) {
  std::string text;
  for (const Column& column : columns()) {
    if (csv && !column.csv) continue;
    if (!text.empty()) text += ", ";
    text += column.name;
  }
  return text;
}

bool is_id(const Column& column) {
  const std::string_view name = column.name;
  return name == "id" || name == "call_id" || name == "created_by" || name == "revision";
}

// ---- List cells ----------------------------------------------------------------------------
// Items are joined by "; " and a measure's parts by " | "; a ';', '|' or '\' inside an item is
// written with a '\' before it. A '\' before any other character is kept as written, so text
// typed by hand reads as it looks.

std::string escape_item(std::string_view item) {
  std::string text;
  for (const char c : item) {
    if (c == ';' || c == '|' || c == '\\') text += '\\';
    text += c;
  }
  return text;
}

// Splits at unescaped `separator`, unescaping \; \| and \\ and trimming each part.
std::vector<std::string> split_escaped(std::string_view text, char separator) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() &&
        (text[i + 1] == ';' || text[i + 1] == '|' || text[i + 1] == '\\')) {
      parts.back() += text[++i];
    } else if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  for (std::string& part : parts) part = std::string(trim(part));
  return parts;
}

std::string list_cell(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    if (!text.empty()) text += "; ";
    text += escape_item(item);
  }
  return text;
}

std::string impact_cell(const std::vector<ImpactMeasure>& impact) {
  std::string text;
  for (const ImpactMeasure& m : impact) {
    if (!text.empty()) text += "; ";
    text += fmt::format("{} | {} | {} | {} | {}", escape_item(m.measure), escape_item(m.before),
                        escape_item(m.after), escape_item(m.period), escape_item(m.source));
  }
  return text;
}

// Like split_escaped(text, ';') but keeping the escapes, for splitting measures into parts.
std::vector<std::string> split_keeping_escapes(std::string_view text, char separator) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      parts.back() += text[i];
      parts.back() += text[++i];
    } else if (text[i] == separator) {
      parts.emplace_back();
    } else {
      parts.back() += text[i];
    }
  }
  return parts;
}

std::string cell_of(const PracticeEntry& entry, const Column& column) {
  return std::visit(
      [&](auto pointer) -> std::string {
        const auto& value = entry.*pointer;
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return value;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return list_cell(value);
        } else if constexpr (std::is_same_v<T, bool>) {
          return value ? "yes" : "no";
        } else if constexpr (std::is_same_v<T, std::vector<ImpactMeasure>>) {
          return impact_cell(value);
        } else {
          return std::to_string(value);
        }
      },
      column.field);
}

// ---- Reading one value ---------------------------------------------------------------------

// A value read into an entry: "" when it was good, else the reason.
using ReadProblem = std::string;

template <typename Int>
ReadProblem read_integer(std::string_view text, Int& into) {
  text = trim(text);
  if (text.empty()) return "";  // the default stays
  Int value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return fmt::format("expected a whole number, got {}", quoted_excerpt(text));
  }
  into = value;
  return "";
}

ReadProblem read_bool(std::string_view text, bool& into) {
  const std::string key = to_lower(trim(text));
  if (key.empty() || key == "no" || key == "false" || key == "0") {
    into = false;
  } else if (key == "yes" || key == "true" || key == "1") {
    into = true;
  } else {
    return fmt::format("expected yes or no, got {}", quoted_excerpt(text));
  }
  return "";
}

std::vector<ImpactMeasure> read_impact_cell(std::string_view text, std::vector<std::string>& bad) {
  std::vector<ImpactMeasure> impact;
  int number = 0;
  for (const std::string& item : split_keeping_escapes(text, ';')) {
    if (trim(item).empty()) continue;
    ++number;
    const std::vector<std::string> parts = split_escaped(item, '|');
    if (parts.size() > 5) {
      bad.push_back(
          fmt::format("measure {} has {} parts; expected \"measure | before | after | "
                      "period | source\"",
                      number, parts.size()));
      continue;
    }
    ImpactMeasure measure;
    std::string* fields[] = {&measure.measure, &measure.before, &measure.after, &measure.period,
                             &measure.source};
    for (std::size_t i = 0; i < parts.size(); ++i) *fields[i] = parts[i];
    impact.push_back(std::move(measure));
  }
  return impact;
}

ReadProblem read_cell(std::string_view text, PracticeEntry& entry, const Column& column) {
  return std::visit(
      [&](auto pointer) -> ReadProblem {
        auto& value = entry.*pointer;
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
          value = std::string(from_spreadsheet_safe(text));
          if (std::string_view(column.name) == "state" && trim(value).empty()) value = "draft";
          if (column.instant && !value.empty() && utc_to_london_local(value).empty()) {
            return fmt::format("expected a UTC time such as 2027-03-31T22:59:00Z, got {}",
                               quoted_excerpt(value));
          }
          return "";
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          value.clear();
          for (std::string& item : split_escaped(from_spreadsheet_safe(text), ';'))
            if (!item.empty()) value.push_back(std::move(item));
          return "";
        } else if constexpr (std::is_same_v<T, bool>) {
          return read_bool(text, value);
        } else if constexpr (std::is_same_v<T, std::vector<ImpactMeasure>>) {
          std::vector<std::string> bad;
          value = read_impact_cell(from_spreadsheet_safe(text), bad);
          std::string reasons;
          for (const std::string& reason : bad) reasons += (reasons.empty() ? "" : "; ") + reason;
          return reasons;
        } else {
          ReadProblem problem = read_integer(text, value);
          if (problem.empty() && value < 0 && is_id(column))
            return fmt::format("expected an id (0 or more), got {}", value);
          return problem;
        }
      },
      column.field);
}

// The checks of entry_checks.h for the entry's state: a draft's, or a submission's after it.
std::vector<Problem> entry_problems(const PracticeEntry& entry,
                                    const std::vector<std::string>& boroughs,
                                    const std::string& file, int row) {
  return entry.state == "draft" ? draft_problems(entry, boroughs, file, row)
                                : submission_problems(entry, boroughs, file, row);
}

// ---- JSON ----------------------------------------------------------------------------------

const char* json_type_name(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "true/false";
  if (value.is_number()) return "a number";
  if (value.is_string()) return "text";
  if (value.is_array()) return "a list";
  return "an object";
}

ReadProblem read_json_value(const nlohmann::json& json, PracticeEntry& entry,
                            const Column& column) {
  return std::visit(
      [&](auto pointer) -> ReadProblem {
        auto& value = entry.*pointer;
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string>) {
          if (!json.is_string()) return fmt::format("expected text, got {}", json_type_name(json));
          value = json.get<std::string>();
          if (column.instant && !value.empty() && utc_to_london_local(value).empty()) {
            return fmt::format("expected a UTC time such as 2027-03-31T22:59:00Z, got {}",
                               quoted_excerpt(value));
          }
          return "";
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          if (!json.is_array()) {
            return fmt::format("expected a list of text, got {}", json_type_name(json));
          }
          value.clear();
          for (const nlohmann::json& item : json) {
            if (!item.is_string()) {
              return fmt::format("expected a list of text, found {} in it", json_type_name(item));
            }
            value.push_back(item.get<std::string>());
          }
          return "";
        } else if constexpr (std::is_same_v<T, bool>) {
          if (!json.is_boolean()) {
            return fmt::format("expected true or false, got {}", json_type_name(json));
          }
          value = json.get<bool>();
          return "";
        } else if constexpr (std::is_same_v<T, std::vector<ImpactMeasure>>) {
          if (!json.is_array()) {
            return fmt::format("expected a list of measures, got {}", json_type_name(json));
          }
          value.clear();
          std::string reasons;
          const auto add = [&reasons](const std::string& reason) {
            reasons += (reasons.empty() ? "" : "; ") + reason;
          };
          int number = 0;
          for (const nlohmann::json& item : json) {
            ++number;
            if (!item.is_object()) {
              add(fmt::format("measure {} is {}, not an object", number, json_type_name(item)));
              continue;
            }
            ImpactMeasure measure;
            const std::map<std::string, std::string*> parts = {{"measure", &measure.measure},
                                                               {"before", &measure.before},
                                                               {"after", &measure.after},
                                                               {"period", &measure.period},
                                                               {"source", &measure.source}};
            for (const auto& [key, part] : item.items()) {
              const auto found = parts.find(key);
              if (found == parts.end()) {
                add(
                    fmt::format("measure {}: unknown field {} (the fields are measure, before, "
                                "after, period, source)",
                                number, quoted_excerpt(key)));
              } else if (!part.is_string()) {
                add(fmt::format("measure {}: {} must be text", number, key));
              } else {
                *found->second = part.template get<std::string>();
              }
            }
            value.push_back(std::move(measure));
          }
          return reasons;
        } else {
          if (!json.is_number_integer()) {
            return fmt::format("expected a whole number, got {}", json_type_name(json));
          }
          if (json.is_number_unsigned() &&
              json.get<std::uint64_t>() >
                  static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
            return "the number is too large";
          }
          const std::int64_t number = json.get<std::int64_t>();
          if (number < std::numeric_limits<T>::min() || number > std::numeric_limits<T>::max()) {
            return "the number is out of range";
          }
          value = static_cast<T>(number);
          if (value < 0 && is_id(column))
            return fmt::format("expected an id (0 or more), got {}", number);
          return "";
        }
      },
      column.field);
}

}  // namespace

std::string entries_csv(const std::vector<PracticeEntry>& entries) {
  std::string text;
  for (const Column& column : columns()) {
    if (!column.csv) continue;
    if (!text.empty()) text += ',';
    text += column.name;
  }
  text += '\n';
  for (const PracticeEntry& entry : entries) {
    bool first = true;
    for (const Column& column : columns()) {
      if (!column.csv) continue;
      if (!first) text += ',';
      first = false;
      text += csv_cell(cell_of(entry, column));
    }
    text += '\n';
  }
  return text;
}

std::string entries_json(const std::vector<PracticeEntry>& entries) {
  nlohmann::json list = nlohmann::json::array();
  for (const PracticeEntry& entry : entries) list.push_back(entry_to_json(entry));
  const nlohmann::json document = {{"entries", std::move(list)}};
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Checked<std::vector<PracticeEntry>, FileProblem> read_entries_csv(
    const std::string& text, const std::string& file, const std::vector<std::string>& boroughs) {
  csv::Reader reader(text, file);
  Result<std::vector<csv::Record>> records = reader.read_all();
  if (!records.ok()) {
    // A problem with the encoding says where it is ("byte 0xE9 at line 3, column 7"); one with
    // the quoting is told its place on the line here.
    const Error& error = records.error();
    const bool placed =
        error.where.column == 0 || error.message.find(" at line ") != std::string::npos;
    return std::vector<Problem>{{file, error.where.line, "",
                                 placed ? error.message
                                        : fmt::format("{} (at character {} of the line)",
                                                      error.message, error.where.column)}};
  }
  const std::vector<csv::Record>& rows = records.value();
  if (rows.empty()) {
    return std::vector<Problem>{{file, 0, "",
                                 "the file is empty: expected a header row naming "
                                 "the columns"}};
  }

  // The header: every column known, none twice, the required ones there.
  std::vector<Problem> problems;
  const csv::Record& header = rows.front();
  std::vector<const Column*> layout;
  std::set<std::string> seen;
  for (const csv::Field& field : header.fields) {
    const std::string name = to_lower(trim(field.value));
    const Column* column = find_column(name, true);
    if (column == nullptr) {
      problems.push_back({file, field.line, std::string(trim(field.value)),
                          fmt::format("unknown column (the columns are {})", column_names(true))});
    } else if (!seen.insert(name).second) {
      problems.push_back({file, field.line, name, "the column appears twice"});
    }
    layout.push_back(column);
  }
  for (const Column& column : columns()) {
    if (column.csv && column.required && seen.count(column.name) == 0)
      problems.push_back({file, header.line, column.name, "required column is missing"});
  }
  if (!problems.empty()) return problems;

  std::vector<PracticeEntry> entries;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const csv::Record& row = rows[r];
    if (row.fields.size() != layout.size()) {
      problems.push_back({file, row.line, "",
                          fmt::format("the row has {} cells; the header has {}", row.fields.size(),
                                      layout.size())});
      continue;
    }
    PracticeEntry entry;
    std::map<std::string, int> line_of;  // column → the line its cell starts on
    std::set<std::string> unread;        // columns whose value could not be read
    for (std::size_t c = 0; c < layout.size(); ++c) {
      const csv::Field& field = row.fields[c];
      line_of[layout[c]->name] = field.line;
      const ReadProblem problem = read_cell(field.value, entry, *layout[c]);
      if (!problem.empty()) {
        problems.push_back({file, field.line, layout[c]->name, problem});
        unread.insert(layout[c]->name);
      }
    }
    // The checks on the values read (a value that could not be read is reported once).
    for (Problem& problem : entry_problems(entry, boroughs, file, row.line)) {
      if (unread.count(problem.column) > 0) continue;
      const auto found = line_of.find(problem.column);
      if (found != line_of.end()) problem.row = found->second;
      problems.push_back(std::move(problem));
    }
    entries.push_back(std::move(entry));
  }
  if (!problems.empty()) return problems;
  return entries;
}

Checked<std::vector<PracticeEntry>, FileProblem> read_entries_json(
    const std::string& text, const std::string& file, const std::vector<std::string>& boroughs) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    return std::vector<Problem>{
        {file, 0, "", fmt::format("the file is not JSON (a fault at byte {})", error.byte)}};
  }
  if (!document.is_object() || !document.contains("entries") || !document["entries"].is_array()) {
    return std::vector<Problem>{
        {file, 0, "", "expected an object with a list \"entries\": {\"entries\": [ ... ]}"}};
  }
  std::vector<Problem> problems;
  for (const auto& [key, value] : document.items()) {
    if (key != "entries") {
      problems.push_back({file, 0, key, "unknown field (the file holds only \"entries\")"});
    }
  }
  std::vector<PracticeEntry> entries;
  int row = 0;
  for (const nlohmann::json& item : document["entries"]) {
    ++row;
    if (!item.is_object()) {
      problems.push_back(
          {file, row, "",
           fmt::format("expected an entry (an object), got {}", json_type_name(item))});
      continue;
    }
    PracticeEntry entry;
    std::set<std::string> unread;  // fields whose value could not be read, or missing
    for (const auto& [key, value] : item.items()) {
      const Column* column = find_column(key, false);
      if (column == nullptr) {
        problems.push_back({file, row, key,
                            fmt::format("unknown field (the fields are {})", column_names(false))});
        continue;
      }
      const ReadProblem problem = read_json_value(value, entry, *column);
      if (!problem.empty()) {
        problems.push_back({file, row, key, problem});
        unread.insert(key);
      }
    }
    for (const Column& column : columns()) {
      if (column.required && !item.contains(column.name)) {
        problems.push_back({file, row, column.name, "required field is missing"});
        unread.insert(column.name);
      }
    }
    for (Problem& problem : entry_problems(entry, boroughs, file, row))
      if (unread.count(problem.column) == 0) problems.push_back(std::move(problem));
    entries.push_back(std::move(entry));
  }
  if (!problems.empty()) return problems;
  return entries;
}

}  // namespace sendplan::practice
