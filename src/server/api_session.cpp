// Api: health, signing in and out, the signed-in user, and the boroughs with their boundaries.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "server/api.h"
#include "server/credentials.h"
#include "server/http_json.h"

namespace sendplan::server {
namespace {

nlohmann::json user_json(const store::User& user) {
  return {{"username", user.username},
          {"role", store::role_name(user.role)},
          {"must_change_password", user.must_change_password},
          {"borough", user.borough.empty() ? nlohmann::json() : nlohmann::json(user.borough)}};
}

}  // namespace

void Api::health(const httplib::Request&, httplib::Response& response) {
  send_json(response, 200,
            {{"status", "ok"},
             {"backend", store_.backend()},
             {"schema_version", store_.schema_version()}});
}

std::string Api::client_address(const httplib::Request& request) const {
  if (settings_.trust_forwarded_for) {
    // The proxy appends the address it saw: the last entry is the one a client cannot forge.
    const std::string forwarded = request.get_header_value("X-Forwarded-For");
    if (!forwarded.empty()) {
      const std::size_t comma = forwarded.rfind(',');
      std::string last = forwarded.substr(comma == std::string::npos ? 0 : comma + 1);
      last.erase(0, last.find_first_not_of(' '));
      if (!last.empty() && last.size() <= 64) return last;
    }
  }
  return request.remote_addr;
}

std::optional<SignInGuard::Slot> Api::password_check(const std::string& username,
                                                     const std::string& address,
                                                     httplib::Response& response) {
  if (std::optional<int> wait = guard_.locked_for(username, address)) {
    response.set_header("Retry-After", std::to_string(*wait));
    send_error(response, 429, "too_many_attempts",
               fmt::format("too many failed sign-ins; try again in {} seconds", *wait));
    return std::nullopt;
  }
  std::optional<SignInGuard::Slot> slot = guard_.check_slot();
  if (!slot) {
    response.set_header("Retry-After", "2");
    send_error(response, 503, "busy", "the server is busy checking passwords; try again");
  }
  return slot;
}

void Api::login(const httplib::Request& request, httplib::Response& response) {
  // Only JSON: a form or text/plain body can be posted from any web page without asking (a
  // cross-site "sign in as the attacker"); application/json cannot.
  const std::string type = request.get_header_value("Content-Type");
  if (type.substr(0, type.find(';')) != "application/json")
    return send_error(response, 415, "unsupported_media_type",
                      "sign in with a JSON body (Content-Type: application/json)");
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Result<std::string> username = required_string(body.value(), "username");
  if (!username) return send_error(response, username.error());
  Result<std::string> password = required_string(body.value(), "password");
  if (!password) return send_error(response, password.error());
  if (username.value().size() > 64 || password.value().size() > 256)
    return send_error(response, 401, "unauthenticated", "wrong username or password");

  const std::string address = client_address(request);
  // The audit log names the account tried (never the password) and the address.
  auto record = [&](std::int64_t user_id, const std::string& action) {
    const store::AuditEntry entry{0,  store::utc_now(), user_id, username.value(), action,
                                  "", "from " + address};
    if (Status written = store_.append_audit(entry); !written)
      spdlog::error("store: {}", written.error().message);
  };
  // Refusals are not audited one by one (they check nothing, and an attacker could fill the
  // log with them); the failure that set the lock says so.
  std::optional<SignInGuard::Slot> slot = password_check(username.value(), address, response);
  if (!slot) return;
  Result<std::optional<SignIn>> signed_in = sessions_.sign_in(username.value(), password.value());
  slot.reset();
  if (!signed_in) return store_failed(signed_in.error(), response);
  if (!signed_in.value()) {
    const int locked = guard_.failed(username.value(), address);
    record(0, locked > 0 ? fmt::format("sign-in failed; locked for {} s", locked)
                         : std::string("sign-in failed"));
    return send_error(response, 401, "unauthenticated",
                      "wrong username or password, or the account is disabled");
  }
  guard_.succeeded(username.value());
  const SignIn& in = *signed_in.value();
  record(in.principal.user.id, "signed in");
  response.set_header("Set-Cookie", in.cookie);
  send_json(response, 200,
            {{"user", user_json(in.principal.user)},
             {"csrf_token", in.principal.session.csrf_token},
             {"must_change_password", in.principal.user.must_change_password}});
}

void Api::logout(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  Result<std::string> cleared = sessions_.sign_out(*who);
  if (!cleared) return store_failed(cleared.error(), response);
  response.set_header("Set-Cookie", cleared.value());
  response.status = 204;
}

void Api::change_own_password(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Result<std::string> current = required_string(body.value(), "current_password");
  if (!current) return send_error(response, current.error());
  Result<std::string> next = required_string(body.value(), "new_password");
  if (!next) return send_error(response, next.error());
  const std::string address = client_address(request);
  std::optional<SignInGuard::Slot> slot = password_check(who->user.username, address, response);
  if (!slot) return;
  if (current.value().size() > 256 || !verify_password(current.value(), who->user.password_hash)) {
    guard_.failed(who->user.username, address);
    return send_error(response, 403, "forbidden", "the current password is not right");
  }
  if (next.value() == current.value())
    return send_error(response, 400, "bad_request", "the new password must differ from the old");
  if (Status rules = check_password_rules(next.value(), who->user.username); !rules)
    return send_error(response, rules.error());
  Result<std::string> hash = hash_password(next.value());
  if (!hash) return store_failed(hash.error(), response);
  // Every session ends (a thief's too); this one is replaced by a fresh one.
  if (Status set = store_.set_password_hash(who->user.id, hash.value(), false); !set)
    return store_failed(set.error(), response);
  Result<std::optional<SignIn>> signed_in = sessions_.sign_in(who->user.username, next.value());
  slot.reset();
  if (!signed_in) return store_failed(signed_in.error(), response);
  if (!audit(*who, "change own password", "", "every other session ended", response)) return;
  if (!signed_in.value()) return send_error(response, 500, "internal", "sign in again");
  const SignIn& in = *signed_in.value();
  response.set_header("Set-Cookie", in.cookie);
  send_json(
      response, 200,
      {{"user", user_json(in.principal.user)}, {"csrf_token", in.principal.session.csrf_token}});
}

void Api::me(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  send_json(response, 200,
            {{"user", user_json(who->user)}, {"csrf_token", who->session.csrf_token}});
}

void Api::boroughs(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  nlohmann::json list = nlohmann::json::array();
  for (const BoroughInfo& info : atlas_.boroughs())
    list.push_back({{"name", info.name},
                    {"gss_code", info.gss_code},
                    {"inner_outer", info.inner_outer},
                    {"sub_region", info.sub_region}});
  send_json(response, 200, list);
}

void Api::boundary(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  std::optional<std::string> name = borough(request.matches[1], response);
  if (!name) return;
  response.set_header("Cache-Control", "private, max-age=3600");
  send_json(response, 200, atlas_.feature(*name));
}

}  // namespace sendplan::server
