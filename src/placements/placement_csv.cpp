// The placements register CSV: rows → placements with their fee histories, and back.
#include "placements/placement_csv.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <limits>
#include <map>
#include <type_traits>

#include "core/text.h"
#include "io/file_text.h"
#include "placements/provider_csv.h"

namespace sendplan::placements {
namespace {

using detail::CellReader;
using detail::CsvFile;

constexpr std::int64_t kMaxAge = 25;
constexpr std::int64_t kMaxPounds = 10'000'000;  // a year; more is a typing error
constexpr double kMaxDistanceKm = 2000.0;
constexpr std::size_t kMaxChildRefLength = 32;
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

// The columns every row of one placement must agree on.
constexpr std::array<const char*, 11> kPlacementColumns = {
    "placement_id", "borough",    "child_ref", "need",        "age",           "provider_id",
    "provider_urn", "start_date", "end_date",  "residential", "transport_cost"};

// One row, read: the placement's fields and this row's fee period.
struct Row {
  int line = 0;
  Placement placement;  // without fees
  bool has_fee = false;
  FeePeriod fee;
  bool fee_from_blank = false;
  std::string distance_text;  // canonical, for comparing rows
};

std::string known_need_codes() {
  std::string text;
  for (Need need : all_needs()) {
    if (!text.empty()) text += ", ";
    text += need_code(need);
  }
  return text;
}

// The canonical text of a placement-level column, for comparing the rows of one placement.
std::string canonical(const Row& row, std::string_view column) {
  const Placement& p = row.placement;
  if (column == "placement_id") return p.id == 0 ? "" : std::to_string(p.id);
  if (column == "borough") return p.borough;
  if (column == "child_ref") return p.child_ref;
  if (column == "need") return need_code(p.need);
  if (column == "age") return std::to_string(p.age);
  if (column == "provider_id") return p.provider_id == 0 ? "" : std::to_string(p.provider_id);
  if (column == "provider_urn") return p.provider_urn;
  if (column == "start_date") return p.start_date;
  if (column == "end_date") return p.end_date;
  if (column == "residential") return p.residential ? "yes" : "no";
  if (column == "transport_cost") return std::to_string(p.transport_cost);
  if (column == "distance_km") return row.distance_text;
  return "";
}

std::optional<Row> read_row(const CellReader& cells) {
  Row row;
  row.line = cells.line();
  Placement& p = row.placement;
  p.source_line = row.line;
  bool good = true;
  const auto take = [&good](auto value, auto& into) {
    if (value) {
      into = static_cast<std::remove_reference_t<decltype(into)>>(*value);
    } else {
      good = false;
    }
  };

  take(cells.whole_number("placement_id", 1, kMaxId, 0), p.id);
  take(cells.required("borough"), p.borough);

  const std::string_view child_ref = cells.text("child_ref");
  if (child_ref.empty()) {
    cells.problem("child_ref", "required value is empty (the borough's reference for the child)");
    good = false;
  } else if (!is_child_reference(child_ref)) {
    cells.problem(
        "child_ref",
        fmt::format("{} is not a child reference: use the borough's case reference, up to {} "
                    "letters, digits, '-' or '_' with at least one digit (references only: never "
                    "a child's name, which would be personal data in a shared register)",
                    quoted_excerpt(child_ref), kMaxChildRefLength));
    good = false;
  } else {
    p.child_ref = std::string(child_ref);
  }

  const std::string_view need = cells.text("need");
  if (need.empty()) {
    cells.problem(
        "need", fmt::format("required value is empty (the need codes are {})", known_need_codes()));
    good = false;
  } else if (const std::optional<Need> parsed = parse_need(std::string(need))) {
    p.need = *parsed;
  } else {
    cells.problem("need", fmt::format("unknown need {} (the need codes are {})",
                                      quoted_excerpt(need), known_need_codes()));
    good = false;
  }

  take(cells.whole_number("age", 0, kMaxAge, std::nullopt), p.age);
  take(cells.whole_number("provider_id", 1, kMaxId, 0), p.provider_id);
  p.provider_urn = std::string(cells.text("provider_urn"));
  if (!p.provider_urn.empty() &&
      (p.provider_urn.size() > 8 ||
       p.provider_urn.find_first_not_of("0123456789") != std::string::npos)) {
    cells.problem(
        "provider_urn",
        fmt::format("expected a URN of up to 8 digits, got {}", quoted_excerpt(p.provider_urn)),
        ErrorCode::kParse);
    good = false;
  }
  if (cells.text("provider_id").empty() && cells.text("provider_urn").empty()) {
    cells.problem("provider_id", "give the provider: provider_id or provider_urn");
    good = false;
  }

  const std::optional<std::string> start = cells.iso_date("start_date", false);
  const std::optional<std::string> end = cells.iso_date("end_date", true);
  take(start, p.start_date);
  take(end, p.end_date);
  // Whether end_date can bound fee_from (an end before the start is reported once, here).
  bool end_bounds = start && end && !end->empty();
  if (end_bounds && *end < *start) {
    cells.problem("end_date", fmt::format("end_date {} is before start_date {}", *end, *start));
    good = false;
    end_bounds = false;
  }
  take(cells.yes_no("residential", false), p.residential);

  static constexpr std::array<const char*, 4> kFeeColumns = {"fee_education", "fee_care",
                                                             "fee_therapy", "fee_other"};
  std::array<std::int64_t*, 4> fee_fields = {&row.fee.fees.education, &row.fee.fees.care,
                                             &row.fee.fees.therapy, &row.fee.fees.other};
  for (std::size_t i = 0; i < kFeeColumns.size(); ++i) {
    if (!cells.text(kFeeColumns[i]).empty()) row.has_fee = true;
    take(cells.whole_number(kFeeColumns[i], 0, kMaxPounds, 0), *fee_fields[i]);
  }

  const std::optional<std::string> fee_from = cells.iso_date("fee_from", true);
  if (!fee_from) {
    good = false;
  } else if (!fee_from->empty()) {
    row.fee.from = *fee_from;
    row.has_fee = true;
    if (start && *fee_from < *start) {
      cells.problem("fee_from", fmt::format("fee_from {} is before the placement's start_date {}",
                                            *fee_from, *start));
      good = false;
    } else if (end_bounds && *fee_from > *end) {
      cells.problem("fee_from", fmt::format("fee_from {} is after the placement's end_date {}",
                                            *fee_from, *end));
      good = false;
    }
  } else {
    row.fee_from_blank = true;
    if (start) row.fee.from = *start;
  }

  take(cells.whole_number("transport_cost", 0, kMaxPounds, 0), p.transport_cost);
  if (!cells.text("distance_km").empty()) {
    take(cells.decimal("distance_km", 0.0, kMaxDistanceKm, "the distances allowed"), p.distance_km);
  }
  row.distance_text = detail::format_decimal(p.distance_km);

  if (!good) return std::nullopt;
  return row;
}

// The key that groups the rows of one placement.
std::string placement_key(const Placement& p) {
  if (p.id != 0) return fmt::format("id\x1f{}", p.id);
  return fmt::format("new\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", p.borough, p.child_ref, p.provider_id,
                     p.provider_urn, p.start_date);
}

struct Group {
  Row first;
  int last_fee_line = 0;
  bool without_fee = false;  // the first row records no fee
};

}  // namespace

const std::vector<std::string>& placement_csv_columns() {
  static const std::vector<std::string> columns = {
      "placement_id", "borough",     "child_ref", "need",           "age",        "provider_id",
      "provider_urn", "start_date",  "end_date",  "residential",    "fee_from",   "fee_education",
      "fee_care",     "fee_therapy", "fee_other", "transport_cost", "distance_km"};
  return columns;
}

bool is_child_reference(std::string_view text) {
  if (text.empty() || text.size() > kMaxChildRefLength) return false;
  bool digit = false;
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (std::isdigit(byte)) {
      digit = true;
    } else if (!(byte < 0x80 && std::isalpha(byte)) && c != '-' && c != '_') {
      return false;
    }
  }
  return digit;
}

