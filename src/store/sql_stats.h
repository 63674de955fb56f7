// The published-statistics part of the Store as SQL on a connection (called by SqlStore, which
// holds the lock and, for imports, the transaction).
#pragma once

#include <vector>

#include "core/result.h"
#include "store/sql_connection.h"
#include "store/stats_records.h"

namespace sendplan::store::detail {

// Writes every import; the caller runs it in one transaction.
Result<std::vector<StatImportOutcome>> import_stat_releases(SqlConnection& connection,
                                                            const std::vector<StatImport>& imports,
                                                            const std::string& now);
Result<std::vector<StatRelease>> list_stat_releases(SqlConnection& connection);
Result<std::vector<StatArea>> list_stat_areas(SqlConnection& connection);
Result<std::vector<StatValue>> query_stat_values(SqlConnection& connection, const StatQuery& query);
Result<std::vector<StatNeighbour>> list_stat_neighbours(SqlConnection& connection);

}  // namespace sendplan::store::detail
