// The CSV reader: a small state machine over a fixed buffer that is refilled from the source.
#include "io/csv_reader.h"

#include <cstring>

#include "core/text.h"
#include "core/text_encoding.h"

namespace sendplan::csv {
namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kSniffBytes = 4096;  // what looks_like_utf16 looks at

// A byte that is plain text in every encoding: ASCII other than the separators and NUL.
bool plain(unsigned char byte, bool quoted) {
  return byte >= 0x20 ? byte < 0x80 && byte != '"' && (quoted || byte != ',')
                      : byte != '\n' && byte != '\r' && byte != '\0';
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

Error Reader::problem(std::string reason, int line, int column) const {
  return make_error(ErrorCode::kParse, std::move(reason), {file_, line, column});
}

Status Reader::ensure(std::size_t count) {
  if (end_ - pos_ >= count || source_done_) return Status::success();
  // Keep what is left at the front; the buffer never grows.
  std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
  end_ -= pos_;
  pos_ = 0;
  while (end_ - pos_ < count && !source_done_) {
    Result<std::size_t> got = source_->read(buffer_.data() + end_, buffer_.size() - end_);
    if (!got.ok()) return got.error();
    if (got.value() == 0) source_done_ = true;
    end_ += got.value();
  }
  return Status::success();
}

Status Reader::start() {
  started_ = true;
  if (Status sniffed = ensure(kSniffBytes); !sniffed.ok()) return sniffed;
  const std::string_view first(buffer_.data(), end_);
  if (looks_like_utf16(first)) return utf16_file_error(file_);
  if (encoding_ == Encoding::kUtf8 && first.starts_with(kUtf8ByteOrderMark)) {
    pos_ += kUtf8ByteOrderMark.size();
  }
  return Status::success();
}

Status Reader::take_character(std::string& value) {
  const auto byte = static_cast<unsigned char>(buffer_[pos_]);
  if (byte == 0) return not_utf8_error(file_, 0, line_, column_);
  if (byte < 0x80) {
    value += static_cast<char>(byte);
    ++pos_;
  } else if (encoding_ == Encoding::kWindows1252) {
    append_windows1252_as_utf8(value, byte);
    ++pos_;
  } else {
    if (Status more = ensure(4); !more.ok()) return more;
    const std::size_t length = utf8_length(std::string_view(buffer_.data() + pos_, end_ - pos_), 0);
    if (length == 0) return not_utf8_error(file_, byte, line_, column_);
    value.append(buffer_.data() + pos_, length);
    pos_ += length;
  }
  ++column_;
  return Status::success();
}

Status Reader::skip_line_end() {
  if (pos_ == end_) return Status::success();
  const char c = buffer_[pos_];
  if (c != '\n' && c != '\r') return Status::success();
  ++pos_;
  if (c == '\r') {
    if (Status more = ensure(1); !more.ok()) return more;
    if (pos_ < end_ && buffer_[pos_] == '\n') ++pos_;
  }
  ++line_;
  column_ = 1;
  return Status::success();
}

bool Reader::take_plain_run(std::string& value, bool quoted) {
  std::size_t run = pos_;
  while (run < end_ && plain(static_cast<unsigned char>(buffer_[run]), quoted)) ++run;
  if (run == pos_) return false;
  value.append(buffer_.data() + pos_, run - pos_);
  column_ += static_cast<int>(run - pos_);
  pos_ = run;
  return true;
}

Status Reader::read_quoted(Field& field) {
  const int quote_line = line_;
  const int quote_column = column_;
  ++pos_;
  ++column_;
  for (;;) {
    if (pos_ == end_) {
      if (Status more = ensure(1); !more.ok()) return more;
      if (pos_ == end_) return problem("unterminated quoted field", quote_line, quote_column);
    }
    if (take_plain_run(field.value, true)) continue;
    const char c = buffer_[pos_];
    if (c == '"') {
      ++pos_;
      ++column_;
      if (Status more = ensure(1); !more.ok()) return more;
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
        if (Status more = ensure(1); !more.ok()) return more;
        if (pos_ < end_ && buffer_[pos_] == '\n') {
          field.value += '\n';
          ++pos_;
        }
      }
      ++line_;
      column_ = 1;
      continue;
    }
    if (Status taken = take_character(field.value); !taken.ok()) return taken;
  }
  if (Status more = ensure(1); !more.ok()) return more;
  if (pos_ < end_) {
    const char next = buffer_[pos_];
    if (next != ',' && next != '\n' && next != '\r') {
      return problem("unexpected text after a closing quote", line_, column_);
    }
  }
  return Status::success();
}

Status Reader::read_field(Field& field) {
  field.value.clear();
  field.line = line_;
  field.column = column_;
  if (Status more = ensure(1); !more.ok()) return more;
  if (pos_ < end_ && buffer_[pos_] == '"') return read_quoted(field);
  for (;;) {
    if (pos_ == end_) {
      if (Status more = ensure(1); !more.ok()) return more;
      if (pos_ == end_) return Status::success();
    }
    if (take_plain_run(field.value, false)) continue;
    const char c = buffer_[pos_];
    if (c == ',' || c == '\n' || c == '\r') return Status::success();
    if (c == '"') {  // inside an unquoted field: just a character
      field.value += '"';
      ++pos_;
      ++column_;
      continue;
    }
    if (Status taken = take_character(field.value); !taken.ok()) return taken;
  }
}

Result<bool> Reader::next(Record& record) {
  if (failed_) return *failed_;
  const auto fail = [this](Error error) -> Result<bool> {
    failed_ = error;
    return error;
  };
  if (!started_) {
    if (Status begun = start(); !begun.ok()) return fail(begun.error());
  }
  for (;;) {
    if (Status more = ensure(1); !more.ok()) return fail(more.error());
    if (at_end()) return false;
    record.line = line_;
    std::size_t count = 0;
    for (;;) {
      if (count == record.fields.size()) record.fields.emplace_back();
      Field& field = record.fields[count++];
      if (Status read = read_field(field); !read.ok()) return fail(read.error());
      if (pos_ < end_ && buffer_[pos_] == ',') {
        ++pos_;
        ++column_;
        continue;
      }
      if (Status ended = skip_line_end(); !ended.ok()) return fail(ended.error());
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
