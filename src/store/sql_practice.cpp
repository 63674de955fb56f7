// The practice repository's entries in SQL, with their facets, boroughs, events and index rows
// (sql_practice.h; an entry's row: sql_practice_rows.cpp; the index and the search:
// sql_practice_search.cpp; attachments: sql_practice_attachments.cpp; calls and reviews:
// sql_practice_reviews.cpp). An entry's facets and boroughs are rows of their own, replaced whole
// on every change.
#include "store/sql_practice.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "store/sql_practice_internal.h"

namespace sendplan::store::detail {

namespace {

constexpr const char* kEventColumns =
    "id, entry_id, at, user_id, username, action, from_state, to_state, note";

// The next write of facets' number (practice_generation): the entries written record it.
Result<std::int64_t> next_facets_generation(SqlConnection& connection) {
  Result<SqlRows> next = connection.query(
      "UPDATE practice_generation SET generation = generation + 1 WHERE id = 1 "
      "RETURNING generation");
  if (!next.ok()) return next.error();
  if (next.value().empty()) return make_error(ErrorCode::kIo, "practice_generation is empty");
  return next.value().front().integer(0);
}

Status check_call(SqlConnection& connection, std::int64_t call_id) {
  if (call_id == 0) return {};
  Result<SqlRows> found = connection.query("SELECT 1 FROM practice_calls WHERE id = ?", {call_id});
  if (!found.ok()) return found.error();
  if (found.value().empty()) return make_error(ErrorCode::kInvalidArgument, "no such call");
  return {};
}

// The entry's facet rows (entry_id, facet, value), each once, appended to `params`.
void facet_params(std::int64_t id, const PracticeFacets& facets, SqlParams& params) {
  for (const auto& [facet, values] : facets) {
    std::set<std::string_view> seen;
    for (const std::string& value : values) {
      if (!seen.insert(value).second) continue;
      params.insert(params.end(), {id, facet, value});
    }
  }
}

// The entry's borough rows (entry_id, borough): the lead and the partners, each once.
void borough_params(std::int64_t id, const PracticeEntry& entry, SqlParams& params) {
  std::set<std::string_view> seen;
  auto add = [&](const std::string& borough) {
    if (borough.empty() || !seen.insert(borough).second) return;
    params.insert(params.end(), {id, borough});
  };
  add(entry.lead_borough);
  for (const std::string& borough : entry.partner_boroughs) add(borough);
}

// The event rows (entry_id, at, user_id, username, action, from_state, to_state, note); `at`
// must outlive the statement.
void event_params(std::int64_t entry_id, const PracticeEvent& event, const std::string& at,
                  SqlParams& params) {
  params.insert(params.end(), {entry_id, at, SqlParam::id_or_null(event.user_id), event.username,
                               event.action, event.from_state, event.to_state, event.note});
}

constexpr std::string_view kInsertEvents =
    "INSERT INTO practice_events (entry_id, at, user_id, username, action, from_state, "
    "to_state, note)";
constexpr std::string_view kEventRow = "(?, ?, ?, ?, ?, ?, ?, ?)";

Status write_facets_and_boroughs(SqlConnection& connection, const SqlParams& facets,
                                 const SqlParams& boroughs) {
  if (Status added = insert_rows(connection, "INSERT INTO practice_facets (entry_id, facet, value)",
                                 "(?, ?, ?)", 3, facets);
      !added.ok())
    return added;
  return insert_rows(connection, "INSERT INTO practice_entry_boroughs (entry_id, borough)",
                     "(?, ?)", 2, boroughs);
}

// (file name, text) of the entry's attachments, by id.
Result<std::vector<std::pair<std::string, std::string>>> attachment_texts(SqlConnection& connection,
                                                                          std::int64_t entry_id) {
  Result<SqlRows> rows = connection.query(
      "SELECT file_name, text FROM practice_attachments WHERE entry_id = ? ORDER BY id",
      {entry_id});
  if (!rows.ok()) return rows.error();
  std::vector<std::pair<std::string, std::string>> texts;
  texts.reserve(rows.value().size());
  for (SqlRow& row : rows.value()) texts.emplace_back(row.take_text(0), row.take_text(1));
  return texts;
}

// Writes the index row of `entry` (stored as it is) with its attachments' text.
Status reindex(SqlConnection& connection, const PracticeEntry& entry, bool replace) {
  Result<std::vector<std::pair<std::string, std::string>>> texts =
      attachment_texts(connection, entry.id);
  if (!texts.ok()) return texts.error();
  std::vector<std::pair<std::int64_t, PracticeSearchText>> rows;
  rows.emplace_back(entry.id, practice_search_text(entry, texts.value()));
  return write_practice_index(connection, rows, replace);
}

PracticeEvent event_from(const SqlRow& row) {
  PracticeEvent event;
  event.id = row.integer(0);
  event.entry_id = row.integer(1);
  event.at = row.text(2);
  event.user_id = row.integer(3);
  event.username = row.text(4);
  event.action = row.text(5);
  event.from_state = row.text(6);
  event.to_state = row.text(7);
  event.note = row.text(8);
  return event;
}

}  // namespace

std::string or_now(const std::string& time, const std::string& now) {
  return time.empty() ? now : time;
}

Status reindex(SqlConnection& connection, std::int64_t entry_id) {
  Result<std::vector<PracticeEntry>> entry = select_practice_entries(connection, entry_id);
  if (!entry.ok()) return entry.error();
  if (entry.value().empty()) return make_error(ErrorCode::kNotFound, "no such entry");
  return reindex(connection, entry.value().front(), true);
}

Status entry_exists(SqlConnection& connection, std::int64_t entry_id, ErrorCode missing) {
  Result<SqlRows> found =
      connection.query("SELECT 1 FROM practice_entries WHERE id = ?", {entry_id});
  if (!found.ok()) return found.error();
  if (found.value().empty()) return make_error(missing, "no such entry");
  return {};
}

Status insert_rows(SqlConnection& connection, std::string_view head, std::string_view row,
                   std::size_t width, const SqlParams& params, std::string_view tail) {
  constexpr std::size_t kMaxParams = 900;
  const std::size_t per_statement = std::max<std::size_t>(1, kMaxParams / width);
  const std::size_t rows = params.size() / width;
  for (std::size_t first = 0; first < rows; first += per_statement) {
    const std::size_t count = std::min(per_statement, rows - first);
    std::string sql(head);
    sql += " VALUES ";
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) sql += ", ";
      sql += row;
    }
    if (!tail.empty()) {
      sql += ' ';
      sql += tail;
    }
    const auto begin = params.begin() + static_cast<std::ptrdiff_t>(first * width);
    const SqlParams chunk(begin, begin + static_cast<std::ptrdiff_t>(count * width));
    Result<std::int64_t> done = connection.execute(sql, chunk);
    if (!done.ok()) return done.error();
  }
  return {};
}

