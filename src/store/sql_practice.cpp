// The practice repository's records in SQL (the index and the search: sql_practice_search.cpp).
// Lists, impact measures and scores are JSON text; an entry's facets and boroughs are rows of
// their own, replaced whole on every change.
#include "store/sql_practice.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace sendplan::store::detail {

using nlohmann::json;

namespace {

constexpr const char* kCallColumns =
    "id, name, categories, opens_at, deadline_at, guidance, criteria, created_by, created_at, "
    "updated_at";

// The columns an entry's write sets, in entry_params' order (not id and revision).
constexpr const char* kEntryWriteColumns[] = {"call_id",
                                              "title",
                                              "summary",
                                              "lead_borough",
                                              "partner_boroughs",
                                              "categories",
                                              "problem",
                                              "actions",
                                              "age_from",
                                              "age_to",
                                              "needs",
                                              "settings",
                                              "impact",
                                              "impact_summary",
                                              "cost_and_resources",
                                              "how_to_adopt",
                                              "contact_name",
                                              "contact_role",
                                              "links",
                                              "indicators",
                                              "started_on",
                                              "state",
                                              "winner_category",
                                              "evidence_strength",
                                              "example",
                                              "created_by",
                                              "created_at",
                                              "updated_at",
                                              "submitted_at",
                                              "published_at"};

constexpr const char* kEventColumns =
    "id, entry_id, at, user_id, username, action, from_state, to_state, note";

constexpr const char* kAttachmentInfoColumns =
    "id, entry_id, file_name, media_type, size, text, uploaded_by, uploaded_at";

std::string or_now(const std::string& time, const std::string& now) {
  return time.empty() ? now : time;
}

// JSON text of a value; kInvalidArgument when a string in it is not UTF-8 (JSON holds only
// UTF-8, and a stored list must read back as written).
Result<std::string> dump(const json& value) {
  try {
    return value.dump();
  } catch (const json::exception&) {
    return make_error(ErrorCode::kInvalidArgument, "a list holds text that is not UTF-8");
  }
}

Error malformed(const char* what) {
  return make_error(ErrorCode::kIo, fmt::format("store: a stored {} is not valid JSON", what));
}

Result<std::vector<std::string>> string_list(const std::string& text, const char* what) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_array()) return malformed(what);
  std::vector<std::string> list;
  list.reserve(value.size());
  for (const json& item : value) {
    if (!item.is_string()) return malformed(what);
    list.push_back(item.get<std::string>());
  }
  return list;
}

json impact_json(const std::vector<ImpactMeasure>& impact) {
  json list = json::array();
  for (const ImpactMeasure& m : impact) {
    list.push_back({{"measure", m.measure},
                    {"before", m.before},
                    {"after", m.after},
                    {"period", m.period},
                    {"source", m.source}});
  }
  return list;
}

Result<std::vector<ImpactMeasure>> impact_from(const std::string& text) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_array()) return malformed("impact");
  std::vector<ImpactMeasure> impact;
  for (const json& item : value) {
    if (!item.is_object()) return malformed("impact");
    auto field = [&](const char* key) -> std::string {
      const auto found = item.find(key);
      return found != item.end() && found->is_string() ? found->get<std::string>() : "";
    };
    impact.push_back(
        {field("measure"), field("before"), field("after"), field("period"), field("source")});
  }
  return impact;
}

Result<std::map<std::string, int>> scores_from(const std::string& text) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_object()) return malformed("review's scores");
  std::map<std::string, int> scores;
  for (const auto& [criterion, score] : value.items()) {
    if (!score.is_number_integer()) return malformed("review's scores");
    scores[criterion] = score.get<int>();
  }
  return scores;
}

// An entry's lists as JSON, kept alive while its parameters point at them.
struct EntryJson {
  std::string partner_boroughs, categories, needs, settings, impact, links, indicators;
};

