// Api: the placements register's regional analyses (fee benchmarks, spend, where children are
// placed, the most expensive placements) and its gaps between demand and capacity: aggregates
// with small numbers suppressed; the few single placements shown are audited.
#include <fmt/format.h>

#include <map>
#include <optional>
#include <utility>

#include "placements/analysis.h"
#include "placements/gaps.h"
#include "placements/register.h"
#include "server/api.h"
#include "server/api_placements_internal.h"
#include "server/http_json.h"

namespace sendplan::server {

namespace {

using nlohmann::json;
namespace pl = sendplan::placements;
using detail::date_of;
using detail::or_null;
using detail::valid_date;

template <typename T, typename ToJson>
json table_json(const pl::BoroughTable<std::optional<T>>& table,
                const std::vector<std::string>& column_names, ToJson to_json) {
  auto cell = [&](const std::optional<T>& value) {
    return value ? to_json(*value) : json(nullptr);
  };
  json rows = json::array();
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    json cells = json::array();
    for (const auto& value : table.cells[r]) cells.push_back(cell(value));
    rows.push_back(
        {{"borough", table.rows[r]}, {"cells", cells}, {"total", cell(table.row_totals[r])}});
  }
  json london = json::array();
  for (const auto& value : table.column_totals) london.push_back(cell(value));
  return {{"columns", table.columns},
          {"column_names", column_names.empty() ? json(table.columns) : json(column_names)},
          {"rows", rows},
          {"london", {{"cells", london}, {"total", cell(table.grand_total)}}}};
}

json fee_json(const pl::FeeSummary& fee) {
  return {{"count", fee.count},
          {"median", fee.median},
          {"lower_quartile", fee.lower_quartile},
          {"upper_quartile", fee.upper_quartile}};
}

json spend_json(const pl::Spend& spend) {
  return {{"count", spend.count},
          {"fees", spend.fees},
          {"transport", spend.transport},
          {"total", spend.total},
          {"mean", spend.mean}};
}

std::vector<std::string> need_names(const std::vector<std::string>& codes) {
  std::vector<std::string> names;
  for (const std::string& code : codes) {
    std::optional<pl::Need> need = pl::parse_need(code);
    names.push_back(need ? pl::need_name(*need) : code);
  }
  return names;
}

json gap_json(const pl::GapCell& cell, bool suppress) {
  auto count = [&](int value) {
    return suppress && value > 0 && value < pl::kSuppressBelow ? json(nullptr) : json(value);
  };
  return {{"area", cell.area},
          {"need", pl::need_code(cell.need)},
          {"demand", cell.demand},
          {"commissioned", count(cell.commissioned)},
          {"placed_out_of_area", count(cell.placed_out_of_area)},
          {"capacity", cell.capacity},
          {"vacancies", cell.vacancies},
          {"gap", cell.gap}};
}

}  // namespace

std::optional<Api::RegisterOnDate> Api::register_on_date(const httplib::Request& request,
                                                         httplib::Response& response) {
  RegisterOnDate on;
  on.date = date_of(request);
  if (!valid_date(on.date)) {
    send_error(response, 400, "bad_request", "date must be YYYY-MM-DD");
    return std::nullopt;
  }
  Result<std::vector<pl::Placement>> placements = pl::load_placements(store_, "");
  if (!placements) {
    store_failed(placements.error(), response);
    return std::nullopt;
  }
  Result<std::vector<pl::Provider>> providers = pl::load_providers(store_);
  if (!providers) {
    store_failed(providers.error(), response);
    return std::nullopt;
  }
  on.placements = std::move(placements).value();
  on.providers = std::move(providers).value();
  on.boroughs = placement_boroughs();
  return on;
}