Checked<std::vector<Placement>> read_placement_csv(std::string_view text, const std::string& file) {
  Result<CsvFile> parsed = CsvFile::read(text, file);
  if (!parsed.ok()) return std::vector<Error>{parsed.error()};
  CsvFile& sheet = parsed.value();
  sheet.reject_unknown_columns(placement_csv_columns());
  bool columns_ok = sheet.require_columns(
      {"borough", "child_ref", "need", "age", "start_date", "fee_from", "fee_education"},
      "the placements register");
  if (!sheet.column("provider_id") && !sheet.column("provider_urn")) {
    sheet.header_problem(std::nullopt,
                         "missing column 'provider_id' or 'provider_urn' (give at least one)");
    columns_ok = false;
  }
  if (!columns_ok) return sheet.take_problems();

  std::vector<Placement> placements;
  std::map<std::string, std::size_t> index;  // placement key → position in `placements`
  std::vector<Group> groups;
  for (const csv::Record& sheet_row : sheet.rows()) {
    const CellReader cells(sheet, sheet_row);
    std::optional<Row> row = read_row(cells);
    if (!row) continue;
    const std::string key = placement_key(row->placement);
    const auto found = index.find(key);
    if (found == index.end()) {
      index.emplace(key, placements.size());
      Placement placement = row->placement;
      if (row->has_fee) placement.fees.push_back(row->fee);
      placements.push_back(std::move(placement));
      groups.push_back({*row, row->line, !row->has_fee});
      continue;
    }
    Placement& placement = placements[found->second];
    Group& group = groups[found->second];
    bool same = true;
    const auto compare = [&](const char* column) {
      const std::string first = canonical(group.first, column);
      const std::string here = canonical(*row, column);
      if (first == here) return;
      cells.problem(column,
                    fmt::format("{} differs from line {}, this placement's first row, which has "
                                "{} (the rows of a placement differ only in fee_from and fees)",
                                quoted_excerpt(here), group.first.line, quoted_excerpt(first)));
      same = false;
    };
    for (const char* column : kPlacementColumns) compare(column);
    compare("distance_km");
    if (!same) continue;
    if (group.without_fee || !row->has_fee) {
      cells.problem("fee_from",
                    fmt::format("a row with no fee_from and no fees must be its placement's only "
                                "row (this placement also has line {})",
                                group.first.line));
      continue;
    }
    const FeePeriod& previous = placement.fees.back();
    if (row->fee.from <= previous.from) {
      cells.problem("fee_from",
                    fmt::format("fee_from {}{} is not after the previous fee period's {} (line "
                                "{}): list a placement's fee periods oldest first",
                                row->fee.from, row->fee_from_blank ? " (blank: start_date)" : "",
                                previous.from, group.last_fee_line));
      continue;
    }
    placement.fees.push_back(row->fee);
    group.last_fee_line = row->line;
  }
  if (!sheet.problems().empty()) return sheet.take_problems();
  return placements;
}

