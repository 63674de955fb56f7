// The migrations and the code that applies them.
#include "store/migrations.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "store/store.h"

namespace sendplan::store {

namespace {

// Version 1: every table the store needs. Times are ISO-8601 UTC text; optional references are
// NULL (the store's 0); contents are bytes, returned exactly as stored.
constexpr const char* kInitialSchema = R"sql(
CREATE TABLE users (
  id {id},
  username TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  borough TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CONSTRAINT users_username_unique UNIQUE (username),
  CONSTRAINT users_username_not_empty CHECK (length(username) > 0),
  CONSTRAINT users_role_known CHECK (role IN ('officer', 'analyst', 'admin'))
);

CREATE TABLE sessions (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE audit_log (
  id {id},
  at TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  borough TEXT NOT NULL,
  detail TEXT NOT NULL
);

CREATE TABLE datasets (
  id {id},
  borough TEXT NOT NULL,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content {blob} NOT NULL,
  row_count INTEGER NOT NULL,
  uploaded_by BIGINT REFERENCES users (id),
  uploaded_at TEXT NOT NULL,
  CONSTRAINT datasets_kind_known CHECK (kind IN ('pupils', 'schools', 'fleet', 'current')),
  CONSTRAINT datasets_row_count_not_negative CHECK (row_count >= 0)
);
CREATE INDEX datasets_borough_kind_id ON datasets (borough, kind, id);
CREATE INDEX datasets_borough_id ON datasets (borough, id);

CREATE TABLE plans (
  id {id},
  borough TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  progress DOUBLE PRECISION NOT NULL,
  message TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  pupils_dataset BIGINT NOT NULL REFERENCES datasets (id),
  schools_dataset BIGINT NOT NULL REFERENCES datasets (id),
  fleet_dataset BIGINT NOT NULL REFERENCES datasets (id),
  current_dataset BIGINT REFERENCES datasets (id),
  finished_at TEXT NOT NULL,
  CONSTRAINT plans_status_known CHECK (status IN ('queued', 'running', 'done', 'failed')),
  CONSTRAINT plans_progress_fraction CHECK (progress >= 0 AND progress <= 1)
);
CREATE INDEX plans_borough_id ON plans (borough, id);
CREATE INDEX plans_status ON plans (status);

CREATE TABLE plan_files (
  plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  content {blob} NOT NULL,
  PRIMARY KEY (plan_id, name),
  CONSTRAINT plan_files_name_length CHECK (length(name) BETWEEN 1 AND 255)
);
)sql";

// Version 2: published statistics (stats_records.h). A value's key is its published cell;
// `edition` (the latest year its file covers) decides which release's cell is kept.
constexpr const char* kStatisticsSchema = R"sql(
CREATE TABLE stat_releases (
  id {id},
  series TEXT NOT NULL,
  title TEXT NOT NULL,
  publisher TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  edition INTEGER NOT NULL,
  first_period TEXT NOT NULL,
  last_period TEXT NOT NULL,
  value_count INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  CONSTRAINT stat_releases_series_sha256_unique UNIQUE (series, sha256)
);

CREATE TABLE stat_areas (
  code TEXT NOT NULL PRIMARY KEY,
  la_number TEXT NOT NULL,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  region_code TEXT NOT NULL,
  region_name TEXT NOT NULL,
  year INTEGER NOT NULL,
  CONSTRAINT stat_areas_level_known CHECK (level IN ('national', 'regional', 'la'))
);
CREATE INDEX stat_areas_la_number ON stat_areas (la_number);

CREATE TABLE stat_values (
  series TEXT NOT NULL,
  measure TEXT NOT NULL,
  area_code TEXT NOT NULL,
  period TEXT NOT NULL,
  year INTEGER NOT NULL,
  breakdown_topic TEXT NOT NULL,
  breakdown TEXT NOT NULL,
  text TEXT NOT NULL,
  value DOUBLE PRECISION,
  edition INTEGER NOT NULL,
  release_id BIGINT NOT NULL REFERENCES stat_releases (id),
  PRIMARY KEY (series, measure, area_code, period, breakdown_topic, breakdown)
){without_rowid};

CREATE TABLE stat_neighbours (
  area_code TEXT NOT NULL,
  rank INTEGER NOT NULL,
  neighbour_code TEXT NOT NULL,
  closeness TEXT NOT NULL,
  release_id BIGINT NOT NULL REFERENCES stat_releases (id),
  PRIMARY KEY (area_code, rank)
);
)sql";

// Version 3: the placements register. A provider's needs are codes joined by ';'. A placement's
// fees are periods from a date (fee_periods), never overwritten.
constexpr const char* kPlacementsSchema = R"sql(
CREATE TABLE providers (
  id {id},
  urn TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  la_number TEXT NOT NULL,
  local_authority TEXT NOT NULL,
  postcode TEXT NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  age_low INTEGER NOT NULL,
  age_high INTEGER NOT NULL,
  needs TEXT NOT NULL,
  boarding TEXT NOT NULL,
  wheelchair_accessible INTEGER NOT NULL,
  capacity INTEGER NOT NULL,
  places_commissioned INTEGER NOT NULL,
  vacancies INTEGER NOT NULL,
  ofsted_grade INTEGER,
  ofsted_date TEXT NOT NULL,
  section41 INTEGER NOT NULL,
  source TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT providers_name_not_empty CHECK (length(name) > 0),
  CONSTRAINT providers_counts_not_negative
    CHECK (capacity >= 0 AND places_commissioned >= 0 AND vacancies >= 0),
  CONSTRAINT providers_boarding_known CHECK (boarding IN ('day', 'residential', 'both'))
);
CREATE INDEX providers_urn ON providers (urn);

CREATE TABLE placements (
  id {id},
  borough TEXT NOT NULL,
  child_ref TEXT NOT NULL,
  need TEXT NOT NULL,
  age INTEGER NOT NULL,
  provider_id BIGINT NOT NULL REFERENCES providers (id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  residential INTEGER NOT NULL,
  transport_cost BIGINT NOT NULL,
  distance_km DOUBLE PRECISION NOT NULL,
  CONSTRAINT placements_money_not_negative CHECK (transport_cost >= 0)
);
CREATE INDEX placements_borough_id ON placements (borough, id);
CREATE INDEX placements_provider_id ON placements (provider_id);

CREATE TABLE fee_periods (
  placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
  from_date TEXT NOT NULL,
  education BIGINT NOT NULL,
  care BIGINT NOT NULL,
  therapy BIGINT NOT NULL,
  other BIGINT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (placement_id, from_date),
  CONSTRAINT fee_periods_not_negative
    CHECK (education >= 0 AND care >= 0 AND therapy >= 0 AND other >= 0)
);
)sql";

// Version 4: a plan is a version of the borough's plan. parent_plan is the version it was made
// from (NULL for a fresh plan), kind how it was made, note a few words of what changed (never a
// child's details). Plans made before this version are fresh plans.
constexpr const char* kPlanVersionsSchema = R"sql(
ALTER TABLE plans ADD COLUMN parent_plan BIGINT REFERENCES plans (id);
ALTER TABLE plans ADD COLUMN kind TEXT NOT NULL DEFAULT 'planned'
  CONSTRAINT plans_kind_known
  CHECK (kind IN ('planned', 're-planned around locked routes', 'edited', 'updated'));
ALTER TABLE plans ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX plans_parent_plan ON plans (parent_plan);
)sql";

