// Parsing the travel matrix file, collecting every problem with its line and column.
#include "travel/matrix_csv.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "core/text.h"
#include "io/csv_columns.h"
#include "io/csv_reader.h"
#include "travel/london_model.h"

namespace sendplan::travel {

namespace {

constexpr std::size_t kMaxListedProblems = 1000;

struct Problem {
  int line = 0;
  int column = 0;  // 0 = the line as a whole
  std::string reason;
};

class ProblemList {
 public:
  void add(int line, int column, std::string reason) {
    problems_.push_back({line, column, std::move(reason)});
  }
  bool empty() const { return problems_.empty(); }

  Error to_error(const std::string& file) const {
    if (problems_.size() == 1) {
      const Problem& only = problems_.front();
      return make_error(ErrorCode::kParse, only.reason, {file, only.line, only.column});
    }
    std::string message = fmt::format("{} problems in the travel matrix:", problems_.size());
    const std::size_t listed = std::min(problems_.size(), kMaxListedProblems);
    for (std::size_t i = 0; i < listed; ++i) {
      const Problem& problem = problems_[i];
      message += '\n';
      message += Error{ErrorCode::kParse, problem.reason, {file, problem.line, problem.column}}
                     .to_string();
    }
    if (listed < problems_.size()) {
      message += fmt::format("\n... and {} more problems", problems_.size() - listed);
    }
    return make_error(ErrorCode::kParse, std::move(message), {file, 0, 0});
  }

 private:
  std::vector<Problem> problems_;
};

enum Column { kFrom, kTo, kMinutes, kMiles, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"from", "to", "minutes",
                                                                     "miles"};

// Where each known column is in the header (-1 when absent); false when the rows cannot be read.
bool read_header(const csv::Record& header, const std::string& file,
                 std::array<int, kColumnCount>& position, ProblemList& problems) {
  const csv::Columns columns(header, file);
  const int line = header.line;
  for (int c = 0; c < kColumnCount; ++c) {
    const std::optional<std::size_t> found =
        columns.find(kColumnNames[static_cast<std::size_t>(c)]);
    position[static_cast<std::size_t>(c)] = found ? static_cast<int>(*found) : -1;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string name = to_lower(columns.names()[i]);
    const int column = header.fields[i].column;
    const std::optional<std::size_t> first = columns.find(name);
    bool known = false;
    for (const std::string_view known_name : kColumnNames) known = known || name == known_name;
    if (!known) {
      problems.add(line, column,
                   fmt::format("unknown column {} (the columns are from, to, minutes and "
                               "optionally miles)",
                               quoted_excerpt(columns.names()[i])));
    } else if (first != i) {
      problems.add(line, column, fmt::format("column '{}' appears twice", name));
    }
  }
  bool readable = true;
  for (int c : {kFrom, kTo, kMinutes}) {
    if (position[static_cast<std::size_t>(c)] < 0) {
      problems.add(line, 0,
                   fmt::format("required column '{}' is missing",
                               kColumnNames[static_cast<std::size_t>(c)]));
      readable = false;
    }
  }
  return readable;
}

// A number ≥ 0 from a whole cell; a problem (and false) otherwise.
bool read_amount(std::string_view text, std::string_view name, int line, int column, double& value,
                 ProblemList& problems) {
  if (text.empty()) {
    problems.add(line, column, fmt::format("{} is empty", name));
    return false;
  }
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) {
    problems.add(line, column, fmt::format("{} is not a number: {}", name, quoted_excerpt(text)));
    return false;
  }
  if (value < 0) {
    problems.add(line, column, fmt::format("{} is negative: {}", name, excerpt(text)));
    return false;
  }
  return true;
}

class IdTable {
 public:
  explicit IdTable(std::vector<std::string>& ids) : ids_(ids) {}
  int intern(std::string_view id) {
    auto [it, inserted] = index_.try_emplace(std::string(id), static_cast<int>(ids_.size()));
    if (inserted) ids_.emplace_back(id);
    return it->second;
  }

 private:
  std::vector<std::string>& ids_;
  std::unordered_map<std::string, int> index_;
};

}  // namespace

Result<MatrixCsv> parse_matrix_csv(std::string_view text, const std::string& file_name) {
  MatrixCsv csv;
  csv.file = file_name;
  ProblemList problems;
  IdTable ids(csv.ids);
  std::unordered_map<std::uint64_t, int> first_line_of_pair;

  csv::Reader reader(text, file_name);
  csv::Record record;
  std::array<int, kColumnCount> position{};
  std::size_t header_cells = 0;
  bool have_header = false;
  for (;;) {
    const Result<bool> more = reader.next(record);
    if (!more.ok()) {
      // Not CSV or not UTF-8 before the header is the file's one problem (not "empty" too).
      if (!have_header) return more.error();
      problems.add(more.error().where.line, more.error().where.column, more.error().message);
      break;
    }
    if (!more.value()) break;
    const std::vector<csv::Field>& cells = record.fields;
    const int line = record.line;
    if (!have_header) {
      have_header = true;
      header_cells = cells.size();
      if (!read_header(record, file_name, position, problems)) break;
      continue;
    }
    if (cells.size() != header_cells) {
      const int column = cells.size() > header_cells ? cells[header_cells].column : 0;
      problems.add(
          line, column,
          fmt::format("{} cells, but the header has {} columns", cells.size(), header_cells));
      continue;
    }
    auto cell = [&](Column c) -> const csv::Field& {
      return cells[static_cast<std::size_t>(position[static_cast<std::size_t>(c)])];
    };
    const std::string_view from = trim(cell(kFrom).value);
    const std::string_view to = trim(cell(kTo).value);
    bool row_ok = true;
    if (from.empty()) {
      problems.add(line, cell(kFrom).column, "from is empty");
      row_ok = false;
    }
    if (to.empty()) {
      problems.add(line, cell(kTo).column, "to is empty");
      row_ok = false;
    }
    double minutes = 0;
    row_ok &= read_amount(trim(cell(kMinutes).value), "minutes", line, cell(kMinutes).column,
                          minutes, problems);
    double metres = -1;
    if (position[kMiles] >= 0 && !trim(cell(kMiles).value).empty()) {
      double miles = 0;
      row_ok &= read_amount(trim(cell(kMiles).value), "miles", line, cell(kMiles).column, miles,
                            problems);
      metres = miles * kMetresPerMile;
    }
    if (!row_ok) continue;
    const int from_index = ids.intern(from);
    const int to_index = ids.intern(to);
    const std::uint64_t pair =
        (static_cast<std::uint64_t>(from_index) << 32) | static_cast<std::uint32_t>(to_index);
    const auto [first, inserted] = first_line_of_pair.try_emplace(pair, line);
    if (!inserted) {
      problems.add(line, cell(kFrom).column,
                   fmt::format("the journey from {} to {} is given twice (first on line {})",
                               quoted_excerpt(from), quoted_excerpt(to), first->second));
      continue;
    }
    if (from_index == to_index) continue;  // the diagonal is always 0
    csv.entries.push_back({from_index, to_index, minutes * 60.0, metres});
  }
  if (!have_header) {
    problems.add(1, 0, "the file is empty: expected a header row such as from,to,minutes,miles");
  }
  if (!problems.empty()) return problems.to_error(file_name);
  return csv;
}

}  // namespace sendplan::travel
