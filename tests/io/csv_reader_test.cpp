// The one CSV reader on hand-made inputs: encodings (BOM, Windows-1252 on request, UTF-16 and
// invalid UTF-8 refused), line ends (CRLF, LF, lone CR), quoting (commas, doubled quotes, line
// ends inside quotes, an unterminated quote, text after a closing quote), blank lines, every
// field's line and column, and streaming (a 50,000-row input read without holding it).
#include "io/csv_reader.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace sendplan::csv {
namespace {

using namespace std::string_literals;

// The values of every record, or the problem's text.
std::vector<std::vector<std::string>> values(std::string_view text,
                                             Encoding encoding = Encoding::kUtf8) {
  Reader reader(text, "t.csv", encoding);
  Result<std::vector<Record>> records = reader.read_all();
  EXPECT_TRUE(records.ok()) << records.error().to_string();
  std::vector<std::vector<std::string>> out;
  if (!records.ok()) return out;
  for (const Record& record : records.value()) {
    out.emplace_back();
    for (const Field& field : record.fields) out.back().push_back(field.value);
  }
  return out;
}

Error problem(std::string_view text, Encoding encoding = Encoding::kUtf8) {
  Reader reader(text, "t.csv", encoding);
  Result<std::vector<Record>> records = reader.read_all();
  EXPECT_FALSE(records.ok());
  return records.ok() ? Error{} : records.error();
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, ReadsPlainRecords) {
  EXPECT_EQ(values("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(values("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // no final line end
  EXPECT_EQ(values("a,,\n"), (Rows{{"a", "", ""}}));              // empty fields kept
  EXPECT_EQ(values(""), Rows{});
}

TEST(CsvReader, SkipsAUtf8ByteOrderMark) {
  EXPECT_EQ(values("\xEF\xBB\xBFname,age\nAmy,7\n"), (Rows{{"name", "age"}, {"Amy", "7"}}));
  Reader reader("\xEF\xBB\xBFname\n", "t.csv");
  Record record;
  ASSERT_TRUE(reader.next(record).value());
  EXPECT_EQ(record.fields[0].column, 1);  // the mark takes no column
}

TEST(CsvReader, AcceptsCrlfLfAndLoneCrLineEnds) {
  const Rows expected{{"a", "b"}, {"1", "2"}, {"3", "4"}};
  EXPECT_EQ(values("a,b\r\n1,2\r\n3,4\r\n"), expected);
  EXPECT_EQ(values("a,b\n1,2\n3,4\n"), expected);
  EXPECT_EQ(values("a,b\r1,2\r3,4\r"), expected);
  EXPECT_EQ(values("a,b\r1,2\n3,4\r\n"), expected);  // mixed
  const std::string text = "a\r\rb\r\nc\rd";
  Reader reader(text, "t.csv");
  std::vector<int> lines;
  Record record;
  while (reader.next(record).value()) lines.push_back(record.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 3, 4, 5}));
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndLineEnds) {
  EXPECT_EQ(values("\"Smith, J\",\"say \"\"hi\"\"\",\"\"\n"),
            (Rows{{"Smith, J", "say \"hi\"", ""}}));
  EXPECT_EQ(values("\"two\nlines\",x\r\n\"crlf\r\ninside\",y\n"),
            (Rows{{"two\nlines", "x"}, {"crlf\r\ninside", "y"}}));
  EXPECT_EQ(values("a\"b,c\n"), (Rows{{"a\"b", "c"}}));  // a quote inside an unquoted field
}

TEST(CsvReader, KeepsEachFieldsLineAndColumn) {
  Reader reader("id,\"note\"\n\n7,\"one\ntwo\",  x\n8,\xC3\xA9t\xC3\xA9,z\n", "t.csv");
  std::vector<Record> records = reader.read_all().value();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[1].fields[1].line, 3);
  EXPECT_EQ(records[1].fields[1].column, 3);
  EXPECT_EQ(records[1].fields[2].line, 4);  // after the quoted line end
  EXPECT_EQ(records[1].fields[2].column, 6);
  EXPECT_EQ(records[2].line, 5);
  EXPECT_EQ(records[2].fields[2].column, 7);  // columns count characters, not bytes
}

TEST(CsvReader, SkipsBlankLines) {
  EXPECT_EQ(values("\n\na,b\n\n  \n\t\n1,2\n\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(values("a\n\"\"\n,\n"), (Rows{{"a"}, {"", ""}}));  // a lone "" is blank; ',' is not
}