// Version 5: accounts an administrator can run, and a register with history.
// - users: disabled (cannot sign in, sessions ended), must_change_password (after a reset),
//   deleted_at (an account deleted: never signs in again and leaves the list, but its row stays
//   so the audit log and plans still name it), username_key (lower-case username: usernames are
//   unique ignoring case; existing accounts that differ only in case keep theirs, the newer ones
//   suffixed with '#id' in the key so the index can be made).
// - provider_history: every change of a provider in the shared register, with who made it and
//   the record before and after (JSON).
constexpr const char* kAccountsAndHistorySchema = R"sql(
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN deleted_at TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN username_key TEXT;
UPDATE users SET username_key = lower(username) || CASE
  WHEN EXISTS (SELECT 1 FROM users AS older
               WHERE lower(older.username) = lower(users.username) AND older.id < users.id)
  THEN '#' || CAST(id AS TEXT) ELSE '' END;
CREATE UNIQUE INDEX users_username_key ON users (username_key);

CREATE TABLE provider_history (
  id {id},
  provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  username TEXT NOT NULL,
  change TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL
);
CREATE INDEX provider_history_provider_id ON provider_history (provider_id);
)sql";

// Version 6: cross-borough pools. A pool run plans 2 or more boroughs' children together
// (transport/pool_search.h): who started it and when, each borough in the pool's order with the
// inputs it was planned from, its status and the long step under way (step, steps_done of
// steps_total), message (progress in words, or why it failed), and when done pool.json and the
// pooled plan's files (pool_files: routes.csv, routes.geojson, ... and each borough's own view
// of the pooled routes).
constexpr const char* kPoolsSchema = R"sql(
CREATE TABLE pools (
  id {id},
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  status TEXT NOT NULL,
  step TEXT NOT NULL,
  steps_done INTEGER NOT NULL,
  steps_total INTEGER NOT NULL,
  message TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  pool_json TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  CONSTRAINT pools_status_known CHECK (status IN ('queued', 'running', 'done', 'failed')),
  CONSTRAINT pools_steps_counted CHECK (steps_done >= 0 AND steps_total >= 0)
);
CREATE INDEX pools_status ON pools (status);

