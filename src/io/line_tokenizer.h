// Whitespace-separated text split into lines and tokens that remember their 1-based line and
// column, plus number parsing that reports where a bad token is. Shared by the instance readers.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sendplan::io::detail {

struct Token {
  std::string_view text;
  int column = 0;  // 1-based byte column of the first character
};

struct TextLine {
  int number = 0;  // 1-based line number in the file
  std::vector<Token> tokens;
  int end_column = 1;  // one past the last character (where a missing field would start)
  bool blank() const { return tokens.empty(); }
};

// Splits on '\n' (a trailing '\r' is dropped, so CRLF files work); tokens are separated by spaces
// and tabs. A leading UTF-8 byte-order mark is skipped. Blank lines are kept (with no tokens).
std::vector<TextLine> split_lines(std::string_view text);

// The non-blank lines only.
std::vector<TextLine> non_blank_lines(std::string_view text);

enum class FieldKind { kReal, kInteger };

struct FieldSpec {
  const char* name;  // used in error messages, e.g. "ready time"
  FieldKind kind = FieldKind::kReal;
};

// Builds errors that point into one file.
class SourceText {
 public:
  explicit SourceText(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  Error parse_error(int line, int column, std::string message) const;
  Error invalid(int line, int column, std::string message) const;

  // Parses a finite number; kParse error at the token otherwise.
  Result<double> real(int line, const Token& token, std::string_view field) const;
  // Parses a finite whole number that fits an int ("3" or "3.0"); kParse error otherwise.
  Result<int> integer(int line, const Token& token, std::string_view field) const;

  // Checks that `line` has exactly fields.size() tokens and parses them all (integers are
  // returned as exact doubles). Errors: a bad number at its column (checked first), a missing
  // field at the end of the line, an extra token at its column. `what` names the kind of line,
  // e.g. "node line".
  Result<std::vector<double>> row(const TextLine& line, std::span<const FieldSpec> fields,
                                  std::string_view what) const;

 private:
  std::string file_;
};

}  // namespace sendplan::io::detail
