// Li & Lim (2001) PDPTW format: "K Q S", then "id x y demand e l s pickup delivery" per node
// (node 0 the depot). Each pickup names its delivery and each delivery its pickup.
#include <fmt/format.h>

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

constexpr FieldSpec kHeaderFields[] = {{"K (number of vehicles)", FieldKind::kInteger},
                                       {"Q (vehicle capacity)", FieldKind::kInteger},
                                       {"S (speed)", FieldKind::kReal}};

enum NodeField { kId, kX, kY, kDemand, kReady, kDue, kService, kPickup, kDelivery, kFieldCount };
constexpr FieldSpec kNodeFields[] = {
    {"id", FieldKind::kInteger},
    {"x", FieldKind::kReal},
    {"y", FieldKind::kReal},
    {"demand", FieldKind::kInteger},
    {"ready time", FieldKind::kReal},
    {"due time", FieldKind::kReal},
    {"service time", FieldKind::kReal},
    {"pickup id", FieldKind::kInteger},
    {"delivery id", FieldKind::kInteger},
};
static_assert(std::size(kNodeFields) == kFieldCount);

struct Node {
  const TextLine* line = nullptr;
  std::vector<double> v;  // indexed by NodeField
  int get(NodeField field) const { return static_cast<int>(v[field]); }
  int column(NodeField field) const { return line->tokens[field].column; }
};

Result<Node> parse_node(const SourceText& src, const TextLine& line, int expected_id) {
  Result<std::vector<double>> values =
      src.row(line, kNodeFields, "node line 'id x y demand e l s pickup delivery'");
  if (!values) return values.error();
  Node node{&line, std::move(values).value()};
  const int id = node.get(kId);
  if (id != expected_id) {
    return src.parse_error(
        line.number, node.column(kId),
        fmt::format("node id {} is out of sequence: expected {}", id, expected_id));
  }
  if (node.v[kReady] > node.v[kDue]) {
    return src.invalid(line.number, node.column(kReady),
                       fmt::format("node {}: time window [{}, {}] is empty (ready after due)", id,
                                   node.v[kReady], node.v[kDue]));
  }
  if (node.v[kService] < 0) {
    return src.invalid(line.number, node.column(kService),
                       fmt::format("node {}: service time {} is negative", id, node.v[kService]));
  }
  return node;
}

// Checks the pairing fields of node `i` (not the depot) against the node they name.
Status check_pairing(const SourceText& src, const std::vector<Node>& nodes, int i) {
  const Node& node = nodes[i];
  const int line = node.line->number;
  const int pickup = node.get(kPickup);
  const int delivery = node.get(kDelivery);
  if (pickup == 0 && delivery == 0) {
    return src.invalid(
        line, node.column(kPickup),
        fmt::format("node {} is unpaired: its pickup and delivery ids are both 0", i));
  }
  if (pickup != 0 && delivery != 0) {
    return src.invalid(
        line, node.column(kPickup),
        fmt::format("node {} names both a pickup ({}) and a delivery ({})", i, pickup, delivery));
  }
  const bool is_pickup = delivery != 0;
  const NodeField field = is_pickup ? kDelivery : kPickup;
  const int other = is_pickup ? delivery : pickup;
  const int count = static_cast<int>(nodes.size());
  if (other < 1 || other >= count || other == i) {
    return src.invalid(
        line, node.column(field),
        fmt::format("node {} names {} node {}, which is {}", i, is_pickup ? "delivery" : "pickup",
                    other, other == i ? "itself" : "not a customer node"));
  }
  const Node& partner = nodes[other];
  const int back = partner.get(is_pickup ? kPickup : kDelivery);
  if (back != i) {
    return src.invalid(
        line, node.column(field),
        fmt::format("{} node {} names {} node {}, but node {} (line {}) names {} {}",
                    is_pickup ? "pickup" : "delivery", i, is_pickup ? "delivery" : "pickup", other,
                    other, partner.line->number, is_pickup ? "pickup" : "delivery", back));
  }
  const int demand = node.get(kDemand);
  if (is_pickup && demand < 0) {
    return src.invalid(line, node.column(kDemand),
                       fmt::format("pickup node {} has a negative demand {}", i, demand));
  }
  if (!is_pickup && demand != -partner.get(kDemand)) {
    return src.invalid(line, node.column(kDemand),
                       fmt::format("delivery node {} has demand {} but its pickup {} (line {}) "
                                   "has demand {}: expected {}",
                                   i, demand, other, partner.line->number, partner.get(kDemand),
                                   -partner.get(kDemand)));
  }
  return {};
}

