// The provider register CSV: its rules, and the writer.
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
#include "geo/postcode.h"
#include "io/file_text.h"

namespace sendplan::placements {

// ---- the provider register --------------------------------------------------------------------

namespace {

using detail::CellReader;
using detail::CsvFile;

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

Checked<std::vector<Provider>> read_provider_csv(std::string_view text, const std::string& file) {
  Result<CsvFile> parsed = CsvFile::read(text, file);
  if (!parsed.ok()) return std::vector<Error>{parsed.error()};
  CsvFile& sheet = parsed.value();
  sheet.reject_unknown_columns(provider_csv_columns());
  if (!sheet.require_columns({"name", "type"}, "the provider register")) {
    return sheet.take_problems();
  }
  std::vector<Provider> providers;
  std::unordered_map<std::int64_t, int> id_lines;
  std::unordered_map<std::string, int> urn_lines;
  for (const csv::Record& row : sheet.rows()) {
    const CellReader cells(sheet, row);
    std::optional<Provider> provider = read_provider_row(cells, id_lines, urn_lines);
    if (provider) providers.push_back(std::move(*provider));
  }
  if (!sheet.problems().empty()) return sheet.take_problems();
  return providers;
}

Checked<std::vector<Provider>> load_provider_csv(const std::string& path) {
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