CREATE TABLE pool_boroughs (
  pool_id BIGINT NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  borough TEXT NOT NULL,
  pupils_dataset BIGINT NOT NULL REFERENCES datasets (id),
  schools_dataset BIGINT NOT NULL REFERENCES datasets (id),
  fleet_dataset BIGINT NOT NULL REFERENCES datasets (id),
  PRIMARY KEY (pool_id, seq),
  CONSTRAINT pool_boroughs_once UNIQUE (pool_id, borough)
);
CREATE INDEX pool_boroughs_borough ON pool_boroughs (borough, pool_id);

CREATE TABLE pool_files (
  pool_id BIGINT NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  content {blob} NOT NULL,
  PRIMARY KEY (pool_id, name),
  CONSTRAINT pool_files_name_length CHECK (length(name) BETWEEN 1 AND 255)
);
)sql";

// Version 7: the practice repository (practice_records.h). Lists (boroughs, categories, needs,
// settings, links, indicators, review criteria), impact measures and review scores are JSON text
// written and read by the store only. An entry's facets (filters and counts, worked out by the
// practice layer) and its lead and partner boroughs (who may see it before it is published) are
// kept beside it; revision counts its changes (a stale revision is refused). practice_generation
// counts the writes of facets, and each entry records the one that wrote its own
// (facets_generation), so a store keeping the facets in memory to count them reads only what
// changed. practice_entries_search_keys covers what a search filters and sorts entries by (the
// rows themselves are long; an index on state alone would lead SQLite to read them). The
// search index differs per dialect (the dialects' scripts below): it is written by the store on
// every change of an entry or its attachments.
constexpr const char* kPracticeSchema = R"sql(
CREATE TABLE practice_calls (
  id {id},
  name TEXT NOT NULL,
  categories TEXT NOT NULL,
  opens_at TEXT NOT NULL,
  deadline_at TEXT NOT NULL,
  guidance TEXT NOT NULL,
  criteria TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX practice_calls_deadline_at ON practice_calls (deadline_at, id);

CREATE TABLE practice_entries (
  id {id},
  call_id BIGINT REFERENCES practice_calls (id),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  lead_borough TEXT NOT NULL,
  partner_boroughs TEXT NOT NULL,
  categories TEXT NOT NULL,
  problem TEXT NOT NULL,
  actions TEXT NOT NULL,
  age_from INTEGER NOT NULL,
  age_to INTEGER NOT NULL,
  needs TEXT NOT NULL,
  settings TEXT NOT NULL,
  impact TEXT NOT NULL,
  impact_summary TEXT NOT NULL,
  cost_and_resources TEXT NOT NULL,
  how_to_adopt TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_role TEXT NOT NULL,
  links TEXT NOT NULL,
  indicators TEXT NOT NULL,
  started_on TEXT NOT NULL,
  state TEXT NOT NULL,
  winner_category TEXT NOT NULL,
  evidence_strength INTEGER NOT NULL,
  example INTEGER NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  published_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  facets_generation BIGINT NOT NULL,
  CONSTRAINT practice_entries_state_known CHECK (state IN ('draft', 'submitted', 'under-review',
    'shortlisted', 'not-shortlisted', 'winner', 'published')),
  CONSTRAINT practice_entries_evidence_range CHECK (evidence_strength BETWEEN 0 AND 5),
  CONSTRAINT practice_entries_ages
    CHECK (age_from BETWEEN 0 AND 25 AND age_to BETWEEN 0 AND 25 AND age_from <= age_to),
  CONSTRAINT practice_entries_revision_positive CHECK (revision >= 1)
);
CREATE INDEX practice_entries_call_id ON practice_entries (call_id);
CREATE INDEX practice_entries_facets_generation ON practice_entries (facets_generation);
CREATE INDEX practice_entries_search_keys
  ON practice_entries (id, state, evidence_strength, submitted_at, created_at);

CREATE TABLE practice_generation (
  id INTEGER NOT NULL PRIMARY KEY,
  generation BIGINT NOT NULL,
  CONSTRAINT practice_generation_one_row CHECK (id = 1)
);
INSERT INTO practice_generation (id, generation) VALUES (1, 0);

CREATE TABLE practice_entry_boroughs (
  entry_id BIGINT NOT NULL REFERENCES practice_entries (id) ON DELETE CASCADE,
  borough TEXT NOT NULL,
  PRIMARY KEY (entry_id, borough)
){without_rowid};
CREATE INDEX practice_entry_boroughs_borough ON practice_entry_boroughs (borough, entry_id);

CREATE TABLE practice_facets (
  entry_id BIGINT NOT NULL REFERENCES practice_entries (id) ON DELETE CASCADE,
  facet TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (entry_id, facet, value)
){without_rowid};
CREATE INDEX practice_facets_facet_value ON practice_facets (facet, value, entry_id);

CREATE TABLE practice_attachments (
  id {id},
  entry_id BIGINT NOT NULL REFERENCES practice_entries (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  content {blob} NOT NULL,
  size BIGINT NOT NULL,
  text TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES users (id),
  uploaded_at TEXT NOT NULL,
  CONSTRAINT practice_attachments_size_not_negative CHECK (size >= 0)
);
CREATE INDEX practice_attachments_entry_id ON practice_attachments (entry_id, id);

CREATE TABLE practice_events (
  id {id},
  entry_id BIGINT NOT NULL REFERENCES practice_entries (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  user_id BIGINT REFERENCES users (id),
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX practice_events_entry_id ON practice_events (entry_id, id);

CREATE TABLE practice_reviews (
  entry_id BIGINT NOT NULL REFERENCES practice_entries (id) ON DELETE CASCADE,
  reviewer_id BIGINT NOT NULL REFERENCES users (id),
  assigned_by BIGINT REFERENCES users (id),
  assigned_at TEXT NOT NULL,
  scores TEXT NOT NULL,
  comment TEXT NOT NULL,
  scored_at TEXT NOT NULL,
  PRIMARY KEY (entry_id, reviewer_id)
);
CREATE INDEX practice_reviews_reviewer_id ON practice_reviews (reviewer_id, entry_id);
)sql";

// Version 7 on SQLite: an FTS5 table whose rowid is the entry's id. Its columns, weighted for
// ranking by the search: the title, the summary, the problem, the actions, the impact (in words,
// each measure, cost and resources, how to adopt) and the attachments (names and text). The
// Porter stemmer matches "assessments" with "assessment"; accents are ignored.
constexpr const char* kPracticeSchemaSqlite = R"sql(
CREATE VIRTUAL TABLE practice_search USING fts5(
  title, summary, problem, actions, impact, attachments,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
)sql";

// Version 7 on PostgreSQL: each entry's text as one weighted tsvector (title A, summary B,
// problem, actions and impact C, attachments D) with a GIN index, and the indexed text as
// written (`content`, for the search's passages).
constexpr const char* kPracticeSchemaPostgres = R"sql(
CREATE TABLE practice_search (
  entry_id BIGINT NOT NULL PRIMARY KEY REFERENCES practice_entries (id) ON DELETE CASCADE,
  document TSVECTOR NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX practice_search_document ON practice_search USING GIN (document);
)sql";

constexpr const char* kCreateMigrationsTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER NOT NULL PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
))sql";

// Serialises migrations between processes. SQLite's BEGIN IMMEDIATE already holds the database's
// write lock; PostgreSQL takes a transaction-scoped advisory lock (an arbitrary fixed key).
Status lock_for_migration(SqlConnection& connection) {
  if (connection.dialect() != Dialect::kPostgres) return {};
  Result<SqlRows> locked = connection.query("SELECT pg_advisory_xact_lock(7310595152436541)");
  if (!locked.ok()) return locked.error();
  return {};
}

Result<std::set<int>> applied_versions(SqlConnection& connection) {
  Result<SqlRows> rows = connection.query("SELECT version FROM schema_migrations");
  if (!rows.ok()) return rows.error();
  std::set<int> versions;
  for (const SqlRow& row : rows.value()) versions.insert(static_cast<int>(row.integer(0)));
  return versions;
}

Error migration_error(const std::string& what, const Error& cause) {
  return make_error(ErrorCode::kIo, fmt::format("store migration: {}: {}", what, cause.message));
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      {1, "users, sessions, audit log, datasets, plans and plan files", kInitialSchema},
      {2, "published statistics: releases, areas, values, statistical neighbours",
       kStatisticsSchema},
      {3, "placements register: providers, placements and their fee periods", kPlacementsSchema},
      {4, "plan versions: each plan's parent plan, kind and note", kPlanVersionsSchema},
      {5, "accounts (disabled, password change, deleted, case-insensitive names); register history",
       kAccountsAndHistorySchema},
      {6, "cross-borough pools: pool runs, their boroughs and inputs, and their files",
       kPoolsSchema},
      {7, "practice repository: calls, entries, facets, attachments, events, reviews, search index",
       kPracticeSchema, kPracticeSchemaSqlite, kPracticeSchemaPostgres},
  };
  return list;
}

