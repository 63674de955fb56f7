// PostcodeDirectory::read_csv: the ONS Postcode Directory CSV reader (layout in postcode.h).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "core/text.h"
#include "geo/postcode.h"
#include "io/csv_columns.h"
#include "io/csv_reader.h"

namespace sendplan::geo {

namespace {

std::string_view trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// "lad25cd", "lad21cd", ...: the ONS names the district column after the boundary year.
bool is_dated_district_column(std::string_view name) {
  return name.size() == 7 && name.substr(0, 3) == "lad" && name[3] >= '0' && name[3] <= '9' &&
         name[4] >= '0' && name[4] <= '9' && name.substr(5) == "cd";
}

enum class CoordinateSystem { kGrid, kWgs84 };

// Which cell holds what, decided from the header.
struct Layout {
  size_t postcode = 0;
  size_t first_coordinate = 0;   // easting or latitude
  size_t second_coordinate = 0;  // northing or longitude
  CoordinateSystem system = CoordinateSystem::kGrid;
  std::optional<size_t> local_authority;
  csv::Columns columns;            // the header, looked up by trimmed, any-case name
  std::vector<std::string> names;  // the header, lower case and trimmed, for messages
  size_t cells_needed = 0;         // one past the rightmost column used
};

std::string listed(const std::vector<std::string>& names) {
  if (names.empty()) return "(none)";
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + excerpt(name);
  return text;
}

Result<Layout> read_layout(const csv::Record& header, const std::string& file) {
  Layout layout;
  layout.columns = csv::Columns(header, file);
  for (const std::string& name : layout.columns.names()) layout.names.push_back(to_lower(name));
  const SourceLocation where{file, header.line, 0};

  std::optional<size_t> postcode;
  for (const std::string_view name : {"pcds", "pcd", "pcd2", "pcd7", "postcode"}) {
    postcode = layout.columns.find(name);
    if (postcode) break;
  }
  if (!postcode) {
    return make_error(ErrorCode::kParse,
                      fmt::format("no postcode column (pcds, pcd, pcd2, pcd7 or postcode); the "
                                  "header has: {}",
                                  listed(layout.names)),
                      where);
  }
  layout.postcode = *postcode;

  struct Pair {
    std::string_view first;
    std::string_view second;
    CoordinateSystem system;
  };
  constexpr std::array kPairs{Pair{"oseast1m", "osnrth1m", CoordinateSystem::kGrid},
                              Pair{"easting", "northing", CoordinateSystem::kGrid},
                              Pair{"lat", "long", CoordinateSystem::kWgs84},
                              Pair{"latitude", "longitude", CoordinateSystem::kWgs84}};
  bool found = false;
  std::string half_pair;  // "found 'x' but not 'y'", if only half of a pair is there
  for (const Pair& pair : kPairs) {
    const auto first = layout.columns.find(pair.first);
    const auto second = layout.columns.find(pair.second);
    if (first && second) {
      layout.first_coordinate = *first;
      layout.second_coordinate = *second;
      layout.system = pair.system;
      found = true;
      break;
    }
    if ((first || second) && half_pair.empty()) {
      half_pair = fmt::format("; found '{}' but not '{}'", first ? pair.first : pair.second,
                              first ? pair.second : pair.first);
    }
  }
  if (!found) {
    return make_error(ErrorCode::kParse,
                      fmt::format("no coordinate columns (oseast1m and osnrth1m, easting and "
                                  "northing, lat and long, or latitude and longitude){}; the "
                                  "header has: {}",
                                  half_pair, listed(layout.names)),
                      where);
  }

  layout.local_authority = layout.columns.find("lad25cd");
  for (size_t i = 0; i < layout.names.size() && !layout.local_authority; ++i) {
    if (is_dated_district_column(layout.names[i])) layout.local_authority = i;
  }
  if (!layout.local_authority) layout.local_authority = layout.columns.find("laua");
  if (!layout.local_authority) layout.local_authority = layout.columns.find("oslaua");

  layout.cells_needed =
      1 + std::max({layout.postcode, layout.first_coordinate, layout.second_coordinate,
                    layout.local_authority.value_or(0)});
  return layout;
}

// A coordinate cell as a finite number; the caller has checked that it is not blank.
Result<double> parse_coordinate(const csv::Field& cell, std::string_view text,
                                std::string_view name, const std::string& file, int line) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return make_error(
        ErrorCode::kParse,
        fmt::format("expected a number for '{}', found {}", name, quoted_excerpt(text)),
        {file, line, cell.column});
  }
  return value;
}

// The normalised postcode back from its packed key, for messages.
std::string postcode_of(std::uint64_t key) {
  std::string text;
  for (int shift = 56; shift >= 0; shift -= 8) {
    const auto c = static_cast<char>((key >> shift) & 0xFF);
    if (c != '\0') text += c;
  }
  return text;
}

// Heterogeneous lookup, so that interning a district code does not allocate on every row.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

}  // namespace

class PostcodeDirectoryBuilder {
 public:
  static Result<PostcodeDirectory> read(const std::string& path);

 private:
  explicit PostcodeDirectoryBuilder(const std::string& path) : file_(path) {}
  Status read_row(const Layout& layout, const csv::Record& row);
  std::uint32_t intern_local_authority(std::string_view code);
  Status sort_and_check_duplicates();

  const std::string& file_;
  PostcodeDirectory directory_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> authority_index_;
};

Result<PostcodeDirectory> PostcodeDirectory::read_csv(const std::string& path) {
  return PostcodeDirectoryBuilder::read(path);
}

