// Cordeau's DARP format in its two dialects, told apart by the header and the number of node
// lines (exactly one of them fits a file):
//   - Cordeau (2006) and Ropke et al. (2007), the "a" and "b" sets: "m n T Q L" with n the number
//     of requests, then 2n+2 node lines "id x y d q e l" (0 the start depot, 2n+1 the end depot);
//   - Cordeau & Laporte (2003), the "pr" sets: "m N T Q L" with N = 2n the number of nodes
//     besides the depot, then N+1 node lines (0 the depot, where routes start and end).
#include <fmt/format.h>

#include <cstdint>
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

constexpr FieldSpec kHeaderFields[] = {
    {"m (number of vehicles)", FieldKind::kInteger},
    {"n (number of requests)", FieldKind::kInteger},
    {"T (maximum route duration)", FieldKind::kReal},
    {"Q (vehicle capacity)", FieldKind::kInteger},
    {"L (maximum ride time)", FieldKind::kReal},
};

enum NodeField { kId, kX, kY, kService, kLoad, kReady, kDue, kNodeFieldCount };
constexpr FieldSpec kNodeFields[] = {
    {"id", FieldKind::kInteger},      {"x", FieldKind::kReal},
    {"y", FieldKind::kReal},          {"service duration d", FieldKind::kReal},
    {"load q", FieldKind::kInteger},  {"ready time e", FieldKind::kReal},
    {"due time l", FieldKind::kReal},
};
static_assert(std::size(kNodeFields) == kNodeFieldCount);

struct Node {
  const TextLine* line = nullptr;
  std::vector<double> v;  // indexed by NodeField
  int load() const { return static_cast<int>(v[kLoad]); }
  int column(NodeField field) const { return line->tokens[field].column; }
};

// Parses one node line and checks what can be checked on its own.
Result<Node> parse_node(const SourceText& src, const TextLine& line, int expected_id) {
  Result<std::vector<double>> values = src.row(line, kNodeFields, "node line 'id x y d q e l'");
  if (!values) return values.error();
  Node node{&line, std::move(values).value()};
  const int id = static_cast<int>(node.v[kId]);
  if (id != expected_id) {
    return src.parse_error(
        line.number, node.column(kId),
        fmt::format("node id {} is out of sequence: expected {}", id, expected_id));
  }
  if (node.v[kService] < 0) {
    return src.invalid(
        line.number, node.column(kService),
        fmt::format("node {}: service duration {} is negative", id, node.v[kService]));
  }
  if (node.v[kReady] > node.v[kDue]) {
    return src.invalid(line.number, node.column(kReady),
                       fmt::format("node {}: time window [{}, {}] is empty (ready after due)", id,
                                   node.v[kReady], node.v[kDue]));
  }
  return node;
}

model::StopSpec stop_of(const Node& node) {
  const int id = static_cast<int>(node.v[kId]);
  return {id, node.v[kReady], node.v[kDue], node.v[kService], id};
}

}  // namespace

