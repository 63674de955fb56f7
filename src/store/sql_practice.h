// The practice repository part of the Store as SQL on a connection (called by SqlStore, which
// holds the lock and, for writes, the transaction): calls and reviews (sql_practice_reviews.cpp),
// entries with their facets, boroughs and events (sql_practice.cpp; an entry's row:
// sql_practice_rows.cpp), attachments (sql_practice_attachments.cpp), and the full-text index
// (sql_practice_index.cpp) and its search (sql_practice_search.cpp): FTS5 on SQLite, a weighted
// tsvector on PostgreSQL. `now` is what empty times become.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/practice_records.h"
#include "store/sql_connection.h"

namespace sendplan::store::detail {

// `head` ("INSERT INTO t (a, b)") VALUES `row`, `row`, ... `tail` for `params`, `width` of them
// per row (`row` is one row's SQL, e.g. "(?, ?)"), in statements of at most ~900 parameters.
Status insert_rows(SqlConnection& connection, std::string_view head, std::string_view row,
                   std::size_t width, const SqlParams& params, std::string_view tail = "");

// --- calls
Result<std::int64_t> insert_practice_call(SqlConnection& connection, const PracticeCall& call,
                                          const std::string& now);
// kNotFound when there is no call.id.
Status update_practice_call(SqlConnection& connection, const PracticeCall& call,
                            const std::string& now);
// Newest deadline first (then newest id). `id` set = that call only.
Result<std::vector<PracticeCall>> select_practice_calls(SqlConnection& connection,
                                                        std::optional<std::int64_t> id);

// --- entries
// The entry (revision 1), its facets and boroughs, `event` for it, and its index.
// kInvalidArgument for an unknown call.
Result<std::int64_t> insert_practice_entry(SqlConnection& connection, const PracticeEntry& entry,
                                           const PracticeFacets& facets, const PracticeEvent& event,
                                           const std::string& now);
// When the stored revision is entry.revision; returns the new one. kNotFound for an unknown
// entry, kInvalidArgument for a stale revision or an unknown call. An empty created_at keeps
// the stored one; an empty updated_at becomes `now` (a given one is stored as given).
Result<int> update_practice_entry(SqlConnection& connection, const PracticeEntry& entry,
                                  const PracticeFacets& facets, const PracticeEvent& event,
                                  const std::string& now);
// By id. `id` set = that entry only.
Result<std::vector<PracticeEntry>> select_practice_entries(SqlConnection& connection,
                                                           std::optional<std::int64_t> id);
// An entry's columns of `practice_entries AS e`, as practice_entry_from reads them (first).
extern const char* const kPracticeEntryColumns;
// kIo when a stored list is not the JSON the store writes.
Result<PracticeEntry> practice_entry_from(SqlRow& row);
// Every entry with its facets and a copy of `event`; kInvalidArgument when the lists differ in
// length or a call is unknown (the caller's transaction then stores none).
Result<std::vector<std::int64_t>> import_practice_entries(SqlConnection& connection,
                                                          const std::vector<PracticeEntry>& entries,
                                                          const std::vector<PracticeFacets>& facets,
                                                          const PracticeEvent& event,
                                                          const std::string& now);

// After a committed import of `entries` entries, outside any transaction: on PostgreSQL, when
// there were at least kTidyAfterImport, VACUUM (ANALYZE) of the practice tables. Until
// autovacuum comes by (a minute or more), the new rows have no statistics, no visibility map
// (so index-only scans read the long entry rows) and no hint bits, and searches are many times
// slower. Failures are ignored (the import stands).
constexpr std::size_t kTidyAfterImport = 500;
void tidy_after_import(SqlConnection& connection, std::size_t entries);

// --- events
// `event` for event.entry_id.
Status insert_practice_event(SqlConnection& connection, const PracticeEvent& event,
                             const std::string& now);
// Oldest first.
Result<std::vector<PracticeEvent>> select_practice_events(SqlConnection& connection,
                                                          std::int64_t entry_id);

// --- attachments
// kNotFound for an unknown entry. The entry is re-indexed.
Result<std::int64_t> insert_practice_attachment(SqlConnection& connection,
                                                const PracticeAttachment& attachment,
                                                const PracticeEvent& event, const std::string& now);
// kNotFound for an unknown attachment. The entry is re-indexed; the event is the entry's.
Status delete_practice_attachment(SqlConnection& connection, std::int64_t id,
                                  const PracticeEvent& event, const std::string& now);
// Without content, by id.
Result<std::vector<PracticeAttachment>> select_practice_attachments(SqlConnection& connection,
                                                                    std::int64_t entry_id);
Result<std::optional<PracticeAttachment>> select_practice_attachment(SqlConnection& connection,
                                                                     std::int64_t id);

// --- reviews
// Nothing changes (and no event) when the reviewer is already assigned. kInvalidArgument for an
// unknown entry or user.
Status insert_practice_review(SqlConnection& connection, const PracticeReview& assignment,
                              const PracticeEvent& event, const std::string& now);
// kNotFound when the reviewer is not assigned.
Status delete_practice_review(SqlConnection& connection, std::int64_t entry_id,
                              std::int64_t reviewer_id, const PracticeEvent& event,
                              const std::string& now);
// kNotFound when the reviewer is not assigned.
Status set_practice_scores(SqlConnection& connection, const PracticeReview& review,
                           const PracticeEvent& event, const std::string& now);
// entry_id / reviewer_id 0 = any. By entry, then reviewer.
Result<std::vector<PracticeReview>> select_practice_reviews(SqlConnection& connection,
                                                            std::int64_t entry_id,
                                                            std::int64_t reviewer_id);

// --- the search index (sql_practice_index.cpp) and the search (sql_practice_search.cpp)

// The text an entry is found by, per indexed column.
struct PracticeSearchText {
  std::string title;
  std::string summary;
  std::string problem;
  std::string actions;
  std::string impact;       // impact_summary, each measure, cost_and_resources, how_to_adopt
  std::string attachments;  // each attachment's file name and text
};
// At most this many bytes of an entry's text are indexed (the rest of its attachments' text is
// not): PostgreSQL refuses a tsvector over 1 MB, which text of ~350 kB of distinct short words
// reaches. The same on both backends, so they find the same entries.
constexpr std::size_t kMaxIndexedBytes = 300'000;
// The search text of `entry` with its attachments' (file name, text), cut to kMaxIndexedBytes
// (title first, attachments last) at character boundaries.
PracticeSearchText practice_search_text(
    const PracticeEntry& entry,
    const std::vector<std::pair<std::string, std::string>>& attachments);

// Writes the index rows of the entries (replacing theirs), in as few statements as it can.
Status write_practice_index(SqlConnection& connection,
                            const std::vector<std::pair<std::int64_t, PracticeSearchText>>& rows,
                            bool replace);

// The search text as terms: words (letters and digits, other Unicode letters kept, ASCII
// lower case) and "quoted phrases" (also “curly” ones; an unclosed quote runs to the end).
// Everything else separates words, so no text is a syntax error. English stop words alone are
// dropped ("the", "and"; a phrase of them only too); repeated terms once; at most kMaxTerms
// terms, kMaxPhraseWords words in a phrase, words of at most kMaxWordBytes bytes (longer ones
// are dropped).
struct SearchTerm {
  std::vector<std::string> words;  // 1 = a word, more = a phrase
};
struct SearchTerms {
  std::vector<SearchTerm> terms;
  bool had_words = false;  // whether the text held any word (stop words included)
};
constexpr std::size_t kMaxTerms = 16;
constexpr std::size_t kMaxPhraseWords = 12;
constexpr std::size_t kMaxWordBytes = 100;
SearchTerms search_terms(std::string_view text);
// The FTS5 query of the terms: each a quoted string ("word" / "two words"), joined with OR.
std::string fts5_query(const std::vector<SearchTerm>& terms);
// The to_tsquery('english', ...) text of one term: the word, or (w1 <-> w2 <-> ...).
std::string tsquery_text(const SearchTerm& term);

// Every entry's facet values, kept in memory between searches by the SqlStore (under its lock)
// so that counting them over thousands of matches is a loop, not a GROUP BY over the facet
// rows. A search first reads practice_generation: when it moved (a write, from any process),
// the entries written since (facets_generation > generation) are read again.
struct PracticeFacetCache {
  std::int64_t generation = -1;  // of the database when last brought up to date; -1 = never
  std::vector<std::pair<std::string, std::string>> values;  // (facet, value) by number
  std::unordered_map<std::string, std::uint32_t> numbers;   // facet '\0' value → number
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> by_entry;  // entry id → values
};

// `cache` is brought up to date when the query counts facets.
Result<PracticeResults> search_practice(SqlConnection& connection, const PracticeQuery& query,
                                        PracticeFacetCache& cache);

}  // namespace sendplan::store::detail
