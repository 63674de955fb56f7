// Api: health, signing in and out, the signed-in user, and the boroughs with their boundaries.
#include <fmt/format.h>

#include "server/api.h"
#include "server/http_json.h"

namespace sendplan::server {
namespace {

nlohmann::json user_json(const store::User& user) {
  return {{"username", user.username},
          {"role", store::role_name(user.role)},
          {"borough", user.borough.empty() ? nlohmann::json() : nlohmann::json(user.borough)}};
}

}  // namespace

void Api::health(const httplib::Request&, httplib::Response& response) {
  send_json(response, 200,
            {{"status", "ok"},
             {"backend", store_.backend()},
             {"schema_version", store_.schema_version()}});
}

void Api::login(const httplib::Request& request, httplib::Response& response) {
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Result<std::string> username = required_string(body.value(), "username");
  if (!username) return send_error(response, username.error());
  Result<std::string> password = required_string(body.value(), "password");
  if (!password) return send_error(response, password.error());
  Result<std::optional<SignIn>> signed_in = sessions_.sign_in(username.value(), password.value());
  if (!signed_in) return store_failed(signed_in.error(), response);
  if (!signed_in.value())
    return send_error(response, 401, "unauthenticated", "wrong username or password");
  const SignIn& in = *signed_in.value();
  response.set_header("Set-Cookie", in.cookie);
  send_json(
      response, 200,
      {{"user", user_json(in.principal.user)}, {"csrf_token", in.principal.session.csrf_token}});
}

void Api::logout(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  Result<std::string> cleared = sessions_.sign_out(*who);
  if (!cleared) return store_failed(cleared.error(), response);
  response.set_header("Set-Cookie", cleared.value());
  response.status = 204;
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
