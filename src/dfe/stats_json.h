// The dashboard's JSON (used by the server's /api/stats endpoints; shapes in docs/reference/api.md):
// figures, profiles, indicator values, inspection summaries.
#pragma once

#include <nlohmann/json.hpp>

#include "dfe/indicators.h"
#include "dfe/inspections.h"
#include "dfe/profile.h"
#include "stats/figure.h"

namespace sendplan::dfe {

nlohmann::json figure_json(const stats::Figure& figure);
nlohmann::json area_json(const store::StatArea& area);
nlohmann::json indicator_json(const Indicator& indicator);
nlohmann::json profile_json(const Profile& profile);
nlohmann::json inspections_json(const InspectionSummary& summary);

}  // namespace sendplan::dfe
