// Two edge-exchange local searches, priced first by their change in cost from distance and fixed
// costs (O(1)) and only then checked exactly by the RouteEvaluator (so precedence, ride times and
// windows stay exact):
//   2-opt  (one route, reverse a segment):  0 a [b c d] e 0  ->  0 a [d c b] e 0
//   2-opt* (two routes, swap tails):        A: 0 a b | c d 0     A: 0 a b | z 0
//                                           B: 0 x y | z 0   ->  B: 0 x y | c d 0
// Moves that must break a pickup-before-delivery pair are skipped before pricing: a segment holding
// both stops of a request is never reversed, and a tail is only cut where no passenger picked up
// on the route is still on board; so is a tail swap whose new joins cannot be on time. First
// improvement, until no move gains. 2-opt* works through a queue of routes: each is tried against
// every other non-empty route (or, granular, those holding requests near its own), and the routes a
// move changed go back into the queue, so unchanged pairs are never rescanned. Not thread-safe: one
// per search thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <vector>

#include "solver/nearest_requests.h"
#include "solver/solution.h"

namespace sendplan::solver {

class TwoOptSearch {
 public:
  using Clock = std::chrono::steady_clock;
  // `nearest` (may be null: every route is a partner) must outlive the search.
  explicit TwoOptSearch(RouteEvaluator& evaluator, const NearestRequests* nearest = nullptr);
  // Each returns the number of moves applied (at most `max_moves`).
  // 2-opt on the given routes.
  int improve_routes(Solution& solution, const std::vector<int>& routes, int max_moves = 1000);
  // 2-opt* starting from the given routes; stops early at `deadline`.
  int improve_tails(Solution& solution, const std::vector<int>& routes, int max_moves = 1000,
                    Clock::time_point deadline = Clock::time_point::max());

 private:
  // Route v's shape for pricing: distance from the start depot to each position, the earliest
  // time service there can end under windows alone (a lower bound for any route with this head),
  // and where a tail may be cut (no passenger of this route on board after the position).
  struct Shape {
    std::vector<double> distance_to;   // per position 0..size()+1
    std::vector<double> earliest_end;  // per position 0..size()
    std::vector<int> cuts;             // positions 0..size() where a tail may start after
  };
  // Whether a's head up to position i can reach b's stop at position j + 1 in time: necessary
  // for a's new route (b's latest times hold for a when both vehicles end alike).
  bool junction_reachable(const Solution& solution, int a, const Shape& shape_a, int i, int b,
                          int j) const;
  // Route v's shape, computed again only when the route's version changed.
  const Shape& shape(const Solution& solution, int v);
  bool try_reverse(Solution& solution, int v);
  bool try_swap_tails(Solution& solution, int a, int b);
  void partners(const Solution& solution, int a, std::vector<int>& out);

  RouteEvaluator* evaluator_;
  const NearestRequests* nearest_;
  std::vector<int> first_, second_, partners_, pickup_position_;
  std::vector<Shape> shapes_;  // per vehicle
  std::vector<uint64_t> shape_version_;
  std::vector<char> shape_known_;
  std::deque<int> queue_;
  std::vector<char> queued_;
};

}  // namespace sendplan::solver
