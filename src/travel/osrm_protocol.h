// The OSRM table service protocol, without the networking: the server address, splitting a
// matrix into requests small enough for the server, each request's target, and reading the
// JSON answer. Pure functions, safe from any thread.
//
// Request (OSRM HTTP API v1, table service):
//   GET {base}/table/v1/driving/{lon,lat;lon,lat;...}?annotations=duration,distance
//       &sources={i;j;...}&destinations={k;l;...}
// Answer: {"code": "Ok", "durations": [[seconds or null, ...], ...] (sources × destinations),
//   "distances": [[metres or null, ...], ...], "sources": [waypoint...], "destinations": [...]};
//   on failure "code" is another word (e.g. "TooBig", "NoSegment") with an optional "message",
//   and the HTTP status is 400.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "travel/travel_matrix.h"

namespace sendplan::travel {

// Where an OSRM server is: `http://host[:port][/path]`.
struct OsrmAddress {
  std::string url;               // normalised: "http://host:port/path" without a trailing '/'
  std::string scheme_host_port;  // "http://host:port", for the HTTP client
  std::string base_path;         // "" or "/path"
};

// Accepts `http://host[:port][/path]` or `host[:port][/path]` (http assumed). kInvalidArgument
// for https (not supported: give the server's plain http address), another scheme, a missing
// host, a bad port, a query string, or a path with characters other than letters, digits and
// "-._~/".
Result<OsrmAddress> parse_osrm_address(std::string_view url);

// One request: the sources [source_begin, +source_count) to the destinations
// [destination_begin, +destination_count), as indices into the places.
struct OsrmBlock {
  int source_begin = 0;
  int source_count = 0;
  int destination_begin = 0;
  int destination_count = 0;
  bool same_places() const {
    return source_begin == destination_begin && source_count == destination_count;
  }
  // Coordinates sent: the sources, then the destinations unless they are the same places.
  int coordinates() const {
    return same_places() ? source_count : source_count + destination_count;
  }
};

// Blocks covering every (from, to) pair of `places` places (row-major order of blocks), each
// sending at most `block_size` coordinates (≥ 2): all places in one request when they fit,
// otherwise sources and destinations in chunks of block_size / 2.
std::vector<OsrmBlock> plan_osrm_blocks(int places, int block_size);

// The request target (path and query) for one block, below `base_path`. Coordinates are
// written with 6 decimals (about 0.1 m).
std::string osrm_table_target(const std::string& base_path, const std::vector<Place>& places,
                              const OsrmBlock& block);

// A block's answer, row-major sources × destinations; a null (no route) is NaN.
struct OsrmTable {
  int rows = 0;
  int columns = 0;
  std::vector<double> seconds;
  std::vector<double> metres;
};

// Reads a table answer that should have `rows` × `columns` values. kIo when it is not JSON,
// when "code" is not "Ok" (the message has OSRM's code and message), or when "durations" or
// "distances" is missing or has the wrong shape or a value that is neither a number ≥ 0 nor
// null. The messages do not name the server; the caller adds it.
Result<OsrmTable> parse_osrm_table(std::string_view body, int rows, int columns);

// "TooBig: Too many table coordinates" from an OSRM error body; "" when `body` is not one.
std::string osrm_error_summary(std::string_view body);

}  // namespace sendplan::travel