// --- entries

Result<std::int64_t> insert_practice_entry(SqlConnection& connection, const PracticeEntry& entry,
                                           const PracticeFacets& facets, const PracticeEvent& event,
                                           const std::string& now) {
  Result<std::vector<std::int64_t>> ids =
      import_practice_entries(connection, {entry}, {facets}, event, now);
  if (!ids.ok()) return ids.error();
  return ids.value().front();
}

Result<int> update_practice_entry(SqlConnection& connection, const PracticeEntry& entry,
                                  const PracticeFacets& facets, const PracticeEvent& event,
                                  const std::string& now) {
  Result<SqlRows> stored = connection.query(
      "SELECT revision, created_at FROM practice_entries WHERE id = ?", {entry.id});
  if (!stored.ok()) return stored.error();
  if (stored.value().empty()) return make_error(ErrorCode::kNotFound, "no such entry");
  const SqlRow& row = stored.value().front();
  if (row.integer(0) != entry.revision) {
    return make_error(ErrorCode::kInvalidArgument,
                      "the entry was changed by someone else (its revision is not the one read)");
  }
  if (Status call = check_call(connection, entry.call_id); !call.ok()) return call.error();
  Result<EntryJson> lists = entry_json(entry);
  if (!lists.ok()) return lists.error();
  // An empty created_at keeps the stored one.
  const std::string created_at = entry.created_at.empty() ? row.text(1) : entry.created_at;
  const std::string updated_at = or_now(entry.updated_at, now);
  Result<std::int64_t> generation = next_facets_generation(connection);
  if (!generation.ok()) return generation.error();
  SqlParams params = entry_params(entry, lists.value(), created_at, updated_at);
  params.insert(params.end(), {generation.value(), entry.id, entry.revision});
  Result<std::int64_t> updated = connection.execute(update_entry_sql(), params);
  if (!updated.ok()) return updated.error();
  // Another writer between the read and the update (PostgreSQL's READ COMMITTED) changed it.
  if (updated.value() == 0) {
    return make_error(ErrorCode::kInvalidArgument, "the entry was changed by someone else");
  }

  for (const char* table : {"practice_facets", "practice_entry_boroughs"}) {
    Result<std::int64_t> cleared =
        connection.execute(fmt::format("DELETE FROM {} WHERE entry_id = ?", table), {entry.id});
    if (!cleared.ok()) return cleared.error();
  }
  SqlParams facet_rows;
  facet_params(entry.id, facets, facet_rows);
  SqlParams borough_rows;
  borough_params(entry.id, entry, borough_rows);
  if (Status written = write_facets_and_boroughs(connection, facet_rows, borough_rows);
      !written.ok())
    return written.error();

  PracticeEvent recorded = event;
  recorded.entry_id = entry.id;
  if (Status added = insert_practice_event(connection, recorded, now); !added.ok())
    return added.error();

  if (Status index = reindex(connection, entry, true); !index.ok()) return index.error();
  return entry.revision + 1;
}

