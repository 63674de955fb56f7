// Escaping text for XML and HTML (SVG charts, the HTML report): the five special characters
// become entities, so the result is safe both as element text and inside a quoted attribute.
#pragma once

#include <string>
#include <string_view>

namespace sendplan::stats {

inline std::string escape_markup(std::string_view text) {
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

}  // namespace sendplan::stats
