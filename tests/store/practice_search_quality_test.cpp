// Search quality, measured (issue 14): the seed set of example entries stored on each backend,
// and the fixed queries of tests/practice/data/search_queries.csv (what a SEND lead might type,
// each with the entry they want). Every expected entry must rank in the top 3 of the published
// entries; the test prints precision@3 (the share of queries whose entry is in the top 3) for
// docs/benchmarks.md.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "practice/facets.h"
#include "practice/practice_test_support.h"
#include "practice/seed.h"
#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using PracticeSearchQualityTest = StoreTest;

struct QueryCase {
  std::string query;
  std::string expected_title;
};

// query,expected_title with CSV quoting of the title.
std::vector<QueryCase> read_queries() {
  std::ifstream in(std::string(SENDPLAN_PRACTICE_DATA_DIR) + "/search_queries.csv");
  std::vector<QueryCase> cases;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::size_t comma = line.find(',');
    std::string title = line.substr(comma + 1);
    if (title.size() >= 2 && title.front() == '"' && title.back() == '"') {
      std::string unquoted;
      for (std::size_t i = 1; i + 1 < title.size(); ++i) {
        unquoted += title[i];
        if (title[i] == '"' && title[i + 1] == '"') ++i;
      }
      title = unquoted;
    }
    cases.push_back({line.substr(0, comma), title});
  }
  return cases;
}

TEST_P(PracticeSearchQualityTest, EveryQueryFindsItsEntryInTheTopThree) {
  const std::vector<PracticeEntry> seed =
      practice::seed_entries(practice::testing::london_boroughs());
  std::vector<PracticeFacets> facets;
  for (const PracticeEntry& entry : seed) facets.push_back(practice::facets_of(entry, {}));
  PracticeEvent event;
  event.username = "test";
  event.action = "seeded";
  must(store().import_practice_entries(seed, facets, event), "seed");
  const std::vector<QueryCase> cases = read_queries();
  ASSERT_GE(cases.size(), 30u);
  int found = 0;
  std::string misses;
  for (const QueryCase& c : cases) {
    PracticeQuery query;
    query.text = c.query;
    query.states = {"published"};
    query.limit = 3;
    query.facets = false;
    const PracticeResults results = must(store().search_practice(query), c.query);
    bool in_top3 = false;
    std::string got;
    for (const PracticeHit& hit : results.hits) {
      in_top3 = in_top3 || hit.entry.title == c.expected_title;
      got += "\n    " + hit.entry.title;
    }
    if (in_top3)
      ++found;
    else
      misses += "\n  '" + c.query + "' wants '" + c.expected_title + "', got:" + got;
    EXPECT_TRUE(in_top3) << c.query;
  }
  const double precision = static_cast<double>(found) / static_cast<double>(cases.size());
  std::cout << "precision@3 on " << store().backend() << ": " << found << " of " << cases.size()
            << " queries (" << precision * 100 << " %)" << misses << "\n";
}

INSTANTIATE_TEST_SUITE_P(Backends, PracticeSearchQualityTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
