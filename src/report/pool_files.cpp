// pool.json and pool.csv (see pool_files.h).
#include "report/pool_files.h"

#include <fmt/format.h>

#include "core/text.h"

namespace sendplan::report {

namespace {

std::string pounds(std::int64_t pence) {
  return fmt::format("{:.2f}", static_cast<double>(pence) / 100.0);
}

double percent_of(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

std::vector<std::string> coalition_labels(const std::vector<transport::BoroughInputs>& boroughs,
                                          unsigned mask) {
  std::vector<std::string> labels;
  for (size_t i = 0; i < boroughs.size(); ++i)
    if (mask & (1u << i)) labels.push_back(boroughs[i].label);
  return labels;
}

nlohmann::json pool_json(const std::vector<transport::BoroughInputs>& boroughs,
                         const transport::PoolOutcome& pool, const transport::PoolSharing& sharing,
                         const transport::PoolSearchSettings& search,
                         const transport::SharingSettings& share_settings,
                         const nlohmann::json& settings_record, double time_limit, int days) {
  nlohmann::json json;
  json["sharing"] = transport::cost_sharing_name(sharing.method);
  json["school_days_per_year"] = days;
  json["shared_schools"] = pool.merged.shared_schools;
  json["standalone_total_per_day_pence"] = sharing.standalone_pence;
  json["pooled_per_day_pence"] = sharing.pooled_pence;
  json["saving_per_day_pence"] = sharing.standalone_pence - sharing.pooled_pence;
  json["saving_percent"] =
      percent_of(sharing.standalone_pence - sharing.pooled_pence, sharing.standalone_pence);
  json["pooled_vehicles"] = pool.pooled.summary.vehicles;
  // Against the boroughs' first plans (as `sendplan plan` makes them): pooling plus the extra
  // search at the seams, which the stand-alone costs above have had too.
  json["first_plans_per_day_pence"] = pool.first_plans_pence;
  json["saving_against_first_plans_percent"] =
      percent_of(pool.first_plans_pence - sharing.pooled_pence, pool.first_plans_pence);
  json["settings"] = settings_record;
  json["search"] = {{"start", "each borough's own plan (their union)"},
                    {"alone_time_limit_seconds_per_run", time_limit},
                    {"cluster_pupils", search.cluster_pupils},
                    {"seam_metres", search.seam_metres},
                    {"max_cluster_boroughs", search.max_cluster_boroughs},
                    {"cluster_iterations", search.cluster_iterations},
                    {"cluster_seed_base", search.seed},
                    {"clusters", pool.game.clusters().size()},
                    {"cluster_solves", pool.cluster_solves},
                    {"clusters_in_pooled_plan", pool.clusters_improved},
                    {"seconds",
                     {{"travel_matrix", pool.matrix_seconds},
                      {"alone", pool.alone_seconds},
                      {"seams", pool.seam_seconds}}}};
  json["shapley"] = {{"exact", sharing.shapley.exact},
                     {"exact_up_to_boroughs", share_settings.exact_up_to},
                     {"samples", sharing.shapley.samples},
                     {"seed", share_settings.seed},
                     {"adjusted_for_individual_rationality", sharing.shapley_adjusted}};
  for (const transport::BoroughPart& part : sharing.boroughs) {
    const std::int64_t saving = part.standalone_pence - part.share_pence;
    json["boroughs"].push_back({{"label", part.label},
                                {"pupils", part.pupils},
                                {"vehicles_alone", part.vehicles_alone},
                                {"shared_schools", part.shared_schools},
                                {"pupils_at_shared_schools", part.pupils_at_shared_schools},
                                {"pupils_riding_with_others", part.pupils_riding_with_others},
                                {"shares_schools_with", part.shares_schools_with},
                                {"standalone_per_day_pence", part.standalone_pence},
                                {"proportional_per_day_pence", part.proportional_pence},
                                {"shapley_per_day_pence", part.shapley_pence},
                                {"shapley_value_pence", part.shapley_value},
                                {"shapley_confidence_half_width_pence", part.shapley_half_width},
                                {"share_per_day_pence", part.share_pence},
                                {"saving_per_day_pence", saving},
                                {"saving_per_year_pence", saving * days},
                                {"saving_percent", percent_of(saving, part.standalone_pence)},
                                {"explanation", part.explanation}});
  }
  nlohmann::json objections = nlohmann::json::array();
  for (const transport::CoreObjection& o : sharing.core.objections)
    objections.push_back({{"boroughs", coalition_labels(boroughs, o.coalition)},
                          {"shares_per_day_pence", o.shares_pence},
                          {"own_plan_per_day_pence", o.cost_pence},
                          {"would_save_per_day_pence", o.gain_pence()}});
  json["core_check"] = {{"exact", sharing.core.exact},
                        {"coalitions_checked", sharing.core.coalitions_checked},
                        {"in_the_core", sharing.core.objections_found == 0},
                        {"objections_found", sharing.core.objections_found},
                        {"objections", objections}};
  const int k = static_cast<int>(boroughs.size());
  if (k <= share_settings.exact_up_to) {
    for (unsigned mask = 1; mask < (1u << k); ++mask)
      json["coalitions"].push_back(
          {{"boroughs", coalition_labels(boroughs, mask)},
           {"per_day_pence", mask == (1u << k) - 1 ? sharing.pooled_pence : pool.game.cost(mask)}});
  }
  return json;
}

std::string pool_csv(const transport::PoolSharing& sharing, int days) {
  std::string csv =
      "borough,pupils,standalone_per_day,proportional_per_day,shapley_per_day,share_per_day,"
      "saving_per_day,saving_per_year,saving_percent,explanation\n";
  for (const transport::BoroughPart& part : sharing.boroughs) {
    const std::int64_t saving = part.standalone_pence - part.share_pence;
    csv += fmt::format("{},{},{},{},{},{},{},{},{:.1f},{}\n", csv_cell(part.label), part.pupils,
                       pounds(part.standalone_pence), pounds(part.proportional_pence),
                       pounds(part.shapley_pence), pounds(part.share_pence), pounds(saving),
                       pounds(saving * days), percent_of(saving, part.standalone_pence),
                       csv_cell(part.explanation));
  }
  return csv;
}

}  // namespace sendplan::report
