// Api: the placements register. The provider register is shared (everyone reads it; officers
// and administrators add, edit and import); a borough's placements are child-level records
// (its officers and administrators only, every read audited); the analyses and gaps are
// regional aggregates with small numbers suppressed; the matching tool stores nothing.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "core/text.h"
#include "placements/analysis.h"
#include "placements/gaps.h"
#include "placements/matching.h"
#include "placements/placement_csv.h"
#include "placements/provider_csv.h"
#include "placements/records.h"
#include "placements/register.h"
#include "server/api.h"
#include "server/http_json.h"
#include "server/input_checks.h"

namespace sendplan::server {

namespace {

using nlohmann::json;
namespace pl = sendplan::placements;

template <typename T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json provider_json(const pl::Provider& p) {
  json needs = json::array();
  for (pl::Need need : p.needs) needs.push_back(pl::need_code(need));
  return {{"id", p.id},
          {"urn", p.urn},
          {"name", p.name},
          {"type", pl::provider_type_code(p.type)},
          {"type_name", pl::provider_type_name(p.type)},
          {"la_number", p.la_number},
          {"local_authority", p.local_authority},
          {"postcode", p.postcode},
          {"latitude", p.location ? json(p.location->latitude) : json(nullptr)},
          {"longitude", p.location ? json(p.location->longitude) : json(nullptr)},
          {"age_low", p.age_low},
          {"age_high", p.age_high},
          {"needs", needs},
          {"boarding", pl::boarding_code(p.boarding)},
          {"wheelchair_accessible", p.wheelchair_accessible},
          {"capacity", p.capacity},
          {"places_commissioned", p.places_commissioned},
          {"vacancies", p.vacancies},
          {"ofsted_grade", or_null(p.ofsted_grade)},
          {"ofsted_date", p.ofsted_date},
          {"section41", p.section41},
          {"source", p.source},
          {"updated_at", p.updated_at}};
}

// A JSON field as a register CSV cell ("" when absent or null).
std::string cell_of(const json& body, const std::string& column) {
  const auto it = body.find(column);
  if (it == body.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_boolean()) return it->get<bool>() ? "yes" : "no";
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (it->is_number()) return fmt::format("{}", it->get<double>());
  if (it->is_array()) {
    std::string joined;
    for (const json& item : *it) {
      if (!joined.empty()) joined += ';';
      joined += item.is_string() ? item.get<std::string>() : item.dump();
    }
    return joined;
  }
  return it->dump();
}

// The provider in a request body, checked by the register CSV's own rules (one row).
Checked<pl::Provider> provider_from_body(const json& body) {
  std::string header;
  std::string row;
  for (const std::string& column : pl::provider_csv_columns()) {
    const bool first = column == pl::provider_csv_columns().front();
    header += (first ? "" : ",") + column;
    row += (first ? "" : ",") + csv_cell(column == "id" ? std::string() : cell_of(body, column));
  }
  Checked<std::vector<pl::Provider>> read =
      pl::read_provider_csv(header + "\n" + row + "\n", "provider");
  if (!read.ok()) return read.problems();
  return read.value().front();
}

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

const char* fee_source_code(pl::FeeSource source) {
  switch (source) {
    case pl::FeeSource::kProvider:
      return "provider";
    case pl::FeeSource::kTypeMedian:
      return "type-median";
    case pl::FeeSource::kAllMedian:
      return "all-median";
    case pl::FeeSource::kNone:
      break;
  }
  return "none";
}

json match_json(const pl::ProviderMatch& m) {
  json travel = nullptr;
  if (m.travel) {
    travel = {{"km", m.travel->road_km},
              {"minutes", m.travel->minutes},
              {"daily_cost", m.travel->daily_cost_pounds},
              {"annual_cost", m.travel->annual_cost_pounds},
              {"explanation", m.travel->explanation}};
  }
  return {{"provider_id", m.provider_id},
          {"name", m.name},
          {"type", pl::provider_type_code(m.type)},
          {"reasons", m.reasons},
          {"flags", m.flags},
          {"residential", m.residential},
          {"years_left", m.years_left},
          {"annual_fee", m.annual_fee},
          {"fee_source", fee_source_code(m.fee_source)},
          {"ofsted_grade", or_null(m.ofsted_grade)},
          {"travel", travel},
          {"transport_cost", m.transport_cost},
          {"total_annual_cost", m.total_annual_cost}};
}

}  // namespace

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

void Api::providers(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  Result<std::vector<pl::Provider>> list = pl::load_providers(store_);
  if (!list) return store_failed(list.error(), response);
  json items = json::array();
  for (const pl::Provider& provider : list.value()) items.push_back(provider_json(provider));
  send_json(response, 200, {{"providers", items}});
}

void Api::providers_csv(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  Result<std::vector<pl::Provider>> list = pl::load_providers(store_);
  if (!list) return store_failed(list.error(), response);
  response.set_header("Content-Disposition", "attachment; filename=\"providers.csv\"");
  response.set_content(pl::write_provider_csv(list.value()), "text/csv; charset=utf-8");
}

// Officers and administrators keep the shared register.
bool Api::may_edit_register(const Principal& who, httplib::Response& response) const {
  if (who.user.role != store::Role::kRegionalAnalyst) return true;
  send_error(response, 403, "forbidden", "regional analysts read the register; officers edit it");
  return false;
}

void Api::save_provider(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !may_edit_register(*who, response)) return;
  Result<json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Checked<pl::Provider> provider = provider_from_body(body.value());
  if (!provider) {
    // Problems of a body name the field (the register's rules say "field: reason").
    json problems = json::array();
    for (const Error& problem : provider.problems()) {
      std::string field;
      std::string reason = problem.message;
      for (const std::string& column : pl::provider_csv_columns()) {
        if (reason.rfind(column + ": ", 0) == 0) {
          field = column;
          reason = reason.substr(column.size() + 2);
          break;
        }
      }
      problems.push_back({{"file", ""}, {"row", 0}, {"column", field}, {"reason", reason}});
    }
    return send_json(response, 422,
                     {{"error", "invalid_input"},
                      {"message", fmt::format("{} problem{} in the provider: nothing was stored",
                                              problems.size(), problems.size() == 1 ? "" : "s")},
                      {"problems", problems}});
  }
  store::ProviderRecord record = pl::to_record(provider.value());
  record.updated_by = who->user.username;
  // Where a provider came from is the server's to say: "entered by <user>" for one added here;
  // an edit keeps the stored source (e.g. "DfE section 41 list").
  record.source = "entered by " + who->user.username;
  int status = 201;
  store::ProviderChange change{0, store::utc_now(), who->user.id, who->user.username, "added", "",
                               ""};
  json before;
  if (request.matches.size() > 1) {  // PUT /api/providers/{id}
    record.id = std::stoll(request.matches[1]);
    Result<std::optional<store::ProviderRecord>> stored = store_.get_provider(record.id);
    if (!stored) return store_failed(stored.error(), response);
    if (!stored.value()) return send_error(response, 404, "not_found", "no such provider");
    Result<pl::Provider> old = pl::from_record(*stored.value());
    if (!old) return store_failed(old.error(), response);
    before = provider_json(old.value());
    record.source = stored.value()->source;
    // The fields a published list gives are its to change: only an administrator may correct
    // them on a provider that came from one.
    const bool from_list = !stored.value()->source.starts_with("entered by ");
    if (from_list && who->user.role != store::Role::kAdministrator) {
      const store::ProviderRecord& was = *stored.value();
      std::vector<std::string> locked;
      if (record.urn != was.urn) locked.push_back("urn");
      if (record.name != was.name) locked.push_back("name");
      if (record.type != was.type) locked.push_back("type");
      if (record.section41 != was.section41) locked.push_back("section41");
      if (record.la_number != was.la_number) locked.push_back("la_number");
      if (!locked.empty())
        return send_error(response, 403, "forbidden",
                          fmt::format("{} come from the {}; only an administrator may change them",
                                      fmt::join(locked, ", "), was.source));
    }
    change.change = "edited";
    change.before_json = before.dump();
  }
  // The record as it will be stored, for the history and the audit log.
  store::ProviderRecord as_stored = record;
  Result<pl::Provider> after_provider = pl::from_record(as_stored);
  if (!after_provider) return store_failed(after_provider.error(), response);
  json after = provider_json(after_provider.value());
  after.erase("updated_at");
  after.erase("id");
  change.after_json = after.dump();
  if (record.id != 0) {
    if (Status updated = store_.update_provider_recorded(record, change); !updated) {
      if (updated.error().code == ErrorCode::kNotFound)
        return send_error(response, 404, "not_found", "no such provider");
      return store_failed(updated.error(), response);
    }
    status = 200;
  } else {
    Result<std::int64_t> id = store_.add_provider_recorded(record, change);
    if (!id) return store_failed(id.error(), response);
    record.id = id.value();
  }
  // The audit log says which fields changed (the history keeps the values).
  std::vector<std::string> changed;
  for (const auto& [key, value] : after.items())
    if (key != "updated_by" && (!before.contains(key) || before[key] != value))
      changed.push_back(key);
  if (!audit(
          *who, change.change == "added" ? "add provider" : "edit provider", "",
          fmt::format("provider {} ({}): {}", record.id, record.name.substr(0, 80),
                      changed.empty() ? "no change" : fmt::format("{}", fmt::join(changed, ", "))),
          response))
    return;
  Result<std::optional<store::ProviderRecord>> saved = store_.get_provider(record.id);
  if (!saved || !saved.value())
    return store_failed(make_error(ErrorCode::kInternal, "lost"), response);
  Result<pl::Provider> stored = pl::from_record(*saved.value());
  if (!stored) return store_failed(stored.error(), response);
  send_json(response, status, {{"provider", provider_json(stored.value())}});
}

