// The planner settings recorded in summary.json's "settings": travel source, time limit, seed,
// threads, policy and school days (and the postcode file when one was used).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "transport/planner.h"
#include "travel/travel_source.h"

namespace sendplan::report {

nlohmann::json settings_json(const transport::PlannerSettings& settings,
                             const travel::TravelSource& travel, const std::string& postcodes);

}  // namespace sendplan::report
