// Practice search latency (issue 14): a generated corpus of N practice entries (default 10,000)
// stored in SQLite (a temp file) and in PostgreSQL (a throw-away server, as the tests start
// one), then the same mix of searches on each: words only, words with a facet filter, a phrase,
// and browsing by facet without words; every search asks for 20 hits and the facet counts, as
// the web app does. Prints one table row per backend: the load time and p50 / p90 / p99 / max
// of the searches. Speed is measured here, never asserted in tests.
//
//   build/bench/sendplan_practice_bench [ENTRIES] [SEARCHES]
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "placements/london_boroughs.h"
#include "practice/facets.h"
#include "practice/seed.h"
#include "store/store.h"
#include "support/postgres_server.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The 33 boroughs' canonical names, from the shared data (as `sendplan practice seed` reads them).
const std::vector<std::string>& boroughs() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    auto read = sendplan::placements::read_london_boroughs(std::string(SENDPLAN_SHARED_DIR) +
                                                           "/data/boundaries/london_boroughs.csv");
    if (!read.ok()) {
      fmt::print(stderr, "{}\n", read.error().to_string());
      std::exit(1);
    }
    for (const auto& borough : read.value()) out.push_back(borough.info.name);
    return out;
  }();
  return names;
}

// The searches, repeated in turn.
std::vector<sendplan::store::PracticeQuery> searches() {
  const std::vector<std::string> words = {"assessment timeliness",
                                          "travel training",
                                          "autism outreach mainstream",
                                          "exclusions",
                                          "care leavers",
                                          "speech and language therapy",
                                          "early years inclusion",
                                          "personal budgets",
                                          "tribunal mediation",
                                          "\"parent carer forum\"",
                                          "data dashboard",
                                          "transition to adulthood",
                                          "workforce SENCO network",
                                          "alternative provision",
                                          "disproportionality",
                                          "emotional wellbeing",
                                          "independent special school",
                                          "health visitors",
                                          "young people voice",
                                          "annual reviews"};
  const std::vector<std::string> categories = {"early-intervention", "workforce",
                                               "health-services"};
  std::vector<sendplan::store::PracticeQuery> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    sendplan::store::PracticeQuery words_only;
    words_only.text = words[i];
    words_only.states = {"published"};
    out.push_back(words_only);
    sendplan::store::PracticeQuery filtered = words_only;
    filtered.filters["category"] = {categories[i % categories.size()]};
    out.push_back(filtered);
    sendplan::store::PracticeQuery by_evidence = words_only;
    by_evidence.sort = "evidence";
    by_evidence.filters["borough"] = {boroughs()[i % boroughs().size()]};
    out.push_back(by_evidence);
  }
  sendplan::store::PracticeQuery browse;
  browse.states = {"published"};
  browse.sort = "date";
  out.push_back(browse);
  browse.filters["need"] = {"ASD"};
  out.push_back(browse);
  return out;
}

struct Row {
  std::string backend;
  double load_seconds = 0;
  std::vector<double> times;  // ms
  long long matches = 0;
};

int run(Row& row, sendplan::store::Store& store, int entries, int count) {
  const std::vector<sendplan::store::PracticeEntry> corpus =
      sendplan::practice::generated_corpus(entries, 7, boroughs());
  std::vector<sendplan::store::PracticeFacets> facets;
  for (const auto& entry : corpus) facets.push_back(sendplan::practice::facets_of(entry, {}));
  sendplan::store::PracticeEvent event;
  event.username = "bench";
  event.action = "imported";
  const auto load = Clock::now();
  auto ids = store.import_practice_entries(corpus, facets, event);
  if (!ids.ok()) {
    fmt::print(stderr, "{}: import failed: {}\n", row.backend, ids.error().to_string());
    return 1;
  }
  row.load_seconds = ms_since(load) / 1000;
  const std::vector<sendplan::store::PracticeQuery> mix = searches();
  for (int i = 0; i < count; ++i) {
    const auto start = Clock::now();
    auto results = store.search_practice(mix[static_cast<std::size_t>(i) % mix.size()]);
    row.times.push_back(ms_since(start));
    if (!results.ok()) {
      fmt::print(stderr, "{}: search failed: {}\n", row.backend, results.error().to_string());
      return 1;
    }
    row.matches += results.value().total;
  }
  return 0;
}

double percentile(std::vector<double> times, double p) {
  std::sort(times.begin(), times.end());
  const auto at = static_cast<std::size_t>(p * static_cast<double>(times.size() - 1) + 0.5);
  return times[std::min(at, times.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  const int entries = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int count = argc > 2 ? std::atoi(argv[2]) : 1000;
  if (entries < 1 || count < 1) {
    fmt::print(stderr, "usage: sendplan_practice_bench [ENTRIES] [SEARCHES]\n");
    return 2;
  }
  std::vector<Row> rows;
  {
    const std::string path = (std::filesystem::temp_directory_path() /
                              fmt::format("sendplan-practice-bench-{}.db", ::getpid()))
                                 .string();
    auto store = sendplan::store::open_store("sqlite:" + path);
    if (!store.ok()) {
      fmt::print(stderr, "sqlite: {}\n", store.error().to_string());
      return 1;
    }
    rows.push_back({"SQLite (FTS5)", 0, {}, 0});
    const int failed = run(rows.back(), *store.value(), entries, count);
    store.value().reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    if (failed != 0) return failed;
  }
  {
    auto url = sendplan::testing::fresh_postgres_database();
    if (!url.ok()) {
      fmt::print(stderr, "postgresql: {}\n", url.error().to_string());
      return 1;
    }
    auto store = sendplan::store::open_store(url.value());
    if (!store.ok()) {
      fmt::print(stderr, "postgresql: {}\n", store.error().to_string());
      return 1;
    }
    rows.push_back({"PostgreSQL (tsvector, GIN)", 0, {}, 0});
    if (const int failed = run(rows.back(), *store.value(), entries, count); failed != 0)
      return failed;
  }
  fmt::print("{} entries, {} searches each (20 hits and every facet's counts per search)\n\n",
             entries, count);
  fmt::print("| backend | load | p50 | p90 | p99 | max | mean matches |\n");
  fmt::print("|---|---|---|---|---|---|---|\n");
  for (const Row& row : rows)
    fmt::print("| {} | {:.1f} s | {:.2f} ms | {:.2f} ms | {:.2f} ms | {:.2f} ms | {} |\n",
               row.backend, row.load_seconds, percentile(row.times, 0.5),
               percentile(row.times, 0.9), percentile(row.times, 0.99),
               *std::max_element(row.times.begin(), row.times.end()),
               row.matches / static_cast<long long>(row.times.size()));
  return 0;
}
