// The practice repository's full-text index and search (sql_practice.h).
//
// The text typed is never given to the database's query parser as typed: it is cut into words
// and "phrases" of letters and digits (search_terms), and the query is written from those
// (fts5_query, tsquery_text), so punctuation, operators (AND, OR, NOT, NEAR, *, :, -, ^) and
// quotes are only separators and no text is a syntax error. The query and every value are bound
// parameters.
//
// Ranking. SQLite: FTS5's BM25 with column weights title 10, summary 4, problem, actions and
// impact 1, attachments 0.5 (more of the words, rarer words, words in the title rank higher;
// the score is -bm25, higher = better). PostgreSQL has no corpus statistics in its ranking, so
// the score is the sum over the terms of ts_rank (weights A 1, B 0.4, C 0.1, D 0.05, in the
// same ratios) times ln(1 + M / df), M the entries matching any term and df those matching the
// term (an IDF over the text matches, counted with the GIN index): a term most entries have
// counts little.
//
// One search is a few statements: the practice_generation (to bring the in-memory facets up to
// date, PracticeFacetCache), every match's id and score in order (the facets are counted over
// them in memory, the page is cut from them), and the page's entries with their passages. A
// search without facet counts asks only for the page (LIMIT), with the total beside.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_set>
#include <utility>

#include "store/sql_practice.h"
#include "store/sql_practice_internal.h"

namespace sendplan::store::detail {

namespace {

// --- the search's SQL

const char* const kSortDate =
    "CASE WHEN e.submitted_at <> '' THEN e.submitted_at ELSE e.created_at END";

// The WHERE conditions on `practice_entries AS e` for the query's states, visibility and
// filters, with their parameters (which point into `query`).
struct Conditions {
  std::string sql;
  SqlParams params;
};

// The values of `list` that may match (storable), each once, in order.
std::vector<std::string_view> matchable(const std::vector<std::string>& list) {
  std::vector<std::string_view> out;
  std::set<std::string_view> seen;
  for (const std::string& item : list) {
    if (storable(item) && seen.insert(item).second) out.emplace_back(item);
  }
  return out;
}

Conditions conditions_of(const PracticeQuery& query) {
  Conditions out;
  std::vector<std::string> parts;
  // "e.x IN (?, ...)" for the values, or a condition nothing meets when none may match.
  auto any_of = [&](const std::string& column, const std::vector<std::string_view>& values) {
    if (values.empty()) return std::string("1 = 0");
    for (const std::string_view value : values) out.params.emplace_back(value);
    return fmt::format("{} IN {}", column, placeholders(1, values.size()));
  };
  if (!query.states.empty()) parts.push_back(any_of("e.state", matchable(query.states)));
  if (!query.all_unpublished) {
    const std::vector<std::string_view> boroughs = matchable(query.visible_boroughs);
    if (boroughs.empty()) {
      parts.emplace_back("e.state = 'published'");
    } else {
      parts.push_back(fmt::format(
          "(e.state = 'published' OR e.id IN (SELECT entry_id FROM practice_entry_boroughs "
          "WHERE {}))",
          any_of("borough", boroughs)));
    }
  }
  for (const auto& [facet, values] : query.filters) {
    if (values.empty()) continue;  // like `states`: no values, no filter
    if (!storable(facet)) {
      parts.emplace_back("1 = 0");
      continue;
    }
    out.params.emplace_back(facet);
    parts.push_back(
        fmt::format("e.id IN (SELECT entry_id FROM practice_facets WHERE facet = ? AND {})",
                    any_of("value", matchable(values))));
  }
  out.sql = parts.empty() ? "1 = 1" : joined(parts, " AND ");
  return out;
}

// A search's statements, written for the dialect from the query's terms.
class SearchSql {
 public:
  SearchSql(Dialect dialect, const std::vector<SearchTerm>& terms, const PracticeQuery& query)
      : sqlite_(dialect == Dialect::kSqlite), conditions_(conditions_of(query)) {
    if (terms.empty()) return;
    text_ = true;
    if (sqlite_) {
      fts_ = fts5_query(terms);
    } else {
      for (const SearchTerm& term : terms) term_queries_.push_back(tsquery_text(term));
      all_terms_ = joined(term_queries_, " | ");
    }
  }

