// Api: the SEND data dashboard: published statistics (public data, so every signed-in user may
// read them and nothing is audited) — the indicator catalogue, areas, one indicator for every
// London borough (map and ranking), a borough's profile with forecasts (JSON, figure CSV, the
// self-contained HTML report), inspection outcomes and the imported releases.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "dfe/area_registry.h"
#include "dfe/indicators.h"
#include "dfe/inspections.h"
#include "dfe/profile.h"
#include "dfe/stats_json.h"
#include "server/api.h"
#include "server/http_json.h"
#include "stats/figure_csv.h"
#include "stats/report_html.h"

namespace sendplan::server {

namespace {

// The profile options of a request: ?cost_per_plan=N (pounds, >= 0).
std::optional<dfe::ProfileOptions> profile_options(const httplib::Request& request,
                                                   httplib::Response& response) {
  dfe::ProfileOptions options;
  if (request.has_param("cost_per_plan")) {
    const std::string text = request.get_param_value("cost_per_plan");
    double cost = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), cost);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(cost) ||
        cost < 0 || cost > 10'000'000) {
      send_error(response, 400, "bad_request",
                 "cost_per_plan must be a number of pounds from 0 to 10,000,000 (0 = derived)");
      return std::nullopt;
    }
    options.cost_per_plan = cost;
  }
  return options;
}

// Ranks areas by value: 1 = best for the indicator's polarity (highest when it has none).
void rank(nlohmann::json& values, dfe::Polarity polarity) {
  std::vector<std::pair<double, std::size_t>> order;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i]["value"].is_number()) order.emplace_back(values[i]["value"].get<double>(), i);
  }
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return polarity == dfe::Polarity::kLowerIsBetter ? a.first < b.first : a.first > b.first;
  });
  for (std::size_t place = 0; place < order.size(); ++place) {
    // Ties share the better rank.
    const bool tie = place > 0 && order[place].first == order[place - 1].first;
    values[order[place].second]["rank"] =
        tie ? values[order[place - 1].second]["rank"] : nlohmann::json(place + 1);
  }
}

}  // namespace

void Api::stats_indicators(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  nlohmann::json list = nlohmann::json::array();
  for (const dfe::Indicator& indicator : dfe::indicators()) {
    list.push_back(dfe::indicator_json(indicator));
  }
  send_json(response, 200, {{"indicators", std::move(list)}, {"attribution", dfe::kAttribution}});
}

void Api::stats_areas(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  Result<std::vector<store::StatArea>> areas = store_.list_stat_areas();
  if (!areas) return store_failed(areas.error(), response);
  Result<std::vector<store::StatNeighbour>> neighbours = store_.list_stat_neighbours();
  if (!neighbours) return store_failed(neighbours.error(), response);
  std::map<std::string, std::vector<std::string>> by_area;
  for (const store::StatNeighbour& neighbour : neighbours.value()) {
    by_area[neighbour.area_code].push_back(neighbour.neighbour_code);
  }
  nlohmann::json list = nlohmann::json::array();
  for (const store::StatArea& area : areas.value()) {
    nlohmann::json item = dfe::area_json(area);
    item["london"] = dfe::in_london(area.code, area.region_code);
    item["neighbours"] = by_area[area.code];
    list.push_back(std::move(item));
  }
  send_json(response, 200, {{"areas", std::move(list)}});
}

