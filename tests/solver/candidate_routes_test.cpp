// Solution's candidate routes: the used-route list, the first empty vehicle per type (O(1)) and
// candidate_routes() agree with a brute-force scan of the routes after every kind of change
// (insert, remove, split, replace_if_better) and respect fleet limits; assigning one solution to
// another copies only the routes whose version differs and leaves both alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/random.h"
#include "solver/problem_builder.h"
#include "solver/solution.h"

namespace sendplan::solver {
namespace {

// What candidate routes, first empty vehicles and counters must be, by scanning every route.
void expect_consistent(const Solution& solution, const std::string& where) {
  const SearchModel& model = solution.model();
  std::vector<int> used;
  for (int v = 0; v < model.vehicle_count(); ++v)
    if (!solution.route(v).empty()) used.push_back(v);
  std::vector<int> listed = solution.used_routes();
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, used) << where;
  EXPECT_EQ(solution.vehicles_used(), static_cast<int>(used.size())) << where;

  std::vector<int> fleet_used(static_cast<size_t>(model.fleet_count()), 0);
  for (int v : used)
    if (model.vehicle(v).fleet >= 0) ++fleet_used[model.vehicle(v).fleet];
  for (int g = 0; g < model.fleet_count(); ++g) {
    EXPECT_EQ(solution.fleet_used(g), fleet_used[g]) << where << ", fleet " << g;
    EXPECT_LE(solution.fleet_used(g), model.fleet_limit(g)) << where << ", fleet " << g;
  }

