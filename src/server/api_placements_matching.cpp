// Api: the matching tool: the providers that could take a child, ranked by cost with the
// reasons, from the register's own fees and the London travel model. It stores nothing.
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "placements/analysis.h"
#include "placements/matching.h"
#include "placements/register.h"
#include "server/api.h"
#include "server/api_placements_internal.h"
#include "server/http_json.h"

namespace sendplan::server {

namespace {

using nlohmann::json;
namespace pl = sendplan::placements;
using detail::or_null;

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
