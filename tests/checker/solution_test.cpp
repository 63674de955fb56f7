// Reading the solver JSON: the contract's keys and types, optional/extra keys, clear errors.
#include <gtest/gtest.h>

#include "test_util.h"

namespace sendplan::check {
namespace {

using nlohmann::json;

std::string shape_error(const json& value) {
  try {
    solution_from_json(value, "sol.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(CheckerSolution, ReadsTheContract) {
  Solution solution = read_solution(testing::data_path("cordeau_2req_ok.json"));
  EXPECT_EQ(solution.instance, "cordeau_2req");
  EXPECT_TRUE(solution.feasible);
  EXPECT_EQ(solution.cost, 24);
  EXPECT_EQ(solution.vehicles_used, 1);
  ASSERT_EQ(solution.routes.size(), 1u);
  ASSERT_EQ(solution.routes[0].stops.size(), 4u);
  EXPECT_EQ(solution.routes[0].stops[2].node, 2);
  EXPECT_EQ(solution.routes[0].stops[2].time, 20);
}

TEST(CheckerSolution, UnservedMayBeAbsentNullOrNamedByNumber) {
  json value = testing::make_solution({}, 0, false);
  value.erase("unserved");
  EXPECT_TRUE(solution_from_json(value, "s").unserved.empty());
  value["unserved"] = nullptr;
  EXPECT_TRUE(solution_from_json(value, "s").unserved.empty());
  value["unserved"] = json::array({{{"request", 7}}, {{"request", "8"}, {"reason", "late"}}});
  Solution solution = solution_from_json(value, "s");
  ASSERT_EQ(solution.unserved.size(), 2u);
  EXPECT_EQ(solution.unserved[0].request, "7");
  EXPECT_EQ(solution.unserved[1].reason, "late");
}

TEST(CheckerSolution, ShapeErrorsSayWhere) {
  json good = testing::make_solution({{0, {{1, 5}}}}, 10);
  json value = good;
  value.erase("cost");
  EXPECT_EQ(shape_error(value), "sol.json: top level: missing key \"cost\"");
  value = good;
  value["feasible"] = "yes";
  EXPECT_EQ(shape_error(value), "sol.json: feasible: expected true or false");
  value = good;
  value["routes"][0]["stops"][0]["time"] = "5";
  EXPECT_EQ(shape_error(value),
            "sol.json: routes[0].stops[0].time: expected a number, found \"5\"");
  value = good;
  value["routes"][0]["stops"][0]["node"] = 1.5;
  EXPECT_EQ(shape_error(value),
            "sol.json: routes[0].stops[0].node: expected an integer, found 1.5");
  value = good;
  value["routes"][0].erase("vehicle");
  EXPECT_EQ(shape_error(value), "sol.json: routes[0]: missing key \"vehicle\"");
  value = good;
  value["routes"] = json::object();
  EXPECT_EQ(shape_error(value), "sol.json: routes: expected an array");
  value = good;
  value["unserved"] = json::array({{{"reason", "x"}}});
  EXPECT_EQ(shape_error(value), "sol.json: unserved[0]: missing key \"request\"");
  EXPECT_EQ(shape_error(json::array()), "sol.json: top level: expected an object");
}

TEST(CheckerSolution, FileErrorsNameTheFile) {
  EXPECT_THROW(read_solution("/nonexistent/sol.json"), InputError);
  try {
    read_solution(testing::data_path("cordeau_2req.txt"));  // not JSON
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("cordeau_2req.txt: not valid JSON"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace sendplan::check
