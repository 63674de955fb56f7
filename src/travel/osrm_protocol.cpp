// The OSRM table protocol: address, blocks, request targets and answers.
#include "travel/osrm_protocol.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace sendplan::travel {

namespace {

using nlohmann::json;

Error bad_address(std::string_view url, std::string_view reason) {
  return make_error(ErrorCode::kInvalidArgument,
                    fmt::format("OSRM server address '{}': {}", url, reason));
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

bool is_path_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
         c == '~' || c == '/';
}

// Checks the port after the host (after ']' for an IPv6 address).
bool valid_port(std::string_view host_port) {
  const std::size_t bracket = host_port.rfind(']');
  const std::size_t colon = host_port.rfind(':');
  if (colon == std::string_view::npos || (bracket != std::string_view::npos && colon < bracket)) {
    return true;  // no port
  }
  const std::string_view port = host_port.substr(colon + 1);
  if (port.empty() || port.size() > 5) return false;
  int value = 0;
  for (char c : port) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  return value >= 1 && value <= 65535;
}

void append_indices(std::string& target, int begin, int count) {
  for (int i = 0; i < count; ++i) {
    if (i > 0) target += ';';
    target += std::to_string(begin + i);
  }
}

void append_coordinates(std::string& target, const std::vector<Place>& places, int begin,
                        int count) {
  for (int i = begin; i < begin + count; ++i) {
    const geo::LatLon& at = places[static_cast<std::size_t>(i)].location;
    target += fmt::format("{:.6f},{:.6f};", at.longitude, at.latitude);
  }
}

// Reads one of the two tables into `values`; a problem as text (empty when fine).
std::string read_values(const json& answer, const char* name, int rows, int columns,
                        std::vector<double>& values) {
  const auto table = answer.find(name);
  if (table == answer.end()) {
    return fmt::format("the answer has no '{}'{}", name,
                       std::string_view(name) == "distances"
                           ? " (this OSRM server may not support annotations=distance)"
                           : "");
  }
  if (!table->is_array() || table->size() != static_cast<std::size_t>(rows)) {
    return fmt::format("'{}' should be an array of {} rows", name, rows);
  }
  values.assign(static_cast<std::size_t>(rows) * static_cast<std::size_t>(columns), 0.0);
  std::size_t at = 0;
  for (int r = 0; r < rows; ++r) {
    const json& row = (*table)[static_cast<std::size_t>(r)];
    if (!row.is_array() || row.size() != static_cast<std::size_t>(columns)) {
      return fmt::format("'{}' row {} should be an array of {} values", name, r, columns);
    }
    for (const json& value : row) {
      if (value.is_null()) {
        values[at++] = std::numeric_limits<double>::quiet_NaN();
      } else if (value.is_number() && value.get<double>() >= 0) {
        values[at++] = value.get<double>();
      } else {
        return fmt::format("'{}' row {} has a value that is not a number >= 0: {}", name, r,
                           value.dump());
      }
    }
  }
  return {};
}

std::string code_and_message(const json& answer) {
  const auto code = answer.find("code");
  std::string summary = code != answer.end() && code->is_string() ? code->get<std::string>()
                                                                  : std::string("(no code)");
  const auto message = answer.find("message");
  if (message != answer.end() && message->is_string()) {
    summary += ": " + message->get<std::string>();
  }
  return summary;
}

}  // namespace

Result<OsrmAddress> parse_osrm_address(std::string_view url) {
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) {
    url.remove_prefix(1);
  }
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) {
    url.remove_suffix(1);
  }
  std::string_view rest = url;
  if (starts_with_ignoring_case(rest, "https://")) {
    return bad_address(url,
                       "https is not supported; give the server's plain http address, e.g. "
                       "http://localhost:5000");
  }
  if (starts_with_ignoring_case(rest, "http://")) {
    rest.remove_prefix(7);
  } else if (rest.find("://") != std::string_view::npos) {
    return bad_address(url, "only http:// addresses are supported");
  }
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return bad_address(url, "give the server's address without a query (?...)");
  }
  const std::size_t slash = rest.find('/');
  const std::string_view host_port = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (host_port.empty() || host_port.starts_with(':')) return bad_address(url, "no host name");
  if (host_port.find_first_of(" @") != std::string_view::npos) {
    return bad_address(url, "the host name is not valid");
  }
  if (!valid_port(host_port)) return bad_address(url, "the port must be a number 1-65535");
  if (!std::all_of(path.begin(), path.end(), is_path_character)) {
    return bad_address(url, "the path may only have letters, digits and -._~/");
  }
  OsrmAddress address;
  address.scheme_host_port = "http://" + std::string(host_port);
  address.base_path = std::string(path);
  address.url = address.scheme_host_port + address.base_path;
  return address;
}

std::vector<OsrmBlock> plan_osrm_blocks(int places, int block_size) {
  std::vector<OsrmBlock> blocks;
  if (places <= 1) return blocks;
  if (places <= block_size) {
    blocks.push_back({0, places, 0, places});
    return blocks;
  }
  const int chunk = std::max(1, block_size / 2);
  for (int from = 0; from < places; from += chunk) {
    for (int to = 0; to < places; to += chunk) {
      blocks.push_back({from, std::min(chunk, places - from), to, std::min(chunk, places - to)});
    }
  }
  return blocks;
}

std::string osrm_table_target(const std::string& base_path, const std::vector<Place>& places,
                              const OsrmBlock& block) {
  std::string target = base_path + "/table/v1/driving/";
  append_coordinates(target, places, block.source_begin, block.source_count);
  if (!block.same_places()) {
    append_coordinates(target, places, block.destination_begin, block.destination_count);
  }
  target.pop_back();  // the last ';'
  target += "?annotations=duration,distance&sources=";
  append_indices(target, 0, block.source_count);
  target += "&destinations=";
  append_indices(target, block.same_places() ? 0 : block.source_count, block.destination_count);
  return target;
}

Result<OsrmTable> parse_osrm_table(std::string_view body, int rows, int columns) {
  const json answer = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded() || !answer.is_object()) {
    return make_error(ErrorCode::kIo,
                      fmt::format("the answer is not a JSON object: '{}'", body.substr(0, 120)));
  }
  const auto code = answer.find("code");
  if (code == answer.end() || !code->is_string() || code->get<std::string>() != "Ok") {
    return make_error(ErrorCode::kIo, fmt::format("the server refused the table request ({})",
                                                  code_and_message(answer)));
  }
  OsrmTable table;
  table.rows = rows;
  table.columns = columns;
  std::string problem = read_values(answer, "durations", rows, columns, table.seconds);
  if (problem.empty()) problem = read_values(answer, "distances", rows, columns, table.metres);
  const struct {
    const char* name;
    int count;
  } waypoint_lists[] = {{"sources", rows}, {"destinations", columns}};
  for (const auto& list : waypoint_lists) {
    const auto waypoints = answer.find(list.name);
    if (problem.empty() && waypoints != answer.end() &&
        (!waypoints->is_array() || waypoints->size() != static_cast<std::size_t>(list.count))) {
      problem = fmt::format("'{}' should be an array of {} waypoints", list.name, list.count);
    }
  }
  if (!problem.empty()) {
    return make_error(ErrorCode::kIo, "the table answer is malformed: " + problem);
  }
  return table;
}

std::string osrm_error_summary(std::string_view body) {
  const json answer = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded() || !answer.is_object() || !answer.contains("code")) return {};
  return code_and_message(answer);
}

}  // namespace sendplan::travel
