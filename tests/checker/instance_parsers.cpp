// The checker's own parsers for the three benchmark text formats (see
// ../shared/benchmarks/*/README.md). Whitespace separated, CR/LF tolerant; errors name the file
// and the 1-based line.
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "instance.h"

namespace sendplan::check {
namespace {

struct Line {
  int number = 0;  // 1-based line number in the file
  std::vector<std::string_view> tokens;
};

// The non-blank lines of `text`, split on spaces, tabs and CRs.
std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  int number = 0;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    ++number;
    Line line{number, {}};
    std::string_view rest = text.substr(begin, end - begin);
    size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\r')) ++i;
      size_t j = i;
      while (j < rest.size() && rest[j] != ' ' && rest[j] != '\t' && rest[j] != '\r') ++j;
      if (j > i) line.tokens.push_back(rest.substr(i, j - i));
      i = j;
    }
    if (!line.tokens.empty()) lines.push_back(std::move(line));
    begin = end + 1;
  }
  return lines;
}

// Reads tokens of one line as numbers, with errors naming file and line.
class LineReader {
 public:
  LineReader(const std::string& file, const Line& line) : file_(file), line_(line) {}

  [[noreturn]] void fail(const std::string& reason) const {
    throw InputError(fmt::format("{}:{}: {}", file_, line_.number, reason));
  }
  void expect_fields(size_t count) const {
    if (line_.tokens.size() != count) {
      fail(fmt::format("expected {} fields, found {}", count, line_.tokens.size()));
    }
  }
  double number(size_t i) const {
    std::string_view token = line_.tokens.at(i);
    double value = 0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || ptr != token.data() + token.size() || !std::isfinite(value)) {
      fail(fmt::format("field {} ('{}') is not a number", i + 1, token));
    }
    return value;
  }
  int integer(size_t i) const {
    double value = number(i);
    if (value != std::floor(value) || std::abs(value) > 1e9) {
      fail(fmt::format("field {} ('{}') is not an integer", i + 1, line_.tokens.at(i)));
    }
    return static_cast<int>(value);
  }
  int non_negative(size_t i) const {
    int value = integer(i);
    if (value < 0) fail(fmt::format("field {} must not be negative", i + 1));
    return value;
  }

 private:
  const std::string& file_;
  const Line& line_;
};

bool is_numeric_line(const Line& line) {
  double value = 0;
  std::string_view token = line.tokens.front();
  auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  return ec == std::errc() && ptr == token.data() + token.size();
}

[[noreturn]] void fail_file(const std::string& file, const std::string& reason) {
  throw InputError(fmt::format("{}: {}", file, reason));
}

// Reads "id x y <service/demand...>" into a Node, checking that ids are 0, 1, 2, ... in order.
Node read_node(const LineReader& in, int expected_id, size_t service, size_t demand, size_t ready,
               size_t due) {
  Node node;
  node.id = in.integer(0);
  if (node.id != expected_id)
    in.fail(fmt::format("expected node id {}, found {}", expected_id, node.id));
  node.x = in.number(1);
  node.y = in.number(2);
  node.service = in.number(service);
  node.demand = in.number(demand);
  node.ready = in.number(ready);
  node.due = in.number(due);
  if (node.service < 0) in.fail("negative service duration");
  if (node.ready > node.due) in.fail("time window opens after it closes");
  return node;
}

void add_request(Instance& instance, int pickup, int delivery) {
  int index = static_cast<int>(instance.requests.size());
  instance.requests.push_back({std::to_string(pickup), pickup, delivery});
  instance.request_of_node[pickup] = index;
  if (delivery >= 0) instance.request_of_node[delivery] = index;
}

}  // namespace

