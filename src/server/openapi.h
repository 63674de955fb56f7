// The API's OpenAPI 3.0 description (src/server/openapi.json, built into the program).
#pragma once

#include <string>

namespace sendplan::server {

const std::string& openapi_json();

}  // namespace sendplan::server
