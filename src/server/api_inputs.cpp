// Api: uploading a borough's planner inputs (checked whole, stored whole or not at all), listing
// them, and reading its pupils (child-level: audited).
#include <fmt/format.h>

#include "server/api.h"
#include "server/http_json.h"
#include "server/input_checks.h"
#include "transport/readers.h"

namespace sendplan::server {
namespace {

nlohmann::json dataset_json(const store::DatasetInfo& d) {
  return {{"id", d.id},
          {"kind", d.kind},
          {"file_name", d.file_name},
          {"rows", d.rows},
          {"uploaded_at", d.uploaded_at},
          {"uploaded_by", d.uploaded_by}};
}

}  // namespace

void Api::upload(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, true);
  if (!access) return;
  const Principal& who = access->who;
  const std::string& name = access->borough;
  const std::string kind = request.matches[2];
  if (!is_input_kind(kind))
    return send_error(response, 404, "not_found",
                      "inputs are pupils, schools, fleet or current (routes today)");
  const std::string file_name =
      clean_file_name(request.get_param_value("file_name"), kind + ".csv");

  Checked<int, transport::Problem> rows = check_input(kind, request.body, file_name, name, atlas_,
                                                      settings_.policy, settings_.postcodes);
  if (!rows) {
    const auto& problems = rows.problems();
    return send_json(
        response, 422,
        {{"error", "invalid_input"},
         {"message", fmt::format("{} problem{} in {}: nothing was stored", problems.size(),
                                 problems.size() == 1 ? "" : "s", file_name)},
         {"problems", problems_json(problems)}});
  }
  if (kind == "pupils" && rows.value() > settings_.max_pupils)
    return send_error(response, 413, "too_large",
                      fmt::format("{} has {} pupils; one upload may have at most {} (a plan's "
                                  "memory grows with the square of its pupils): nothing was "
                                  "stored",
                                  file_name, rows.value(), settings_.max_pupils));
  store::Dataset dataset{
      0, name, kind, file_name, request.body, rows.value(), who.user.id, store::utc_now()};
  // The file and its audit entry in one transaction: a failed audit stores no file (and a
  // retry then stores it once).
  const store::AuditEntry entry{
      0, store::utc_now(), who.user.id, who.user.username, "upload " + kind, name, ""};
  Result<std::int64_t> id = store_.add_dataset_audited(dataset, entry);
  if (!id) return store_failed(id.error(), response);
  dataset.id = id.value();
  send_json(response, 201,
            {{"dataset", dataset_json({dataset.id, dataset.borough, dataset.kind, dataset.file_name,
                                       dataset.rows, dataset.uploaded_by, dataset.uploaded_at})}});
}

void Api::datasets(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, false);
  if (!access) return;
  const std::string& name = access->borough;
  Result<std::vector<store::DatasetInfo>> list = store_.list_datasets(name);
  if (!list) return store_failed(list.error(), response);
  nlohmann::json out = nlohmann::json::array();
  for (const store::DatasetInfo& d : list.value()) out.push_back(dataset_json(d));
  send_json(response, 200, out);
}

void Api::pupils(const httplib::Request& request, httplib::Response& response) {
  std::optional<BoroughAccess> access = children_of(request, response, false);
  if (!access) return;
  const Principal& who = access->who;
  const std::string& name = access->borough;
  Result<std::optional<store::Dataset>> latest = store_.latest_dataset(name, "pupils");
  if (!latest) return store_failed(latest.error(), response);
  if (!latest.value()) return send_json(response, 200, {{"dataset", nullptr}, {"pupils", {}}});
  const store::Dataset& dataset = *latest.value();
  auto pupils = transport::parse_pupils(dataset.content, dataset.file_name, settings_.policy,
                                        settings_.postcodes);
  if (!pupils)
    return send_error(response, 500, "internal",
                      "the stored pupils file no longer reads with the server's settings");
  if (!audit(who, "read pupils", name,
             fmt::format("dataset {} ({} rows)", dataset.id, pupils.value().size()), response))
    return;
  nlohmann::json list = nlohmann::json::array();
  for (const transport::Pupil& p : pupils.value())
    list.push_back({{"pupil_id", p.id},
                    {"school_id", p.school_id},
                    {"phase", transport::phase_name(p.phase)},
                    {"wheelchair", p.wheelchair},
                    {"passenger_assistant", p.needs_passenger_assistant},
                    {"travel_alone", p.must_travel_alone},
                    {"max_ride_minutes", p.max_ride_minutes}});
  send_json(response, 200, {{"dataset", dataset.id}, {"pupils", list}});
}

}  // namespace sendplan::server
