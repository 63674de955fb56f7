// Insertion: the cheapest feasible way to add one request to one route. Candidates are filtered in
// O(1) each (capacity, windows against the route's least schedule and latest times, a lower bound
// on ride time), ranked by their distance cost, and only then checked exactly by the
// RouteEvaluator, cheapest first: the first exact success is the answer (when time is priced, the
// best of the first few). Not thread-safe: one per search thread.
#pragma once

#include <limits>
#include <vector>

#include "solver/route.h"

namespace sendplan::solver {

struct Insertion {
  double cost = std::numeric_limits<double>::infinity();  // change in the route's cost
  int pickup_after = -1;    // position after which the first stop goes (0 = start depot)
  int delivery_after = -1;  // position (in the route before insertion) after which the delivery
                            // goes; equal to pickup_after means right after the pickup
  bool feasible() const { return pickup_after >= 0; }
};

class InsertionEvaluator {
 public:
  explicit InsertionEvaluator(RouteEvaluator& evaluator);

  // Cheapest feasible insertion of request r into route costing less than `below` (infeasible
  // Insertion when none). When time is not priced a candidate's distance cost is its exact cost,
  // so candidates not below the bound are dropped before any exact check.
  Insertion best(int r, const Route& route, double below = std::numeric_limits<double>::infinity());
  const SearchModel& model() const { return *model_; }
  RouteEvaluator& evaluator() const { return *evaluator_; }
  // Inserts r as described and refreshes the route.
  void apply(int r, const Insertion& insertion, Route& route);

 private:
  struct Candidate {
    double approximate_cost;
    int pickup_after;
    int delivery_after;
  };
  void collect_paired(int r, const Route& route);
  void collect_single(int r, const Route& route);
  void build_sequence(int r, const Route& route, int pickup_after, int delivery_after);
  // Keeps a candidate unless its distance cost is known to miss the bound of this best() call.
  void add_candidate(double cost, int pickup_after, int delivery_after) {
    if (cost <= keep_below_) candidates_.push_back({cost, pickup_after, delivery_after});
  }

  RouteEvaluator* evaluator_;
  const SearchModel* model_;
  std::vector<Candidate> candidates_;
  double keep_below_ = std::numeric_limits<double>::infinity();
  std::vector<int> sequence_;
  RouteSchedule scratch_;
};

}  // namespace sendplan::solver
