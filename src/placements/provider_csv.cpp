// The provider register CSV, and the checked cells shared by the placements readers.
#include "placements/provider_csv.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <type_traits>
#include <unordered_map>

#include "core/text.h"
#include "core/text_encoding.h"
#include "geo/postcode.h"
#include "io/csv_records.h"
#include "io/file_text.h"

namespace sendplan::placements {
namespace detail {

// ---- Sheet ------------------------------------------------------------------------------------

Result<Sheet> Sheet::parse(std::string_view text, std::string file) {
  std::string converted;  // the text with old Mac line ends made LF, when they were
  Result<std::string_view> readable = utf8_csv_text(text, file, converted);
  if (!readable.ok()) return readable.error();
  Result<std::vector<io::detail::CsvRecord>> records =
      io::detail::parse_csv(readable.value(), file);
  if (!records.ok()) return records.error();
  std::vector<io::detail::CsvRecord>& all = records.value();
  if (all.empty()) {
    return make_error(ErrorCode::kParse, "the file is empty (expected a header row)", {file, 1, 1});
  }
  Sheet sheet;
  sheet.file_ = std::move(file);
  for (io::detail::CsvField& field : all.front().fields) {
    const std::string name(trim(field.value));
    const std::size_t column = sheet.header_.size();
    sheet.header_.push_back(name);
    sheet.header_cells_.push_back({name, field.line, field.column});
    const auto [it, inserted] = sheet.index_.emplace(name, column);
    if (!inserted && !name.empty()) {
      sheet.header_problem(column, fmt::format("repeated column {} (first as column {})",
                                               quoted_excerpt(name), it->second + 1));
    }
  }
  sheet.rows_.reserve(all.size() - 1);
  for (std::size_t r = 1; r < all.size(); ++r) {
    SheetRow row;
    row.line = all[r].line;
    row.cells.reserve(all[r].fields.size());
    for (io::detail::CsvField& field : all[r].fields) {
      row.cells.push_back({std::move(field.value), field.line, field.column});
    }
    all[r].fields.clear();
    all[r].fields.shrink_to_fit();
    // More cells than the header has names: usually an unquoted comma inside a name.
    if (row.cells.size() > sheet.header_.size()) {
      for (std::size_t c = sheet.header_.size(); c < row.cells.size(); ++c) {
        if (trim(row.cells[c].value).empty()) continue;
        sheet.problems_.push_back(make_error(
            ErrorCode::kParse,
            fmt::format("the row has {} fields but the header has {} columns (is a comma in a "
                        "value not quoted?)",
                        row.cells.size(), sheet.header_.size()),
            {sheet.file_, row.cells[c].line, row.cells[c].column}));
        break;
      }
    }
    sheet.rows_.push_back(std::move(row));
  }
  // A column with no name is only a problem when something is written in it.
  for (std::size_t c = 0; c < sheet.header_.size(); ++c) {
    if (!sheet.header_[c].empty()) continue;
    for (const SheetRow& row : sheet.rows_) {
      if (c < row.cells.size() && !trim(row.cells[c].value).empty()) {
        sheet.header_problem(
            c, fmt::format("column {} has no name but line {} has a value in it", c + 1, row.line));
        break;
      }
    }
  }
  return sheet;
}

std::optional<std::size_t> Sheet::column(std::string_view name) const {
  const auto it = index_.find(name);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

void Sheet::header_problem(std::optional<std::size_t> column, std::string reason, ErrorCode code) {
  SourceLocation where{file_, 1, 1};
  if (column && *column < header_cells_.size()) {
    where.line = header_cells_[*column].line;
    where.column = header_cells_[*column].column;
  } else if (!header_cells_.empty()) {
    where.line = header_cells_.front().line;
  }
  problems_.push_back(make_error(code, std::move(reason), std::move(where)));
}

bool Sheet::require_columns(const std::vector<std::string>& required, std::string_view layout) {
  std::vector<std::string> missing;
  for (const std::string& name : required) {
    if (!column(name)) missing.push_back(quoted_excerpt(name));
  }
  if (missing.empty()) return true;
  header_problem(std::nullopt,
                 fmt::format("missing column{} {} ({} needs {})", missing.size() == 1 ? "" : "s",
                             fmt::join(missing, ", "), layout, fmt::join(required, ", ")));
  return false;
}

void Sheet::reject_unknown_columns(const std::vector<std::string>& known) {
  for (std::size_t c = 0; c < header_.size(); ++c) {
    if (header_[c].empty()) continue;
    bool found = false;
    for (const std::string& name : known) found = found || name == header_[c];
    if (!found) {
      header_problem(c, fmt::format("unknown column {} (the columns are {})",
                                    quoted_excerpt(header_[c]), fmt::join(known, ", ")));
    }
  }
}

std::vector<Error> Sheet::take_problems() {
  std::stable_sort(problems_.begin(), problems_.end(), [](const Error& a, const Error& b) {
    return a.where.line != b.where.line ? a.where.line < b.where.line
                                        : a.where.column < b.where.column;
  });
  return std::move(problems_);
}

// ---- CellReader -------------------------------------------------------------------------------

const SheetCell* CellReader::cell(std::string_view column) const {
  const std::optional<std::size_t> index = sheet_.column(column);
  if (!index || *index >= row_.cells.size()) return nullptr;
  return &row_.cells[*index];
}

std::string_view CellReader::text(std::string_view column) const {
  const SheetCell* found = cell(column);
  return found ? from_spreadsheet_safe(trim(found->value)) : std::string_view();
}

SourceLocation CellReader::where(std::string_view column) const {
  const SheetCell* found = cell(column);
  if (found) return {sheet_.file(), found->line, found->column};
  return {sheet_.file(), row_.line, 1};
}

void CellReader::problem(std::string_view column, std::string reason, ErrorCode code) const {
  sheet_.add_problem(make_error(code, fmt::format("{}: {}", column, reason), where(column)));
}

std::optional<std::string> CellReader::required(std::string_view column) const {
  const std::string_view value = text(column);
  if (value.empty()) {
    problem(column, "required value is empty");
    return std::nullopt;
  }
  return std::string(value);
}

std::optional<std::int64_t> CellReader::whole_number(std::string_view column, std::int64_t minimum,
                                                     std::int64_t maximum,
                                                     std::optional<std::int64_t> blank) const {
  const std::string_view value = text(column);
  if (value.empty()) {
    if (!blank) problem(column, "required value is empty");
    return blank;
  }
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size()) {
    problem(column, fmt::format("expected a whole number, got {}", quoted_excerpt(value)),
            ErrorCode::kParse);
    return std::nullopt;
  }
  if (number < minimum) {
    problem(column, minimum == 0 ? fmt::format("must not be negative, got {}", number)
                                 : fmt::format("must be at least {}, got {}", minimum, number));
    return std::nullopt;
  }
  if (number > maximum) {
    problem(column, fmt::format("must be at most {}, got {}", maximum, number));
    return std::nullopt;
  }
  return number;
}

std::optional<double> CellReader::decimal(std::string_view column, double minimum, double maximum,
                                          std::string_view what) const {
  const std::string_view value = text(column);
  double number = 0.0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
      !std::isfinite(number)) {
    problem(column, fmt::format("expected a number, got {}", quoted_excerpt(value)),
            ErrorCode::kParse);
    return std::nullopt;
  }
  if (number < minimum || number > maximum) {
    problem(column,
            fmt::format("{} is outside {} ({} to {})", excerpt(value), what, minimum, maximum));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> CellReader::yes_no(std::string_view column, std::optional<bool> blank) const {
  const std::string value = to_lower(text(column));
  if (value == "yes") return true;
  if (value == "no") return false;
  if (value.empty()) {
    if (!blank) problem(column, "required value is empty (expected yes or no)");
    return blank;
  }
  problem(column, fmt::format("expected yes or no, got {}", quoted_excerpt(text(column))),
          ErrorCode::kParse);
  return std::nullopt;
}

std::optional<std::string> CellReader::iso_date(std::string_view column, bool optional) const {
  const std::string_view value = text(column);
  if (value.empty()) {
    if (optional) return std::string();
    problem(column, "required value is empty (expected a date YYYY-MM-DD)");
    return std::nullopt;
  }
  const bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-';
  std::optional<std::string> date = parse_iso_date(value);
  if (!date) {
    if (shaped) {
      problem(column, fmt::format("no such date {}", quoted_excerpt(value)));
    } else {
      problem(column, fmt::format("expected a date YYYY-MM-DD, got {}", quoted_excerpt(value)),
              ErrorCode::kParse);
    }
  }
  return date;
}

// ---- text helpers -----------------------------------------------------------------------------

bool valid_date(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= days;
}

std::optional<std::string> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  if (!valid_date(number(0, 4), number(5, 2), number(8, 2))) return std::nullopt;
  return std::string(text);
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(fields[i]);
  }
  out += '\n';
}

std::string format_decimal(double value) {
  return fmt::format("{}", value);
}

}  // namespace detail

