#include "io/line_tokenizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace sendplan::io::detail {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

TextLine tokenize(std::string_view line, int number) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  TextLine result;
  result.number = number;
  result.end_column = static_cast<int>(line.size()) + 1;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    if (i == line.size()) break;
    const size_t start = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    result.tokens.push_back({line.substr(start, i - start), static_cast<int>(start) + 1});
  }
  if (!result.tokens.empty()) {
    const Token& last = result.tokens.back();
    result.end_column = last.column + static_cast<int>(last.text.size());
  }
  return result;
}

}  // namespace

std::vector<TextLine> split_lines(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  std::vector<TextLine> lines;
  int number = 1;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    lines.push_back(tokenize(line, number++));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<TextLine> non_blank_lines(std::string_view text) {
  std::vector<TextLine> lines = split_lines(text);
  std::erase_if(lines, [](const TextLine& line) { return line.blank(); });
  return lines;
}

Error SourceText::parse_error(int line, int column, std::string message) const {
  return make_error(ErrorCode::kParse, std::move(message), {file_, line, column});
}

Error SourceText::invalid(int line, int column, std::string message) const {
  return make_error(ErrorCode::kInvalidInput, std::move(message), {file_, line, column});
}

Result<double> SourceText::real(int line, const Token& token, std::string_view field) const {
  std::string_view text = token.text;
  // from_chars does not take a leading '+'; accept "+3" but not "+-3" or a lone "+".
  if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return parse_error(line, token.column,
                       fmt::format("expected a number for {}, got '{}'", field, token.text));
  }
  return value;
}

Result<int> SourceText::integer(int line, const Token& token, std::string_view field) const {
  Result<double> value = real(line, token, field);
  if (!value) return value.error();
  const double v = value.value();
  if (v != std::floor(v) || v < std::numeric_limits<int>::min() ||
      v > std::numeric_limits<int>::max()) {
    return parse_error(line, token.column,
                       fmt::format("expected a whole number for {}, got '{}'", field, token.text));
  }
  return static_cast<int>(v);
}

Result<std::vector<double>> SourceText::row(const TextLine& line, std::span<const FieldSpec> fields,
                                            std::string_view what) const {
  const size_t count = line.tokens.size();
  // Bad numbers first: a stray word is better reported as itself than as a missing field.
  std::vector<double> values(std::min(count, fields.size()));
  for (size_t i = 0; i < values.size(); ++i) {
    const FieldSpec& field = fields[i];
    if (field.kind == FieldKind::kInteger) {
      Result<int> v = integer(line.number, line.tokens[i], field.name);
      if (!v) return v.error();
      values[i] = v.value();
    } else {
      Result<double> v = real(line.number, line.tokens[i], field.name);
      if (!v) return v.error();
      values[i] = v.value();
    }
  }
  if (count < fields.size()) {
    return parse_error(line.number, line.end_column,
                       fmt::format("{} has {} fields, expected {}: {} is missing", what, count,
                                   fields.size(), fields[count].name));
  }
  if (count > fields.size()) {
    const Token& extra = line.tokens[fields.size()];
    return parse_error(line.number, extra.column,
                       fmt::format("{} has {} fields, expected {}: unexpected '{}'", what, count,
                                   fields.size(), extra.text));
  }
  return values;
}

}  // namespace sendplan::io::detail