model::StopSpec stop_of(const Node& node) {
  return {node.get(kId), node.v[kReady], node.v[kDue], node.v[kService], node.get(kId)};
}

}  // namespace

Result<model::Problem> parse_lilim(std::string_view text, const std::string& file) {
  const SourceText src(file);
  const std::vector<TextLine> lines = detail::non_blank_lines(text);
  if (lines.empty()) return src.parse_error(1, 1, "file is empty: expected the header 'K Q S'");
  const TextLine& header_line = lines[0];
  Result<std::vector<double>> header = src.row(header_line, kHeaderFields, "header 'K Q S'");
  if (!header) return header.error();
  const int vehicles = static_cast<int>(header.value()[0]);
  const int capacity = static_cast<int>(header.value()[1]);
  if (vehicles <= 0) {
    return src.invalid(header_line.number, header_line.tokens[0].column,
                       fmt::format("number of vehicles K must be positive, got {}", vehicles));
  }
  if (capacity < 0) {
    return src.invalid(header_line.number, header_line.tokens[1].column,
                       fmt::format("capacity Q is negative ({})", capacity));
  }
  if (lines.size() < 2) {
    return src.parse_error(header_line.number + 1, 1,
                           "file ends early: expected the depot (node 0)");
  }

  std::vector<Node> nodes;
  for (size_t i = 1; i < lines.size(); ++i) {
    Result<Node> node = parse_node(src, lines[i], static_cast<int>(i - 1));
    if (!node) return node.error();
    nodes.push_back(std::move(node).value());
  }
  const Node& depot = nodes[0];
  for (NodeField field : {kDemand, kPickup, kDelivery}) {
    if (depot.get(field) != 0) {
      return src.invalid(depot.line->number, depot.column(field),
                         fmt::format("the depot (node 0) must have {} 0, got {}",
                                     kNodeFields[field].name, depot.get(field)));
    }
  }
  for (int i = 1; i < static_cast<int>(nodes.size()); ++i) {
    if (Status s = check_pairing(src, nodes, i); !s) return s.error();
  }

  model::ProblemData data;
  data.name = instance_name_from_path(file);
  data.load_dimensions = 1;
  for (const Node& node : nodes) data.coordinates.push_back({node.v[kX], node.v[kY]});
  model::VehicleType type;
  type.name = "vehicle";
  type.count = vehicles;
  type.capacity = detail::single_load(capacity);
  type.start_location = 0;
  type.end_location = 0;
  type.shift_start = depot.v[kReady];
  type.shift_end = depot.v[kDue];
  type.cost_per_distance = 1;
  data.vehicle_types.push_back(type);
  for (const Node& node : nodes) {
    if (node.get(kId) == 0 || node.get(kDelivery) == 0) continue;
    model::Request request;
    request.name = std::to_string(node.get(kId));
    request.kind = model::RequestKind::kPickupDelivery;
    request.pickup = stop_of(node);
    request.delivery = stop_of(nodes[node.get(kDelivery)]);
    request.load = detail::single_load(node.get(kDemand));
    data.requests.push_back(std::move(request));
  }
  return detail::finish_problem(std::move(data), file);
}

}  // namespace sendplan::io
