// JSON in and out of cpp-httplib handlers: responses with the right status and content type,
// the API's error body {"error": code, "message": words}, and request bodies parsed strictly
// (malformed JSON, a non-object or a field of the wrong type is a 400 naming the field).
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sendplan::server {

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
// {"error": code, "message": message}.
void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message);
// The HTTP status and API error code for an Error (kInvalidArgument → 400 "bad_request",
// kNotFound → 404, kInvalidInput/kParse → 422 "invalid_input", the rest → 500 "internal").
void send_error(httplib::Response& response, const Error& error);

// No API body nests deeper than a few levels; deeper is refused before parsing.
inline constexpr int kMaxJsonDepth = 32;
// 0 when `text` nests '{'/'[' at most max_depth deep (outside strings), else the 1-based byte
// where it first goes deeper. Linear, no allocation.
std::size_t json_depth_exceeds(std::string_view text, int max_depth);

// The body as a JSON object. kInvalidArgument ("the body is not valid JSON: ..." / "the body
// must be a JSON object" / "nested more than kMaxJsonDepth levels").
Result<nlohmann::json> parse_object(const httplib::Request& request);

// Typed fields of a parsed body. Missing → nullopt (or an error when required); present with
// the wrong type → kInvalidArgument naming the field and the expected type.
Result<std::optional<std::string>> string_field(const nlohmann::json& body, const char* key);
Result<std::optional<double>> number_field(const nlohmann::json& body, const char* key);
Result<std::string> required_string(const nlohmann::json& body, const char* key);

}  // namespace sendplan::server
