// Checking that a file's bytes are text the CSV readers can read: UTF-8 (a leading BOM is the
// reader's to skip), with a clear error for what spreadsheets also save (UTF-16, Latin-1 or
// Windows-1252); and Windows-1252 turned into UTF-8 for the readers that are asked to read it.
// The CSV reader (io/csv_reader.h) uses these as it reads. Pure functions, safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sendplan {

// Success when `text` is UTF-8 with no NUL byte. Otherwise kParse naming `file`, saying what the
// bytes look like and how to fix them:
// - a UTF-16 byte-order mark, or NUL bytes in a quarter or more of the first 4,096 bytes (UTF-16
//   text without a mark): "file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)", for the
//   file as a whole (line and column 0);
// - a byte that does not belong to a UTF-8 character: "file is not UTF-8 (byte 0xE9 at line 3,
//   column 7; looks like Latin-1/Windows-1252: save it as CSV UTF-8)", at that line and column;
// - a stray NUL byte: "file is not UTF-8 text (byte 0x00 at line 3, column 7; save it as CSV
//   UTF-8)".
// Lines end at LF, CRLF or CR alone; columns count characters from 1.
Status check_utf8_text(std::string_view text, const std::string& file);

// True when every byte of `text` belongs to a well-formed UTF-8 character (no overlong forms,
// surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// The length of the well-formed UTF-8 character that starts at `text[i]` (1 to 4), or 0 when
// the bytes there are not one (including a character cut short by the end of `text`).
std::size_t utf8_length(std::string_view text, std::size_t i);

// True when the first bytes of a file (up to 4,096 are looked at) are UTF-16: a UTF-16
// byte-order mark, or NUL bytes in a quarter or more of them.
bool looks_like_utf16(std::string_view start);

// The errors check_utf8_text gives, for readers that check as they go: the file is UTF-16 (at
// line and column 0), or `byte` at `line` and `column` (characters from 1) is not UTF-8 (a NUL
// byte: "not UTF-8 text"; any other: "looks like Latin-1/Windows-1252").
Error utf16_file_error(const std::string& file);
Error not_utf8_error(const std::string& file, unsigned char byte, int line, int column);

// Appends the UTF-8 form of the Windows-1252 byte `byte`: ASCII unchanged, 0x80–0x9F by the code
// page (0x92 → U+2019; the five undefined bytes map to the C1 controls of the same number, as
// WHATWG's decoder does),
// 0xA0–0xFF to the Latin-1 code points (0xA3 → '£', 0xE9 → 'é').
void append_windows1252_as_utf8(std::string& out, unsigned char byte);
// Windows-1252 bytes as UTF-8 (each byte through append_windows1252_as_utf8).
std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace sendplan