std::string migration_sql(const Migration& migration, Dialect dialect) {
  const bool sqlite = dialect == Dialect::kSqlite;
  // SQLite's AUTOINCREMENT never reuses the id of a deleted newest row.
  const std::pair<std::string_view, std::string_view> replacements[] = {
      {"{id}", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                      : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
      {"{blob}", sqlite ? "BLOB" : "BYTEA"},
      // SQLite keeps a table keyed by its primary key once instead of twice (table and index).
      {"{without_rowid}", sqlite ? " WITHOUT ROWID" : ""},
  };
  std::string sql = migration.sql;
  const std::string& own = sqlite ? migration.sqlite_sql : migration.postgres_sql;
  if (!own.empty()) {
    // `sql` may end without ';'.
    const std::size_t last = sql.find_last_not_of(" \t\r\n");
    if (last != std::string::npos && sql[last] != ';') sql += ";";
    sql += "\n";
    sql += own;
  }
  for (const auto& [from, to] : replacements) {
    for (std::size_t at = sql.find(from); at != std::string::npos; at = sql.find(from, at)) {
      sql.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return sql;
}

Result<MigrationReport> migrate(SqlConnection& connection, const std::vector<Migration>& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].version != static_cast<int>(i) + 1) {
      return make_error(ErrorCode::kInternal, "store migration: versions must be 1, 2, 3, ...");
    }
  }
  const int known = static_cast<int>(list.size());

  Status created = in_transaction(connection, [&]() -> Status {
    if (Status locked = lock_for_migration(connection); !locked.ok()) return locked;
    return connection.execute_script(kCreateMigrationsTable);
  });
  if (!created.ok()) return migration_error("cannot create schema_migrations", created.error());

  Result<std::set<int>> before = applied_versions(connection);
  if (!before.ok()) return migration_error("cannot read schema_migrations", before.error());
  MigrationReport report;
  report.version = before.value().empty() ? 0 : *before.value().rbegin();
  if (report.version > known) {
    return make_error(ErrorCode::kIo,
                      fmt::format("store migration: the database's schema version {} is newer "
                                  "than this program's ({}); use a newer sendplan",
                                  report.version, known));
  }

  for (const Migration& migration : list) {
    if (before.value().count(migration.version) > 0) continue;
    bool applied_now = false;
    Status status = in_transaction(connection, [&]() -> Status {
      if (Status locked = lock_for_migration(connection); !locked.ok()) return locked;
      // Another process may have applied it while we waited for the lock.
      Result<SqlRows> done = connection.query("SELECT 1 FROM schema_migrations WHERE version = ?",
                                              {migration.version});
      if (!done.ok()) return done.error();
      if (!done.value().empty()) return {};
      Status ran = connection.execute_script(migration_sql(migration, connection.dialect()));
      if (!ran.ok()) return ran;
      Result<std::int64_t> recorded = connection.execute(
          "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
          {migration.version, migration.description, utc_now()});
      if (!recorded.ok()) return recorded.error();
      applied_now = true;
      return {};
    });
    if (!status.ok()) {
      return migration_error(
          fmt::format("migration {} ({}) failed", migration.version, migration.description),
          status.error());
    }
    if (applied_now) report.applied.push_back(migration.version);
    report.version = std::max(report.version, migration.version);
  }
  return report;
}

}  // namespace sendplan::store
