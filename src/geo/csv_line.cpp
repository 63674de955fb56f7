#include "geo/csv_line.h"

namespace sendplan::geo::detail {

Status CsvLineSplitter::split(std::string_view line, const std::string& file, int line_number) {
  cells_.clear();
  unescaped_.clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t i = 0;
  for (;;) {
    CsvCell cell;
    cell.column = static_cast<int>(i) + 1;
    if (i < line.size() && line[i] == '"') {
      const size_t open = i++;
      const size_t start = i;
      bool doubled = false;
      for (;;) {
        if (i >= line.size()) {
          return make_error(ErrorCode::kParse, "unterminated quoted field",
                            {file, line_number, static_cast<int>(open) + 1});
        }
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            doubled = true;
            i += 2;
            continue;
          }
          break;
        }
        ++i;
      }
      cell.text = line.substr(start, i - start);
      ++i;  // the closing quote
      if (i < line.size() && line[i] != ',') {
        return make_error(ErrorCode::kParse, "unexpected text after a closing quote",
                          {file, line_number, static_cast<int>(i) + 1});
      }
      if (doubled) {
        std::string& text = unescaped_.emplace_back();
        for (size_t k = 0; k < cell.text.size(); ++k) {
          text += cell.text[k];
          if (cell.text[k] == '"') ++k;  // skip the second quote of the pair
        }
        cell.text = text;
      }
    } else {
      const size_t comma = line.find(',', i);
      const size_t end = comma == std::string_view::npos ? line.size() : comma;
      cell.text = line.substr(i, end - i);
      i = end;
    }
    cells_.push_back(cell);
    if (i >= line.size()) break;
    ++i;  // the comma
    if (i == line.size()) {
      cells_.push_back({std::string_view(), static_cast<int>(i) + 1});  // trailing empty cell
      break;
    }
  }
  return Status::success();
}

}  // namespace sendplan::geo::detail
