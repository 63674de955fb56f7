// Helpers for the checker tests: build solution JSON from a compact route list, run the check,
// and assert which rules were violated.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "checker.h"
#include "instance.h"
#include "solution.h"

namespace sendplan::check::testing {

inline std::string data_path(const std::string& name) {
  return std::string(SENDPLAN_TEST_DATA_DIR) + "/" + name;
}

struct TestRoute {
  int vehicle = 0;
  std::vector<std::pair<int, double>> stops;  // (node, start of service)
};

// vehicles_used = number of routes with stops; "unserved" entries get a fixed reason.
inline nlohmann::json make_solution(const std::vector<TestRoute>& routes, double cost,
                                    bool feasible = true,
                                    const std::vector<std::string>& unserved = {}) {
  nlohmann::json json = {{"instance", "test"}, {"feasible", feasible}, {"cost", cost}};
  json["routes"] = nlohmann::json::array();
  int used = 0;
  for (const TestRoute& route : routes) {
    nlohmann::json stops = nlohmann::json::array();
    for (const auto& [node, time] : route.stops) stops.push_back({{"node", node}, {"time", time}});
    json["routes"].push_back({{"vehicle", route.vehicle}, {"stops", stops}});
    if (!route.stops.empty()) ++used;
  }
  json["vehicles_used"] = used;
  json["unserved"] = nlohmann::json::array();
  for (const std::string& request : unserved) {
    json["unserved"].push_back({{"request", request}, {"reason", "test"}});
  }
  return json;
}

inline Report check_json(const Instance& instance, const nlohmann::json& json) {
  return check_solution(instance, solution_from_json(json, "test.json"));
}

inline std::string describe(const Report& report) {
  std::string text;
  for (const Violation& v : report.violations) text += "\n  " + format_violation(v);
  return text.empty() ? " (no violations)" : text;
}

// Feasible: no violation and every request served.
inline ::testing::AssertionResult IsFeasible(const Report& report) {
  if (report.feasible()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "not feasible: served " << report.requests_served << "/"
                                       << report.requests_total << describe(report);
}

// At least one violation of `rule` and none of any other rule.
inline ::testing::AssertionResult OnlyViolates(const Report& report, Rule rule) {
  bool other = false;
  for (const Violation& v : report.violations) other = other || v.rule != rule;
  if (report.has(rule) && !other && !report.feasible()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected only [" << rule_name(rule) << "], got:" << describe(report);
}

// At least one violation of `rule` (others allowed) and so not feasible.
inline ::testing::AssertionResult Violates(const Report& report, Rule rule) {
  if (report.has(rule) && !report.feasible()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected [" << rule_name(rule) << "], got:" << describe(report);
}

}  // namespace sendplan::check::testing