Result<EntryJson> entry_json(const PracticeEntry& e) {
  EntryJson out;
  const std::pair<std::string*, json> lists[] = {
      {&out.partner_boroughs, json(e.partner_boroughs)},
      {&out.categories, json(e.categories)},
      {&out.needs, json(e.needs)},
      {&out.settings, json(e.settings)},
      {&out.impact, impact_json(e.impact)},
      {&out.links, json(e.links)},
      {&out.indicators, json(e.indicators)},
  };
  for (const auto& [target, value] : lists) {
    Result<std::string> text = dump(value);
    if (!text.ok()) return text.error();
    *target = std::move(text).value();
  }
  return out;
}

// Parameters in kEntryWriteColumns order. Every string must outlive the statement.
SqlParams entry_params(const PracticeEntry& e, const EntryJson& j, const std::string& created_at,
                       const std::string& updated_at) {
  return {SqlParam::id_or_null(e.call_id),
          e.title,
          e.summary,
          e.lead_borough,
          j.partner_boroughs,
          j.categories,
          e.problem,
          e.actions,
          e.age_from,
          e.age_to,
          j.needs,
          j.settings,
          j.impact,
          e.impact_summary,
          e.cost_and_resources,
          e.how_to_adopt,
          e.contact_name,
          e.contact_role,
          j.links,
          j.indicators,
          e.started_on,
          e.state,
          e.winner_category,
          e.evidence_strength,
          e.example ? 1 : 0,
          SqlParam::id_or_null(e.created_by),
          created_at,
          updated_at,
          e.submitted_at,
          e.published_at};
}

const std::string& insert_entry_sql() {
  static const std::string sql = [] {
    std::string columns;
    std::string values;
    for (const char* column : kEntryWriteColumns) {
      columns += fmt::format("{}, ", column);
      values += "?, ";
    }
    return fmt::format(
        "INSERT INTO practice_entries ({}revision, facets_generation) VALUES ({}1, ?) "
        "RETURNING id",
        columns, values);
  }();
  return sql;
}

const std::string& update_entry_sql() {
  static const std::string sql = [] {
    std::string assignments;
    for (const char* column : kEntryWriteColumns) assignments += fmt::format("{} = ?, ", column);
    return fmt::format(
        "UPDATE practice_entries SET {}revision = revision + 1, facets_generation = ? "
        "WHERE id = ? AND revision = ?",
        assignments);
  }();
  return sql;
}

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

PracticeCall call_from(const SqlRow& row, std::vector<std::string> categories,
                       std::vector<std::string> criteria) {
  PracticeCall call;
  call.id = row.integer(0);
  call.name = row.text(1);
  call.categories = std::move(categories);
  call.opens_at = row.text(3);
  call.deadline_at = row.text(4);
  call.guidance = row.text(5);
  call.criteria = std::move(criteria);
  call.created_by = row.integer(7);
  call.created_at = row.text(8);
  call.updated_at = row.text(9);
  return call;
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

// Columns kAttachmentInfoColumns.
PracticeAttachment attachment_from(SqlRow& row) {
  PracticeAttachment attachment;
  attachment.id = row.integer(0);
  attachment.entry_id = row.integer(1);
  attachment.file_name = row.take_text(2);
  attachment.media_type = row.take_text(3);
  attachment.size = row.integer(4);
  attachment.text = row.take_text(5);
  attachment.uploaded_by = row.integer(6);
  attachment.uploaded_at = row.take_text(7);
  return attachment;
}

Status one_row_changed(const Result<std::int64_t>& changed, const char* missing) {
  if (!changed.ok()) return changed.error();
  if (changed.value() == 0) return make_error(ErrorCode::kNotFound, missing);
  return {};
}

}  // namespace

const char* const kPracticeEntryColumns =
    "e.id, e.call_id, e.title, e.summary, e.lead_borough, e.partner_boroughs, e.categories, "
    "e.problem, e.actions, e.age_from, e.age_to, e.needs, e.settings, e.impact, "
    "e.impact_summary, e.cost_and_resources, e.how_to_adopt, e.contact_name, e.contact_role, "
    "e.links, e.indicators, e.started_on, e.state, e.winner_category, e.evidence_strength, "
    "e.example, e.created_by, e.created_at, e.updated_at, e.submitted_at, e.published_at, "
    "e.revision";

