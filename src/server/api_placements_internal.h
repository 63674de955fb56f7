// What the placements register's API files share: api_placements.cpp (the vocabularies and a
// borough's placements; it defines these), api_placements_providers.cpp (the provider register),
// api_placements_analysis.cpp (the analyses and gaps) and api_placements_matching.cpp (the
// matching tool). Only those files include this.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "server/http_json.h"

namespace sendplan::server::detail {

template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// 422 "invalid_input": "<n> problems in <what>: nothing was stored", with every problem as
// {"file", "row", "column", "reason"}.
void send_problems(httplib::Response& response, const std::vector<Error>& problems,
                   const std::string& what);

// The request's "date" parameter, or today (UTC) when it has none.
std::string date_of(const httplib::Request& request);
// Whether `date` is a date YYYY-MM-DD.
bool valid_date(const std::string& date);

}  // namespace sendplan::server::detail
