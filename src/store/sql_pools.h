// The pools part of the Store as SQL on a connection (called by SqlStore, which holds the lock
// and, for writes, the transaction).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sql_connection.h"
#include "store/store.h"

namespace sendplan::store::detail {

Result<std::int64_t> insert_pool(SqlConnection& connection, const PoolRecord& pool,
                                 const std::string& now);
Status set_pool_progress(SqlConnection& connection, std::int64_t id, const PoolRecord& progress);
Status set_pool_done(SqlConnection& connection, std::int64_t id, const std::string& pool_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at);
Status set_pool_failed(SqlConnection& connection, std::int64_t id, const std::string& message,
                       const std::string& finished_at);
// Pools left queued or running become failed; how many.
Result<int> fail_unfinished_pools(SqlConnection& connection, const std::string& message,
                                  const std::string& finished_at);
// Newest first. `id` set = that pool only; else `borough` "" = every pool, or the pools with it.
Result<std::vector<PoolRecord>> select_pools(SqlConnection& connection, const std::string& borough,
                                             std::optional<std::int64_t> id);
Result<std::optional<std::string>> select_pool_file(SqlConnection& connection, std::int64_t id,
                                                    const std::string& name);

}  // namespace sendplan::store::detail
