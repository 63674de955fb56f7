#include "report/settings_json.h"

namespace sendplan::report {

nlohmann::json settings_json(const transport::PlannerSettings& settings,
                             const travel::TravelSource& travel, const std::string& postcodes) {
  nlohmann::json json;
  json["travel"] = travel.description();
  json["time_limit_seconds_per_run"] = settings.solver.time_limit_seconds;
  json["seed"] = settings.solver.seed;
  json["threads"] = settings.solver.threads;
  json["policy"] = {
      {"primary_max_ride_minutes", settings.policy.primary_max_ride_minutes},
      {"secondary_max_ride_minutes", settings.policy.secondary_max_ride_minutes},
      {"earliest_arrival_minutes", settings.policy.earliest_arrival_minutes},
      {"assistant_cost_per_day_pence", settings.policy.assistant_cost_per_day_pence},
      {"ride_counted", transport::ride_counting_name(settings.policy.ride_counting)},
      {"unavoidable_allowance_percent", settings.policy.unavoidable_allowance_percent},
      {"unavoidable_allowance_minutes", settings.policy.unavoidable_allowance_minutes},
      {"afternoon_pickup_window_minutes", settings.run.afternoon_pickup_window_minutes}};
  json["school_days_per_year"] = settings.school_days_per_year;
  if (!postcodes.empty()) json["postcodes"] = postcodes;
  return json;
}

}  // namespace sendplan::report