TEST(CsvReader, ReadsWindows1252WhenAsked) {
  EXPECT_EQ(values("name,fee\nCaf\xE9,\xA3"
                   "12\nSt Mary\x92s,\x80\n",
                   Encoding::kWindows1252),
            (Rows{{"name", "fee"},
                  {"Caf\xC3\xA9",
                   "\xC2\xA3"
                   "12"},
                  {"St Mary\xE2\x80\x99s", "\xE2\x82\xAC"}}));
  // The same bytes as UTF-8 are refused, naming the first bad byte.
  const Error error = problem(
      "name,fee\nCaf\xE9,\xA3"
      "12\n");
  EXPECT_EQ(error.to_string(),
            "t.csv:2:4: file is not UTF-8 (byte 0xE9 at line 2, column 4; looks like "
            "Latin-1/Windows-1252: save it as CSV UTF-8)");
}

TEST(CsvReader, RefusesUtf16) {
  const std::string utf16le = "\xFF\xFEn\0a\0m\0e\0\n\0"s;
  for (const Encoding encoding : {Encoding::kUtf8, Encoding::kWindows1252}) {
    const Error error = problem(utf16le, encoding);
    EXPECT_EQ(error.code, ErrorCode::kParse);
    EXPECT_EQ(error.message, "file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
    EXPECT_EQ(error.where.file, "t.csv");
    EXPECT_EQ(error.where.line, 0);
  }
  EXPECT_EQ(problem("n\0a\0m\0e\0\n\0"s).where.line, 0);  // no mark, but NUL in every other byte
}

TEST(CsvReader, RefusesInvalidUtf8AtItsLineAndColumn) {
  for (const std::string& bad : {"\xC0\xAF"s, "\xED\xA0\x80"s, "\xF4\x90\x80\x80"s, "\xE2\x82"s}) {
    const Error error = problem("a,b\n\xC3\xA9," + bad + "\n");
    EXPECT_EQ(error.where.line, 2) << error.to_string();
    EXPECT_EQ(error.where.column, 3) << error.to_string();
  }
  const Error nul = problem("a,b\nx,y\0z\n"s);
  EXPECT_EQ(nul.message,
            "file is not UTF-8 text (byte 0x00 at line 2, column 4; save it as CSV "
            "UTF-8)");
  // Inside quotes too, after a quoted line end.
  EXPECT_EQ(problem("\"a\nb\xFF\"\n").to_string(),
            "t.csv:2:2: file is not UTF-8 (byte 0xFF at line 2, column 2; looks like "
            "Latin-1/Windows-1252: save it as CSV UTF-8)");
}

TEST(CsvReader, AnUnterminatedQuoteIsAProblemAtTheQuote) {
  const Error error = problem("a,b\n1,\"open\nstill open\n");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.to_string(), "t.csv:2:3: unterminated quoted field");
}

TEST(CsvReader, TextAfterAClosingQuoteIsAProblemWhereItStarts) {
  EXPECT_EQ(problem("a,\"b\"c,d\n").to_string(),
            "t.csv:1:6: unexpected text after a closing quote");
  EXPECT_EQ(problem("a,\"b\" ,d\n").to_string(),
            "t.csv:1:6: unexpected text after a closing quote");
}

TEST(CsvReader, KeepsGivingTheProblemAfterTheFirst) {
  Reader reader("ok\n\"bad", "t.csv");
  Record record;
  EXPECT_TRUE(reader.next(record).value());
  EXPECT_FALSE(reader.next(record).ok());
  EXPECT_FALSE(reader.next(record).ok());
}

TEST(CsvReader, ReadsAFieldLongerThanItsBuffer) {
  const std::string huge(3 * Reader::kChunkBytes + 17, 'W');
  EXPECT_EQ(values("p\n" + huge + "\n\"" + huge + "\"\n"), (Rows{{"p"}, {huge}, {huge}}));
}

// A source that hands out bytes of a generated file in small pieces, and counts them.
class CountingSource final : public ByteSource {
 public:
  explicit CountingSource(const std::string& text) : text_(text) {}
  Result<std::size_t> read(char* buffer, std::size_t size) override {
    const std::size_t count = std::min({size, std::size_t{1000}, text_.size() - given_});
    std::copy_n(text_.data() + given_, count, buffer);
    given_ += count;
    return count;
  }
  std::size_t given() const { return given_; }

