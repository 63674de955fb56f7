// Small-number suppression for regional views: a count of children from 1 to 4 could identify
// them, so it is published as null and named in the object's "suppressed" list (0 and 5 or more
// are shown). Totals are suppressed by the same rule, and also when exactly one count under them is
// suppressed (else the total minus the others would reveal it).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace sendplan::server {

inline constexpr int kSuppressBelow = 5;

// Sets object[key] to `count`, or to null and appends key to object["suppressed"].
void put_count(nlohmann::json& object, const std::string& key, int count);

}  // namespace sendplan::server
