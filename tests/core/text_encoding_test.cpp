// The check every CSV reader makes before reading: UTF-8 only, with clear errors for UTF-16 and
// Latin-1/Windows-1252 files (they used to read as "required column is missing"), and old Mac
// line ends read as line ends.
#include "core/text_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace sendplan {
namespace {

using namespace std::string_literals;

// `text` as UTF-16 little-endian (ASCII only), with or without a byte-order mark.
std::string utf16le(std::string_view text, bool bom) {
  std::string out = bom ? "\xFF\xFE"s : ""s;
  for (char c : text) {
    out += c;
    out += '\0';
  }
  return out;
}

TEST(CheckUtf8Text, AcceptsUtf8WithOrWithoutBom) {
  EXPECT_TRUE(check_utf8_text("a,b\nc,d\n", "f.csv").ok());
  EXPECT_TRUE(check_utf8_text("\xEF\xBB\xBF"
                              "a,b\r\nCaf\xC3\xA9,\xE2\x82\xAC"
                              "5\r\n",
                              "f.csv")
                  .ok());
  EXPECT_TRUE(check_utf8_text("", "f.csv").ok());
}

TEST(CheckUtf8Text, Utf16LittleEndianWithBomIsNamed) {
  const Status status = check_utf8_text(utf16le("pupil_id,borough\nP1,Camden\n", true), "p.csv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kParse);
  EXPECT_EQ(status.error().to_string(),
            "p.csv: file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
}

TEST(CheckUtf8Text, Utf16WithoutBomIsNamed) {
  const Status status = check_utf8_text(utf16le("pupil_id,borough\nP1,Camden\n", false), "p.csv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
  // Big-endian, with its mark.
  EXPECT_FALSE(check_utf8_text("\xFE\xFF\0a\0,\0b"s, "p.csv").ok());
}

TEST(CheckUtf8Text, Latin1ByteIsPlacedAtItsLineAndColumn) {
  const Status status = check_utf8_text(
      "name,borough\nx,y\nSt Ren\xE9"
      "e's,Camden\n",
      "schools.csv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "file is not UTF-8 (byte 0xE9 at line 3, column 7; looks like Latin-1/Windows-1252: "
            "save it as CSV UTF-8)");
  EXPECT_EQ(status.error().where.file, "schools.csv");
  EXPECT_EQ(status.error().where.line, 3);
  EXPECT_EQ(status.error().where.column, 7);
}

TEST(CheckUtf8Text, ColumnsCountCharactersAndCrAloneEndsALine) {
  // "é" before the bad byte is one character; the file's lines end in CR alone.
  const Status status = check_utf8_text("a\r\xC3\xA9\x92x\r", "f.csv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().where.line, 2);
  EXPECT_EQ(status.error().where.column, 2);
  EXPECT_NE(status.error().message.find("byte 0x92"), std::string::npos);
}

TEST(CheckUtf8Text, OverlongAndTruncatedSequencesAreNotUtf8) {
  EXPECT_FALSE(check_utf8_text("a\xC0\xAF", "f.csv").ok());
  EXPECT_FALSE(check_utf8_text("a\xE2\x82", "f.csv").ok());
  EXPECT_FALSE(check_utf8_text("\xED\xA0\x80", "f.csv").ok());  // a surrogate
}

TEST(CheckUtf8Text, AStrayNulIsRefused) {
  const Status status = check_utf8_text(std::string(5000, 'a') + "\n"s + "b\0c"s, "f.csv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "file is not UTF-8 text (byte 0x00 at line 2, column 2; save it as CSV UTF-8)");
}

// Old Mac line ends (CR alone) are read by the CSV reader itself now: tests/io/csv_reader_test.

TEST(Windows1252, BytesBecomeUtf8) {
  EXPECT_EQ(windows1252_to_utf8("Caf\xE9 \xA3"
                                "5 \x80 \x92 \x81"),
            "Caf\xC3\xA9 \xC2\xA3"
            "5 \xE2\x82\xAC \xE2\x80\x99 \xC2\x81");
  EXPECT_EQ(windows1252_to_utf8("plain"), "plain");
}

}  // namespace
}  // namespace sendplan
