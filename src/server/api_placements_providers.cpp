// Api: the provider register, shared by every borough: everyone reads it; officers and
// administrators add, edit and import; the fields a published list gives are an administrator's
// to correct, and every change is kept in the provider's history.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/text.h"
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
using detail::or_null;
using detail::send_problems;

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

}  // namespace

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

}  // namespace sendplan::server
