// The SQLite connection: one database file (or ":memory:"), opened with the WAL journal, foreign
// keys on and a 5 s busy timeout (another process writing makes us wait, not fail).
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/sql_connection.h"

namespace sendplan::store {

// Opens (creating when needed) the database at `path`; ":memory:" is a private in-memory
// database. kIo when it cannot be opened or is not a SQLite database.
Result<std::unique_ptr<SqlConnection>> open_sqlite(const std::string& path);

}  // namespace sendplan::store