void Api::provider_history(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  const std::int64_t id = std::stoll(request.matches[1]);
  Result<std::optional<store::ProviderRecord>> stored = store_.get_provider(id);
  if (!stored) return store_failed(stored.error(), response);
  if (!stored.value()) return send_error(response, 404, "not_found", "no such provider");
  Result<std::vector<store::ProviderChange>> history = store_.provider_history(id);
  if (!history) return store_failed(history.error(), response);
  json out = json::array();
  for (const store::ProviderChange& c : history.value())
    out.push_back(
        {{"at", c.at},
         {"username", c.username},
         {"change", c.change},
         {"before", c.before_json.empty() ? json() : json::parse(c.before_json, nullptr, false)},
         {"after", json::parse(c.after_json, nullptr, false)}});
  send_json(response, 200,
            {{"provider", id}, {"source", stored.value()->source}, {"history", out}});
}

void Api::import_providers(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !may_edit_register(*who, response)) return;
  const std::string file_name =
      clean_file_name(request.get_param_value("file_name"), "providers.csv");
  Checked<pl::ProviderFilesReport> report =
      pl::import_provider_files(store_, {{file_name, request.body}}, who->user.username);
  if (!report) return send_problems(response, report.problems(), file_name);
  const store::ProviderImportOutcome& outcome = report.value().outcome;
  send_json(response, 200,
            {{"files", report.value().files},
             {"added", outcome.added},
             {"updated", outcome.updated},
             {"unchanged", outcome.unchanged}});
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

