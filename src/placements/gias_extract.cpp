// GIAS extract → Providers: encoding, filtering by status and type, and the checked cells.
#include "placements/gias_extract.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "core/text.h"
#include "geo/postcode.h"
#include "io/file_text.h"
#include "placements/provider_csv.h"

namespace sendplan::placements {
namespace {

using detail::CellReader;
using detail::CsvFile;

constexpr const char* kUrn = "URN";
constexpr const char* kLaCode = "LA (code)";
constexpr const char* kLaName = "LA (name)";
constexpr const char* kName = "EstablishmentName";
constexpr const char* kTypeCode = "TypeOfEstablishment (code)";
constexpr const char* kStatus = "EstablishmentStatus (name)";
constexpr const char* kLowAge = "StatutoryLowAge";
constexpr const char* kHighAge = "StatutoryHighAge";
constexpr const char* kBoarders = "Boarders (name)";
constexpr const char* kCapacity = "SchoolCapacity";
constexpr const char* kPupils = "NumberOfPupils";
constexpr const char* kPostcode = "Postcode";
constexpr const char* kEasting = "Easting";
constexpr const char* kNorthing = "Northing";
constexpr const char* kResourcedType = "TypeOfResourcedProvision (name)";
constexpr const char* kResourcedCapacity = "ResourcedProvisionCapacity";
constexpr const char* kResourcedOnRoll = "ResourcedProvisionOnRoll";
constexpr const char* kUnitCapacity = "SenUnitCapacity";
constexpr const char* kUnitOnRoll = "SenUnitOnRoll";
constexpr const char* kOfstedRating = "OfstedRating (name)";
constexpr const char* kOfstedDate = "OfstedLastInsp";
constexpr const char* kSection41 = "Section41Approved (name)";
constexpr int kSenColumns = 13;

const std::vector<std::string>& required_columns() {
  static const std::vector<std::string> columns = {kUrn,
                                                   kLaCode,
                                                   kLaName,
                                                   kName,
                                                   kTypeCode,
                                                   kStatus,
                                                   kLowAge,
                                                   kHighAge,
                                                   kBoarders,
                                                   kCapacity,
                                                   kPupils,
                                                   kPostcode,
                                                   kEasting,
                                                   kNorthing,
                                                   "SEN1 (name)",
                                                   kResourcedType,
                                                   kResourcedCapacity,
                                                   kResourcedOnRoll,
                                                   kOfstedRating,
                                                   kOfstedDate};
  return columns;
}

constexpr std::int64_t kMaxAge = 25;      // the end of SEND support
constexpr std::int64_t kMaxGiasAge = 99;  // the largest statutory age GIAS gives
constexpr std::int64_t kMaxPlaces = 100000;
constexpr std::int64_t kMaxEasting = 700000, kMaxNorthing = 1300000;

// The provider type of a special establishment type code, nullopt for the other types.
std::optional<ProviderType> special_type(std::int64_t code) {
  switch (code) {
    case 7:   // Community special school
    case 12:  // Foundation special school
      return ProviderType::kMaintainedSpecial;
    case 8:  // Non-maintained special school
      return ProviderType::kNonMaintainedSpecial;
    case 10:  // Other independent special school
      return ProviderType::kIndependentSpecial;
    case 32:  // Special post 16 institution
      return ProviderType::kSpecialPost16;
    case 33:  // Academy special sponsor led
    case 36:  // Free schools special
    case 44:  // Academy special converter
      return ProviderType::kAcademySpecial;
    default:
      return std::nullopt;
  }
}

std::optional<int> ofsted_grade(std::string_view rating) {
  const std::string lower = to_lower(rating);
  if (lower == "outstanding") return 1;
  if (lower == "good") return 2;
  if (lower == "requires improvement") return 3;
  if (lower == "inadequate" || lower == "serious weaknesses" || lower == "special measures") {
    return 4;
  }
  return std::nullopt;
}

Boarding boarding(std::string_view boarders) {
  const std::string lower = to_lower(boarders);
  if (lower == "has boarders") return Boarding::kBoth;
  if (lower == "boarding school") return Boarding::kResidential;
  return Boarding::kDay;
}

// "GIAS 20250422" from a file name holding an 8-digit date, else "GIAS".
std::string source_name(const std::string& file) {
  const std::size_t slash = file.find_last_of("/\\");
  const std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  std::size_t run = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) {
      ++run;
    } else {
      if (run == 8) return "GIAS " + name.substr(i - 8, 8);
      run = 0;
    }
  }
  return "GIAS";
}