Checked<std::vector<Placement>> load_placement_csv(const std::string& path) {
  Result<std::string> text = io::detail::read_text_file(path);
  if (!text.ok()) return std::vector<Error>{text.error()};
  return read_placement_csv(text.value(), path);
}

std::string write_placement_csv(const std::vector<Placement>& placements) {
  std::string out;
  detail::append_csv_row(out, placement_csv_columns());
  for (const Placement& p : placements) {
    const auto row = [&](const FeePeriod* fee) {
      const auto pounds = [&](std::int64_t value) {
        return fee ? std::to_string(value) : std::string();
      };
      detail::append_csv_row(out, {
                                      p.id == 0 ? "" : std::to_string(p.id),
                                      p.borough,
                                      p.child_ref,
                                      need_code(p.need),
                                      std::to_string(p.age),
                                      p.provider_id == 0 ? "" : std::to_string(p.provider_id),
                                      p.provider_urn,
                                      p.start_date,
                                      p.end_date,
                                      p.residential ? "yes" : "no",
                                      fee ? fee->from : "",
                                      pounds(fee ? fee->fees.education : 0),
                                      pounds(fee ? fee->fees.care : 0),
                                      pounds(fee ? fee->fees.therapy : 0),
                                      pounds(fee ? fee->fees.other : 0),
                                      std::to_string(p.transport_cost),
                                      detail::format_decimal(p.distance_km),
                                  });
    };
    if (p.fees.empty()) row(nullptr);
    for (const FeePeriod& fee : p.fees) row(&fee);
  }
  return out;
}

}  // namespace sendplan::placements
