// The one CSV reader (RFC 4180) of every sendplan importer: a record at a time over a byte source
// (a text, a file, a gzipped file; io/csv_source.h), so a large file is never held whole.
//
// - Encoding: UTF-8, with or without a byte-order mark (skipped); or Windows-1252 when the caller
//   asks, turned into UTF-8 as it is read. Anything else is refused with one problem, as a person
//   can act on: a UTF-16 file (a UTF-16 byte-order mark, or NUL bytes in a quarter of the first
//   4,096 bytes) at line and column 0, and a byte that is not UTF-8 (or a NUL byte) at its line
//   and column (core/text_encoding.h words them).
// - Line ends: CRLF, LF or CR alone, mixed as they come.
// - Fields: separated by commas; a field that starts with '"' is quoted and may hold commas, line
//   ends and doubled quotes ("" reads as "), kept as written. Only a comma or a line end may
//   follow the closing quote. A '"' inside an unquoted field is kept as it is.
// - Every field keeps its 1-based line and column (columns count characters: what an editor
//   shows), every record the line it starts on. Blank lines (nothing but spaces or tabs) are
//   skipped.
// - Problems are Errors of code kParse (kIo/kNotFound from the source) at file, line and column;
//   the first one ends the reading.
// Not thread-safe: one reader per file.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "io/csv_source.h"

namespace sendplan::csv {

enum class Encoding {
  kUtf8,         // the default: UTF-8, a BOM skipped
  kWindows1252,  // what Excel's plain "CSV" and GIAS's extracts are saved as
};

struct Field {
  std::string value;  // unquoted, "" made ", in UTF-8
  int line = 0;       // where the field starts (its quote, if quoted)
  int column = 0;
};

struct Record {
  int line = 0;  // where the record starts
  std::vector<Field> fields;
};

class Reader {
 public:
  // How many bytes the reader holds at a time, besides the record it is making.
  static constexpr std::size_t kChunkBytes = 1u << 16;

  // `file` names the input in problems.
  Reader(std::unique_ptr<ByteSource> source, std::string file, Encoding encoding = Encoding::kUtf8);
  // Over `text`, which must outlive the reader.
  Reader(std::string_view text, std::string file, Encoding encoding = Encoding::kUtf8);

  const std::string& file() const { return file_; }

  // The next record into `record` (its fields' storage is reused from call to call): true when
  // there is one, false at the end of the input, or the problem that stops the reading (every
  // later call gives it again).
  Result<bool> next(Record& record);
  // Every record left, for importers that check rows against each other.
  Result<std::vector<Record>> read_all();

  // The bytes the reader holds (for the tests that it streams): kChunkBytes, always.
  std::size_t buffered_capacity() const { return buffer_.size(); }

 private:
  // Each step returns false once the reading has failed (failed_ says why): no Status per byte.
  bool start();
  // At least `count` bytes from pos_ in the buffer, unless the input ends first.
  bool ensure(std::size_t count) { return end_ - pos_ >= count || source_done_ || refill(count); }
  bool refill(std::size_t count);
  bool at_end() const { return pos_ == end_ && source_done_; }
  bool read_field(Field& field);
  bool read_quoted(Field& field);
  // Where the run of plain bytes at pos_ (ASCII text, no separator) ends in the buffer.
  std::size_t plain_run_end(bool quoted) const;
  // The plain bytes at pos_ appended in one go; false if none.
  bool take_plain_run(std::string& value, bool quoted);
  // The bytes from pos_ to `run` appended; false if there are none.
  bool take_bytes(std::string& value, std::size_t run);
  // One character of a field's text (already known not to be a separator or quote).
  bool take_character(std::string& value);
  // The line end at pos_ (CRLF, LF or CR), if any.
  bool skip_line_end();
  bool fail(Error error);
  bool fail_at(std::string reason, int line, int column);

  std::unique_ptr<ByteSource> source_;
  std::string file_;
  Encoding encoding_;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool source_done_ = false;
  bool started_ = false;
  std::optional<Error> failed_;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace sendplan::csv
