// sendplan_load's report (see latency_table.h).
#include "latency_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sendplan::load {
namespace {

std::string row(const std::string& name, std::vector<double> latencies, int errors, size_t width) {
  std::sort(latencies.begin(), latencies.end());
  return fmt::format("{:<{}} {:>9} {:>7} {:>8.2f} {:>8.2f} {:>8.2f} {:>8.2f}\n", name, width,
                     latencies.size(), errors, percentile(latencies, 0.50),
                     percentile(latencies, 0.90), percentile(latencies, 0.99),
                     latencies.empty() ? 0.0 : latencies.back());
}

}  // namespace

double percentile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const double rank = std::ceil(q * static_cast<double>(sorted.size()));
  const size_t index = static_cast<size_t>(std::max(1.0, rank)) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

std::string format_report(const LoadOptions& options, const SignedIn& who,
                          const LoadResult& result) {
  size_t width = 5;
  for (const PathResult& p : result.paths) width = std::max(width, p.path.size());
  std::string out = fmt::format("sendplan_load: {} as {} ({}{}), {} connections, {} requests\n",
                                options.url, options.username, who.role.empty() ? "?" : who.role,
                                who.borough.empty() ? "" : ", " + who.borough, options.connections,
                                options.requests);
  out += fmt::format("{:<{}} {:>9} {:>7} {:>8} {:>8} {:>8} {:>8}\n", "path", width, "requests",
                     "errors", "p50 ms", "p90 ms", "p99 ms", "max ms");
  std::vector<double> all;
  for (const PathResult& p : result.paths) {
    out += row(p.path, p.latencies_ms, p.errors, width);
    all.insert(all.end(), p.latencies_ms.begin(), p.latencies_ms.end());
  }
  out += row("all", std::move(all), result.errors(), width);
  const double rate = result.seconds > 0 ? result.requests() / result.seconds : 0;
  out += fmt::format(
      "throughput: {:.1f} requests/s ({} in {:.2f} s); the server closed {} "
      "keep-alive connection(s)\n",
      rate, result.requests(), result.seconds, result.connections_closed_by_server);
  if (result.error_kinds.empty()) {
    out += "errors: none\n";
  } else {
    out += "errors:";
    for (const auto& [kind, count] : result.error_kinds)
      out += fmt::format(" {}: {};", kind, count);
    out.back() = '\n';
  }
  return out;
}

}  // namespace sendplan::load