Result<model::Problem> parse_cordeau(std::string_view text, const std::string& file) {
  const SourceText src(file);
  const std::vector<TextLine> lines = detail::non_blank_lines(text);
  if (lines.empty()) return src.parse_error(1, 1, "file is empty: expected the header 'm n T Q L'");

  const TextLine& header_line = lines[0];
  Result<std::vector<double>> header = src.row(header_line, kHeaderFields, "header 'm n T Q L'");
  if (!header) return header.error();
  const int m = static_cast<int>(header.value()[0]);
  int n = static_cast<int>(header.value()[1]);
  const double max_duration = header.value()[2];
  const int capacity = static_cast<int>(header.value()[3]);
  const double max_ride = header.value()[4];
  const auto header_error = [&](int field, std::string message) {
    return src.invalid(header_line.number, header_line.tokens[field].column, std::move(message));
  };
  if (m <= 0)
    return header_error(0, fmt::format("number of vehicles m must be positive, got {}", m));
  if (n < 0) return header_error(1, fmt::format("number of requests n is negative ({})", n));
  if (max_duration < 0)
    return header_error(2, fmt::format("maximum route duration T is negative ({})", max_duration));
  if (capacity < 0) return header_error(3, fmt::format("capacity Q is negative ({})", capacity));
  if (max_ride < 0)
    return header_error(4, fmt::format("maximum ride time L is negative ({})", max_ride));

  // Which dialect: the 2006 one when the node lines number 2n+2; the 2003 one when the header's
  // second field is even (N = 2n nodes) and they number N+1. Otherwise the file is read as the
  // 2006 dialect, whose errors say what is missing or extra.
  const int64_t available = static_cast<int64_t>(lines.size()) - 1;
  const bool nodes_dialect = available != 2 * static_cast<int64_t>(n) + 2 && n > 0 && n % 2 == 0 &&
                             available == static_cast<int64_t>(n) + 1;
  const int requests = nodes_dialect ? n / 2 : n;
  const int64_t expected = nodes_dialect ? available : 2 * static_cast<int64_t>(n) + 2;
  std::vector<Node> nodes;
  for (int64_t i = 0; i < std::min(expected, available); ++i) {
    Result<Node> node = parse_node(src, lines[i + 1], static_cast<int>(i));
    if (!node) return node.error();
    nodes.push_back(std::move(node).value());
  }
  if (available < expected) {
    return src.parse_error(
        lines.back().number + 1, 1,
        fmt::format("file ends after {} node lines; n = {} needs {} (ids 0..{}): node {} is "
                    "missing (nor is it the 2003 dialect, whose header gives 2n and which has "
                    "2n+1 node lines)",
                    available, n, expected, expected - 1, available));
  }
  if (available > expected) {
    const TextLine& extra = lines[expected + 1];
    return src.parse_error(
        extra.number, extra.tokens[0].column,
        fmt::format("unexpected line after the {} node lines (n = {})", expected, n));
  }
  n = requests;

  const Node& start_depot = nodes.front();
  const Node& end_depot = nodes_dialect ? nodes.front() : nodes.back();
  for (const Node* depot : {&start_depot, &end_depot}) {
    if (depot->load() != 0) {
      return src.invalid(depot->line->number, depot->column(kLoad),
                         fmt::format("depot load must be 0, got {}", depot->load()));
    }
  }
  for (int i = 1; i <= n; ++i) {
    const Node& pickup = nodes[i];
    const Node& dropoff = nodes[n + i];
    if (pickup.load() < 0) {
      return src.invalid(pickup.line->number, pickup.column(kLoad),
                         fmt::format("pickup {} has a negative load {}", i, pickup.load()));
    }
    if (dropoff.load() != -pickup.load()) {
      return src.invalid(
          dropoff.line->number, dropoff.column(kLoad),
          fmt::format(
              "drop-off {} has load {} but its pickup {} (line {}) has load {}: expected {}", n + i,
              dropoff.load(), i, pickup.line->number, pickup.load(), -pickup.load()));
    }
  }

  model::ProblemData data;
  data.name = instance_name_from_path(file);
  data.source_note = nodes_dialect
                         ? "Cordeau & Laporte (2003) dialect: header N = 2n nodes, routes "
                           "end at node 0"
                         : "Cordeau (2006) dialect: header n requests, end depot 2n+1";
  data.load_dimensions = 1;
  for (const Node& node : nodes) data.coordinates.push_back({node.v[kX], node.v[kY]});
  model::VehicleType type;
  type.name = "vehicle";
  type.count = m;
  type.capacity = detail::single_load(capacity);
  type.start_location = 0;
  type.end_location = nodes_dialect ? 0 : 2 * n + 1;
  type.shift_start = start_depot.v[kReady];
  type.shift_end = end_depot.v[kDue];
  type.max_duration = max_duration;
  type.fixed_cost = 0;
  type.cost_per_distance = 1;
  type.cost_per_time = 0;
  data.vehicle_types.push_back(type);
  for (int i = 1; i <= n; ++i) {
    model::Request request;
    request.name = std::to_string(i);
    request.kind = model::RequestKind::kPickupDelivery;
    request.pickup = stop_of(nodes[i]);
    request.delivery = stop_of(nodes[n + i]);
    request.load = detail::single_load(nodes[i].load());
    request.max_ride_time = max_ride;
    data.requests.push_back(std::move(request));
  }
  return detail::finish_problem(std::move(data), file);
}

}  // namespace sendplan::io