// ---- the provider register --------------------------------------------------------------------

namespace {

using detail::CellReader;
using detail::Sheet;

// Great Britain and its waters, generously: a coordinate outside is a typing error.
constexpr double kMinLatitude = 49.0, kMaxLatitude = 61.0;
constexpr double kMinLongitude = -9.0, kMaxLongitude = 3.0;
constexpr std::int64_t kMaxAge = 25;  // SEND support runs to 25
constexpr std::int64_t kMaxPlaces = 100000;

std::string need_list(const std::set<Need>& needs) {
  std::string text;
  for (Need need : needs) {
    if (!text.empty()) text += ';';
    text += need_code(need);
  }
  return text;
}

std::string known_need_codes() {
  std::string text;
  for (Need need : all_needs()) {
    if (!text.empty()) text += ", ";
    text += need_code(need);
  }
  return text;
}

std::string known_type_codes() {
  std::string text;
  for (int t = 0; t <= static_cast<int>(ProviderType::kResourcedProvision); ++t) {
    if (!text.empty()) text += ", ";
    text += provider_type_code(static_cast<ProviderType>(t));
  }
  return text;
}

std::optional<std::set<Need>> read_needs(const CellReader& cells, std::string_view column) {
  const std::string_view text = cells.text(column);
  std::set<Need> needs;
  bool good = true;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view piece = trim(text.substr(start, end - start));
    if (!piece.empty()) {
      const std::optional<Need> need = parse_need(std::string(piece));
      if (need) {
        needs.insert(*need);
      } else {
        cells.problem(column, fmt::format("unknown need {} (the need codes are {})",
                                          quoted_excerpt(piece), known_need_codes()));
        good = false;
      }
    }
    start = end + 1;
  }
  if (!good) return std::nullopt;
  return needs;
}

