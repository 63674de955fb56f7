// The CSV reader: a small state machine over a fixed buffer that is refilled from the source.
#include "io/csv_reader.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/text_encoding.h"

namespace sendplan::csv {
namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kSniffBytes = 4096;  // what looks_like_utf16 looks at

// Bytes that are plain text in every encoding: ASCII other than NUL, the separators and the
// quote (and, outside quotes, the comma). Looked up, as the test runs once a byte.
struct PlainBytes {
  std::array<bool, 256> quoted{};
  std::array<bool, 256> unquoted{};
  constexpr PlainBytes() {
    for (int byte = 1; byte < 0x80; ++byte) {
      const bool separator = byte == '\n' || byte == '\r' || byte == '"';
      quoted[static_cast<std::size_t>(byte)] = !separator;
      unquoted[static_cast<std::size_t>(byte)] = !separator && byte != ',';
    }
  }
};
constexpr PlainBytes kPlain;

// Eight bytes at a time: a mark (the byte's high bit) on each byte of `word` that is not plain.
// The zero-byte test may also mark bytes above a true mark (the borrow runs upwards), never below
// it, so on a little-endian machine the lowest mark is exact.
static_assert(std::endian::native == std::endian::little,
              "plain_run_end reads words as little-endian");
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t zero_byte(std::uint64_t word) {
  return (word - kOnes) & ~word & kHighBits;
}
constexpr std::uint64_t not_plain(std::uint64_t word, bool quoted) {
  std::uint64_t marks = zero_byte(word) | (word & kHighBits) | zero_byte(word ^ (kOnes * '\n')) |
                        zero_byte(word ^ (kOnes * '\r')) | zero_byte(word ^ (kOnes * '"'));
  if (!quoted) marks |= zero_byte(word ^ (kOnes * ','));
  return marks;
}

bool blank(const Record& record) {
  return record.fields.size() == 1 &&
         record.fields[0].value.find_first_not_of(" \t") == std::string::npos;
}

}  // namespace

Reader::Reader(std::unique_ptr<ByteSource> source, std::string file, Encoding encoding)
    : source_(std::move(source)),
      file_(std::move(file)),
      encoding_(encoding),
      buffer_(kChunkBytes) {}

Reader::Reader(std::string_view text, std::string file, Encoding encoding)
    : Reader(text_source(text), std::move(file), encoding) {}

bool Reader::fail(Error error) {
  failed_ = std::move(error);
  return false;
}

bool Reader::fail_at(std::string reason, int line, int column) {
  return fail(make_error(ErrorCode::kParse, std::move(reason), {file_, line, column}));
}

bool Reader::refill(std::size_t count) {
  // Keep what is left at the front; the buffer never grows.
  std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
  end_ -= pos_;
  pos_ = 0;
  while (end_ - pos_ < count && !source_done_) {
    Result<std::size_t> got = source_->read(buffer_.data() + end_, buffer_.size() - end_);
    if (!got.ok()) return fail(got.error());
    if (got.value() == 0) source_done_ = true;
    end_ += got.value();
  }
  return true;
}

bool Reader::start() {
  started_ = true;
  if (!ensure(kSniffBytes)) return false;
  const std::string_view first(buffer_.data(), end_);
  if (looks_like_utf16(first)) return fail(utf16_file_error(file_));
  if (encoding_ == Encoding::kUtf8 && first.starts_with(kUtf8ByteOrderMark)) {
    pos_ += kUtf8ByteOrderMark.size();
  }
  return true;
}

bool Reader::take_character(std::string& value) {
  const auto byte = static_cast<unsigned char>(buffer_[pos_]);
  if (byte == 0) return fail(not_utf8_error(file_, 0, line_, column_));
  if (byte < 0x80) {
    value += static_cast<char>(byte);
    ++pos_;
  } else if (encoding_ == Encoding::kWindows1252) {
    append_windows1252_as_utf8(value, byte);
    ++pos_;
  } else {
    if (!ensure(4)) return false;
    const std::size_t length = utf8_length(std::string_view(buffer_.data() + pos_, end_ - pos_), 0);
    if (length == 0) return fail(not_utf8_error(file_, byte, line_, column_));
    value.append(buffer_.data() + pos_, length);
    pos_ += length;
  }
  ++column_;
  return true;
}

bool Reader::skip_line_end() {
  if (pos_ == end_) return true;
  const char c = buffer_[pos_];
  if (c != '\n' && c != '\r') return true;
  ++pos_;
  if (c == '\r') {
    if (!ensure(1)) return false;
    if (pos_ < end_ && buffer_[pos_] == '\n') ++pos_;
  }
  ++line_;
  column_ = 1;
  return true;
}

