// Api: the placements register's vocabularies, and a borough's placements: child-level records
// (its officers and administrators only, every read audited) and their fees. The provider
// register is in api_placements_providers.cpp, the analyses and gaps in
// api_placements_analysis.cpp, the matching tool in api_placements_matching.cpp.
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "placements/analysis.h"
#include "placements/placement_csv.h"
#include "placements/provider_csv.h"
#include "placements/records.h"
#include "placements/register.h"
#include "server/api.h"
#include "server/api_placements_internal.h"
#include "server/http_json.h"
#include "server/input_checks.h"

namespace sendplan::server {

namespace {

using nlohmann::json;
namespace pl = sendplan::placements;

json problems_of(const std::vector<Error>& problems) {
  json list = json::array();
  for (const Error& problem : problems) {
    list.push_back({{"file", problem.where.file},
                    {"row", problem.where.line},
                    {"column", problem.where.column},
                    {"reason", problem.message}});
  }
  return list;
}

json placement_json(const pl::Placement& p, const std::map<std::int64_t, std::string>& names,
                    const std::string& date) {
  json fees = json::array();
  for (const pl::FeePeriod& period : p.fees) {
    fees.push_back({{"from", period.from},
                    {"education", period.fees.education},
                    {"care", period.fees.care},
                    {"therapy", period.fees.therapy},
                    {"other", period.fees.other},
                    {"total", period.fees.total()}});
  }
  const pl::FeePeriod* in_force = pl::fees_in_force(p, date);
  const auto name = names.find(p.provider_id);
  return {
      {"id", p.id},
      {"child_ref", p.child_ref},
      {"need", pl::need_code(p.need)},
      {"age", p.age},
      {"provider_id", p.provider_id},
      {"provider_name", name == names.end() ? "" : name->second},
      {"start_date", p.start_date},
      {"end_date", p.end_date},
      {"residential", p.residential},
      {"active", pl::is_active_on(p, date)},
      {"fees", fees},
      {"fee_total", in_force ? json(in_force->fees.total()) : json(nullptr)},
      {"transport_cost", p.transport_cost},
      {"distance_km", p.distance_km},
      {"annual_cost", in_force ? json(in_force->fees.total() + p.transport_cost) : json(nullptr)}};
}

}  // namespace

namespace detail {

void send_problems(httplib::Response& response, const std::vector<Error>& problems,
                   const std::string& what) {
  send_json(response, 422,
            {{"error", "invalid_input"},
             {"message", fmt::format("{} problem{} in {}: nothing was stored", problems.size(),
                                     problems.size() == 1 ? "" : "s", what)},
             {"problems", problems_of(problems)}});
}

std::string date_of(const httplib::Request& request) {
  if (request.has_param("date")) return request.get_param_value("date");
  return store::utc_now().substr(0, 10);
}

bool valid_date(const std::string& date) {
  return pl::detail::parse_iso_date(date).has_value();
}

}  // namespace detail

using detail::date_of;
using detail::send_problems;
using detail::valid_date;

std::vector<pl::BoroughInfo> Api::placement_boroughs() const {
  std::vector<pl::BoroughInfo> boroughs;
  for (const BoroughInfo& info : atlas_.boroughs()) {
    boroughs.push_back({info.name, info.la_number, info.sub_region});
  }
  return boroughs;
}

void Api::placements_meta(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  json needs = json::array();
  for (pl::Need need : pl::all_needs()) {
    needs.push_back({{"code", pl::need_code(need)}, {"name", pl::need_name(need)}});
  }
  json types = json::array();
  for (pl::ProviderType type :
       {pl::ProviderType::kIndependentSpecial, pl::ProviderType::kNonMaintainedSpecial,
        pl::ProviderType::kSpecialPost16, pl::ProviderType::kMaintainedSpecial,
        pl::ProviderType::kAcademySpecial, pl::ProviderType::kResourcedProvision}) {
    types.push_back({{"code", pl::provider_type_code(type)},
                     {"name", pl::provider_type_name(type)},
                     {"independent", pl::is_independent_sector(type)}});
  }
  json boroughs = json::array();
  for (const pl::BoroughInfo& info : placement_boroughs()) {
    boroughs.push_back(
        {{"name", info.name}, {"la_number", info.la_number}, {"sub_region", info.sub_region}});
  }
  send_json(response, 200,
            {{"needs", needs},
             {"provider_types", types},
             {"boroughs", boroughs},
             {"today", store::utc_now().substr(0, 10)}});
}

std::map<std::int64_t, std::string> Api::provider_names() {
  std::map<std::int64_t, std::string> names;
  Result<std::vector<store::ProviderRecord>> list = store_.list_providers();
  if (list) {
    for (const store::ProviderRecord& provider : list.value()) names[provider.id] = provider.name;
  }
  return names;
}

void Api::borough_placements(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, false);
  if (!access) return;
  const std::string date = date_of(request);
  if (!valid_date(date)) return send_error(response, 400, "bad_request", "date must be YYYY-MM-DD");
  Result<std::vector<pl::Placement>> list = pl::load_placements(store_, access->borough);
  if (!list) return store_failed(list.error(), response);
  if (!audit(access->who, "read placements", access->borough,
             fmt::format("{} placements", list.value().size()), response)) {
    return;
  }
  const std::map<std::int64_t, std::string> names = provider_names();
  json items = json::array();
  for (const pl::Placement& p : list.value()) items.push_back(placement_json(p, names, date));
  send_json(response, 200, {{"date", date}, {"placements", items}});
}

