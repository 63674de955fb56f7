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

std::size_t json_depth_exceeds(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i + 1;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return 0;
}

Result<nlohmann::json> parse_object(const httplib::Request& request) {
  // Checked before parsing: an 18 MB {"a":{"a":...}} cost 500 MB and 2.4 s to parse.
  if (const std::size_t at = json_depth_exceeds(request.body, kMaxJsonDepth); at != 0)
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("the body is nested more than {} levels deep (at byte {})", kMaxJsonDepth, at));
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
