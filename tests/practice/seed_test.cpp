// The seed set and the generated corpus: every entry valid and free of a child's data, all 9
// categories and most boroughs covered, the states the demo needs, determinism, and
// data/search_queries.csv (the search test's queries) naming real entries that a plain BM25
// ranking over the entries' words already puts in the top 3.
#include "practice/seed.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "io/csv_reader.h"
#include "practice/categories.h"
#include "practice/entry_checks.h"
#include "practice/workflow.h"
#include "practice_test_support.h"

namespace sendplan::practice {
namespace {

using testing::all_reasons;
using testing::london_boroughs;

std::vector<transport::Problem> problems_of(const store::PracticeEntry& entry,
                                            const std::vector<std::string>& boroughs) {
  return entry.state == "draft" ? draft_problems(entry, boroughs, "seed", 0)
                                : submission_problems(entry, boroughs, "seed", 0);
}

std::vector<std::string> texts_of(const store::PracticeEntry& entry) {
  std::vector<std::string> texts = {
      entry.title,        entry.summary,        entry.problem,
      entry.actions,      entry.impact_summary, entry.cost_and_resources,
      entry.how_to_adopt, entry.contact_name,   entry.contact_role};
  for (const store::ImpactMeasure& m : entry.impact) {
    for (const std::string* part : {&m.measure, &m.before, &m.after, &m.period, &m.source})
      texts.push_back(*part);
  }
  return texts;
}

TEST(Seed, AboutSixtyValidExampleEntries) {
  const std::vector<store::PracticeEntry> seed = seed_entries(london_boroughs());
  EXPECT_GE(seed.size(), 55u);
  EXPECT_LE(seed.size(), 70u);
  std::set<std::string> titles;
  for (const store::PracticeEntry& entry : seed) {
    SCOPED_TRACE(entry.title);
    EXPECT_TRUE(problems_of(entry, london_boroughs()).empty())
        << all_reasons(problems_of(entry, london_boroughs()));
    EXPECT_TRUE(entry.example);
    EXPECT_EQ(entry.title.rfind("Example: ", 0), 0u);
    EXPECT_EQ(entry.summary.rfind("Example entry. ", 0), 0u);
    EXPECT_EQ(entry.contact_name, "Example Lead Officer");
    EXPECT_TRUE(titles.insert(entry.title).second) << "titles are unique";
    EXPECT_EQ(entry.id, 0);
    EXPECT_EQ(entry.call_id, 0);
  }
}

TEST(Seed, NoEntryIsFlaggedAsAChildsData) {
  for (const store::PracticeEntry& entry : seed_entries(london_boroughs())) {
    for (const std::string& text : texts_of(entry)) {
      const std::vector<std::string> reasons = child_data_reasons(text);
      EXPECT_TRUE(reasons.empty())
          << entry.title << ": " << (reasons.empty() ? "" : reasons[0]) << "\n  in: " << text;
    }
  }
}

TEST(Seed, CoversEveryCategoryAndMostBoroughs) {
  const std::vector<store::PracticeEntry> seed = seed_entries(london_boroughs());
  std::map<std::string, int> per_category;
  std::set<std::string> leads;
  std::set<std::string> any_borough;
  std::set<std::string> needs;
  std::set<std::string> settings_used;
  for (const store::PracticeEntry& entry : seed) {
    for (const std::string& category : entry.categories) ++per_category[category];
    leads.insert(entry.lead_borough);
    any_borough.insert(entry.lead_borough);
    for (const std::string& partner : entry.partner_boroughs) any_borough.insert(partner);
    needs.insert(entry.needs.begin(), entry.needs.end());
    settings_used.insert(entry.settings.begin(), entry.settings.end());
  }
  for (const Term& category : categories())
    EXPECT_GE(per_category[category.key], 5) << category.key;
  EXPECT_EQ(per_category.size(), categories().size());
  EXPECT_GE(leads.size(), 30u);
  EXPECT_EQ(any_borough.size(), 33u);
  EXPECT_EQ(settings_used.size(), settings().size());
  EXPECT_GE(needs.size(), 12u);
}

TEST(Seed, StatesForTheDemo) {
  std::map<std::string, int> per_state;
  for (const store::PracticeEntry& entry : seed_entries(london_boroughs())) {
    ++per_state[entry.state];
    // The winners are published, with the category they won.
    if (!entry.winner_category.empty()) {
      ++per_state["published winner"];
      EXPECT_EQ(entry.state, "published") << entry.title;
    }
    if (entry.state == "published") {
      EXPECT_GE(entry.evidence_strength, 1) << entry.title;
      EXPECT_FALSE(entry.published_at.empty());
      EXPECT_LT(entry.submitted_at, entry.published_at);
      EXPECT_FALSE(entry.impact.empty()) << entry.title << ": published entries show figures";
    }
    if (entry.state == "draft") {
      EXPECT_TRUE(entry.submitted_at.empty());
    }
  }
  EXPECT_GE(per_state["published"], 45);
  EXPECT_GE(per_state["published winner"], 3);
  EXPECT_GE(per_state["submitted"] + per_state["draft"], 2);
  for (const auto& [state, count] : per_state)
    EXPECT_TRUE(is_state(state) || state == "published winner") << state;
}

TEST(Seed, DeterministicAndFitsAnyBoroughList) {
  const std::vector<store::PracticeEntry> a = seed_entries(london_boroughs());
  const std::vector<store::PracticeEntry> b = seed_entries(london_boroughs());
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].lead_borough, b[i].lead_borough);
    EXPECT_EQ(a[i].summary, b[i].summary);
  }
  const std::vector<std::string> few = {"Hackney", "Sutton"};
  for (const store::PracticeEntry& entry : seed_entries(few)) {
    EXPECT_TRUE(problems_of(entry, few).empty()) << entry.title << "\n"
                                                 << all_reasons(problems_of(entry, few));
  }
  EXPECT_TRUE(seed_entries({}).empty());
}

