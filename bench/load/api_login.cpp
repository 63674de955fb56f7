// Signing in and resolving the paths (see api_login.h).
#include "api_login.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace sendplan::load {
namespace {

constexpr const char* kCookieName = "sendplan_session";
constexpr const char* kLatest = "{latest}";

void set_timeouts(httplib::Client& client, double seconds) {
  const auto whole = static_cast<time_t>(seconds);
  const auto micros = static_cast<time_t>((seconds - static_cast<double>(whole)) * 1e6);
  client.set_connection_timeout(whole, micros);
  client.set_read_timeout(whole, micros);
  client.set_write_timeout(whole, micros);
}

std::string describe(const httplib::Result& result) {
  if (!result) return "no answer (" + httplib::to_string(result.error()) + ")";
  const nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
  std::string message = body.is_object() && body.contains("message") && body["message"].is_string()
                            ? body["message"].get<std::string>()
                            : result->body.substr(0, 200);
  return fmt::format("HTTP {}: {}", result->status, message);
}

}  // namespace

httplib::Client make_client(const LoadOptions& options, const SignedIn& who) {
  httplib::Client client(options.url);
  set_timeouts(client, options.timeout_seconds);
  client.set_keep_alive(true);
  if (!who.cookie.empty()) client.set_default_headers({{"Cookie", who.cookie}});
  return client;
}

Result<SignedIn> sign_in(const LoadOptions& options) {
  httplib::Client client = make_client(options, SignedIn{});
  if (!client.is_valid())
    return make_error(ErrorCode::kInvalidArgument, "not an http(s) URL: " + options.url);
  const nlohmann::json request = {{"username", options.username}, {"password", options.password}};
  const httplib::Result result = client.Post("/api/login", request.dump(), "application/json");
  if (!result || result->status != 200)
    return make_error(ErrorCode::kIo, "signing in failed: " + describe(result));

  SignedIn who;
  const std::string set_cookie = result->get_header_value("Set-Cookie");
  const std::string prefix = std::string(kCookieName) + "=";
  if (!set_cookie.starts_with(prefix))
    return make_error(ErrorCode::kIo, "signing in gave no " + std::string(kCookieName) + " cookie");
  who.cookie = set_cookie.substr(0, set_cookie.find(';'));
  const nlohmann::json body = nlohmann::json::parse(result->body, nullptr, false);
  if (body.is_object() && body.contains("user") && body["user"].is_object()) {
    const nlohmann::json& user = body["user"];
    who.role = user.value("role", "");
    if (user.contains("borough") && user["borough"].is_string())
      who.borough = user["borough"].get<std::string>();
  }
  return who;
}

Result<std::vector<std::string>> resolve_paths(const LoadOptions& options, const SignedIn& who) {
  std::vector<std::string> paths = options.paths;
  bool needs_latest = false;
  for (const std::string& path : paths) needs_latest |= path.find(kLatest) != std::string::npos;
  if (!needs_latest) return paths;

  httplib::Client client = make_client(options, who);
  const std::string list_path = "/api/boroughs/" + options.borough + "/plans";
  const httplib::Result result = client.Get(list_path);
  if (!result || result->status != 200)
    return make_error(ErrorCode::kIo, fmt::format("GET {} (for {{latest}}) failed: {}", list_path,
                                                  describe(result)));
  const nlohmann::json plans = nlohmann::json::parse(result->body, nullptr, false);
  if (!plans.is_array() || plans.empty() || !plans[0].is_object() || !plans[0].contains("id"))
    return make_error(ErrorCode::kNotFound,
                      fmt::format("{} has no plan yet: nothing for {{latest}}", options.borough));
  const std::string latest = std::to_string(plans[0]["id"].get<long long>());  // newest first
  for (std::string& path : paths) {
    for (size_t at = path.find(kLatest); at != std::string::npos; at = path.find(kLatest))
      path.replace(at, std::string(kLatest).size(), latest);
  }
  return paths;
}

}  // namespace sendplan::load