Result<PracticeEntry> practice_entry_from(SqlRow& row) {
  PracticeEntry e;
  e.id = row.integer(0);
  e.call_id = row.integer(1);
  e.title = row.take_text(2);
  e.summary = row.take_text(3);
  e.lead_borough = row.take_text(4);
  const std::pair<std::vector<std::string>*, std::size_t> lists[] = {
      {&e.partner_boroughs, 5}, {&e.categories, 6}, {&e.needs, 11},
      {&e.settings, 12},        {&e.links, 19},     {&e.indicators, 20}};
  for (const auto& [target, column] : lists) {
    Result<std::vector<std::string>> list = string_list(row.text(column), "entry list");
    if (!list.ok()) return list.error();
    *target = std::move(list).value();
  }
  e.problem = row.take_text(7);
  e.actions = row.take_text(8);
  e.age_from = static_cast<int>(row.integer(9));
  e.age_to = static_cast<int>(row.integer(10));
  Result<std::vector<ImpactMeasure>> impact = impact_from(row.text(13));
  if (!impact.ok()) return impact.error();
  e.impact = std::move(impact).value();
  e.impact_summary = row.take_text(14);
  e.cost_and_resources = row.take_text(15);
  e.how_to_adopt = row.take_text(16);
  e.contact_name = row.take_text(17);
  e.contact_role = row.take_text(18);
  e.started_on = row.take_text(21);
  e.state = row.take_text(22);
  e.winner_category = row.take_text(23);
  e.evidence_strength = static_cast<int>(row.integer(24));
  e.example = row.integer(25) != 0;
  e.created_by = row.integer(26);
  e.created_at = row.take_text(27);
  e.updated_at = row.take_text(28);
  e.submitted_at = row.take_text(29);
  e.published_at = row.take_text(30);
  e.revision = static_cast<int>(row.integer(31));
  return e;
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

// --- calls

Result<std::int64_t> insert_practice_call(SqlConnection& connection, const PracticeCall& call,
                                          const std::string& now) {
  Result<std::string> categories = dump(json(call.categories));
  if (!categories.ok()) return categories.error();
  Result<std::string> criteria = dump(json(call.criteria));
  if (!criteria.ok()) return criteria.error();
  Result<SqlRows> inserted = connection.query(
      "INSERT INTO practice_calls (name, categories, opens_at, deadline_at, guidance, criteria, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {call.name, categories.value(), call.opens_at, call.deadline_at, call.guidance,
       criteria.value(), SqlParam::id_or_null(call.created_by), or_now(call.created_at, now),
       or_now(call.updated_at, now)});
  if (!inserted.ok()) return inserted.error();
  return inserted.value().at(0).integer(0);
}

Status update_practice_call(SqlConnection& connection, const PracticeCall& call,
                            const std::string& now) {
  Result<std::string> categories = dump(json(call.categories));
  if (!categories.ok()) return categories.error();
  Result<std::string> criteria = dump(json(call.criteria));
  if (!criteria.ok()) return criteria.error();
  // An empty created_at keeps the stored one.
  return one_row_changed(
      connection.execute(
          "UPDATE practice_calls SET name = ?, categories = ?, opens_at = ?, deadline_at = ?, "
          "guidance = ?, criteria = ?, created_by = ?, "
          "created_at = CASE WHEN ? = '' THEN created_at ELSE ? END, updated_at = ? WHERE id = ?",
          {call.name, categories.value(), call.opens_at, call.deadline_at, call.guidance,
           criteria.value(), SqlParam::id_or_null(call.created_by), call.created_at,
           call.created_at, or_now(call.updated_at, now), call.id}),
      "no such call");
}

Result<std::vector<PracticeCall>> select_practice_calls(SqlConnection& connection,
                                                        std::optional<std::int64_t> id) {
  SqlParams params;
  std::string where;
  if (id) {
    where = "WHERE id = ?";
    params.push_back(*id);
  }
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT {} FROM practice_calls {} ORDER BY deadline_at DESC, id DESC",
                  kCallColumns, where),
      params);
  if (!rows.ok()) return rows.error();
  std::vector<PracticeCall> calls;
  calls.reserve(rows.value().size());
  for (const SqlRow& row : rows.value()) {
    Result<std::vector<std::string>> categories = string_list(row.text(2), "call's categories");
    if (!categories.ok()) return categories.error();
    Result<std::vector<std::string>> criteria = string_list(row.text(6), "call's criteria");
    if (!criteria.ok()) return criteria.error();
    calls.push_back(call_from(row, std::move(categories).value(), std::move(criteria).value()));
  }
  return calls;
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

