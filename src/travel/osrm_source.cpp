// OsrmSource: the table service over HTTP (cpp-httplib, included here only), block by block.
#include "travel/osrm_source.h"

#include <fmt/format.h>
#include <httplib.h>

#include <cmath>

namespace sendplan::travel {

namespace {

constexpr int kConnectTimeoutSeconds = 10;
// A 100-coordinate table takes OSRM well under a second; a slow server gets plenty of room.
constexpr int kReadTimeoutSeconds = 300;
constexpr int kNamedUnroutablePairs = 10;

}  // namespace

OsrmSource::OsrmSource(OsrmAddress address, int block_size)
    : address_(std::move(address)), block_size_(block_size) {}

Result<TravelMatrix> OsrmSource::matrix(const std::vector<Place>& places, TimeOfDay /*when*/,
                                        const MatrixProgress& progress) const {
  Status valid = check_places(places);
  if (!valid.ok()) return valid.error();
  const int n = static_cast<int>(places.size());
  TravelMatrix matrix = TravelMatrix::zeros(n);
  const std::vector<OsrmBlock> blocks = plan_osrm_blocks(n, block_size_);
  if (blocks.empty()) {
    if (progress) progress(1, 1);
    return matrix;
  }

  httplib::Client client(address_.scheme_host_port);
  client.set_connection_timeout(kConnectTimeoutSeconds, 0);
  client.set_read_timeout(kReadTimeoutSeconds, 0);
  client.set_keep_alive(true);
  client.set_url_encode(false);  // the target is plain ASCII, in the form OSRM documents

  long long unroutable = 0;
  std::vector<std::string> named;
  const int total = static_cast<int>(blocks.size());
  for (int b = 0; b < total; ++b) {
    const OsrmBlock& block = blocks[static_cast<std::size_t>(b)];
    const std::string target = osrm_table_target(address_.base_path, places, block);
    const httplib::Result answer = client.Get(target);
    if (!answer) {
      return make_error(ErrorCode::kIo,
                        fmt::format("cannot reach the OSRM server at {} ({}); is osrm-routed "
                                    "running there?",
                                    address_.url, httplib::to_string(answer.error())));
    }
    if (answer->status != 200) {
      const std::string summary = osrm_error_summary(answer->body);
      return make_error(ErrorCode::kIo,
                        fmt::format("the OSRM server at {} answered HTTP {}{}", address_.url,
                                    answer->status, summary.empty() ? "" : " (" + summary + ")"));
    }
    Result<OsrmTable> table =
        parse_osrm_table(answer->body, block.source_count, block.destination_count);
    if (!table.ok()) {
      return make_error(table.error().code, fmt::format("the OSRM server at {}: {}", address_.url,
                                                        table.error().message));
    }
    const OsrmTable& values = table.value();
    for (int r = 0; r < values.rows; ++r) {
      const int from = block.source_begin + r;
      for (int c = 0; c < values.columns; ++c) {
        const int to = block.destination_begin + c;
        if (from == to) continue;  // the diagonal stays 0
        const std::size_t at = static_cast<std::size_t>(r) * values.columns + c;
        const double seconds = values.seconds[at];
        const double metres = values.metres[at];
        if (std::isnan(seconds) || std::isnan(metres)) {
          if (unroutable++ < kNamedUnroutablePairs) {
            named.push_back(fmt::format("from '{}' to '{}'", places[from].id, places[to].id));
          }
          continue;
        }
        matrix.seconds[matrix.index(from, to)] = seconds;
        matrix.metres[matrix.index(from, to)] = metres;
      }
    }
    if (progress) progress(b + 1, total);
  }
  if (unroutable > 0) {
    std::string message = fmt::format(
        "the OSRM server at {} found no route for {} journey{} (is a place off the road network, "
        "or in the wrong place?):",
        address_.url, unroutable, unroutable == 1 ? "" : "s");
    for (const std::string& pair : named) message += "\n" + pair;
    if (unroutable > kNamedUnroutablePairs) {
      message += fmt::format("\n... and {} more", unroutable - kNamedUnroutablePairs);
    }
    return make_error(ErrorCode::kInvalidInput, std::move(message));
  }
  return matrix;
}

std::string OsrmSource::description() const {
  return fmt::format("OSRM server {} (table service, up to {} coordinates a request)", address_.url,
                     block_size_);
}

Result<std::unique_ptr<TravelSource>> make_osrm_source(const std::string& url, int block_size) {
  if (block_size < 2) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("the OSRM block size is {}, but it must be at least 2 (one "
                                  "source and one destination)",
                                  block_size));
  }
  Result<OsrmAddress> address = parse_osrm_address(url);
  if (!address.ok()) return address.error();
  return std::unique_ptr<TravelSource>(
      std::make_unique<OsrmSource>(std::move(address).value(), block_size));
}

}  // namespace sendplan::travel
