// The UTF-8 check and Windows-1252 as UTF-8 (see the header).
#include "core/text_encoding.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>

namespace sendplan {
namespace {

constexpr std::size_t kSniffBytes = 4096;

// Unicode code points of Windows-1252's bytes 0x80–0x9F (undefined ones map to themselves).
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88–8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98–9F
};

// A code point below U+10000 as UTF-8 (all that Windows-1252 has).
void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

}  // namespace

// UTF-16 has a NUL in every other byte for ASCII text; other text has none.
bool looks_like_utf16(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
  const std::string_view start = text.substr(0, kSniffBytes);
  const auto nuls = static_cast<std::size_t>(std::count(start.begin(), start.end(), '\0'));
  return nuls > 0 && nuls * 4 >= start.size();
}

// The length of the UTF-8 character at `i`, or 0 when the bytes there are not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;  // a continuation byte without a lead, or 0xF8–0xFF
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

Error utf16_file_error(const std::string& file) {
  return make_error(ErrorCode::kParse,
                    "file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)", {file, 0, 0});
}

Error not_utf8_error(const std::string& file, unsigned char byte, int line, int column) {
  const std::string message =
      byte == 0 ? fmt::format(
                      "file is not UTF-8 text (byte 0x00 at line {}, column {}; save it as CSV "
                      "UTF-8)",
                      line, column)
                : fmt::format(
                      "file is not UTF-8 (byte 0x{:02X} at line {}, column {}; looks like "
                      "Latin-1/Windows-1252: save it as CSV UTF-8)",
                      byte, line, column);
  return make_error(ErrorCode::kParse, message, {file, line, column});
}

Status check_utf8_text(std::string_view text, const std::string& file) {
  if (looks_like_utf16(text)) return utf16_file_error(file);
  int line = 1;
  int column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++line;
      column = 1;
      ++i;
      continue;
    }
    const std::size_t length = c == '\0' ? 0 : utf8_length(text, i);
    if (length == 0) return not_utf8_error(file, static_cast<unsigned char>(c), line, column);
    ++column;
    i += length;
  }
  return Status::success();
}

void append_windows1252_as_utf8(std::string& out, unsigned char byte) {
  append_utf8(out, byte >= 0x80 && byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte);
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  for (const char c : bytes) append_windows1252_as_utf8(out, static_cast<unsigned char>(c));
  return out;
}

}  // namespace sendplan