// Reads latitude and longitude (both or neither) into `location`; false on a problem.
bool read_location(const CellReader& cells, std::optional<geo::LatLon>& location) {
  const bool has_latitude = !cells.text("latitude").empty();
  const bool has_longitude = !cells.text("longitude").empty();
  if (!has_latitude && !has_longitude) return true;
  if (has_latitude != has_longitude) {
    cells.problem(has_latitude ? "longitude" : "latitude",
                  "latitude and longitude must be given together");
    return false;
  }
  const std::optional<double> latitude =
      cells.decimal("latitude", kMinLatitude, kMaxLatitude, "Great Britain's latitudes");
  const std::optional<double> longitude =
      cells.decimal("longitude", kMinLongitude, kMaxLongitude, "Great Britain's longitudes");
  if (!latitude || !longitude) return false;
  location = geo::LatLon{*latitude, *longitude};
  return true;
}

bool read_ages(const CellReader& cells, Provider& provider) {
  const bool has_low = !cells.text("age_low").empty();
  const bool has_high = !cells.text("age_high").empty();
  if (!has_low && !has_high) return true;
  if (has_low != has_high) {
    cells.problem(has_low ? "age_high" : "age_low",
                  "age_low and age_high must be given together (leave both blank when unknown)");
    return false;
  }
  const std::optional<std::int64_t> low = cells.whole_number("age_low", 0, kMaxAge, 0);
  const std::optional<std::int64_t> high = cells.whole_number("age_high", 1, kMaxAge, 0);
  if (!low || !high) return false;
  if (*low > *high) {
    cells.problem("age_low", fmt::format("age_low {} is above age_high {}", *low, *high));
    return false;
  }
  provider.age_low = static_cast<int>(*low);
  provider.age_high = static_cast<int>(*high);
  return true;
}