void Api::placements_analysis(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  const std::string date = date_of(request);
  if (!valid_date(date)) return send_error(response, 400, "bad_request", "date must be YYYY-MM-DD");
  Result<std::vector<pl::Placement>> placements = pl::load_placements(store_, "");
  if (!placements) return store_failed(placements.error(), response);
  Result<std::vector<pl::Provider>> providers = pl::load_providers(store_);
  if (!providers) return store_failed(providers.error(), response);
  const std::vector<pl::BoroughInfo> boroughs = placement_boroughs();

  const auto fee_by_need =
      pl::suppress_fee_benchmarks(pl::fee_benchmarks_by_need(placements.value(), boroughs, date));
  const auto fee_by_provider = pl::suppress_fee_benchmarks(
      pl::fee_benchmarks_by_provider(placements.value(), providers.value(), boroughs, date));
  const auto spend = pl::suppress_spend(
      pl::spend_by_provider_type(placements.value(), providers.value(), boroughs, date));
  const auto locations = pl::suppress_counts(
      pl::placement_locations(placements.value(), providers.value(), boroughs, date));
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
    for (const pl::CostlyPlacement& c : pl::most_expensive_placements(
             placements.value(), providers.value(), date, 20, borough_filter)) {
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
  const std::string date = date_of(request);
  if (!valid_date(date)) return send_error(response, 400, "bad_request", "date must be YYYY-MM-DD");
  Result<std::vector<pl::Placement>> placements = pl::load_placements(store_, "");
  if (!placements) return store_failed(placements.error(), response);
  Result<std::vector<pl::Provider>> providers = pl::load_providers(store_);
  if (!providers) return store_failed(providers.error(), response);
  const std::vector<pl::BoroughInfo> boroughs = placement_boroughs();

  // Demand: SEN2's children in independent and non-maintained special schools.
  Result<pl::IndependentSectorChildren> children = pl::independent_sector_children(store_);
  if (!children) return store_failed(children.error(), response);
  std::map<std::string, pl::NeedCounts>& by_number = children.value().by_la_number;
  const std::string& period = children.value().period;
  const int latest = children.value().year;
  std::vector<pl::BoroughDemand> demand;
  for (const pl::BoroughInfo& info : boroughs)
    demand.push_back({info.name, by_number[info.la_number]});
  pl::GapOptions options;
  options.date = date;
  const pl::GapAnalysis gaps =
      pl::analyse_gaps(boroughs, demand, placements.value(), providers.value(), options);
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

void Api::match(const httplib::Request& request, httplib::Response& response) {
  if (!changing(request, response)) return;
  Result<json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  pl::ChildToPlace child;
  Result<std::string> need = required_string(body.value(), "need");
  if (!need) return send_error(response, need.error());
  std::optional<pl::Need> parsed = pl::parse_need(need.value());
  if (!parsed) return send_error(response, 400, "bad_request", "need: unknown need code");
  child.need = *parsed;
  Result<std::optional<double>> age = number_field(body.value(), "age");
  Result<std::optional<double>> latitude = number_field(body.value(), "latitude");
  Result<std::optional<double>> longitude = number_field(body.value(), "longitude");
  Result<std::optional<double>> max_minutes = number_field(body.value(), "max_minutes");
  for (const auto* field : {&age, &latitude, &longitude, &max_minutes}) {
    if (!*field) return send_error(response, field->error());
  }
  if (!age.value() || *age.value() < 0 || *age.value() > 25) {
    return send_error(response, 400, "bad_request", "age: a number of years from 0 to 25");
  }
  if (!latitude.value() || !longitude.value() || std::fabs(*latitude.value()) > 90 ||
      std::fabs(*longitude.value()) > 180) {
    return send_error(response, 400, "bad_request", "latitude and longitude of the child's home");
  }
  child.age = static_cast<int>(*age.value());
  child.home = {*latitude.value(), *longitude.value()};
  if (max_minutes.value()) {
    if (*max_minutes.value() < 1 || *max_minutes.value() > 300) {
      return send_error(response, 400, "bad_request", "max_minutes: from 1 to 300");
    }
    child.max_journey_minutes = static_cast<int>(*max_minutes.value());
  }
  Result<std::optional<std::string>> boarding = string_field(body.value(), "boarding");
  if (!boarding) return send_error(response, boarding.error());
  const std::string wanted = boarding.value().value_or("day");
  if (wanted == "day") {
    child.boarding = pl::BoardingWanted::kDay;
  } else if (wanted == "residential") {
    child.boarding = pl::BoardingWanted::kResidential;
  } else if (wanted == "either") {
    child.boarding = pl::BoardingWanted::kEither;
  } else {
    return send_error(response, 400, "bad_request", "boarding: day, residential or either");
  }
  for (auto [key, into] : {std::pair{"wheelchair", &child.wheelchair_user},
                           std::pair{"assistant", &child.needs_passenger_assistant},
                           std::pair{"travel_alone", &child.must_travel_alone}}) {
    const auto it = body.value().find(key);
    if (it == body.value().end() || it->is_null()) continue;
    if (!it->is_boolean()) {
      return send_error(response, 400, "bad_request", fmt::format("{} must be true or false", key));
    }
    *into = it->get<bool>();
  }

  Result<std::vector<pl::Provider>> providers = pl::load_providers(store_);
  if (!providers) return store_failed(providers.error(), response);
  Result<std::vector<pl::Placement>> placements = pl::load_placements(store_, "");
  if (!placements) return store_failed(placements.error(), response);
  // A provider's fee: the median of the fees in force of its active placements (the register's
  // own evidence); none when it has none (the tool then uses its type's median, flagged).
  const std::string today = store::utc_now().substr(0, 10);
  std::map<std::int64_t, std::vector<double>> fees_of;
  for (const pl::Placement& p : placements.value()) {
    const pl::FeePeriod* fees = pl::fees_in_force(p, today);
    if (pl::is_active_on(p, today) && fees != nullptr && p.residential == false) {
      fees_of[p.provider_id].push_back(static_cast<double>(fees->fees.total()));
    }
  }
  std::map<std::int64_t, std::int64_t> annual_fees;
  for (const auto& [id, fees] : fees_of) {
    annual_fees[id] = std::llround(pl::quantile_type7(fees, 0.5));
  }
  const travel::LondonModel model{travel::LondonModelSettings{}};
  Result<pl::MatchResult> result =
      pl::match_providers(child, providers.value(), annual_fees, model);
  if (!result) return send_error(response, result.error());
  json eligible = json::array();
  json explanations = json::array();
  for (std::size_t i = 0; i < result.value().eligible.size(); ++i) {
    eligible.push_back(match_json(result.value().eligible[i]));
    if (i + 1 < result.value().eligible.size()) {
      explanations.push_back(pl::explain_ranking(result.value().eligible, i));
    }
  }
  json not_recorded = json::array();
  for (const pl::ProviderMatch& m : result.value().not_recorded)
    not_recorded.push_back(match_json(m));
  json not_eligible = json::array();
  for (const pl::ProviderMatch& m : result.value().not_eligible)
    not_eligible.push_back(match_json(m));
  send_json(response, 200,
            {{"eligible", eligible},
             {"not_recorded", not_recorded},
             {"not_eligible", not_eligible},
             {"explanations", explanations},
             {"fee_basis",
              "a provider's fee is the median of the day fees in force of its active placements "
              "in the register; without any, its type's median (flagged)"}});
}

}  // namespace sendplan::server