// --- attachments

Result<std::int64_t> insert_practice_attachment(SqlConnection& connection,
                                                const PracticeAttachment& attachment,
                                                const PracticeEvent& event,
                                                const std::string& now) {
  if (Status found = entry_exists(connection, attachment.entry_id, ErrorCode::kNotFound);
      !found.ok())
    return found.error();
  Result<SqlRows> inserted = connection.query(
      "INSERT INTO practice_attachments (entry_id, file_name, media_type, content, size, text, "
      "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {attachment.entry_id, attachment.file_name, attachment.media_type,
       SqlParam::blob(attachment.content), static_cast<std::int64_t>(attachment.content.size()),
       attachment.text, SqlParam::id_or_null(attachment.uploaded_by),
       or_now(attachment.uploaded_at, now)});
  if (!inserted.ok()) return inserted.error();
  const std::int64_t id = inserted.value().at(0).integer(0);
  PracticeEvent recorded = event;
  recorded.entry_id = attachment.entry_id;
  if (Status added = insert_practice_event(connection, recorded, now); !added.ok())
    return added.error();
  if (Status indexed = reindex(connection, attachment.entry_id); !indexed.ok())
    return indexed.error();
  return id;
}

Status delete_practice_attachment(SqlConnection& connection, std::int64_t id,
                                  const PracticeEvent& event, const std::string& now) {
  Result<SqlRows> found =
      connection.query("SELECT entry_id FROM practice_attachments WHERE id = ?", {id});
  if (!found.ok()) return found.error();
  if (found.value().empty()) return make_error(ErrorCode::kNotFound, "no such attachment");
  const std::int64_t entry_id = found.value().front().integer(0);
  Result<std::int64_t> deleted =
      connection.execute("DELETE FROM practice_attachments WHERE id = ?", {id});
  if (!deleted.ok()) return deleted.error();
  PracticeEvent recorded = event;
  recorded.entry_id = entry_id;
  if (Status added = insert_practice_event(connection, recorded, now); !added.ok()) return added;
  return reindex(connection, entry_id);
}

Result<std::vector<PracticeAttachment>> select_practice_attachments(SqlConnection& connection,
                                                                    std::int64_t entry_id) {
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT {} FROM practice_attachments WHERE entry_id = ? ORDER BY id",
                  kAttachmentInfoColumns),
      {entry_id});
  if (!rows.ok()) return rows.error();
  std::vector<PracticeAttachment> attachments;
  attachments.reserve(rows.value().size());
  for (SqlRow& row : rows.value()) attachments.push_back(attachment_from(row));
  return attachments;
}

Result<std::optional<PracticeAttachment>> select_practice_attachment(SqlConnection& connection,
                                                                     std::int64_t id) {
  Result<SqlRows> rows =
      connection.query(fmt::format("SELECT {}, content FROM practice_attachments WHERE id = ?",
                                   kAttachmentInfoColumns),
                       {id});
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) return std::optional<PracticeAttachment>();
  SqlRow& row = rows.value().front();
  PracticeAttachment attachment = attachment_from(row);
  attachment.content = row.take_text(8);
  return std::optional<PracticeAttachment>(std::move(attachment));
}

// --- reviews