void Api::placements_analysis(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  std::optional<RegisterOnDate> on = register_on_date(request, response);
  if (!on) return;
  const std::string& date = on->date;

  const auto fee_by_need =
      pl::suppress_fee_benchmarks(pl::fee_benchmarks_by_need(on->placements, on->boroughs, date));
  const auto fee_by_provider = pl::suppress_fee_benchmarks(
      pl::fee_benchmarks_by_provider(on->placements, on->providers, on->boroughs, date));
  const auto spend = pl::suppress_spend(
      pl::spend_by_provider_type(on->placements, on->providers, on->boroughs, date));
  const auto locations = pl::suppress_counts(
      pl::placement_locations(on->placements, on->providers, on->boroughs, date));
  json shares = json::array();
  auto share_json = [](const pl::LocationShares& s) {
    return json{{"known", or_null(s.known)},
                {"out_of_borough", or_null(s.out_of_borough)},
                {"out_of_london", or_null(s.out_of_london)}};
  };
  for (std::size_t r = 0; r < locations.rows.size(); ++r) {
    json row = share_json(pl::location_shares(locations.cells[r]));
    row["borough"] = locations.rows[r];
    shares.push_back(row);
  }

  // The most expensive placements are about single children: an officer sees their own
  // borough's, an administrator London's, an analyst none.
  std::string scope = "none (regional analysts see aggregates only)";
  std::string borough_filter;
  bool show = false;
  if (who->user.role == store::Role::kBoroughOfficer) {
    scope = "own borough";
    borough_filter = who->user.borough;
    show = true;
  } else if (who->user.role == store::Role::kAdministrator) {
    scope = "London";
    show = true;
  }
  json costly = json::array();
  if (show) {
    for (const pl::CostlyPlacement& c :
         pl::most_expensive_placements(on->placements, on->providers, date, 20, borough_filter)) {
      costly.push_back({{"placement_id", c.placement_id},
                        {"borough", c.borough},
                        {"child_ref", c.child_ref},
                        {"need", pl::need_code(c.need)},
                        {"provider_id", c.provider_id},
                        {"provider_name", c.provider_name},
                        {"education", c.fees.education},
                        {"care", c.fees.care},
                        {"therapy", c.fees.therapy},
                        {"other", c.fees.other},
                        {"fees", c.fees.total()},
                        {"transport", c.transport},
                        {"total", c.total}});
    }
    if (!audit(*who, "read most expensive placements",
               borough_filter.empty() ? "London" : borough_filter,
               fmt::format("{} placements", costly.size()), response)) {
      return;
    }
  }
  std::vector<std::string> type_names;
  for (const std::string& code : spend.columns) {
    std::optional<pl::ProviderType> type = pl::parse_provider_type(code);
    type_names.push_back(type ? pl::provider_type_name(*type) : "Provider not in the register");
  }
  send_json(response, 200,
            {{"date", date},
             {"fee_by_need", table_json(fee_by_need, need_names(fee_by_need.columns), fee_json)},
             {"fee_by_provider", table_json(fee_by_provider, {}, fee_json)},
             {"spend_by_type", table_json(spend, type_names, spend_json)},
             {"locations", table_json(locations,
                                      {"In the borough", "Elsewhere in London", "Outside London",
                                       "Location not known"},
                                      [](int count) { return json(count); })},
             {"shares", shares},
             {"london_shares", share_json(pl::location_shares(locations.column_totals))},
             {"most_expensive", costly},
             {"most_expensive_scope", scope}});
}

void Api::placements_gaps(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  std::optional<RegisterOnDate> on = register_on_date(request, response);
  if (!on) return;
  const std::string& date = on->date;

  // Demand: SEN2's children in independent and non-maintained special schools.
  Result<pl::IndependentSectorChildren> children = pl::independent_sector_children(store_);
  if (!children) return store_failed(children.error(), response);
  std::map<std::string, pl::NeedCounts>& by_number = children.value().by_la_number;
  const std::string& period = children.value().period;
  const int latest = children.value().year;
  std::vector<pl::BoroughDemand> demand;
  for (const pl::BoroughInfo& info : on->boroughs)
    demand.push_back({info.name, by_number[info.la_number]});
  pl::GapOptions options;
  options.date = date;
  const pl::GapAnalysis gaps =
      pl::analyse_gaps(on->boroughs, demand, on->placements, on->providers, options);
  auto cells = [](const std::vector<pl::GapCell>& list) {
    json items = json::array();
    for (const pl::GapCell& cell : list) items.push_back(gap_json(cell, true));
    return items;
  };
  json needs = json::array();
  for (pl::Need need : pl::all_needs()) needs.push_back(pl::need_code(need));
  send_json(
      response, 200,
      {{"date", date},
       {"demand_period", period},
       {"method",
        fmt::format("Demand: children with an EHC plan in independent or non-maintained special "
                    "schools, by primary need (DfE SEN2, January {}{}). Capacity: places at "
                    "independent-sector providers located in the sub-region, a provider's places "
                    "split evenly over the needs it caters for. Gap = demand − capacity "
                    "(positive: a shortfall). Commissioned: active placements in the register on "
                    "{} (1 to 4 suppressed).",
                    latest, period.empty() ? "; no SEN2 file imported yet" : "", date)},
       {"needs", needs},
       {"sub_regions", gaps.sub_regions},
       {"cells", cells(gaps.by_sub_region)},
       {"boroughs", cells(gaps.by_borough)},
       {"london", cells(gaps.london)}});
}

}  // namespace sendplan::server
