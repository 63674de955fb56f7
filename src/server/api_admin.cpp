// Api: administrators' pages: the audit log and the accounts.
#include <fmt/format.h>

#include <charconv>

#include "server/accounts.h"
#include "server/api.h"
#include "server/credentials.h"
#include "server/http_json.h"

namespace sendplan::server {
namespace {

// A whole-number query parameter in [low, high]; `fallback` when absent; nullopt when invalid.
std::optional<int> int_param(const httplib::Request& request, const char* key, int fallback,
                             int low, int high) {
  if (!request.has_param(key)) return fallback;
  const std::string text = request.get_param_value(key);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
    return std::nullopt;
  return value;
}

}  // namespace

void Api::audit_log(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who || !is_admin(*who, response)) return;
  const std::optional<int> limit = int_param(request, "limit", 100, 1, 1000);
  const std::optional<int> offset = int_param(request, "offset", 0, 0, 1 << 30);
  if (!limit || !offset)
    return send_error(response, 400, "bad_request",
                      "limit must be 1 to 1000 and offset a whole number from 0");
  Result<std::vector<store::AuditEntry>> entries = store_.list_audit(*limit, *offset);
  if (!entries) return store_failed(entries.error(), response);
  nlohmann::json out = nlohmann::json::array();
  for (const store::AuditEntry& e : entries.value())
    out.push_back({{"id", e.id},
                   {"at", e.at},
                   {"username", e.username},
                   {"action", e.action},
                   {"borough", e.borough},
                   {"detail", e.detail}});
  send_json(response, 200, out);
}

void Api::users(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who || !is_admin(*who, response)) return;
  Result<std::vector<store::User>> users = store_.list_users();
  if (!users) return store_failed(users.error(), response);
  nlohmann::json out = nlohmann::json::array();
  for (const store::User& u : users.value())
    out.push_back({{"id", u.id},
                   {"username", u.username},
                   {"role", store::role_name(u.role)},
                   {"borough", u.borough.empty() ? nlohmann::json() : nlohmann::json(u.borough)},
                   {"created_at", u.created_at}});
  send_json(response, 200, out);
}

void Api::add_user(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !is_admin(*who, response)) return;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Result<std::string> username = required_string(body.value(), "username");
  if (!username) return send_error(response, username.error());
  Result<std::string> password = required_string(body.value(), "password");
  if (!password) return send_error(response, password.error());
  Result<std::string> role_text = required_string(body.value(), "role");
  if (!role_text) return send_error(response, role_text.error());
  Result<std::optional<std::string>> borough_text = string_field(body.value(), "borough");
  if (!borough_text) return send_error(response, borough_text.error());

  Result<store::User> user = make_user(username.value(), password.value(), role_text.value(),
                                       borough_text.value().value_or(""), atlas_);
  if (!user) return send_error(response, user.error());
  Result<std::int64_t> id = store_.add_user(user.value());
  if (!id) {
    if (id.error().code == ErrorCode::kInvalidArgument)
      return send_error(response, 409, "conflict", "that username is taken");
    return store_failed(id.error(), response);
  }
  if (!audit(*who, "add user", user.value().borough,
             fmt::format("user {} ({})", id.value(), role_text.value()), response))
    return;
  send_json(response, 201,
            {{"id", id.value()},
             {"username", user.value().username},
             {"role", store::role_name(user.value().role)}});
}

}  // namespace sendplan::server
