// Reading a travel matrix file: journeys between the caller's places, one per row.
//
// Format (UTF-8 only: a UTF-16, Latin-1 or Windows-1252 file is one error saying so; a BOM is
// skipped; LF, CRLF or CR alone (old Mac) end lines; blank lines ignored; RFC 4180 quoting):
//   a header row naming the columns in any order, matched ignoring case:
//     from     place id the journey starts at   (required)
//     to       place id the journey ends at     (required)
//     minutes  driving time, a number ≥ 0       (required)
//     miles    driving distance, a number ≥ 0   (optional column; a blank cell is allowed)
//   then one row per journey, e.g. `P0001,S01,23.5,6.2`.
// Journeys are one-way: `A,B` says nothing about `B,A`. A row from a place to itself is
// accepted and ignored (the diagonal is always 0).
//
// Every problem is found, not just the first: an unknown or repeated column, a missing required
// column, a row with too few or too many cells, an empty id, a minutes or miles value that is
// not a number or is negative, a pair given twice, and bad quoting. Each is reported as
// `file:line:column: reason` (the column is the character position of the cell).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sendplan::travel {

struct MatrixCsvEntry {
  int from = 0;        // index into MatrixCsv::ids
  int to = 0;          // index into MatrixCsv::ids
  double seconds = 0;  // the minutes column × 60
  double metres = -1;  // the miles column in metres; -1 when the file gives no distance
};

// A parsed matrix file: every id it names, and its journeys (ids by index).
struct MatrixCsv {
  std::string file;              // as the caller named it, for messages
  std::vector<std::string> ids;  // in order of first appearance
  std::vector<MatrixCsvEntry> entries;
};

// The file's journeys, or one kParse error listing every problem, one per line (at most 1,000
// listed, then a count of the rest). With a single problem the error's location is that
// problem's file, line and column; with several it is the file, and the message begins
// "N problems in the travel matrix:".
Result<MatrixCsv> parse_matrix_csv(std::string_view text, const std::string& file_name);

}  // namespace sendplan::travel