std::optional<Provider> read_provider_row(const CellReader& cells,
                                          std::unordered_map<std::int64_t, int>& id_lines,
                                          std::unordered_map<std::string, int>& urn_lines) {
  Provider provider;
  bool good = true;
  // Each step reports its own problems; `good` only says whether a provider can be made.
  const auto take = [&good](auto value, auto& into) {
    if (value) {
      into = static_cast<std::remove_reference_t<decltype(into)>>(*value);
    } else {
      good = false;
    }
  };

  take(cells.whole_number("id", 1, std::numeric_limits<std::int64_t>::max(), 0), provider.id);
  if (provider.id != 0) {
    const auto [it, inserted] = id_lines.emplace(provider.id, cells.line());
    if (!inserted) {
      cells.problem("id",
                    fmt::format("repeated id {} (first on line {})", provider.id, it->second));
      good = false;
    }
  }

  provider.urn = std::string(cells.text("urn"));
  if (!provider.urn.empty()) {
    const bool digits = provider.urn.size() <= 8 &&
                        provider.urn.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
      cells.problem(
          "urn",
          fmt::format("expected a URN of up to 8 digits, got {}", quoted_excerpt(provider.urn)),
          ErrorCode::kParse);
      good = false;
    } else {
      const auto [it, inserted] = urn_lines.emplace(provider.urn, cells.line());
      if (!inserted) {
        cells.problem("urn",
                      fmt::format("repeated urn {} (first on line {})", provider.urn, it->second));
        good = false;
      }
    }
  }

  take(cells.required("name"), provider.name);

  const std::string_view type_text = cells.text("type");
  if (type_text.empty()) {
    cells.problem("type",
                  fmt::format("required value is empty (the types are {})", known_type_codes()));
    good = false;
  } else if (std::optional<ProviderType> type = parse_provider_type(std::string(type_text))) {
    provider.type = *type;
  } else {
    cells.problem("type", fmt::format("unknown provider type {} (the types are {})",
                                      quoted_excerpt(type_text), known_type_codes()));
    good = false;
  }

  provider.la_number = std::string(cells.text("la_number"));
  if (!provider.la_number.empty() &&
      (provider.la_number.size() != 3 ||
       provider.la_number.find_first_not_of("0123456789") != std::string::npos)) {
    cells.problem(
        "la_number",
        fmt::format("expected a 3-digit DfE LA number, got {}", quoted_excerpt(provider.la_number)),
        ErrorCode::kParse);
    good = false;
  }
  provider.local_authority = std::string(cells.text("local_authority"));

  const std::string_view postcode = cells.text("postcode");
  if (!postcode.empty()) {
    provider.postcode = geo::normalise_postcode(postcode);
    if (provider.postcode.empty()) {
      cells.problem("postcode",
                    fmt::format("{} is not shaped like a UK postcode", quoted_excerpt(postcode)),
                    ErrorCode::kParse);
      good = false;
    }
  }

  good = read_location(cells, provider.location) && good;
  good = read_ages(cells, provider) && good;
  take(read_needs(cells, "needs"), provider.needs);

  const std::string_view boarding = cells.text("boarding");
  if (!boarding.empty()) {
    if (std::optional<Boarding> parsed = parse_boarding(std::string(boarding))) {
      provider.boarding = *parsed;
    } else {
      cells.problem(
          "boarding",
          fmt::format("expected day, residential or both, got {}", quoted_excerpt(boarding)),
          ErrorCode::kParse);
      good = false;
    }
  }
  take(cells.yes_no("wheelchair_accessible", false), provider.wheelchair_accessible);

  const std::optional<std::int64_t> capacity = cells.whole_number("capacity", 1, kMaxPlaces, 0);
  const std::optional<std::int64_t> commissioned =
      cells.whole_number("places_commissioned", 0, kMaxPlaces, 0);
  const std::optional<std::int64_t> vacancies = cells.whole_number("vacancies", 0, kMaxPlaces, 0);
  take(capacity, provider.capacity);
  take(commissioned, provider.places_commissioned);
  take(vacancies, provider.vacancies);
  if (capacity && *capacity > 0) {
    if (vacancies && *vacancies > *capacity) {
      cells.problem("vacancies", fmt::format("{} vacancies is more than the capacity {}",
                                             *vacancies, *capacity));
      good = false;
    }
    if (commissioned && *commissioned > *capacity) {
      cells.problem("places_commissioned",
                    fmt::format("{} places commissioned is more than the capacity {}",
                                *commissioned, *capacity));
      good = false;
    }
  }

  const std::optional<std::int64_t> grade = cells.whole_number("ofsted_grade", 1, 4, 0);
  if (!grade) {
    good = false;
  } else if (*grade != 0) {
    provider.ofsted_grade = static_cast<int>(*grade);
  }
  take(cells.iso_date("ofsted_date", true), provider.ofsted_date);
  take(cells.yes_no("section41", false), provider.section41);
  provider.source = std::string(cells.text("source"));

  if (!good) return std::nullopt;
  return provider;
}

}  // namespace