// ---- The search queries ---------------------------------------------------------------------

struct Query {
  std::string text;
  std::string expected_title;
  int line;
};

std::vector<Query> search_queries() {
  std::ifstream in(std::string(SENDPLAN_TEST_DATA_DIR) + "/search_queries.csv", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  csv::Reader reader(content, "search_queries.csv");
  const Result<std::vector<csv::Record>> records = reader.read_all();
  EXPECT_TRUE(records.ok());
  std::vector<Query> queries;
  if (!records.ok()) return queries;
  for (std::size_t i = 1; i < records.value().size(); ++i) {
    const csv::Record& record = records.value()[i];
    EXPECT_EQ(record.fields.size(), 2u) << "line " << record.line;
    if (record.fields.size() != 2) continue;
    queries.push_back({record.fields[0].value, record.fields[1].value, record.line});
  }
  return queries;
}

TEST(SearchQueries, EveryExpectedTitleIsAPublishedSeedEntry) {
  const std::vector<Query> queries = search_queries();
  EXPECT_GE(queries.size(), 36u);
  std::map<std::string, std::string> state_of;
  for (const store::PracticeEntry& entry : seed_entries(london_boroughs()))
    state_of[entry.title] = entry.state;
  std::set<std::string> seen;
  for (const Query& query : queries) {
    SCOPED_TRACE(fmt::format("search_queries.csv:{}", query.line));
    ASSERT_EQ(state_of.count(query.expected_title), 1u) << query.expected_title;
    EXPECT_EQ(state_of[query.expected_title], "published")
        << "every user can find a published entry";
    EXPECT_TRUE(seen.insert(query.text).second) << "repeated query " << query.text;
    const auto words = std::count(query.text.begin(), query.text.end(), ' ') + 1;
    EXPECT_GE(words, 1);
    EXPECT_LE(words, 4) << query.text;
    EXPECT_EQ(query.expected_title.find(query.text), std::string::npos)
        << "the query should not be the title's own words in order: " << query.text;
  }
}

// Lower-case words of letters and digits, with a plain English ending removed ("assessments"
// → "assessment", "studies" → "study"), without the commonest words.
std::vector<std::string> terms_of(const std::string& text) {
  static const std::set<std::string> kStop = {"a",   "an",   "and", "the", "of",  "in",  "to",
                                              "for", "with", "on",  "at",  "by",  "is",  "it",
                                              "or",  "from", "as",  "be",  "was", "were"};
  std::vector<std::string> terms;
  std::string word;
  const auto flush = [&] {
    if (word.size() > 4 && word.compare(word.size() - 3, 3, "ies") == 0) {
      word = word.substr(0, word.size() - 3) + "y";
    } else if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
      word.pop_back();
    }
    if (!word.empty() && kStop.count(word) == 0) terms.push_back(word);
    word.clear();
  };
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\'') {
      continue;  // "pupils'" = "pupils"
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

TEST(SearchQueries, APlainRankingPutsEachExpectedEntryInTheTopThree) {
  // A sanity check of the seed's vocabulary, not of the store's search: BM25 (k1 1.2, b 0.75)
  // over the title (counted twice), summary, problem, actions and impact of published entries.
  std::vector<store::PracticeEntry> published;
  for (const store::PracticeEntry& entry : seed_entries(london_boroughs()))
    if (entry.state == "published") published.push_back(entry);
  std::vector<std::map<std::string, int>> counts(published.size());
  std::vector<double> lengths(published.size());
  std::map<std::string, int> document_frequency;
  for (std::size_t d = 0; d < published.size(); ++d) {
    const store::PracticeEntry& e = published[d];
    std::string text = e.title + " " + e.title + " " + e.summary + " " + e.problem + " " +
                       e.actions + " " + e.impact_summary + " " + e.how_to_adopt;
    for (const store::ImpactMeasure& m : e.impact) text += " " + m.measure;
    for (const std::string& term : terms_of(text)) ++counts[d][term];
    for (const auto& [term, count] : counts[d]) {
      ++document_frequency[term];
      lengths[d] += count;
    }
  }
  double average = 0;
  for (const double length : lengths) average += length / static_cast<double>(lengths.size());
  const double n = static_cast<double>(published.size());
  for (const Query& query : search_queries()) {
    std::vector<std::pair<double, std::size_t>> scores;
    for (std::size_t d = 0; d < published.size(); ++d) {
      double score = 0;
      for (const std::string& term : terms_of(query.text)) {
        const auto found = counts[d].find(term);
        if (found == counts[d].end()) continue;
        const double df = document_frequency[term];
        const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
        const double tf = found->second;
        score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[d] / average));
      }
      scores.emplace_back(score, d);
    }
    std::stable_sort(scores.begin(), scores.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string top;
    bool found = false;
    for (std::size_t rank = 0; rank < 3; ++rank) {
      top += fmt::format("\n  {}. {} ({:.2f})", rank + 1, published[scores[rank].second].title,
                         scores[rank].first);
      if (published[scores[rank].second].title == query.expected_title && scores[rank].first > 0)
        found = true;
    }
    EXPECT_TRUE(found) << "'" << query.text << "' should find " << query.expected_title
                       << "; the top 3:" << top;
  }
}

