// Solomon (1987) VRPTW text layout: name, "VEHICLE", "NUMBER CAPACITY", "K Q", "CUSTOMER", column
// headings, then rows "id x y demand ready due service" (row 0 is the depot).
#include <fmt/format.h>
#include <strings.h>

#include <string>
#include <vector>

#include "io/instance_readers.h"
#include "io/line_tokenizer.h"
#include "io/reader_common.h"

namespace sendplan::io {

namespace {

using detail::FieldKind;
using detail::FieldSpec;
using detail::SourceText;
using detail::TextLine;

constexpr FieldSpec kFleetFields[] = {{"vehicle number K", FieldKind::kInteger},
                                      {"capacity Q", FieldKind::kInteger}};

enum RowField { kId, kX, kY, kDemand, kReady, kDue, kService, kRowFieldCount };
constexpr FieldSpec kRowFields[] = {
    {"customer number", FieldKind::kInteger},
    {"x", FieldKind::kReal},
    {"y", FieldKind::kReal},
    {"demand", FieldKind::kInteger},
    {"ready time", FieldKind::kReal},
    {"due date", FieldKind::kReal},
    {"service time", FieldKind::kReal},
};
static_assert(std::size(kRowFields) == kRowFieldCount);

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// True when the token starts like a number (a data row rather than a column heading).
bool looks_numeric(std::string_view token) {
  const char c = token.empty() ? ' ' : token[0];
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

// Walks the non-blank lines, reporting where the file ends early.
class Cursor {
 public:
  Cursor(const SourceText& src, const std::vector<TextLine>& lines) : src_(src), lines_(lines) {}
  bool done() const { return next_ == lines_.size(); }
  const TextLine& peek() const { return lines_[next_]; }
  const TextLine& take() { return lines_[next_++]; }
  Error ended(std::string_view expected) const {
    const int line = lines_.empty() ? 1 : lines_.back().number + 1;
    return src_.parse_error(line, 1, fmt::format("file ends early: expected {}", expected));
  }
  // Takes a line whose first word is `keyword` (case-insensitive).
  Result<const TextLine*> keyword_line(std::string_view keyword) {
    if (done()) return ended(fmt::format("the line '{}'", keyword));
    const TextLine& line = take();
    if (!equals_ignoring_case(line.tokens[0].text, keyword)) {
      return src_.parse_error(
          line.number, line.tokens[0].column,
          fmt::format("expected the line '{}', got '{}'", keyword, line.tokens[0].text));
    }
    return &line;
  }

 private:
  const SourceText& src_;
  const std::vector<TextLine>& lines_;
  size_t next_ = 0;
};

}  // namespace

Result<model::Problem> parse_solomon(std::string_view text, const std::string& file) {
  const SourceText src(file);
  const std::vector<TextLine> lines = detail::non_blank_lines(text);
  Cursor cursor(src, lines);
  if (cursor.done()) return src.parse_error(1, 1, "file is empty: expected the instance name");
  const TextLine& name_line = cursor.take();
  for (std::string_view keyword : {"VEHICLE", "NUMBER"}) {
    if (auto line = cursor.keyword_line(keyword); !line) return line.error();
  }
  if (cursor.done()) return cursor.ended("the line 'K Q' (vehicle number and capacity)");
  const TextLine& fleet_line = cursor.take();
  Result<std::vector<double>> fleet = src.row(fleet_line, kFleetFields, "fleet line 'K Q'");
  if (!fleet) return fleet.error();
  const int vehicles = static_cast<int>(fleet.value()[0]);
  const int capacity = static_cast<int>(fleet.value()[1]);
  if (vehicles <= 0) {
    return src.invalid(fleet_line.number, fleet_line.tokens[0].column,
                       fmt::format("vehicle number must be positive, got {}", vehicles));
  }
  if (capacity < 0) {
    return src.invalid(fleet_line.number, fleet_line.tokens[1].column,
                       fmt::format("capacity is negative ({})", capacity));
  }
  if (auto line = cursor.keyword_line("CUSTOMER"); !line) return line.error();
  // Column headings ("CUST NO.  XCOORD. ..."), possibly over several lines.
  while (!cursor.done() && !looks_numeric(cursor.peek().tokens[0].text)) cursor.take();
  if (cursor.done()) return cursor.ended("the depot row (customer 0)");

  model::ProblemData data;
  data.name = instance_name_from_path(file);
  if (data.name.empty()) data.name = std::string(name_line.tokens[0].text);
  data.load_dimensions = 1;
  model::VehicleType type;
  type.name = "vehicle";
  type.count = vehicles;
  type.capacity = detail::single_load(capacity);
  type.cost_per_distance = 1;
  for (int id = 0; !cursor.done(); ++id) {
    const TextLine& line = cursor.take();
    Result<std::vector<double>> row =
        src.row(line, kRowFields, "customer row 'id x y demand ready due service'");
    if (!row) return row.error();
    const std::vector<double>& v = row.value();
    const auto column = [&line](RowField field) { return line.tokens[field].column; };
    if (static_cast<int>(v[kId]) != id) {
      return src.parse_error(line.number, column(kId),
                             fmt::format("customer number {} is out of sequence: expected {}",
                                         static_cast<int>(v[kId]), id));
    }
    const int demand = static_cast<int>(v[kDemand]);
    if (demand < 0 || (id == 0 && demand != 0)) {
      return src.invalid(line.number, column(kDemand),
                         fmt::format("customer {}: demand {} is {}", id, demand,
                                     id == 0 ? "not 0 at the depot" : "negative"));
    }
    if (v[kReady] > v[kDue]) {
      return src.invalid(line.number, column(kReady),
                         fmt::format("customer {}: time window [{}, {}] is empty (ready after due)",
                                     id, v[kReady], v[kDue]));
    }
    if (v[kService] < 0) {
      return src.invalid(line.number, column(kService),
                         fmt::format("customer {}: service time {} is negative", id, v[kService]));
    }
    data.coordinates.push_back({v[kX], v[kY]});
    if (id == 0) {
      type.shift_start = v[kReady];
      type.shift_end = v[kDue];
      continue;
    }
    model::Request request;
    request.name = std::to_string(id);
    request.kind = model::RequestKind::kDelivery;
    request.delivery = {id, v[kReady], v[kDue], v[kService], id};
    request.load = detail::single_load(demand);
    data.requests.push_back(std::move(request));
  }
  data.vehicle_types.push_back(type);
  return detail::finish_problem(std::move(data), file);
}

}  // namespace sendplan::io
