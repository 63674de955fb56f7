// The Store on an SqlConnection, and the pieces open_store is made of. Most code wants
// open_store (store.h); these are for tests that need to hold the connection (e.g. to open a
// store with fewer or more migrations than this program's, or to interrupt a write).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/migrations.h"
#include "store/sql_connection.h"
#include "store/store.h"

namespace sendplan::store {

// Connects to the database named by `url` (the forms in store.h) without migrating it.
// kInvalidArgument for a URL that is empty or has an unknown scheme; kIo when the database
// cannot be opened. A PostgreSQL URL without connect_timeout gets connect_timeout=10.
Result<std::unique_ptr<SqlConnection>> connect_database(const std::string& url);

// Migrates the database with `list` and returns the Store on it.
Result<std::unique_ptr<Store>> open_sql_store(std::unique_ptr<SqlConnection> connection,
                                              const std::vector<Migration>& list = migrations());

}  // namespace sendplan::store
