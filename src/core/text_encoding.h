// Checking that a file's bytes are text the CSV readers can read: UTF-8 (a leading BOM is the
// reader's to skip), with a clear error for what spreadsheets also save (UTF-16, Latin-1 or
// Windows-1252), and old Mac line ends (CR alone) read as line ends. Pure functions, safe from
// any thread.
#pragma once

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

// `text` checked by check_utf8_text, ready for a reader that splits lines at LF (and drops a CR
// before it). A file whose lines end in CR alone (old Mac: CRs and no LF at all) is copied into
// `storage` with each CR made LF, and the result views `storage`; otherwise it views `text`.
Result<std::string_view> utf8_csv_text(std::string_view text, const std::string& file,
                                       std::string& storage);

}  // namespace sendplan
