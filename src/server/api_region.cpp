// Api: the regional summary every signed-in user may see: per borough, counts of children in the
// latest uploads and the latest plan's figures, with counts below 5 suppressed, and a total
// suppressed when it would reveal the one suppressed count under it.
#include <fmt/format.h>

#include <map>

#include "server/api.h"
#include "server/http_json.h"
#include "server/suppression.h"
#include "transport/readers.h"

namespace sendplan::server {

Result<PupilCounts> Api::pupil_counts(std::int64_t dataset_id) {
  {
    std::lock_guard lock(counts_mutex_);
    const auto it = counts_.find(dataset_id);
    if (it != counts_.end()) return it->second;
  }
  Result<std::optional<store::Dataset>> dataset = store_.get_dataset(dataset_id);
  if (!dataset) return dataset.error();
  if (!dataset.value()) return make_error(ErrorCode::kNotFound, "dataset vanished");
  auto pupils = transport::parse_pupils(dataset.value()->content, dataset.value()->file_name,
                                        settings_.policy, settings_.postcodes);
  if (!pupils) return make_error(ErrorCode::kInternal, "a stored pupils file no longer reads");
  PupilCounts counts;
  for (const transport::Pupil& p : pupils.value()) {
    ++counts.pupils;
    counts.wheelchair += p.wheelchair;
    counts.passenger_assistant += p.needs_passenger_assistant;
    counts.travel_alone += p.must_travel_alone;
  }
  std::lock_guard lock(counts_mutex_);
  counts_.emplace(dataset_id, counts);
  return counts;
}

void Api::region_summary(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  Result<std::vector<store::DatasetInfo>> datasets = store_.list_datasets("");
  if (!datasets) return store_failed(datasets.error(), response);
  Result<std::vector<store::PlanRecord>> plans = store_.list_plans("");
  if (!plans) return store_failed(plans.error(), response);

  // Newest first in both lists: the first seen per borough is the latest.
  std::map<std::string, std::int64_t> latest_pupils;
  for (const store::DatasetInfo& d : datasets.value())
    if (d.kind == "pupils") latest_pupils.emplace(d.borough, d.id);
  std::map<std::string, const store::PlanRecord*> latest_plan;
  std::map<std::string, int> plan_count;
  for (const store::PlanRecord& p : plans.value()) {
    if (p.status != store::PlanStatus::kDone) continue;
    ++plan_count[p.borough];
    latest_plan.emplace(p.borough, &p);
  }

  nlohmann::json rows = nlohmann::json::array();
  PupilCounts total;
  int total_plans = 0;
  double total_cost = 0;
  for (const BoroughInfo& info : atlas_.boroughs()) {
    nlohmann::json row = {{"borough", info.name}, {"sub_region", info.sub_region}};
    PupilCounts counts;
    if (const auto it = latest_pupils.find(info.name); it != latest_pupils.end()) {
      Result<PupilCounts> found = pupil_counts(it->second);
      if (!found) return store_failed(found.error(), response);
      counts = found.value();
    }
    put_count(row, "pupils", counts.pupils);
    put_count(row, "wheelchair_pupils", counts.wheelchair);
    put_count(row, "assisted_pupils", counts.passenger_assistant);
    row["plans"] = plan_count[info.name];
    total.pupils += counts.pupils;
    total.wheelchair += counts.wheelchair;
    total.passenger_assistant += counts.passenger_assistant;
    total_plans += plan_count[info.name];
    row["latest_plan"] = nullptr;
    if (const auto it = latest_plan.find(info.name); it != latest_plan.end()) {
      const nlohmann::json summary =
          nlohmann::json::parse(it->second->summary_json, nullptr, false);
      if (summary.is_object() && summary.contains("summary")) {
        const nlohmann::json& s = summary["summary"];
        nlohmann::json plan = {{"id", it->second->id},
                               {"finished_at", it->second->finished_at},
                               {"cost_per_day", s.value("cost_per_day", 0.0)},
                               {"vehicles", s.value("vehicles", 0)}};
        put_count(plan, "unserved", s.value("unserved", 0));
        put_count(plan, "over_limit", s.value("over_limit", 0));
        total_cost += s.value("cost_per_day", 0.0);
        row["latest_plan"] = std::move(plan);
      }
    }
    rows.push_back(std::move(row));
  }
  nlohmann::json totals = {{"plans", total_plans},
                           {"cost_per_day", std::round(total_cost * 100) / 100}};
  // Secondary suppression: with one borough's count hidden, the total would give it away
  // (total minus the others), so that total is hidden too.
  std::map<std::string, int> hidden;
  for (const nlohmann::json& row : rows)
    if (row.contains("suppressed"))
      for (const nlohmann::json& key : row["suppressed"]) ++hidden[key.get<std::string>()];
  auto put_total = [&](const std::string& key, int count) {
    if (hidden[key] == 1) {
      totals[key] = nullptr;
      if (!totals.contains("suppressed")) totals["suppressed"] = nlohmann::json::array();
      totals["suppressed"].push_back(key);
    } else {
      put_count(totals, key, count);
    }
  };
  put_total("pupils", total.pupils);
  put_total("wheelchair_pupils", total.wheelchair);
  put_total("assisted_pupils", total.passenger_assistant);
  send_json(response, 200,
            {{"boroughs", rows},
             {"totals", totals},
             {"suppression",
              fmt::format("counts of children from 1 to {} are not shown", kSuppressBelow - 1)}});
}

}  // namespace sendplan::server