 private:
  const std::string& text_;
  std::size_t given_ = 0;
};

TEST(CsvReader, StreamsAFileWithoutHoldingIt) {
  constexpr int kRows = 50000;
  std::string text = "id,name,postcode\r\n";
  std::vector<std::size_t> row_ends;  // where each record's bytes end
  for (int i = 0; i < kRows; ++i) {
    text += fmt::format("{},\"Pupil {}, \"\"P\"\"\",N{} 1AA\r\n", i, i, i % 20);
    row_ends.push_back(text.size());
  }
  auto source = std::make_unique<CountingSource>(text);
  const CountingSource& counter = *source;
  Reader reader(std::move(source), "big.csv");
  Record record;
  ASSERT_TRUE(reader.next(record).value());  // the header
  for (int i = 0; i < kRows; ++i) {
    ASSERT_TRUE(reader.next(record).value());
    ASSERT_EQ(record.fields.size(), 3u);
    ASSERT_EQ(record.line, i + 2);
    ASSERT_EQ(record.fields[1].value, fmt::format("Pupil {}, \"P\"", i));
    // Never more read ahead than one buffer past the record just returned.
    ASSERT_LE(counter.given(), row_ends[static_cast<std::size_t>(i)] + Reader::kChunkBytes);
    ASSERT_EQ(reader.buffered_capacity(), Reader::kChunkBytes);
  }
  EXPECT_FALSE(reader.next(record).value());
  EXPECT_EQ(counter.given(), text.size());
  EXPECT_GT(text.size(), 20 * Reader::kChunkBytes);  // the file is far larger than the buffer
}

// A source that hands out its text a few bytes at a time (1 to 7, in turn), so that every
// buffer boundary falls inside a quote, a line end, a UTF-8 character or a byte-order mark.
class TrickleSource final : public ByteSource {
 public:
  explicit TrickleSource(std::string text) : text_(std::move(text)) {}
  Result<std::size_t> read(char* buffer, std::size_t size) override {
    const std::size_t count = std::min({size, next_++ % 7 + 1, text_.size() - given_});
    std::copy_n(text_.data() + given_, count, buffer);
    given_ += count;
    return count;
  }

 private:
  std::string text_;
  std::size_t given_ = 0;
  std::size_t next_ = 0;
};

// Everything a reader gives, as text: each record's line and fields, or the problem.
std::string everything(Reader& reader) {
  std::string out;
  Record record;
  for (;;) {
    const Result<bool> more = reader.next(record);
    if (!more.ok()) return out + "problem " + more.error().to_string();
    if (!more.value()) return out;
    out += std::to_string(record.line) + ":";
    for (const Field& field : record.fields) {
      out += fmt::format(" [{}@{}:{}]", field.value, field.line, field.column);
    }
    out += "\n";
  }
}

TEST(CsvReader, ReadsTheSameWhereverTheSourcesChunksEnd) {
  std::vector<std::string> inputs = {
      "\xEF\xBB\xBF"
      "a,b\r\n\"x\r\ny\",\"\"\"q\"\"\"\r\rlast,\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\r",
      "a,\"open\n",
      "a,\"b\"c\n",
      "a\n\xE2\x82x\n",
      "x,y\0\n"s,
      "p\n\"\"\"\"\r\n",
  };
  // And some generated ones: the characters that matter, in every order.
  const std::string alphabet[] = {"a", ",", "\"", "\r", "\n", " ", "\xC3\xA9", "\xE9"};
  std::uint32_t state = 12345;
  for (int i = 0; i < 300; ++i) {
    std::string text;
    for (int k = 0; k < 40; ++k) {
      state = state * 1103515245u + 12345u;
      text += alphabet[(state >> 16) % 8];
    }
    inputs.push_back(text);
  }
  for (const std::string& input : inputs) {
    for (const Encoding encoding : {Encoding::kUtf8, Encoding::kWindows1252}) {
      Reader whole(input, "t.csv", encoding);
      Reader trickled(std::make_unique<TrickleSource>(input), "t.csv", encoding);
      ASSERT_EQ(everything(trickled), everything(whole)) << input;
    }
  }
}

}  // namespace
}  // namespace sendplan::csv
