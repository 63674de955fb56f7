#include "server/http_json.h"

#include <fmt/format.h>

namespace sendplan::server {

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message) {
  send_json(response, status, {{"error", code}, {"message", message}});
}

void send_error(httplib::Response& response, const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      return send_error(response, 400, "bad_request", error.message);
    case ErrorCode::kNotFound:
      return send_error(response, 404, "not_found", error.message);
    case ErrorCode::kParse:
    case ErrorCode::kInvalidInput:
      return send_error(response, 422, "invalid_input", error.message);
    default:
      // The details of an internal failure stay in the server's log.
      return send_error(response, 500, "internal", "the server could not complete the request");
  }
}

Result<nlohmann::json> parse_object(const httplib::Request& request) {
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& e) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("the body is not valid JSON (at byte {})", e.byte));
  } catch (const nlohmann::json::exception&) {
    // e.g. out_of_range 406: a number such as 1e999 that no double holds (found by fuzzing).
    return make_error(ErrorCode::kInvalidArgument,
                      "the body is not usable JSON (a number out of range?)");
  }
  if (!body.is_object())
    return make_error(ErrorCode::kInvalidArgument, "the body must be a JSON object");
  return body;
}

Result<std::optional<std::string>> string_field(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string())
    return make_error(ErrorCode::kInvalidArgument, fmt::format("'{}' must be a string", key));
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<double>> number_field(const nlohmann::json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<double>{};
  if (!it->is_number())
    return make_error(ErrorCode::kInvalidArgument, fmt::format("'{}' must be a number", key));
  return std::optional<double>(it->get<double>());
}

Result<std::string> required_string(const nlohmann::json& body, const char* key) {
  Result<std::optional<std::string>> value = string_field(body, key);
  if (!value) return value.error();
  if (!value.value())
    return make_error(ErrorCode::kInvalidArgument, fmt::format("'{}' is required", key));
  return *value.value();
}

}  // namespace sendplan::server