Status insert_practice_review(SqlConnection& connection, const PracticeReview& assignment,
                              const PracticeEvent& event, const std::string& now) {
  if (Status found = entry_exists(connection, assignment.entry_id, ErrorCode::kInvalidArgument);
      !found.ok())
    return found;
  Result<SqlRows> user =
      connection.query("SELECT 1 FROM users WHERE id = ?", {assignment.reviewer_id});
  if (!user.ok()) return user.error();
  if (user.value().empty()) return make_error(ErrorCode::kInvalidArgument, "no such user");
  Result<SqlRows> assigned =
      connection.query("SELECT 1 FROM practice_reviews WHERE entry_id = ? AND reviewer_id = ?",
                       {assignment.entry_id, assignment.reviewer_id});
  if (!assigned.ok()) return assigned.error();
  if (!assigned.value().empty()) return {};
  Result<std::string> scores = dump(json(assignment.scores));
  if (!scores.ok()) return scores.error();
  Result<std::int64_t> added = connection.execute(
      "INSERT INTO practice_reviews (entry_id, reviewer_id, assigned_by, assigned_at, scores, "
      "comment, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {assignment.entry_id, assignment.reviewer_id, SqlParam::id_or_null(assignment.assigned_by),
       or_now(assignment.assigned_at, now), scores.value(), assignment.comment,
       assignment.scored_at});
  if (!added.ok()) return added.error();
  PracticeEvent recorded = event;
  recorded.entry_id = assignment.entry_id;
  return insert_practice_event(connection, recorded, now);
}

Status delete_practice_review(SqlConnection& connection, std::int64_t entry_id,
                              std::int64_t reviewer_id, const PracticeEvent& event,
                              const std::string& now) {
  if (Status deleted = one_row_changed(
          connection.execute("DELETE FROM practice_reviews WHERE entry_id = ? AND reviewer_id = ?",
                             {entry_id, reviewer_id}),
          "the reviewer is not assigned to the entry");
      !deleted.ok())
    return deleted;
  PracticeEvent recorded = event;
  recorded.entry_id = entry_id;
  return insert_practice_event(connection, recorded, now);
}

Status set_practice_scores(SqlConnection& connection, const PracticeReview& review,
                           const PracticeEvent& event, const std::string& now) {
  Result<std::string> scores = dump(json(review.scores));
  if (!scores.ok()) return scores.error();
  if (Status updated = one_row_changed(
          connection.execute("UPDATE practice_reviews SET scores = ?, comment = ?, scored_at = ? "
                             "WHERE entry_id = ? AND reviewer_id = ?",
                             {scores.value(), review.comment, or_now(review.scored_at, now),
                              review.entry_id, review.reviewer_id}),
          "the reviewer is not assigned to the entry");
      !updated.ok())
    return updated;
  PracticeEvent recorded = event;
  recorded.entry_id = review.entry_id;
  return insert_practice_event(connection, recorded, now);
}

Result<std::vector<PracticeReview>> select_practice_reviews(SqlConnection& connection,
                                                            std::int64_t entry_id,
                                                            std::int64_t reviewer_id) {
  std::string where = "WHERE 1 = 1";
  SqlParams params;
  if (entry_id != 0) {
    where += " AND r.entry_id = ?";
    params.push_back(entry_id);
  }
  if (reviewer_id != 0) {
    where += " AND r.reviewer_id = ?";
    params.push_back(reviewer_id);
  }
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT r.entry_id, r.reviewer_id, u.username, r.assigned_by, r.assigned_at, "
                  "r.scores, r.comment, r.scored_at FROM practice_reviews AS r "
                  "LEFT JOIN users AS u ON u.id = r.reviewer_id {} "
                  "ORDER BY r.entry_id, r.reviewer_id",
                  where),
      params);
  if (!rows.ok()) return rows.error();
  std::vector<PracticeReview> reviews;
  reviews.reserve(rows.value().size());
  for (SqlRow& row : rows.value()) {
    PracticeReview review;
    review.entry_id = row.integer(0);
    review.reviewer_id = row.integer(1);
    review.reviewer_username = row.take_text(2);
    review.assigned_by = row.integer(3);
    review.assigned_at = row.take_text(4);
    Result<std::map<std::string, int>> scores = scores_from(row.text(5));
    if (!scores.ok()) return scores.error();
    review.scores = std::move(scores).value();
    review.comment = row.take_text(6);
    review.scored_at = row.take_text(7);
    reviews.push_back(std::move(review));
  }
  return reviews;
}

}  // namespace sendplan::store::detail
