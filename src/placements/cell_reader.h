// Checked, typed reading of the cells of a placements CSV row (placements/csv_file.h), and the
// small text helpers the placements readers and writers share. Pure functions on text; safe from
// any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "io/csv_reader.h"
#include "placements/csv_file.h"

namespace sendplan::placements::detail {

// Checked, typed reading of one row's cells. Each accessor reports a problem at the cell (file,
// line, column, reason quoting the value) and returns nullopt when the cell is bad, so a reader
// carries on and finds every problem. Columns are named; an absent column reads as blank and
// its problems are placed at the row's start. Values are trimmed of white space, and a value
// sendplan guarded against spreadsheet formulas ("'=x", see core/text.h) reads as it was ("=x").
// Problems quote at most 80 characters of a value (core/text.h quoted_excerpt).
class CellReader {
 public:
  CellReader(CsvFile& sheet, const csv::Record& row) : sheet_(sheet), row_(row) {}

  int line() const { return row_.line; }
  std::string_view text(std::string_view column) const;
  // A problem at `column`'s cell; kParse for a malformed value, kInvalidInput for an impossible
  // one.
  void problem(std::string_view column, std::string reason,
               ErrorCode code = ErrorCode::kInvalidInput) const;
  // Where `column`'s cell is (the row start when the row is short or the column absent).
  SourceLocation where(std::string_view column) const;

  // A non-empty cell.
  std::optional<std::string> required(std::string_view column) const;
  // A whole number within [minimum, maximum]; a blank cell gives `blank` (a problem when it
  // has no value).
  std::optional<std::int64_t> whole_number(std::string_view column, std::int64_t minimum,
                                           std::int64_t maximum,
                                           std::optional<std::int64_t> blank) const;
  // A finite decimal number within [minimum, maximum], `what` naming the range in the reason.
  std::optional<double> decimal(std::string_view column, double minimum, double maximum,
                                std::string_view what) const;
  // yes or no, any case; a blank cell gives `blank`.
  std::optional<bool> yes_no(std::string_view column, std::optional<bool> blank) const;
  // An ISO date (YYYY-MM-DD, a real calendar day, years 1900–2100); "" for a blank cell when
  // `optional`.
  std::optional<std::string> iso_date(std::string_view column, bool optional) const;

 private:
  CsvFile& sheet_;
  const csv::Record& row_;
};

// True for a real calendar day.
bool valid_date(int year, int month, int day);
// `text` as an ISO date when it is one (strictly YYYY-MM-DD).
std::optional<std::string> parse_iso_date(std::string_view text);

// Appends the fields joined by commas and a final LF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);
// The shortest text that reads back as the same double ("51.5", "-0.1226").
std::string format_decimal(double value);

}  // namespace sendplan::placements::detail