[[gnu::always_inline]] inline std::size_t Reader::plain_run_end(bool quoted) const {
  std::size_t run = pos_;
  // Eight bytes at a time while they last: the lowest mark is the first byte that is not plain.
  for (std::uint64_t word = 0; run + sizeof word <= end_; run += sizeof word) {
    std::memcpy(&word, buffer_.data() + run, sizeof word);
    if (const std::uint64_t marks = not_plain(word, quoted); marks != 0) {
      return run + static_cast<std::size_t>(std::countr_zero(marks)) / 8;
    }
  }
  const std::array<bool, 256>& plain = quoted ? kPlain.quoted : kPlain.unquoted;
  while (run < end_ && plain[static_cast<unsigned char>(buffer_[run])]) ++run;
  return run;
}

bool Reader::take_plain_run(std::string& value, bool quoted) {
  return take_bytes(value, plain_run_end(quoted));
}

bool Reader::take_bytes(std::string& value, std::size_t run) {
  if (run == pos_) return false;
  value.append(buffer_.data() + pos_, run - pos_);
  column_ += static_cast<int>(run - pos_);
  pos_ = run;
  return true;
}

bool Reader::read_quoted(Field& field) {
  const int quote_line = line_;
  const int quote_column = column_;
  ++pos_;
  ++column_;
  for (;;) {
    if (pos_ == end_) {
      if (!ensure(1)) return false;
      if (pos_ == end_) return fail_at("unterminated quoted field", quote_line, quote_column);
    }
    if (take_plain_run(field.value, true)) continue;
    const char c = buffer_[pos_];
    if (c == '"') {
      ++pos_;
      ++column_;
      if (!ensure(1)) return false;
      if (pos_ < end_ && buffer_[pos_] == '"') {
        field.value += '"';
        ++pos_;
        ++column_;
        continue;
      }
      break;
    }
    if (c == '\n' || c == '\r') {
      // A line end inside quotes is part of the value, as written.
      field.value += c;
      ++pos_;
      if (c == '\r') {
        if (!ensure(1)) return false;
        if (pos_ < end_ && buffer_[pos_] == '\n') {
          field.value += '\n';
          ++pos_;
        }
      }
      ++line_;
      column_ = 1;
      continue;
    }
    if (!take_character(field.value)) return false;
  }
  if (pos_ < end_) {
    const char next = buffer_[pos_];
    if (next != ',' && next != '\n' && next != '\r') {
      return fail_at("unexpected text after a closing quote", line_, column_);
    }
  }
  return true;
}

[[gnu::always_inline]] inline bool Reader::read_field(Field& field) {
  field.line = line_;
  field.column = column_;
  if (!ensure(1)) return false;
  if (pos_ < end_ && buffer_[pos_] == '"') {
    field.value.clear();
    return read_quoted(field);
  }
  // The common case in one step: plain text up to a separator, all in the buffer.
  const std::size_t run = plain_run_end(false);
  if (run < end_ && (buffer_[run] == ',' || buffer_[run] == '\n' || buffer_[run] == '\r')) {
    field.value.assign(buffer_.data() + pos_, run - pos_);
    column_ += static_cast<int>(run - pos_);
    pos_ = run;
    return true;
  }
  field.value.clear();
  for (;;) {
    if (pos_ == end_) {
      if (!ensure(1)) return false;
      if (pos_ == end_) return true;
    }
    if (take_plain_run(field.value, false)) continue;
    const char c = buffer_[pos_];
    if (c == ',' || c == '\n' || c == '\r') return true;
    if (c == '"') {  // inside an unquoted field: just a character
      field.value += '"';
      ++pos_;
      ++column_;
      continue;
    }
    if (!take_character(field.value)) return false;
  }
}

Result<bool> Reader::next(Record& record) {
  if (!failed_ && !started_) start();
  for (;;) {
    if (failed_ || !ensure(1)) return *failed_;
    if (at_end()) return false;
    record.line = line_;
    std::size_t count = 0;
    for (;;) {
      if (count == record.fields.size()) record.fields.emplace_back();
      Field& field = record.fields[count++];
      if (!read_field(field)) return *failed_;
      if (pos_ < end_ && buffer_[pos_] == ',') {
        ++pos_;
        ++column_;
        continue;
      }
      if (!skip_line_end()) return *failed_;
      break;
    }
    record.fields.resize(count);
    if (!blank(record)) return true;
  }
}

Result<std::vector<Record>> Reader::read_all() {
  std::vector<Record> records;
  for (;;) {
    Record record;
    Result<bool> more = next(record);
    if (!more.ok()) return more.error();
    if (!more.value()) return records;
    records.push_back(std::move(record));
  }
}

}  // namespace sendplan::csv