  // The matching entries: id, and when `scored` also score, evidence and sort_date.
  std::string matches(bool scored, SqlParams& params) const {
    if (!text_) {
      append(params, conditions_.params);
      if (!scored) {
        return fmt::format("SELECT e.id AS id FROM practice_entries AS e WHERE {}",
                           conditions_.sql);
      }
      return fmt::format(
          "SELECT e.id AS id, CAST(0 AS DOUBLE PRECISION) AS score, e.evidence_strength AS "
          "evidence, {} AS sort_date FROM practice_entries AS e WHERE {}",
          kSortDate, conditions_.sql);
    }
    if (sqlite_) {
      params.emplace_back(fts_);
      append(params, conditions_.params);
      return fmt::format(
          "SELECT e.id AS id{} FROM practice_search JOIN practice_entries AS e "
          "ON e.id = practice_search.rowid WHERE practice_search MATCH ? AND {}",
          scored ? fmt::format(", -bm25(practice_search, 10.0, 4.0, 1.0, 1.0, 1.0, 0.5) AS "
                               "score, e.evidence_strength AS evidence, {} AS sort_date",
                               kSortDate)
                 : "",
          conditions_.sql);
    }
    if (!scored) {
      params.emplace_back(all_terms_);
      append(params, conditions_.params);
      return fmt::format(
          "SELECT e.id AS id FROM practice_search AS s JOIN practice_entries AS e "
          "ON e.id = s.entry_id WHERE s.document @@ to_tsquery('english', ?) AND {}",
          conditions_.sql);
    }
    // PostgreSQL: the sum of each term's rank times its weight (weigh()).
    std::string score;
    for (std::size_t i = 0; i < term_queries_.size(); ++i) {
      if (i > 0) score += " + ";
      score +=
          "ts_rank('{0.05, 0.1, 0.4, 1.0}', s.document, to_tsquery('english', ?)) * "
          "CAST(? AS DOUBLE PRECISION)";
      params.emplace_back(term_queries_[i]);
      params.emplace_back(i < weights_.size() ? weights_[i] : 1.0);
    }
    params.emplace_back(all_terms_);
    append(params, conditions_.params);
    return fmt::format(
        "SELECT e.id AS id, {} AS score, e.evidence_strength AS evidence, {} AS sort_date "
        "FROM practice_search AS s JOIN practice_entries AS e ON e.id = s.entry_id "
        "WHERE s.document @@ to_tsquery('english', ?) AND {}",
        score, kSortDate, conditions_.sql);
  }

  // PostgreSQL: each term's weight, ln(1 + M / df) with M the entries matching any term and df
  // those matching it, counted with the index alone (before the filters: a term's rarity is the
  // repository's). One term needs none.
  Status weigh(SqlConnection& connection) {
    if (sqlite_ || term_queries_.size() < 2) return {};
    std::string counts =
        "SELECT (SELECT COUNT(*) FROM practice_search WHERE document @@ to_tsquery('english', ?))";
    SqlParams params = {all_terms_};
    for (const std::string& term : term_queries_) {
      counts +=
          ", (SELECT COUNT(*) FROM practice_search WHERE document @@ to_tsquery('english', ?))";
      params.emplace_back(term);
    }
    Result<SqlRows> rows = connection.query(counts, params);
    if (!rows.ok()) return rows.error();
    const SqlRow& row = rows.value().at(0);
    const double any = static_cast<double>(row.integer(0));
    for (std::size_t i = 0; i < term_queries_.size(); ++i) {
      const double with = static_cast<double>(std::max<std::int64_t>(row.integer(i + 1), 1));
      weights_.push_back(std::log(1.0 + any / with));
    }
    return {};
  }

