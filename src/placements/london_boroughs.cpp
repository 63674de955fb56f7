#include "placements/london_boroughs.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/text.h"
#include "io/csv_columns.h"
#include "io/csv_reader.h"
#include "io/file_text.h"

namespace sendplan::placements {

namespace {

Result<double> coordinate(const csv::Field& field, const std::string& path) {
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
  csv::Reader reader(text.value(), path);
  Result<std::vector<csv::Record>> records = reader.read_all();
  if (!records.ok()) return records.error();
  if (records.value().empty()) {
    return make_error(ErrorCode::kParse, "the file is empty", {path, 1, 1});
  }
  const csv::Columns header(records.value().front(), path);
  auto column = [&](const char* name) -> Result<std::size_t> {
    if (const std::optional<std::size_t> found = header.find(name)) return *found;
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
    const csv::Record& row = records.value()[r];
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
