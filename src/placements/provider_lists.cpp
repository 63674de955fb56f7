// The DfE's independent special school lists: recognise the layout by its header, then one
// Provider per row, every bad cell reported.
#include "placements/provider_lists.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <cctype>

#include "core/text.h"
#include "io/file_text.h"
#include "placements/provider_csv.h"

namespace sendplan::placements {
namespace {

using detail::CellReader;
using detail::CsvFile;

struct Section41Columns {
  const char* local_authority;
  const char* name;
  const char* type;
  const char* date;
};
// The renamed header of ../shared/data/inmss, and the GOV.UK original's.
constexpr Section41Columns kSection41Renamed = {"local_authority", "institution_trading_name",
                                                "institution_type", "date_approved_s41"};
constexpr Section41Columns kSection41Original = {
    "Local authority", "Institution trading name (1)",
    "Independent special school / Special post-16 institution", "Date approved under section 41"};

constexpr const char* kNotS41LaCode = "dfe_la_code";
constexpr const char* kNotS41LocalAuthority = "local_authority";
constexpr const char* kNotS41Name = "school_name";
constexpr const char* kNotS41Approval = "section41_approval";

// "2022-03-22" from a name holding 2022_03_22 (or 2022-03-22), else "2022" from a year, else "".
std::string date_in_file_name(const std::string& file) {
  const std::size_t slash = file.find_last_of("/\\");
  const std::string_view name = slash == std::string::npos
                                    ? std::string_view(file)
                                    : std::string_view(file).substr(slash + 1);
  const auto digits = [&](std::size_t at, std::size_t count) {
    if (at + count > name.size()) return false;
    for (std::size_t i = at; i < at + count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(name[i]))) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (digits(i, 4) && i + 10 <= name.size() && (name[i + 4] == '_' || name[i + 4] == '-') &&
        name[i + 7] == name[i + 4] && digits(i + 5, 2) && digits(i + 8, 2)) {
      return fmt::format("{}-{}-{}", name.substr(i, 4), name.substr(i + 5, 2),
                         name.substr(i + 8, 2));
    }
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    const bool alone =
        (i == 0 || !std::isdigit(static_cast<unsigned char>(name[i - 1]))) && !digits(i + 4, 1);
    if (digits(i, 4) && alone && (name[i] == '1' || name[i] == '2')) {
      return std::string(name.substr(i, 4));
    }
  }
  return "";
}

std::string source_name(const char* list, const std::string& file) {
  const std::string date = date_in_file_name(file);
  return date.empty() ? std::string(list) : fmt::format("{} ({})", list, date);
}

// Runs of white space made one space, soft hyphens made "-", trimmed.
std::string clean_name(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) == 0xAD ||
         static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
      if (static_cast<unsigned char>(text[i + 1]) == 0xAD) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += '-';
      } else {
        space = true;  // no-break space
      }
      ++i;
      continue;
    }
    if (std::isspace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

// "Aug-16": a month's three-letter abbreviation and a two-digit year.
bool month_year(std::string_view text) {
  static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (text.size() != 6 || text[3] != '-' || !std::isdigit(static_cast<unsigned char>(text[4])) ||
      !std::isdigit(static_cast<unsigned char>(text[5]))) {
    return false;
  }
  const std::string month = to_lower(text.substr(0, 3));
  for (const char* known : kMonths) {
    if (month == known) return true;
  }
  return false;
}

bool has_columns(const CsvFile& sheet, std::initializer_list<const char*> names) {
  if (sheet.header().size() != names.size()) return false;
  for (const char* name : names) {
    if (!sheet.column(name)) return false;
  }
  return true;
}

std::string known_layouts() {
  return fmt::format("the layouts known are: {} ({}, {}, {}, {}); {} ({}, {}, {}, {})",
                     provider_list_layout_name(ProviderListLayout::kSection41),
                     kSection41Renamed.local_authority, kSection41Renamed.name,
                     kSection41Renamed.type, kSection41Renamed.date,
                     provider_list_layout_name(ProviderListLayout::kIndependentNotSection41),
                     kNotS41LaCode, kNotS41LocalAuthority, kNotS41Name, kNotS41Approval);
}

// The name, or a problem when it is empty.
std::optional<std::string> read_name(const CellReader& cells, const char* column) {
  std::string name = clean_name(cells.text(column));
  if (name.empty()) {
    cells.problem(column, "required value is empty (the institution's name)");
    return std::nullopt;
  }
  return name;
}

void read_section41(CsvFile& sheet, const Section41Columns& columns, const std::string& file,
                    ProviderList& list) {
  const std::string source = source_name("DfE section 41 list", file);
  bool removed_section = false;
  for (const csv::Record& row : sheet.rows()) {
    const CellReader cells(sheet, row);
    // A row repeating the GOV.UK header starts a new section of the list.
    if (to_lower(cells.text(columns.local_authority)) == "local authority" &&
        to_lower(cells.text(columns.name)).starts_with("institution trading name")) {
      const std::string heading = to_lower(cells.text(columns.date));
      if (heading == "date approved under section 41") {
        removed_section = false;
      } else if (heading == "date removed from list") {
        removed_section = true;
      } else {
        cells.problem(columns.date,
                      fmt::format("unknown section heading {} (expected 'Date approved under "
                                  "section 41' or 'Date removed from list')",
                                  quoted_excerpt(cells.text(columns.date))),
                      ErrorCode::kParse);
      }
      continue;
    }
    Provider provider;
    bool good = true;
    provider.local_authority = clean_name(cells.text(columns.local_authority));
    if (provider.local_authority.empty()) {
      cells.problem(columns.local_authority, "required value is empty (the local authority)");
      good = false;
    }
    if (std::optional<std::string> name = read_name(cells, columns.name)) {
      provider.name = std::move(*name);
    } else {
      good = false;
    }
    const std::string type = to_lower(cells.text(columns.type));
    if (type == "independent special school") {
      provider.type = ProviderType::kIndependentSpecial;
    } else if (type == "special post-16 institution") {
      provider.type = ProviderType::kSpecialPost16;
    } else {
      cells.problem(columns.type,
                    fmt::format("unknown institution type {} (expected 'Independent special "
                                "school' or 'Special post-16 institution')",
                                quoted_excerpt(cells.text(columns.type))));
      good = false;
    }
    const std::string_view date = cells.text(columns.date);
    if (!month_year(date)) {
      cells.problem(
          columns.date,
          fmt::format("expected a month and year such as Aug-16, got {}", quoted_excerpt(date)),
          ErrorCode::kParse);
      good = false;
    }
    if (!good) continue;
    provider.section41 = !removed_section;
    provider.source = removed_section ? fmt::format("{}, removed {}", source, date) : source;
    if (removed_section) ++list.removed_from_section41;
    list.providers.push_back(std::move(provider));
  }
}

void read_not_section41(CsvFile& sheet, const std::string& file, ProviderList& list) {
  const std::string source = source_name("DfE independent special schools list", file);
  for (const csv::Record& row : sheet.rows()) {
    const CellReader cells(sheet, row);
    Provider provider;
    bool good = true;
    provider.la_number = std::string(cells.text(kNotS41LaCode));
    if (provider.la_number.size() != 3 ||
        provider.la_number.find_first_not_of("0123456789") != std::string::npos) {
      cells.problem(kNotS41LaCode,
                    fmt::format("expected a 3-digit DfE LA number, got {}",
                                quoted_excerpt(provider.la_number)),
                    ErrorCode::kParse);
      good = false;
    }
    provider.local_authority = clean_name(cells.text(kNotS41LocalAuthority));
    if (std::optional<std::string> name = read_name(cells, kNotS41Name)) {
      provider.name = std::move(*name);
    } else {
      good = false;
    }
    const std::string approval = to_lower(cells.text(kNotS41Approval));
    if (approval == "no") {
      provider.type = ProviderType::kIndependentSpecial;
    } else if (approval == "not applicable") {
      provider.type = ProviderType::kNonMaintainedSpecial;
    } else {
      cells.problem(kNotS41Approval,
                    fmt::format("expected 'No' (independent special school) or 'Not applicable' "
                                "(non-maintained special school), got {}",
                                quoted_excerpt(cells.text(kNotS41Approval))));
      good = false;
    }
    if (!good) continue;
    provider.section41 = false;
    provider.source = source;
    list.providers.push_back(std::move(provider));
  }
}

}  // namespace

