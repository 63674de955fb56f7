// The PostgreSQL connection (libpqxx 6): one session on a server named by a libpq connection URI
// ("postgresql://user@host:port/db?..."). Statements' `?` placeholders become $1, $2, ...;
// parameters travel separately from the SQL as text (blobs as bytea hex).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/sql_connection.h"

namespace sendplan::store {

// Connects to `url`. kIo when the server cannot be reached or refuses us: the message is
// libpq's (it names the host and port, never the password).
Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& url);

// `sql` with each `?` placeholder numbered $1, $2, ... in order; question marks inside quotes
// ('...' literals, "..." identifiers) are left alone.
std::string number_placeholders(std::string_view sql);

}  // namespace sendplan::store