Result<PostcodeDirectory> PostcodeDirectoryBuilder::read(const std::string& path) {
  // A record at a time: the national directory is over a gigabyte unpacked.
  Result<std::unique_ptr<csv::ByteSource>> source = csv::open_file_source(path);
  if (!source) return source.error();
  csv::Reader reader(std::move(source).value(), path);
  PostcodeDirectoryBuilder builder(path);
  std::optional<Layout> layout;
  csv::Record record;
  for (;;) {
    Result<bool> more = reader.next(record);
    if (!more) return more.error();
    if (!more.value()) break;
    if (!layout) {
      Result<Layout> header = read_layout(record, path);
      if (!header) return header.error();
      layout = std::move(header).value();
      continue;
    }
    if (Status row = builder.read_row(*layout, record); !row) return row.error();
  }
  if (!layout) {
    return make_error(ErrorCode::kParse, "empty file: expected a header row", {path, 1, 0});
  }
  if (Status sorted = builder.sort_and_check_duplicates(); !sorted) return sorted.error();
  return std::move(builder.directory_);
}

Status PostcodeDirectoryBuilder::read_row(const Layout& layout, const csv::Record& row) {
  const std::vector<csv::Field>& cells = row.fields;
  const int line = row.line;
  if (cells.size() < layout.cells_needed) {
    return make_error(
        ErrorCode::kParse,
        fmt::format("expected at least {} fields, found {}", layout.cells_needed, cells.size()),
        {file_, line, 0});
  }
  const csv::Field& postcode_cell = cells[layout.postcode];
  const std::string postcode = normalise_postcode(postcode_cell.value);
  if (postcode.empty()) {
    return make_error(
        ErrorCode::kParse,
        fmt::format("{} is not a UK postcode", quoted_excerpt(trim(postcode_cell.value))),
        {file_, line, postcode_cell.column});
  }

  const csv::Field& first_cell = cells[layout.first_coordinate];
  const csv::Field& second_cell = cells[layout.second_coordinate];
  const std::string_view first_text = trim(first_cell.value);
  const std::string_view second_text = trim(second_cell.value);
  const std::string& first_name = layout.names[layout.first_coordinate];
  const std::string& second_name = layout.names[layout.second_coordinate];
  if (first_text.empty() && second_text.empty()) {
    ++directory_.skipped_without_location_;
    return Status::success();
  }
  if (first_text.empty() || second_text.empty()) {
    const bool first_blank = first_text.empty();
    return make_error(
        ErrorCode::kParse,
        fmt::format("blank '{}' although '{}' is given", first_blank ? first_name : second_name,
                    first_blank ? second_name : first_name),
        {file_, line, (first_blank ? first_cell : second_cell).column});
  }
  Result<double> first = parse_coordinate(first_cell, first_text, first_name, file_, line);
  if (!first) return first.error();
  Result<double> second = parse_coordinate(second_cell, second_text, second_name, file_, line);
  if (!second) return second.error();

  GridReference location{first.value(), second.value()};
  if (layout.system == CoordinateSystem::kWgs84) {
    // The ONSPD gives postcodes without a grid reference latitude 99.999999, longitude 0.
    constexpr double kNoLocationLatitude = 99.999999;
    if (std::fabs(first.value() - kNoLocationLatitude) < 1e-9) {
      ++directory_.skipped_without_location_;
      return Status::success();
    }
    if (std::fabs(first.value()) > 90.0 || std::fabs(second.value()) > 180.0) {
      const bool bad_latitude = std::fabs(first.value()) > 90.0;
      return make_error(
          ErrorCode::kParse,
          fmt::format("'{}' {} is out of range", bad_latitude ? first_name : second_name,
                      excerpt(bad_latitude ? first_text : second_text)),
          {file_, line, (bad_latitude ? first_cell : second_cell).column});
    }
    location = wgs84_to_grid({first.value(), second.value()});
  }

  std::uint32_t authority = PostcodeDirectory::kNoLocalAuthority;
  if (layout.local_authority) {
    const std::string_view code = trim(cells[*layout.local_authority].value);
    if (!code.empty()) authority = intern_local_authority(code);
  }
  directory_.entries_.push_back(
      {detail::postcode_key(postcode), location, authority, static_cast<std::uint32_t>(line)});
  return Status::success();
}

std::uint32_t PostcodeDirectoryBuilder::intern_local_authority(std::string_view code) {
  if (const auto it = authority_index_.find(code); it != authority_index_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(directory_.local_authorities_.size());
  directory_.local_authorities_.emplace_back(code);
  authority_index_.emplace(std::string(code), index);
  return index;
}

Status PostcodeDirectoryBuilder::sort_and_check_duplicates() {
  using Entry = PostcodeDirectory::Entry;
  std::vector<Entry>& entries = directory_.entries_;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.line < b.line;
  });
  // A postcode may repeat (e.g. files joined together) only with the same location.
  size_t kept = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (kept > 0 && entries[kept - 1].key == entries[i].key) {
      const Entry& first = entries[kept - 1];
      const Entry& again = entries[i];
      if (first.location.easting != again.location.easting ||
          first.location.northing != again.location.northing ||
          first.local_authority != again.local_authority) {
        return make_error(ErrorCode::kInvalidInput,
                          fmt::format("{} is given a different location or district on line "
                                      "{}",
                                      postcode_of(again.key), first.line),
                          {file_, static_cast<int>(again.line), 0});
      }
      continue;
    }
    entries[kept++] = entries[i];
  }
  entries.resize(kept);
  entries.shrink_to_fit();
  return Status::success();
}

}  // namespace sendplan::geo
