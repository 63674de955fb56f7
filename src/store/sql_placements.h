// The placements part of the Store as SQL on a connection (called by SqlStore, which holds the
// lock and, for writes, the transaction).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/placement_records.h"
#include "store/sql_connection.h"

namespace sendplan::store::detail {

Result<ProviderImportOutcome> import_providers(SqlConnection& connection,
                                               const std::vector<ProviderRecord>& providers,
                                               const std::string& now);
Result<std::int64_t> insert_provider(SqlConnection& connection, const ProviderRecord& provider,
                                     const std::string& now);
Status update_provider(SqlConnection& connection, const ProviderRecord& provider,
                       const std::string& now);
Result<std::vector<ProviderRecord>> select_providers(SqlConnection& connection,
                                                     std::optional<std::int64_t> id);
Result<std::vector<std::int64_t>> insert_placements(SqlConnection& connection,
                                                    const std::vector<PlacementRecord>& placements,
                                                    const std::string& now);
Status insert_fee_period(SqlConnection& connection, std::int64_t placement_id,
                         const FeeRecord& fees, const std::string& now);
Status set_placement_end(SqlConnection& connection, std::int64_t placement_id,
                         const std::string& end_date);
// `borough` "" = every borough; `id` set = that one only.
Result<std::vector<PlacementRecord>> select_placements(SqlConnection& connection,
                                                       const std::string& borough,
                                                       std::optional<std::int64_t> id);

}  // namespace sendplan::store::detail