Result<std::vector<PracticeEntry>> select_practice_entries(SqlConnection& connection,
                                                           std::optional<std::int64_t> id) {
  SqlParams params;
  std::string where;
  if (id) {
    where = "WHERE e.id = ?";
    params.push_back(*id);
  }
  Result<SqlRows> rows =
      connection.query(fmt::format("SELECT {} FROM practice_entries AS e {} ORDER BY e.id",
                                   kPracticeEntryColumns, where),
                       params);
  if (!rows.ok()) return rows.error();
  std::vector<PracticeEntry> entries;
  entries.reserve(rows.value().size());
  for (SqlRow& row : rows.value()) {
    Result<PracticeEntry> entry = practice_entry_from(row);
    if (!entry.ok()) return entry.error();
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

Result<std::vector<std::int64_t>> import_practice_entries(SqlConnection& connection,
                                                          const std::vector<PracticeEntry>& entries,
                                                          const std::vector<PracticeFacets>& facets,
                                                          const PracticeEvent& event,
                                                          const std::string& now) {
  if (facets.size() != entries.size()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "every entry needs its facets (the lists differ in length)");
  }
  if (entries.empty()) return std::vector<std::int64_t>();
  Result<std::int64_t> generation = next_facets_generation(connection);
  if (!generation.ok()) return generation.error();
  std::set<std::int64_t> known_calls;
  std::vector<std::int64_t> ids;
  ids.reserve(entries.size());
  SqlParams facet_rows;
  SqlParams borough_rows;
  SqlParams event_rows;
  const std::string event_at = or_now(event.at, now);
  std::vector<std::pair<std::int64_t, PracticeSearchText>> index_rows;
  index_rows.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const PracticeEntry& entry = entries[i];
    if (entry.call_id != 0 && known_calls.count(entry.call_id) == 0) {
      if (Status call = check_call(connection, entry.call_id); !call.ok()) {
        if (entries.size() == 1) return call.error();
        return make_error(call.error().code, fmt::format("entry {} of {}: {}", i + 1,
                                                         entries.size(), call.error().message));
      }
      known_calls.insert(entry.call_id);
    }
    Result<EntryJson> lists = entry_json(entry);
    if (!lists.ok()) return lists.error();
    const std::string created_at = or_now(entry.created_at, now);
    const std::string updated_at = or_now(entry.updated_at, now);
    SqlParams params = entry_params(entry, lists.value(), created_at, updated_at);
    params.emplace_back(generation.value());
    Result<SqlRows> inserted = connection.query(insert_entry_sql(), params);
    if (!inserted.ok()) return inserted.error();
    const std::int64_t id = inserted.value().at(0).integer(0);
    ids.push_back(id);
    facet_params(id, facets[i], facet_rows);
    borough_params(id, entry, borough_rows);
    event_params(id, event, event_at, event_rows);
    index_rows.emplace_back(id, practice_search_text(entry, {}));
  }
  if (Status written = write_facets_and_boroughs(connection, facet_rows, borough_rows);
      !written.ok())
    return written.error();
  if (Status added = insert_rows(connection, kInsertEvents, kEventRow, 8, event_rows); !added.ok())
    return added.error();
  if (Status indexed = write_practice_index(connection, index_rows, false); !indexed.ok())
    return indexed.error();
  return ids;
}

void tidy_after_import(SqlConnection& connection, std::size_t entries) {
  if (connection.dialect() != Dialect::kPostgres || entries < kTidyAfterImport) return;
  // Best effort: the import is committed whatever happens here.
  (void)connection.execute_script(
      "VACUUM (ANALYZE) practice_entries, practice_entry_boroughs, practice_facets, "
      "practice_events, practice_search");
}

// --- events

Status insert_practice_event(SqlConnection& connection, const PracticeEvent& event,
                             const std::string& now) {
  const std::string at = or_now(event.at, now);
  SqlParams params;
  event_params(event.entry_id, event, at, params);
  return insert_rows(connection, kInsertEvents, kEventRow, 8, params);
}

Result<std::vector<PracticeEvent>> select_practice_events(SqlConnection& connection,
                                                          std::int64_t entry_id) {
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT {} FROM practice_events WHERE entry_id = ? ORDER BY id", kEventColumns),
      {entry_id});
  if (!rows.ok()) return rows.error();
  std::vector<PracticeEvent> events;
  events.reserve(rows.value().size());
  for (const SqlRow& row : rows.value()) events.push_back(event_from(row));
  return events;
}

}  // namespace sendplan::store::detail
