// Character tests and whole-word matching on UTF-8 text, shared by the entry checks
// (entry_checks.cpp) and the search for a child's data in them (child_data.cpp). ASCII only:
// other scripts' bytes count as letters for word boundaries.
#pragma once

#include <cstddef>
#include <string_view>

namespace sendplan::practice::detail {

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
inline bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
inline bool is_ascii_letter(char c) {
  return is_upper(c) || is_lower(c);
}
// A byte of a UTF-8 sequence (other scripts' letters count as letters for word boundaries).
inline bool is_non_ascii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_word_char(char c) {
  return is_ascii_letter(c) || is_digit(c) || is_non_ascii(c);
}

inline char lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `word` (lower case) is at `at` in `text`, any case, as a whole word.
inline bool word_at(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower(text[at + i]) != word[i]) return false;
  if (at > 0 && is_word_char(text[at - 1])) return false;
  const std::size_t end = at + word.size();
  return end == text.size() || !is_word_char(text[end]);
}

inline std::size_t count_digits(std::string_view text, std::size_t at) {
  std::size_t n = 0;
  while (at + n < text.size() && is_digit(text[at + n])) ++n;
  return n;
}

}  // namespace sendplan::practice::detail