// ---- The generated corpus -------------------------------------------------------------------

TEST(GeneratedCorpus, CountDeterminismAndVariety) {
  const std::vector<store::PracticeEntry> a = generated_corpus(2000, 42, london_boroughs());
  const std::vector<store::PracticeEntry> b = generated_corpus(2000, 42, london_boroughs());
  const std::vector<store::PracticeEntry> c = generated_corpus(2000, 43, london_boroughs());
  ASSERT_EQ(a.size(), 2000u);
  std::set<std::string> titles;
  std::set<std::string> summaries;
  std::set<std::string> leads;
  std::map<std::string, int> per_state;
  int differs = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].title, b[i].title);
    EXPECT_EQ(a[i].actions, b[i].actions);
    EXPECT_EQ(a[i].lead_borough, b[i].lead_borough);
    if (a[i].summary != c[i].summary) ++differs;
    titles.insert(a[i].title);
    summaries.insert(a[i].summary);
    leads.insert(a[i].lead_borough);
    ++per_state[a[i].state];
    if (!a[i].winner_category.empty()) ++per_state["published winner"];
    EXPECT_TRUE(a[i].example);
  }
  EXPECT_GT(differs, 1900) << "another seed, another corpus";
  EXPECT_GT(titles.size(), 700u);
  EXPECT_GT(summaries.size(), 1500u);
  EXPECT_EQ(leads.size(), 33u);
  EXPECT_GT(per_state["published"], 1400);
  EXPECT_GT(per_state["published winner"], 40);
  EXPECT_TRUE(generated_corpus(0, 1, london_boroughs()).empty());
  EXPECT_TRUE(generated_corpus(-5, 1, london_boroughs()).empty());
  EXPECT_TRUE(generated_corpus(10, 1, {}).empty());
}

TEST(GeneratedCorpus, EveryEntryIsValid) {
  for (const store::PracticeEntry& entry : generated_corpus(1000, 7, london_boroughs())) {
    const std::vector<transport::Problem> problems = problems_of(entry, london_boroughs());
    ASSERT_TRUE(problems.empty()) << entry.title << "\n" << all_reasons(problems);
  }
}

}  // namespace
}  // namespace sendplan::practice
