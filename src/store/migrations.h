// The store's schema as a versioned list of migrations. A database records the ones applied in
// schema_migrations(version, description, applied_at); opening a store applies the missing ones
// in order, each in its own transaction (all of it or none of it), so a database made by an
// older program is brought up to date and reopening an up-to-date one changes nothing.
//
// To change the schema, append a migration with the next version; never edit an applied one.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/sql_connection.h"

namespace sendplan::store {

struct Migration {
  int version = 0;  // 1, 2, 3, ... in order
  std::string description;
  // Statements separated by ';'. Written once for both dialects; {id} stands for an
  // auto-numbered primary key column type, {blob} for a bytes column type and {without_rowid}
  // for SQLite's WITHOUT ROWID after a table keyed by its primary key.
  std::string sql;
  // What only one dialect runs (e.g. full-text search: an FTS5 table, a tsvector column), after
  // `sql` and in the same transaction; "" = nothing. The same placeholders apply.
  std::string sqlite_sql = {};
  std::string postgres_sql = {};
};

// This program's migrations, oldest first.
const std::vector<Migration>& migrations();

// `migration.sql` then the dialect's own script (sqlite_sql or postgres_sql), for `dialect`, with
// the placeholders replaced.
std::string migration_sql(const Migration& migration, Dialect dialect);

struct MigrationReport {
  int version = 0;           // the schema version afterwards (the highest applied)
  std::vector<int> applied;  // the versions applied now
};

// Creates schema_migrations when needed and applies the migrations of `list` not yet applied,
// oldest first, each in its own transaction (other processes opening the same database wait).
// kIo when one fails (the earlier ones stay applied) or when the database has a version newer
// than the list knows (it was made by a newer program); kInternal when `list` is not numbered
// 1, 2, 3, ...
Result<MigrationReport> migrate(SqlConnection& connection, const std::vector<Migration>& list);

}  // namespace sendplan::store