const std::vector<std::string>& provider_csv_columns() {
  static const std::vector<std::string> columns = {"id",          "urn",
                                                   "name",        "type",
                                                   "la_number",   "local_authority",
                                                   "postcode",    "latitude",
                                                   "longitude",   "age_low",
                                                   "age_high",    "needs",
                                                   "boarding",    "wheelchair_accessible",
                                                   "capacity",    "places_commissioned",
                                                   "vacancies",   "ofsted_grade",
                                                   "ofsted_date", "section41",
                                                   "source"};
  return columns;
}

ReadResult<std::vector<Provider>> read_provider_csv(std::string_view text,
                                                    const std::string& file) {
  Result<Sheet> parsed = Sheet::parse(text, file);
  if (!parsed.ok()) return std::vector<Error>{parsed.error()};
  Sheet& sheet = parsed.value();
  sheet.reject_unknown_columns(provider_csv_columns());
  if (!sheet.require_columns({"name", "type"}, "the provider register")) {
    return sheet.take_problems();
  }
  std::vector<Provider> providers;
  std::unordered_map<std::int64_t, int> id_lines;
  std::unordered_map<std::string, int> urn_lines;
  for (const detail::SheetRow& row : sheet.rows()) {
    const CellReader cells(sheet, row);
    std::optional<Provider> provider = read_provider_row(cells, id_lines, urn_lines);
    if (provider) providers.push_back(std::move(*provider));
  }
  if (!sheet.problems().empty()) return sheet.take_problems();
  return providers;
}

ReadResult<std::vector<Provider>> load_provider_csv(const std::string& path) {
  Result<std::string> text = io::detail::read_text_file(path);
  if (!text.ok()) return std::vector<Error>{text.error()};
  return read_provider_csv(text.value(), path);
}

std::string write_provider_csv(const std::vector<Provider>& providers) {
  std::string out;
  detail::append_csv_row(out, provider_csv_columns());
  for (const Provider& p : providers) {
    const bool ages_known = p.age_low != 0 || p.age_high != 0;
    detail::append_csv_row(out, {
                                    p.id == 0 ? "" : std::to_string(p.id),
                                    p.urn,
                                    p.name,
                                    provider_type_code(p.type),
                                    p.la_number,
                                    p.local_authority,
                                    p.postcode,
                                    p.location ? detail::format_decimal(p.location->latitude) : "",
                                    p.location ? detail::format_decimal(p.location->longitude) : "",
                                    ages_known ? std::to_string(p.age_low) : "",
                                    ages_known ? std::to_string(p.age_high) : "",
                                    need_list(p.needs),
                                    boarding_code(p.boarding),
                                    p.wheelchair_accessible ? "yes" : "no",
                                    p.capacity == 0 ? "" : std::to_string(p.capacity),
                                    std::to_string(p.places_commissioned),
                                    std::to_string(p.vacancies),
                                    p.ofsted_grade ? std::to_string(*p.ofsted_grade) : "",
                                    p.ofsted_date,
                                    p.section41 ? "yes" : "no",
                                    p.source,
                                });
  }
  return out;
}

}  // namespace sendplan::placements