const char* provider_list_layout_name(ProviderListLayout layout) {
  switch (layout) {
    case ProviderListLayout::kSection41:
      return "DfE section 41 list";
    case ProviderListLayout::kIndependentNotSection41:
      return "DfE independent special schools not approved under section 41";
  }
  return "?";
}

Checked<ProviderList> read_provider_list(std::string_view text, const std::string& file) {
  Result<CsvFile> parsed = CsvFile::read(text, file);
  if (!parsed.ok()) return std::vector<Error>{parsed.error()};
  CsvFile& sheet = parsed.value();
  ProviderList list;
  const auto section41_header = [&](const Section41Columns& c) {
    return has_columns(sheet, {c.local_authority, c.name, c.type, c.date});
  };
  if (section41_header(kSection41Renamed) || section41_header(kSection41Original)) {
    list.layout = ProviderListLayout::kSection41;
    read_section41(sheet,
                   section41_header(kSection41Renamed) ? kSection41Renamed : kSection41Original,
                   file, list);
  } else if (has_columns(sheet,
                         {kNotS41LaCode, kNotS41LocalAuthority, kNotS41Name, kNotS41Approval})) {
    list.layout = ProviderListLayout::kIndependentNotSection41;
    read_not_section41(sheet, file, list);
  } else {
    std::vector<std::string> quoted;
    for (const std::string& name : sheet.header()) quoted.push_back("'" + name + "'");
    return std::vector<Error>{make_error(ErrorCode::kParse,
                                         fmt::format("unrecognised provider list header {}: {}",
                                                     fmt::join(quoted, ", "), known_layouts()),
                                         {file, 1, 1})};
  }
  if (!sheet.problems().empty()) return sheet.take_problems();
  return list;
}

Checked<ProviderList> load_provider_list(const std::string& path) {
  Result<std::string> text = io::detail::read_text_file(path);
  if (!text.ok()) return std::vector<Error>{text.error()};
  return read_provider_list(text.value(), path);
}

}  // namespace sendplan::placements
