// The load (see load_run.h).
#include "load_run.h"

#include <atomic>
#include <chrono>
#include <thread>

namespace sendplan::load {
namespace {

using Clock = std::chrono::steady_clock;

// What one connection's thread saw; merged at the end (no locking on the hot path).
struct WorkerResult {
  std::vector<PathResult> paths;
  std::map<std::string, int> error_kinds;
  int connections_closed_by_server = 0;
};

void work(const LoadOptions& options, const SignedIn& who, const std::vector<std::string>& paths,
          std::atomic<int>& next, WorkerResult& out) {
  httplib::Client client = make_client(options, who);
  out.paths.resize(paths.size());
  while (true) {
    const int i = next.fetch_add(1);
    if (i >= options.requests) break;
    const size_t which = static_cast<size_t>(i) % paths.size();
    const Clock::time_point start = Clock::now();
    const httplib::Result result = client.Get(paths[which]);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    PathResult& stats = out.paths[which];
    stats.latencies_ms.push_back(ms);
    if (!result) {
      ++stats.errors;
      ++out.error_kinds["transport: " + httplib::to_string(result.error())];
      continue;
    }
    if (result->get_header_value("Connection") == "close") ++out.connections_closed_by_server;
    if (result->status < 200 || result->status > 299) {
      ++stats.errors;
      ++out.error_kinds["HTTP " + std::to_string(result->status)];
    }
  }
}

}  // namespace

int LoadResult::requests() const {
  size_t n = 0;
  for (const PathResult& p : paths) n += p.latencies_ms.size();
  return static_cast<int>(n);
}

int LoadResult::errors() const {
  int n = 0;
  for (const PathResult& p : paths) n += p.errors;
  return n;
}

LoadResult run_load(const LoadOptions& options, const SignedIn& who,
                    const std::vector<std::string>& paths) {
  std::vector<WorkerResult> workers(static_cast<size_t>(options.connections));
  std::atomic<int> next{0};
  const Clock::time_point start = Clock::now();
  {
    std::vector<std::jthread> threads;
    for (WorkerResult& out : workers)
      threads.emplace_back([&, out_ptr = &out] { work(options, who, paths, next, *out_ptr); });
  }
  LoadResult result;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (const std::string& path : paths) result.paths.push_back({path, {}, 0});
  for (const WorkerResult& w : workers) {
    for (size_t i = 0; i < w.paths.size(); ++i) {
      PathResult& merged = result.paths[i];
      merged.latencies_ms.insert(merged.latencies_ms.end(), w.paths[i].latencies_ms.begin(),
                                 w.paths[i].latencies_ms.end());
      merged.errors += w.paths[i].errors;
    }
    for (const auto& [kind, count] : w.error_kinds) result.error_kinds[kind] += count;
    result.connections_closed_by_server += w.connections_closed_by_server;
  }
  return result;
}

}  // namespace sendplan::load
