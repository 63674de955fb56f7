#include "io/csv_records.h"

#include <fmt/format.h>

namespace sendplan::io::detail {

namespace {

bool blank_record(const CsvRecord& record) {
  return record.fields.size() == 1 && record.fields[0].value.empty();
}

}  // namespace

Result<std::vector<CsvRecord>> parse_csv(std::string_view text, const std::string& file) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  std::vector<CsvRecord> records;
  int line = 1;
  int column = 1;
  size_t i = 0;
  // Advances over one character, keeping line and column up to date.
  const auto advance = [&]() {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    ++i;
  };
  while (i < text.size()) {
    CsvRecord record;
    record.line = line;
    bool end_of_record = false;
    while (!end_of_record) {
      CsvField field;
      field.line = line;
      field.column = column;
      if (i < text.size() && text[i] == '"') {
        const int quote_line = line;
        const int quote_column = column;
        advance();
        for (;;) {
          if (i == text.size()) {
            return make_error(ErrorCode::kParse, "unterminated quoted field",
                              {file, quote_line, quote_column});
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.value += '"';
              advance();
              advance();
              continue;
            }
            advance();
            break;
          }
          field.value += text[i];
          advance();
        }
        if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') advance();
        if (i < text.size() && text[i] != ',' && text[i] != '\n') {
          return make_error(ErrorCode::kParse,
                            fmt::format("unexpected '{}' after a closing quote", text[i]),
                            {file, line, column});
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n') {
          field.value += text[i];
          advance();
        }
        if (!field.value.empty() && field.value.back() == '\r') field.value.pop_back();
      }
      record.fields.push_back(std::move(field));
      if (i == text.size() || text[i] == '\n') end_of_record = true;
      if (i < text.size()) advance();  // the ',' or '\n'
    }
    if (!blank_record(record)) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace sendplan::io::detail
