#include "core/text.h"

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

std::string csv_cell(std::string_view text) {
  const bool padded = !text.empty() && (text.front() == ' ' || text.back() == ' ');
  if (!padded && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string quoted = "\"";
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