// dd-mm-yyyy or dd/mm/yyyy → yyyy-mm-dd; "" for a blank cell; a problem and nullopt when bad.
std::optional<std::string> inspection_date(const CellReader& cells) {
  const std::string_view text = cells.text(kOfstedDate);
  if (text.empty()) return std::string();
  const bool shaped = text.size() == 10 && (text[2] == '-' || text[2] == '/') &&
                      text[5] == text[2] && std::all_of(text.begin(), text.end(), [](char c) {
                        return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '/';
                      });
  if (!shaped) {
    cells.problem(kOfstedDate,
                  fmt::format("expected a date dd-mm-yyyy, got {}", quoted_excerpt(text)),
                  ErrorCode::kParse);
    return std::nullopt;
  }
  const std::string iso =
      fmt::format("{}-{}-{}", text.substr(6, 4), text.substr(3, 2), text.substr(0, 2));
  if (!detail::parse_iso_date(iso)) {
    cells.problem(kOfstedDate, fmt::format("no such date {}", quoted_excerpt(text)));
    return std::nullopt;
  }
  return iso;
}

// A count: blank or 0 is unknown (0); negative or not a number is a problem (nullopt).
std::optional<int> count(const CellReader& cells, const char* column) {
  std::optional<std::int64_t> value = cells.whole_number(column, 0, kMaxPlaces, 0);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

// Reads the columns of a kept establishment into `provider`; false when any cell is bad.
bool read_details(const CellReader& cells, Provider& provider) {
  bool good = true;
  provider.urn = std::string(cells.text(kUrn));
  if (provider.urn.empty() || provider.urn.size() > 8 ||
      provider.urn.find_first_not_of("0123456789") != std::string::npos) {
    cells.problem(
        kUrn, fmt::format("expected a URN of up to 8 digits, got {}", quoted_excerpt(provider.urn)),
        ErrorCode::kParse);
    good = false;
  }
  provider.name = std::string(cells.text(kName));
  if (provider.name.empty()) {
    cells.problem(kName, "required value is empty");
    good = false;
  }
  provider.la_number = std::string(cells.text(kLaCode));
  if (!provider.la_number.empty() &&
      (provider.la_number.size() != 3 ||
       provider.la_number.find_first_not_of("0123456789") != std::string::npos)) {
    cells.problem(
        kLaCode,
        fmt::format("expected a 3-digit DfE LA number, got {}", quoted_excerpt(provider.la_number)),
        ErrorCode::kParse);
    good = false;
  }
  provider.local_authority = std::string(cells.text(kLaName));

  const std::string_view postcode = cells.text(kPostcode);
  if (!postcode.empty()) {
    provider.postcode = geo::normalise_postcode(postcode);
    if (provider.postcode.empty()) {
      cells.problem(kPostcode,
                    fmt::format("{} is not shaped like a UK postcode", quoted_excerpt(postcode)),
                    ErrorCode::kParse);
      good = false;
    }
  }

  const std::optional<std::int64_t> easting = cells.whole_number(kEasting, 0, kMaxEasting, 0);
  const std::optional<std::int64_t> northing = cells.whole_number(kNorthing, 0, kMaxNorthing, 0);
  if (!easting || !northing) {
    good = false;
  } else if ((*easting == 0) != (*northing == 0)) {
    cells.problem(*easting == 0 ? kEasting : kNorthing,
                  "Easting and Northing must be given together");
    good = false;
  } else if (*easting != 0) {
    provider.location =
        geo::grid_to_wgs84({static_cast<double>(*easting), static_cast<double>(*northing)});
  }

  const std::optional<std::int64_t> low = cells.whole_number(kLowAge, 0, kMaxAge, 0);
  // Some post-16 establishments give an adult upper age (up to 99): SEND support ends at 25.
  std::optional<std::int64_t> high = cells.whole_number(kHighAge, 0, kMaxGiasAge, 0);
  if (high) high = std::min(*high, kMaxAge);
  if (!low || !high) {
    good = false;
  } else if (*high != 0 && *low > *high) {
    cells.problem(kLowAge, fmt::format("{} {} is above {} {}", kLowAge, *low, kHighAge, *high));
    good = false;
  } else {
    provider.age_low = static_cast<int>(*low);
    provider.age_high = static_cast<int>(*high);
  }

  for (int i = 1; i <= kSenColumns; ++i) {
    const std::string column = fmt::format("SEN{} (name)", i);
    const std::string_view text = cells.text(column);
    if (text.empty() || to_lower(text) == "not applicable") continue;
    if (const std::optional<Need> need = parse_need(std::string(text))) {
      provider.needs.insert(*need);
    } else {
      cells.problem(column, fmt::format("unknown type of SEN provision {} (expected e.g. 'ASD - "
                                        "Autistic Spectrum Disorder')",
                                        quoted_excerpt(text)));
      good = false;
    }
  }

  provider.boarding = boarding(cells.text(kBoarders));
  provider.ofsted_grade = ofsted_grade(cells.text(kOfstedRating));
  if (std::optional<std::string> date = inspection_date(cells)) {
    provider.ofsted_date = std::move(*date);
  } else {
    good = false;
  }
  provider.section41 = to_lower(cells.text(kSection41)) == "approved";
  return good;
}

}  // namespace

