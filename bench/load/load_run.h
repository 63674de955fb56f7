// The load itself: `connections` threads, each with one keep-alive connection, taking request
// numbers from a shared counter until `requests` have been sent; request i is a GET of
// paths[i % paths.size()]. Every answer's latency is kept; a non-2xx status or a transport
// failure is an error, counted by kind.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "api_login.h"
#include "load_options.h"

namespace sendplan::load {

struct PathResult {
  std::string path;
  std::vector<double> latencies_ms;  // every request to the path, failed ones too
  int errors = 0;
};

struct LoadResult {
  std::vector<PathResult> paths;           // in the order given
  std::map<std::string, int> error_kinds;  // e.g. "HTTP 403", "transport: Read"
  double seconds = 0;                      // wall time of the whole load
  int connections_closed_by_server = 0;    // answers with "Connection: close"

  int requests() const;
  int errors() const;
};

LoadResult run_load(const LoadOptions& options, const SignedIn& who,
                    const std::vector<std::string>& paths);

}  // namespace sendplan::load