void Api::borough_placements_csv(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, false);
  if (!access) return;
  Result<std::vector<pl::Placement>> list = pl::load_placements(store_, access->borough);
  if (!list) return store_failed(list.error(), response);
  if (!audit(access->who, "download placements.csv", access->borough,
             fmt::format("{} placements", list.value().size()), response)) {
    return;
  }
  response.set_header("Content-Disposition", "attachment; filename=\"placements.csv\"");
  response.set_content(pl::write_placement_csv(list.value()), "text/csv; charset=utf-8");
}

void Api::upload_placements(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, true);
  if (!access) return;
  const std::string file_name =
      clean_file_name(request.get_param_value("file_name"), "placements.csv");
  Checked<std::vector<std::int64_t>> ids = pl::import_placement_file(
      store_, access->borough, {file_name, request.body}, access->who.user.username);
  if (!ids) return send_problems(response, ids.problems(), file_name);
  if (!audit(access->who, "upload placements", access->borough,
             fmt::format("{} placements added", ids.value().size()), response)) {
    return;
  }
  send_json(response, 201, {{"added", ids.value().size()}});
}

void Api::add_fees(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  const std::int64_t id = std::stoll(request.matches[1]);
  Result<std::optional<store::PlacementRecord>> found = store_.get_placement(id);
  if (!found) return store_failed(found.error(), response);
  if (!found.value()) return send_error(response, 404, "not_found", "no such placement");
  if (!may_see_children(*who, found.value()->borough, response)) return;
  Result<json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Result<std::string> from = required_string(body.value(), "from");
  if (!from) return send_error(response, from.error());
  if (!valid_date(from.value())) {
    return send_error(response, 400, "bad_request", "from must be a date YYYY-MM-DD");
  }
  store::FeeRecord fees{from.value(), 0, 0, 0, 0, who->user.username, ""};
  for (auto [key, into] : {std::pair{"education", &fees.education}, std::pair{"care", &fees.care},
                           std::pair{"therapy", &fees.therapy}, std::pair{"other", &fees.other}}) {
    Result<std::optional<double>> value = number_field(body.value(), key);
    if (!value) return send_error(response, value.error());
    const double pounds = value.value().value_or(0);
    if (pounds < 0 || pounds > 10'000'000 || pounds != std::floor(pounds)) {
      return send_error(response, 400, "bad_request",
                        fmt::format("{} must be whole pounds from 0 to 10,000,000", key));
    }
    *into = static_cast<std::int64_t>(pounds);
  }
  if (Status added = store_.add_fee_period(id, fees); !added) {
    if (added.error().code == ErrorCode::kInvalidArgument) {
      return send_error(response, 400, "bad_request", added.error().message);
    }
    return store_failed(added.error(), response);
  }
  if (!audit(*who, "record fees", found.value()->borough, fmt::format("placement {}", id),
             response)) {
    return;
  }
  Result<std::optional<store::PlacementRecord>> updated = store_.get_placement(id);
  if (!updated || !updated.value())
    return store_failed(make_error(ErrorCode::kInternal, "lost"), response);
  Result<pl::Placement> placement = pl::from_record(*updated.value());
  if (!placement) return store_failed(placement.error(), response);
  send_json(response, 201,
            {{"placement", placement_json(placement.value(), provider_names(), fees.from)}});
}

}  // namespace sendplan::server