  // The page's entries (kPracticeEntryColumns) and their passages, by id.
  std::string entries(std::size_t count, SqlParams& params) const {
    if (!text_) {
      return fmt::format("SELECT {}, '' FROM practice_entries AS e WHERE e.id IN {}",
                         kPracticeEntryColumns, placeholders(1, count));
    }
    if (sqlite_) {
      params.emplace_back(fts_);
      return fmt::format(
          "SELECT {}, snippet(practice_search, -1, char(57344), char(57345), '…', 16) "
          "FROM practice_search JOIN practice_entries AS e ON e.id = practice_search.rowid "
          "WHERE practice_search MATCH ? AND practice_search.rowid IN {}",
          kPracticeEntryColumns, placeholders(1, count));
    }
    params.emplace_back(all_terms_);
    params.emplace_back(kHeadlineOptions);
    return fmt::format(
        "SELECT {}, ts_headline('english', s.content, to_tsquery('english', ?), ?) "
        "FROM practice_entries AS e JOIN practice_search AS s ON s.entry_id = e.id "
        "WHERE e.id IN {}",
        kPracticeEntryColumns, placeholders(1, count));
  }

 private:
  // The matched words between U+E000 and U+E001, as SQLite's snippet() marks them.
  static constexpr const char* kHeadlineOptions =
      "StartSel=\xEE\x80\x80, StopSel=\xEE\x80\x81, MaxWords=30, MinWords=12, MaxFragments=1";

  static void append(SqlParams& to, const SqlParams& from) {
    to.insert(to.end(), from.begin(), from.end());
  }

