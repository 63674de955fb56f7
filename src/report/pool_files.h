// A pool's sharing as files: pool.json (the sharing, each borough's part and explanation, the
// core check, every coalition's cost up to the exact limit, and the search's settings, seeds and
// effort, so a result can be repeated) and pool.csv (a row per borough). Money in pence in JSON,
// pounds in CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "transport/pool_search.h"
#include "transport/pool_sharing.h"

namespace sendplan::report {

// The labels of the boroughs in `mask` (bit i = boroughs[i]).
std::vector<std::string> coalition_labels(const std::vector<transport::BoroughInputs>& boroughs,
                                          unsigned mask);

// `settings_record` is settings_json's; `time_limit` the first plans' limit per run (seconds).
nlohmann::json pool_json(const std::vector<transport::BoroughInputs>& boroughs,
                         const transport::PoolOutcome& pool, const transport::PoolSharing& sharing,
                         const transport::PoolSearchSettings& search,
                         const transport::SharingSettings& share_settings,
                         const nlohmann::json& settings_record, double time_limit, int days);

// borough,pupils,standalone_per_day,proportional_per_day,shapley_per_day,share_per_day,
// saving_per_day,saving_per_year,saving_percent,explanation — every text cell through csv_cell.
std::string pool_csv(const transport::PoolSharing& sharing, int days);

}  // namespace sendplan::report
