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
                   {"created_at", u.created_at},
                   {"disabled", u.disabled},
                   {"must_change_password", u.must_change_password}});
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
      return send_error(response, 409, "conflict",
                        "that username is taken (usernames are the same in any case)");
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

std::optional<Api::AccountChangeAccess> Api::account_to_change(const httplib::Request& request,
                                                               httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !is_admin(*who, response)) return std::nullopt;
  Result<std::optional<store::User>> user = store_.user_by_id(std::stoll(request.matches[1]));
  if (!user) {
    store_failed(user.error(), response);
    return std::nullopt;
  }
  if (!user.value() || !user.value()->deleted_at.empty()) {
    send_error(response, 404, "not_found", "no such account");
    return std::nullopt;
  }
  return AccountChangeAccess{std::move(*who), *user.value()};
}

void Api::change_user(const httplib::Request& request, httplib::Response& response) {
  std::optional<AccountChangeAccess> access = account_to_change(request, response);
  if (!access) return;
  const Principal* who = &access->who;
  const store::User* user = &access->user;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  AccountChange change;
  for (const char* key : {"role", "borough"}) {
    Result<std::optional<std::string>> text = string_field(body.value(), key);
    if (!text) return send_error(response, text.error());
    (std::string_view(key) == "role" ? change.role : change.borough) = text.value();
  }
  if (body.value().contains("borough") && body.value()["borough"].is_null()) change.borough = "";
  if (const auto it = body.value().find("disabled"); it != body.value().end()) {
    if (!it->is_boolean())
      return send_error(response, 400, "bad_request", "'disabled' must be true or false");
    change.disabled = it->get<bool>();
  }
  if (!change.role && !change.borough && !change.disabled)
    return send_error(response, 400, "bad_request",
                      "give at least one of role, borough and disabled");
  if (user->id == who->user.id &&
      (change.disabled.value_or(false) || (change.role && *change.role != "admin")))
    return send_error(response, 409, "conflict",
                      "you cannot disable your own account or take away your own admin role");
  Result<store::User> changed = changed_user(*user, change, atlas_);
  if (!changed) return send_error(response, changed.error());
  if (Status updated = store_.update_user(changed.value()); !updated)
    return store_failed(updated.error(), response);
  const std::string difference = account_difference(*user, changed.value());
  if (!audit(*who, "change account", changed.value().borough,
             fmt::format("user {} ({}): {}", user->id, user->username,
                         difference.empty() ? "no change" : difference),
             response))
    return;
  send_json(response, 200,
            {{"id", user->id},
             {"username", user->username},
             {"role", store::role_name(changed.value().role)},
             {"borough", changed.value().borough.empty() ? nlohmann::json()
                                                         : nlohmann::json(changed.value().borough)},
             {"disabled", changed.value().disabled}});
}

void Api::delete_user(const httplib::Request& request, httplib::Response& response) {
  std::optional<AccountChangeAccess> access = account_to_change(request, response);
  if (!access) return;
  const Principal* who = &access->who;
  const store::User* user = &access->user;
  if (user->id == who->user.id)
    return send_error(response, 409, "conflict", "you cannot delete your own account");
  if (Status deleted = store_.delete_user(user->id, store::utc_now()); !deleted)
    return store_failed(deleted.error(), response);
  if (!audit(*who, "delete account", user->borough,
             fmt::format("user {} ({})", user->id, user->username), response))
    return;
  response.status = 204;
}

void Api::reset_password(const httplib::Request& request, httplib::Response& response) {
  std::optional<AccountChangeAccess> access = account_to_change(request, response);
  if (!access) return;
  const Principal* who = &access->who;
  const store::User* user = &access->user;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Result<std::string> password = required_string(body.value(), "password");
  if (!password) return send_error(response, password.error());
  if (Status rules = check_password_rules(password.value(), user->username); !rules)
    return send_error(response, rules.error());
  Result<std::string> hash = hash_password(password.value());
  if (!hash) return store_failed(hash.error(), response);
  // The user must choose their own at the next sign-in; every session of theirs ends.
  if (Status set = store_.set_password_hash(user->id, hash.value(), true); !set)
    return store_failed(set.error(), response);
  guard_.clear(user->username);
  if (!audit(
          *who, "reset password", user->borough,
          fmt::format("user {} ({}): must change it at the next sign-in", user->id, user->username),
          response))
    return;
  response.status = 204;
}

void Api::revoke_sessions(const httplib::Request& request, httplib::Response& response) {
  std::optional<AccountChangeAccess> access = account_to_change(request, response);
  if (!access) return;
  const Principal* who = &access->who;
  const store::User* user = &access->user;
  Result<int> ended = store_.delete_sessions_of(user->id);
  if (!ended) return store_failed(ended.error(), response);
  if (!audit(
          *who, "end sessions", user->borough,
          fmt::format("user {} ({}): {} sessions ended", user->id, user->username, ended.value()),
          response))
    return;
  send_json(response, 200, {{"sessions_ended", ended.value()}});
}

}  // namespace sendplan::server