  bool sqlite_;
  bool text_ = false;
  Conditions conditions_;
  std::string fts_;                        // SQLite: the FTS5 query
  std::string all_terms_;                  // PostgreSQL: every term, joined by |
  std::vector<std::string> term_queries_;  // PostgreSQL: each term
  std::vector<double> weights_;            // PostgreSQL: each term's weight (weigh())
};

std::string order_by(const std::string& sort) {
  if (sort == "date") return "sort_date DESC, id DESC";
  if (sort == "evidence") return "evidence DESC, score DESC, sort_date DESC, id DESC";
  return "score DESC, sort_date DESC, id DESC";
}

// Brings `cache` up to date with the database (see PracticeFacetCache).
Status refresh(SqlConnection& connection, PracticeFacetCache& cache) {
  Result<SqlRows> current =
      connection.query("SELECT generation FROM practice_generation WHERE id = 1");
  if (!current.ok()) return current.error();
  if (current.value().empty()) return make_error(ErrorCode::kIo, "practice_generation is empty");
  const std::int64_t generation = current.value().front().integer(0);
  if (generation == cache.generation) return {};
  if (generation < cache.generation) cache = PracticeFacetCache();  // not the same database
  // Written since: read after the generation, so a write in between is read again next time.
  Result<SqlRows> rows = connection.query(
      "SELECT e.id, f.facet, f.value FROM practice_entries AS e "
      "LEFT JOIN practice_facets AS f ON f.entry_id = e.id WHERE e.facets_generation > ?",
      {cache.generation});
  if (!rows.ok()) return rows.error();
  std::unordered_set<std::int64_t> replaced;
  replaced.reserve(rows.value().size() / 8);
  std::string key;
  for (SqlRow& row : rows.value()) {
    const std::int64_t id = row.integer(0);
    std::vector<std::uint32_t>& values = cache.by_entry[id];
    if (replaced.insert(id).second) values.clear();
    if (row.is_null(1)) continue;  // an entry without facets
    std::string facet = row.take_text(1);
    std::string value = row.take_text(2);
    key.assign(facet).append(1, '\0').append(value);
    const auto [number, added] =
        cache.numbers.try_emplace(key, static_cast<std::uint32_t>(cache.values.size()));
    if (added) cache.values.emplace_back(std::move(facet), std::move(value));
    values.push_back(number->second);
  }
  cache.generation = generation;
  return {};
}

}  // namespace

Result<PracticeResults> search_practice(SqlConnection& connection, const PracticeQuery& query,
                                        PracticeFacetCache& cache) {
  if (query.limit < 0 || query.offset < 0) {
    return make_error(ErrorCode::kInvalidArgument, "limit and offset must not be negative");
  }
  if (query.sort != "relevance" && query.sort != "date" && query.sort != "evidence") {
    return make_error(ErrorCode::kInvalidArgument,
                      "sort must be \"relevance\", \"date\" or \"evidence\"");
  }
  const SearchTerms terms = search_terms(query.text);
  PracticeResults results;
  // Words, but only stop words: nothing matches (as PostgreSQL's text search has it). Text
  // without any word (punctuation only) is no text: every entry.
  if (terms.had_words && terms.terms.empty()) return results;
  SearchSql sql(connection.dialect(), terms.terms, query);
  if (Status weighed = sql.weigh(connection); !weighed.ok()) return weighed.error();
  if (query.facets) {
    if (Status fresh = refresh(connection, cache); !fresh.ok()) return fresh.error();
  }

  // The matches in order with their scores: every one when the facets are counted over them
  // (then the page is cut here), else only the page's, with the total beside.
  SqlParams params;
  const std::string matches = sql.matches(true, params);
  std::string statement;
  if (query.facets) {
    statement =
        fmt::format("SELECT id, score FROM ({}) AS m ORDER BY {}", matches, order_by(query.sort));
  } else {
    statement = fmt::format(
        "SELECT id, score, COUNT(*) OVER () FROM ({}) AS m ORDER BY {} LIMIT ? OFFSET ?", matches,
        order_by(query.sort));
    params.insert(params.end(), {query.limit, query.offset});
  }
  Result<SqlRows> ranked = connection.query(statement, params);
  if (!ranked.ok()) return ranked.error();
  std::vector<std::pair<std::int64_t, double>> page;  // id, score
  if (query.facets) {
    const std::size_t total = ranked.value().size();
    results.total = static_cast<int>(total);
    const std::size_t first = std::min(total, static_cast<std::size_t>(query.offset));
    const std::size_t end = std::min(total, first + static_cast<std::size_t>(query.limit));
    for (std::size_t i = first; i < end; ++i) {
      page.emplace_back(ranked.value()[i].integer(0), ranked.value()[i].real(1));
    }
    // The facet counts over every match (not only the page's).
    std::vector<int> counts(cache.values.size(), 0);
    for (const SqlRow& row : ranked.value()) {
      const auto values = cache.by_entry.find(row.integer(0));
      if (values == cache.by_entry.end()) continue;
      for (const std::uint32_t value : values->second) ++counts[value];
    }
    for (std::size_t value = 0; value < counts.size(); ++value) {
      if (counts[value] == 0) continue;
      const auto& [facet, name] = cache.values[value];
      results.facets[facet][name] = counts[value];
    }
  } else {
    for (const SqlRow& row : ranked.value()) page.emplace_back(row.integer(0), row.real(1));
    if (!ranked.value().empty()) {
      results.total = static_cast<int>(ranked.value().front().integer(2));
    } else if (query.offset > 0 || query.limit == 0) {
      SqlParams count_params;
      const std::string all = sql.matches(false, count_params);
      Result<SqlRows> counted =
          connection.query(fmt::format("SELECT COUNT(*) FROM ({}) AS m", all), count_params);
      if (!counted.ok()) return counted.error();
      results.total = static_cast<int>(counted.value().at(0).integer(0));
    }
  }

  // The page's entries and passages, in a few statements however long the page.
  std::map<std::int64_t, std::pair<PracticeEntry, std::string>> found;
  constexpr std::size_t kIdsPerStatement = 500;
  for (std::size_t first = 0; first < page.size(); first += kIdsPerStatement) {
    const std::size_t count = std::min(kIdsPerStatement, page.size() - first);
    SqlParams entry_params;
    const std::string entries = sql.entries(count, entry_params);
    for (std::size_t i = first; i < first + count; ++i) entry_params.emplace_back(page[i].first);
    Result<SqlRows> rows = connection.query(entries, entry_params);
    if (!rows.ok()) return rows.error();
    for (SqlRow& row : rows.value()) {
      Result<PracticeEntry> entry = practice_entry_from(row);
      if (!entry.ok()) return entry.error();
      const std::int64_t id = entry.value().id;
      found[id] = {std::move(entry).value(), row.take_text(row.size() - 1)};
    }
  }
  results.hits.reserve(page.size());
  for (const auto& [id, score] : page) {
    const auto entry = found.find(id);
    if (entry == found.end()) continue;  // entries are never deleted: cannot happen
    results.hits.push_back(
        {std::move(entry->second.first), score, std::move(entry->second.second)});
  }
  return results;
}

}  // namespace sendplan::store::detail
