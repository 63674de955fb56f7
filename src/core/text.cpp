#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace sendplan {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::string to_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  const auto digits = [&]() {
    const std::size_t from = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - from;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t mantissa = digits();
  if (i < text.size() && text[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

bool needs_formula_guard(std::string_view text) {
  // Apostrophes already in front are guarded again, so that reading undoes exactly one.
  const std::size_t start = text.find_first_not_of('\'');
  if (start == std::string_view::npos) return false;
  const std::string_view rest = text.substr(start);
  // A sign alone computes nothing (and "-" is DfE's symbol for nil): it stays as it is.
  constexpr std::string_view kFormulaStarts = "=+-@\t\r";
  return rest.size() > 1 && kFormulaStarts.find(rest.front()) != std::string_view::npos &&
         !is_plain_number(rest);
}

std::string spreadsheet_safe(std::string_view text) {
  return needs_formula_guard(text) ? "'" + std::string(text) : std::string(text);
}

std::string_view from_spreadsheet_safe(std::string_view text) {
  if (text.starts_with('\'') && needs_formula_guard(text.substr(1))) text.remove_prefix(1);
  return text;
}

std::string csv_cell(std::string_view text) {
  const bool guarded = needs_formula_guard(text);
  const bool padded = !text.empty() && (text.front() == ' ' || text.back() == ' ');
  if (!guarded && !padded && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string quoted = guarded ? "\"'" : "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_line(std::initializer_list<std::string_view> cells) {
  std::string line;
  bool first = true;
  for (std::string_view cell : cells) {
    if (!first) line += ',';
    line += csv_cell(cell);
    first = false;
  }
  return line + '\n';
}

namespace {

// Where `text` is cut after `limit` characters (its size when it has no more), and how many
// characters it has. A cut never splits a UTF-8 sequence: continuation bytes stay with their
// lead byte.
struct Cut {
  std::size_t bytes = 0;
  std::size_t characters = 0;
};

Cut cut_after(std::string_view text, std::size_t limit) {
  Cut cut{text.size(), 0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cut.characters == limit) cut.bytes = i;
    ++cut.characters;
  }
  return cut;
}

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // … in UTF-8

}  // namespace

std::string excerpt(std::string_view text, std::size_t limit) {
  const Cut cut = cut_after(text, limit);
  if (cut.characters <= limit) return std::string(text);
  return fmt::format("{}{} ({} characters)", text.substr(0, cut.bytes), kEllipsis, cut.characters);
}

std::string quoted_excerpt(std::string_view text, std::size_t limit) {
  const Cut cut = cut_after(text, limit);
  if (cut.characters <= limit) return fmt::format("'{}'", text);
  return fmt::format("'{}{}' ({} characters)", text.substr(0, cut.bytes), kEllipsis,
                     cut.characters);
}

std::string html_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string pounds_text(std::int64_t pence) {
  const bool negative = pence < 0;
  std::uint64_t p =
      negative ? 0 - static_cast<std::uint64_t>(pence) : static_cast<std::uint64_t>(pence);
  // Thousands separated by commas, built from the right.
  std::string pounds;
  std::uint64_t whole = p / 100;
  int digits = 0;
  do {
    if (digits > 0 && digits % 3 == 0) pounds += ',';
    pounds += static_cast<char>('0' + whole % 10);
    whole /= 10;
    ++digits;
  } while (whole > 0);
  std::reverse(pounds.begin(), pounds.end());
  const std::uint64_t rest = p % 100;
  return std::string(negative ? "-" : "") + "£" + pounds + "." +
         static_cast<char>('0' + rest / 10) + static_cast<char>('0' + rest % 10);
}

}  // namespace sendplan
