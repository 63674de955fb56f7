#include "placements/london_boroughs.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/text.h"
#include "io/csv_records.h"
#include "io/file_text.h"

namespace sendplan::placements {

namespace {

Result<double> coordinate(const io::detail::CsvField& field, const std::string& path) {
  double value = 0;
  const char* end = field.value.data() + field.value.size();
  auto [stop, error] = std::from_chars(field.value.data(), end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) {
    return make_error(ErrorCode::kParse,
                      fmt::format("{} is not a coordinate", quoted_excerpt(field.value)),
                      {path, field.line, field.column});
  }
  return value;
}

}  // namespace

Result<std::vector<GeneratorBorough>> read_london_boroughs(const std::string& path) {
  Result<std::string> text = io::detail::read_text_file(path);
  if (!text.ok()) return text.error();
  Result<std::vector<io::detail::CsvRecord>> records = io::detail::parse_csv(text.value(), path);
  if (!records.ok()) return records.error();
  if (records.value().empty()) {
    return make_error(ErrorCode::kParse, "the file is empty", {path, 1, 1});
  }
  const std::vector<io::detail::CsvField>& header = records.value().front().fields;
  auto column = [&](const char* name) -> Result<std::size_t> {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i].value == name) return i;
    }
    return make_error(ErrorCode::kParse, fmt::format("no column '{}'", name), {path, 1, 1});
  };
  std::size_t at[5];
  const char* names[5] = {"borough_name", "dfe_la_code", "sub_regional_partnership", "centroid_lat",
                          "centroid_long"};
  for (int i = 0; i < 5; ++i) {
    Result<std::size_t> found = column(names[i]);
    if (!found.ok()) return found.error();
    at[i] = found.value();
  }
  std::vector<GeneratorBorough> boroughs;
  for (std::size_t r = 1; r < records.value().size(); ++r) {
    const io::detail::CsvRecord& row = records.value()[r];
    if (row.fields.size() != header.size()) {
      return make_error(
          ErrorCode::kParse,
          fmt::format("{} fields where the header has {}", row.fields.size(), header.size()),
          {path, row.line, 1});
    }
    GeneratorBorough borough;
    borough.info = {row.fields[at[0]].value, row.fields[at[1]].value, row.fields[at[2]].value};
    Result<double> latitude = coordinate(row.fields[at[3]], path);
    if (!latitude.ok()) return latitude.error();
    Result<double> longitude = coordinate(row.fields[at[4]], path);
    if (!longitude.ok()) return longitude.error();
    borough.centroid = {latitude.value(), longitude.value()};
    boroughs.push_back(std::move(borough));
  }
  return boroughs;
}

std::vector<BoroughInfo> borough_infos(const std::vector<GeneratorBorough>& boroughs) {
  std::vector<BoroughInfo> infos;
  for (const GeneratorBorough& borough : boroughs) infos.push_back(borough.info);
  return infos;
}

}  // namespace sendplan::placements