// Line 1 "m n T Q L"; then 2n+2 lines "id x y d q e l".
Instance parse_cordeau(std::string_view text, const std::string& file) {
  std::vector<Line> lines = split_lines(text);
  if (lines.empty()) fail_file(file, "empty file");
  LineReader header(file, lines[0]);
  header.expect_fields(5);
  Instance instance;
  instance.format = Format::kCordeau;
  instance.file = file;
  instance.fleet_size = header.non_negative(0);
  int n = header.non_negative(1);
  instance.max_route_duration = header.number(2);
  instance.capacity = header.number(3);
  instance.max_ride_time = header.number(4);
  size_t node_count = 2 * static_cast<size_t>(n) + 2;
  // Cordeau & Laporte (2003) files give 2n (the nodes besides the depot) and have no end depot:
  // 2n+1 node lines, routes end at node 0.
  const size_t found = lines.size() - 1;
  const bool nodes_dialect =
      found != node_count && n > 0 && n % 2 == 0 && found == static_cast<size_t>(n) + 1;
  if (nodes_dialect) {
    n /= 2;
    node_count = found;
  }
  if (found != node_count) {
    fail_file(file, fmt::format("n = {} needs {} node lines (or, with 2n in the header, 2n+1), "
                                "found {}",
                                n, node_count, found));
  }
  for (size_t i = 0; i < node_count; ++i) {
    LineReader in(file, lines[i + 1]);
    in.expect_fields(7);
    instance.nodes.push_back(read_node(in, static_cast<int>(i), 3, 4, 5, 6));
  }
  instance.start_depot = 0;
  instance.end_depot = nodes_dialect ? 0 : 2 * n + 1;
  instance.request_of_node.assign(node_count, -1);
  for (int i = 1; i <= n; ++i) add_request(instance, i, n + i);
  return instance;
}

// Name; "VEHICLE" / "NUMBER CAPACITY" / "K Q"; "CUSTOMER" / header; rows "id x y q e l s".
Instance parse_solomon(std::string_view text, const std::string& file) {
  std::vector<Line> lines = split_lines(text);
  size_t i = 0;
  auto skip_to_numeric = [&](std::string_view after) {
    while (i < lines.size() && lines[i].tokens.front() != after) ++i;
    if (i == lines.size()) fail_file(file, fmt::format("no '{}' section", after));
    while (i < lines.size() && !is_numeric_line(lines[i])) ++i;
    if (i == lines.size()) fail_file(file, fmt::format("no numbers after '{}'", after));
  };
  Instance instance;
  instance.format = Format::kSolomon;
  instance.file = file;
  skip_to_numeric("VEHICLE");
  LineReader vehicle(file, lines[i]);
  vehicle.expect_fields(2);
  instance.fleet_size = vehicle.non_negative(0);
  instance.capacity = vehicle.number(1);
  skip_to_numeric("CUSTOMER");
  for (; i < lines.size(); ++i) {
    LineReader in(file, lines[i]);
    in.expect_fields(7);
    instance.nodes.push_back(read_node(in, static_cast<int>(instance.nodes.size()), 6, 3, 4, 5));
  }
  if (instance.nodes.empty()) fail_file(file, "no depot line");
  instance.request_of_node.assign(instance.nodes.size(), -1);
  for (int id = 1; id < static_cast<int>(instance.nodes.size()); ++id)
    add_request(instance, id, -1);
  return instance;
}

// Line 1 "K Q S"; then lines "id x y demand e l s pickup delivery" (node 0 = depot).
Instance parse_lilim(std::string_view text, const std::string& file) {
  std::vector<Line> lines = split_lines(text);
  if (lines.empty()) fail_file(file, "empty file");
  LineReader header(file, lines[0]);
  header.expect_fields(3);
  Instance instance;
  instance.format = Format::kLiLim;
  instance.file = file;
  instance.fleet_size = header.non_negative(0);
  instance.capacity = header.number(1);
  std::vector<int> pickup_of, delivery_of;
  for (size_t i = 1; i < lines.size(); ++i) {
    LineReader in(file, lines[i]);
    in.expect_fields(9);
    instance.nodes.push_back(read_node(in, static_cast<int>(i - 1), 6, 3, 4, 5));
    pickup_of.push_back(in.non_negative(7));
    delivery_of.push_back(in.non_negative(8));
  }
  if (instance.nodes.empty()) fail_file(file, "no depot line");
  int count = static_cast<int>(instance.nodes.size());
  instance.request_of_node.assign(instance.nodes.size(), -1);
  for (int id = 1; id < count; ++id) {
    LineReader in(file, lines[id + 1]);
    int pickup = pickup_of[id];
    int delivery = delivery_of[id];
    if ((pickup == 0) == (delivery == 0)) in.fail("exactly one of pickup/delivery must be set");
    int partner = pickup + delivery;
    if (partner >= count || partner == id) in.fail(fmt::format("bad partner node {}", partner));
    bool back = pickup == 0 ? pickup_of[partner] == id : delivery_of[partner] == id;
    if (!back) in.fail(fmt::format("partner node {} does not point back to {}", partner, id));
    if (pickup == 0) add_request(instance, id, delivery);  // id is a pickup
  }
  return instance;
}

}  // namespace sendplan::check