// GET /api/stats/indicators/{id}?scope=london|england&period=LABEL: one value per area for the
// map and the ranking (London boroughs by default), with London's and England's for comparison.
void Api::stats_indicator(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  const dfe::Indicator* indicator = dfe::find_indicator(request.matches[1]);
  if (indicator == nullptr) return send_error(response, 404, "not_found", "no such indicator");
  const std::string scope =
      request.has_param("scope") ? request.get_param_value("scope") : "london";
  if (scope != "london" && scope != "england") {
    return send_error(response, 400, "bad_request", "scope must be london or england");
  }
  Result<std::vector<store::StatArea>> areas = store_.list_stat_areas();
  if (!areas) return store_failed(areas.error(), response);
  Result<std::vector<dfe::AreaValue>> values = dfe::indicator_values(store_, *indicator);
  if (!values) return store_failed(values.error(), response);

  std::map<std::string, const store::StatArea*> area_by_code;
  for (const store::StatArea& area : areas.value()) area_by_code[area.code] = &area;
  auto included = [&](const std::string& code) {
    auto it = area_by_code.find(code);
    if (it == area_by_code.end() || it->second->level != "la") return false;
    return scope == "england" || dfe::in_london(code, it->second->region_code);
  };
  // Periods the included areas have, newest last; the default is the newest most of them have.
  std::map<std::pair<int, std::string>, int> periods;
  for (const dfe::AreaValue& value : values.value()) {
    if (included(value.area_code) && value.value) ++periods[{value.year, value.period}];
  }
  int most = 0;
  for (const auto& [period, count] : periods) most = std::max(most, count);
  std::string period;
  for (const auto& [key, count] : periods) {
    if (count * 2 >= most) period = key.second;
  }
  if (request.has_param("period")) period = request.get_param_value("period");
  nlohmann::json period_list = nlohmann::json::array();
  for (const auto& [key, count] : periods) {
    period_list.push_back({{"label", key.second}, {"year", key.first}, {"areas", count}});
  }

  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json london = nullptr;
  nlohmann::json england = nullptr;
  for (const dfe::AreaValue& value : values.value()) {
    if (value.period != period) continue;
    const nlohmann::json cell = {
        {"value", value.value ? nlohmann::json(*value.value) : nlohmann::json(nullptr)},
        {"symbol", value.symbol}};
    if (value.area_code == dfe::kLondonCode) london = cell;
    if (value.area_code == dfe::kEnglandCode) england = cell;
    if (!included(value.area_code)) continue;
    nlohmann::json row = cell;
    row["area_code"] = value.area_code;
    row["name"] = area_by_code[value.area_code]->name;
    row["rank"] = nullptr;
    rows.push_back(std::move(row));
  }
  rank(rows, indicator->polarity);
  send_json(response, 200,
            {{"indicator", dfe::indicator_json(*indicator)},
             {"scope", scope},
             {"period", period},
             {"periods", std::move(period_list)},
             {"values", std::move(rows)},
             {"london", london},
             {"england", england}});
}

// The profile of request.matches[1] (an ONS code, LA number or name); nullopt after answering.
std::optional<dfe::Profile> Api::profile_of(const httplib::Request& request,
                                            httplib::Response& response) {
  if (!signed_in(request, response)) return std::nullopt;
  std::optional<dfe::ProfileOptions> options = profile_options(request, response);
  if (!options) return std::nullopt;
  Result<dfe::Profile> profile = dfe::build_profile(store_, request.matches[1], *options);
  if (!profile) {
    if (profile.error().code == ErrorCode::kNotFound) {
      send_error(response, 404, "not_found", profile.error().message);
    } else {
      store_failed(profile.error(), response);
    }
    return std::nullopt;
  }
  return std::move(profile).value();
}

void Api::stats_profile(const httplib::Request& request, httplib::Response& response) {
  std::optional<dfe::Profile> profile = profile_of(request, response);
  if (profile) send_json(response, 200, dfe::profile_json(*profile));
}

void Api::stats_figure_csv(const httplib::Request& request, httplib::Response& response) {
  std::optional<dfe::Profile> profile = profile_of(request, response);
  if (!profile) return;
  for (const stats::Figure& figure : profile->report.figures) {
    if (figure.id != request.matches[2]) continue;
    response.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}-{}.csv\"",
                                                           profile->area.code, figure.id));
    response.set_content(stats::figure_csv(figure), "text/csv; charset=utf-8");
    return;
  }
  send_error(response, 404, "not_found", "no such figure in this profile");
}

void Api::stats_report(const httplib::Request& request, httplib::Response& response) {
  std::optional<dfe::Profile> profile = profile_of(request, response);
  if (!profile) return;
  response.set_header(
      "Content-Disposition",
      fmt::format("attachment; filename=\"send-profile-{}.html\"", profile->area.code));
  response.set_content(stats::render_profile_html(profile->report), "text/html; charset=utf-8");
}

void Api::stats_inspections(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  Result<dfe::InspectionSummary> summary = dfe::inspection_summary(store_);
  if (!summary) return store_failed(summary.error(), response);
  send_json(response, 200, dfe::inspections_json(summary.value()));
}

void Api::stats_releases(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  Result<std::vector<store::StatRelease>> releases = store_.list_stat_releases();
  if (!releases) return store_failed(releases.error(), response);
  nlohmann::json list = nlohmann::json::array();
  for (const store::StatRelease& release : releases.value()) {
    list.push_back({{"series", release.series},
                    {"title", release.title},
                    {"publisher", release.publisher},
                    {"file_name", release.file_name},
                    {"edition", release.edition},
                    {"first_period", release.first_period},
                    {"last_period", release.last_period},
                    {"values", release.value_count},
                    {"imported_at", release.imported_at}});
  }
  send_json(response, 200, {{"releases", std::move(list)}});
}

}  // namespace sendplan::server