std::string text_as_utf8(std::string_view bytes, bool* converted) {
  const bool valid = is_valid_utf8(bytes);
  if (converted) *converted = !valid;
  return valid ? std::string(bytes) : windows1252_to_utf8(bytes);
}

Checked<GiasExtract> read_gias_extract(std::string_view bytes, const std::string& file) {
  GiasExtract extract;
  // GIAS saves Windows-1252; a file re-saved as UTF-8 is read as that. The reader converts as
  // it goes: no copy of a real extract (60+ MB) is made.
  extract.converted_from_windows1252 = !is_valid_utf8(bytes);
  Result<CsvFile> parsed = CsvFile::read(
      bytes, file,
      extract.converted_from_windows1252 ? csv::Encoding::kWindows1252 : csv::Encoding::kUtf8);
  if (!parsed.ok()) return std::vector<Error>{parsed.error()};
  CsvFile& sheet = parsed.value();
  if (!sheet.require_columns(required_columns(), "a GIAS establishment extract")) {
    return sheet.take_problems();
  }
  const std::string source = source_name(file);
  std::unordered_map<std::string, int> urn_lines;
  for (const csv::Record& row : sheet.rows()) {
    ++extract.rows;
    const CellReader cells(sheet, row);
    const std::string status = to_lower(cells.text(kStatus));
    const std::optional<std::int64_t> type_code = cells.whole_number(kTypeCode, 0, 999, {});
    if (!type_code) continue;
    if (status != "open" && status != "open, but proposed to close") {
      ++extract.not_open;
      continue;
    }
    Provider provider;
    provider.source = source;
    bool good = true;
    const std::optional<ProviderType> type = special_type(*type_code);
    if (type) {
      provider.type = *type;
      const std::optional<int> capacity = count(cells, kCapacity);
      const std::optional<int> pupils = count(cells, kPupils);
      if (capacity && pupils) {
        provider.capacity = *capacity;
        if (*capacity > 0 && *pupils > 0) provider.vacancies = std::max(0, *capacity - *pupils);
      } else {
        good = false;
      }
    } else {
      const std::string provision = to_lower(cells.text(kResourcedType));
      if (provision.empty() || provision == "not applicable") {
        ++extract.not_special;
        continue;
      }
      const std::optional<int> capacity = count(cells, kResourcedCapacity);
      const std::optional<int> on_roll = count(cells, kResourcedOnRoll);
      const std::optional<int> unit_capacity = count(cells, kUnitCapacity);
      const std::optional<int> unit_on_roll = count(cells, kUnitOnRoll);
      provider.type = ProviderType::kResourcedProvision;
      if (capacity && on_roll && unit_capacity && unit_on_roll) {
        provider.capacity = *capacity + *unit_capacity;
        if (provider.capacity == 0) {
          ++extract.not_special;  // a provision without places is no place to commission
          continue;
        }
        const int pupils = *on_roll + *unit_on_roll;
        if (pupils > 0) provider.vacancies = std::max(0, provider.capacity - pupils);
      } else {
        good = false;
      }
    }
    // Read the rest even after a bad cell, so that every problem of the row is reported.
    if (!read_details(cells, provider) || !good) continue;
    const auto [it, inserted] = urn_lines.emplace(provider.urn, row.line);
    if (!inserted) {
      cells.problem(kUrn,
                    fmt::format("repeated URN {} (first on line {})", provider.urn, it->second));
      continue;
    }
    extract.providers.push_back(std::move(provider));
  }
  if (!sheet.problems().empty()) return sheet.take_problems();
  return extract;
}

Checked<GiasExtract> load_gias_extract(const std::string& path) {
  Result<std::string> bytes = io::detail::read_text_file(path);
  if (!bytes.ok()) return std::vector<Error>{bytes.error()};
  return read_gias_extract(bytes.value(), path);
}

}  // namespace sendplan::placements