  std::vector<int> candidates = used;
  const int types = static_cast<int>(model.first_vehicle_of_type().size());
  for (int t = 0; t < types; ++t) {
    int first = -1;
    const int fleet = model.problem().fleet_of_type(t);
    if (fleet < 0 || fleet_used[fleet] < model.fleet_limit(fleet)) {
      for (int v = model.first_vehicle_of_type()[t]; v < model.vehicle_end_of_type(t); ++v) {
        if (solution.route(v).empty()) {
          first = v;
          break;
        }
      }
    }
    EXPECT_EQ(solution.first_empty_vehicle_of_type(t), first) << where << ", type " << t;
    if (first >= 0) candidates.push_back(first);
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<int> offered;
  solution.candidate_routes(offered);
  EXPECT_EQ(offered, candidates) << where;

  for (int r = 0; r < solution.request_count(); ++r) {
    const int v = solution.route_of(r);
    const bool unassigned = std::find(solution.unassigned().begin(), solution.unassigned().end(),
                                      r) != solution.unassigned().end();
    EXPECT_EQ(v < 0, unassigned) << where << ", request " << r;
    if (v < 0) continue;
    const std::vector<int>& stops = solution.route(v).stops;
    EXPECT_NE(std::find(stops.begin(), stops.end(), pickup_stop(r)), stops.end())
        << where << ", request " << r;
  }
}

void expect_same_routes(const Solution& a, const Solution& b, const std::string& where) {
  ASSERT_EQ(a.routes().size(), b.routes().size());
  for (size_t v = 0; v < a.routes().size(); ++v) {
    EXPECT_EQ(a.route(static_cast<int>(v)).stops, b.route(static_cast<int>(v)).stops)
        << where << ", route " << v;
    EXPECT_EQ(a.route_version(static_cast<int>(v)), b.route_version(static_cast<int>(v)))
        << where << ", route " << v;
  }
  EXPECT_EQ(a.unassigned(), b.unassigned()) << where;
  EXPECT_DOUBLE_EQ(a.routes_cost(), b.routes_cost()) << where;
}

// Three types of 4 vehicles on a random DARP instance; types 0 and 1 share a fleet limit of 5.
model::Problem three_types(Random& random) {
  model::ProblemData data = testing::random_problem(random, 24, 300, 60);
  data.vehicle_types[0].count = 4;
  model::VehicleType big = data.vehicle_types[0];
  big.name = "big";
  big.capacity.amount[0] = 6;
  big.fixed_cost = 30;
  model::VehicleType dear = data.vehicle_types[0];
  dear.name = "dear";
  dear.cost_per_distance = 2;
  data.vehicle_types.push_back(big);
  data.vehicle_types.push_back(dear);
  data.fleet_limits.push_back({"shared", 5, {0, 1}});
  return model::Problem::create(data).value();
}

// Random changes of every kind, checked against the brute-force scan after each.
TEST(CandidateRoutes, StayConsistentThroughRandomChanges) {
  Random random(2024);
  for (int trial = 0; trial < 20; ++trial) {
    const model::Problem problem = three_types(random);
    const SearchModel model(problem);
    RouteEvaluator evaluator(model);
    InsertionEvaluator inserter(evaluator);
    Solution solution(model, 1000);
    Solution snapshot = solution;
    expect_consistent(solution, "start");
    std::vector<int> routes, merged;
    for (int step = 0; step < 300; ++step) {
      const std::string where = "trial " + std::to_string(trial) + " step " + std::to_string(step);
      const uint32_t kind = random.below(6);
      if (kind <= 1 && !solution.unassigned().empty()) {  // insert into a random candidate route
        const int r =
            solution
                .unassigned()[random.below(static_cast<uint32_t>(solution.unassigned().size()))];
        solution.candidate_routes(routes);
        const int v = routes[random.below(static_cast<uint32_t>(routes.size()))];
        const Insertion insertion = inserter.best(r, solution.route(v));
        if (insertion.feasible()) solution.insert(r, v, insertion, inserter);
      } else if (kind == 2 && solution.vehicles_used() > 0) {  // remove a random request
        const int v =
            solution
                .used_routes()[random.below(static_cast<uint32_t>(solution.used_routes().size()))];
        solution.remove(request_of(solution.route(v).stops[0]), evaluator);
      } else if (kind == 3 && solution.vehicles_used() > 0) {  // split onto an empty vehicle
        const int v =
            solution
                .used_routes()[random.below(static_cast<uint32_t>(solution.used_routes().size()))];
        const int target = solution.first_empty_vehicle_of_type(model.vehicle(v).type);
        if (target >= 0 && solution.route(v).size() >= 2)
          solution.split(v, random.between(1, solution.route(v).size() - 1), target, evaluator);
      } else if (kind == 4 && solution.vehicles_used() >= 2) {  // merge two routes when cheaper
        const int a = solution.used_routes()[0], b = solution.used_routes()[1];
        merged = solution.route(a).stops;
        merged.insert(merged.end(), solution.route(b).stops.begin(), solution.route(b).stops.end());
        solution.replace_if_better(a, merged, b, {}, evaluator, 1e-9);
      } else if (kind == 5) {  // take a snapshot, or go back to it
        if (random.chance(0.5)) {
          snapshot = solution;
          expect_same_routes(snapshot, solution, where + " (snapshot)");
        } else {
          solution = snapshot;
          expect_same_routes(solution, snapshot, where + " (back)");
        }
      }
      expect_consistent(solution, where);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(CandidateRoutes, AChangeRenewsOnlyTheChangedRoutesVersions) {
  Random random(5);
  const model::Problem problem = three_types(random);
  const SearchModel model(problem);
  RouteEvaluator evaluator(model);
  InsertionEvaluator inserter(evaluator);
  Solution solution(model, 1000);
  solution.insert(0, 0, inserter.best(0, solution.route(0)), inserter);
  const int other = model.first_vehicle_of_type()[1];
  solution.insert(1, other, inserter.best(1, solution.route(other)), inserter);
  const Solution copy = solution;
  solution.insert(2, 0, inserter.best(2, solution.route(0)), inserter);
  EXPECT_NE(solution.route_version(0), copy.route_version(0));
  EXPECT_EQ(solution.route_version(other), copy.route_version(other));

  // Assigning back copies route 0 again and leaves them alike.
  solution = copy;
  expect_same_routes(solution, copy, "assigned back");
  expect_consistent(solution, "assigned back");
  // An unrelated solution's changes never share a version with this one's.
  Solution unrelated(model, 1000);
  unrelated.insert(0, 0, inserter.best(0, unrelated.route(0)), inserter);
  EXPECT_NE(unrelated.route_version(0), copy.route_version(0));
  solution = unrelated;
  expect_same_routes(solution, unrelated, "assigned unrelated");
  expect_consistent(solution, "assigned unrelated");
}

}  // namespace
}  // namespace sendplan::solver
