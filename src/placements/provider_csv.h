// sendplan's own provider register as CSV, read and written; and (in `detail`) the checked CSV
// cells every placements reader shares. Pure functions on text; safe from any thread.
//
// The register's columns, in the order written (the header names them; a reader accepts them in
// any order, and only `name` and `type` are required; an absent column reads as blank):
//   id                     blank for a new provider, else a positive whole number
//   urn                    blank, or the DfE unique reference number (digits)
//   name                   required
//   type                   a provider type code ("independent-special", ...; the name is
//                          accepted too, any case)
//   la_number              blank, or the DfE 3-digit LA number
//   local_authority        free text
//   postcode               blank, or a UK postcode (any spacing or case; stored as "SW1A 1AA")
//   latitude, longitude    both blank, or both WGS84 degrees within Great Britain
//   age_low, age_high      both blank (unknown), or whole years 0..25 with low <= high, high >= 1
//   needs                  need codes separated by ';' ("asd;semh"); blank = unknown; written in
//                          the order of Need
//   boarding               day, residential or both; blank = day
//   wheelchair_accessible  yes or no; blank = no
//   capacity               blank (unknown) or at least 1
//   places_commissioned    whole number >= 0, not above a known capacity; blank = 0
//   vacancies              whole number >= 0, not above a known capacity; blank = 0
//   ofsted_grade           blank, or 1 (outstanding) .. 4 (inadequate)
//   ofsted_date            blank, or an ISO date 2019-05-31
//   section41              yes or no; blank = no
//   source                 free text
// A file written by write_provider_csv reads back to the same providers, and a file in that
// canonical form is written back byte for byte. An unknown or repeated column, a missing
// required column, every bad cell, and repeated ids or URNs are all reported.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "placements/provider.h"

namespace sendplan::placements {

// The register's columns in the order write_provider_csv writes them.
const std::vector<std::string>& provider_csv_columns();

// `file` names the text in the problems.
ReadResult<std::vector<Provider>> read_provider_csv(std::string_view text, const std::string& file);
// Reads the file at `path` (one kNotFound or kIo problem when it cannot be read).
ReadResult<std::vector<Provider>> load_provider_csv(const std::string& path);

// The header and one row per provider, LF line ends, fields quoted only when they need it.
std::string write_provider_csv(const std::vector<Provider>& providers);

namespace detail {

// One CSV cell and where it starts (1-based line and column).
struct SheetCell {
  std::string value;
  int line = 0;
  int column = 0;
};

struct SheetRow {
  int line = 0;  // where the record starts
  std::vector<SheetCell> cells;
};

// A whole CSV file for the placements readers: the header's names (trimmed), the data rows,
// and the problems the reader has found so far. UTF-8 only (core/text_encoding.h: a file in
// UTF-16, Latin-1 or Windows-1252 is a kParse error saying so); a leading UTF-8 byte-order mark
// is skipped; lines end in LF, CRLF or CR alone (old Mac).
class Sheet {
 public:
  // kParse for malformed quoting or an empty file (no header). A repeated header name is
  // recorded as a problem (the first column of that name is the one used).
  static Result<Sheet> parse(std::string_view text, std::string file);

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<SheetRow>& rows() const { return rows_; }
  // The column called exactly `name` (after trimming).
  std::optional<std::size_t> column(std::string_view name) const;

  // A problem at the header cell of `column` (or at line 1 column 1 when it is nullopt).
  void header_problem(std::optional<std::size_t> column, std::string reason,
                      ErrorCode code = ErrorCode::kParse);
  // Reports every name in `required` missing from the header, in one problem at the header.
  // False if any is missing.
  bool require_columns(const std::vector<std::string>& required, std::string_view layout);
  // Reports every header name not in `known` (a typo would otherwise be read as a blank column).
  void reject_unknown_columns(const std::vector<std::string>& known);

  void add_problem(Error problem) { problems_.push_back(std::move(problem)); }
  const std::vector<Error>& problems() const { return problems_; }
  // The problems in file order (by line, then column), leaving none.
  std::vector<Error> take_problems();

 private:
  std::string file_;
  std::vector<SheetCell> header_cells_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<SheetRow> rows_;
  std::vector<Error> problems_;
};

// Checked, typed reading of one row's cells. Each accessor reports a problem at the cell (file,
// line, column, reason quoting the value) and returns nullopt when the cell is bad, so a reader
// carries on and finds every problem. Columns are named; an absent column reads as blank and
// its problems are placed at the row's start. Values are trimmed of white space, and a value
// sendplan guarded against spreadsheet formulas ("'=x", see core/text.h) reads as it was ("=x").
// Problems quote at most 80 characters of a value (core/text.h quoted_excerpt).
class CellReader {
 public:
  CellReader(Sheet& sheet, const SheetRow& row) : sheet_(sheet), row_(row) {}

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
  const SheetCell* cell(std::string_view column) const;

  Sheet& sheet_;
  const SheetRow& row_;
};

// True for a real calendar day.
bool valid_date(int year, int month, int day);
// `text` as an ISO date when it is one (strictly YYYY-MM-DD).
std::optional<std::string> parse_iso_date(std::string_view text);

// Appends the fields joined by commas and a final LF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);
// The shortest text that reads back as the same double ("51.5", "-0.1226").
std::string format_decimal(double value);

}  // namespace detail
}  // namespace sendplan::placements
