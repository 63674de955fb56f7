// Two edge-exchange local searches, priced first by their change in distance (O(1)) and only then
// checked exactly by the RouteEvaluator (so precedence, ride times and windows stay exact):
//   2-opt  (one route, reverse a segment):  0 a [b c d] e 0  ->  0 a [d c b] e 0
//   2-opt* (two routes, swap tails):        A: 0 a b | c d 0     A: 0 a b | z 0
//                                           B: 0 x y | z 0   ->  B: 0 x y | c d 0
// First improvement, repeated until no move gains. Not thread-safe: one per search thread.
#pragma once

#include <vector>

#include "solver/solution.h"

namespace sendplan::solver {

class TwoOptSearch {
 public:
  explicit TwoOptSearch(RouteEvaluator& evaluator);
  // Returns the number of moves applied (at most `max_moves`).
  int improve_routes(Solution& solution, int max_moves = 1000);  // 2-opt
  int improve_tails(Solution& solution, int max_moves = 1000);   // 2-opt*

 private:
  bool try_reverse(Solution& solution, int v);
  bool try_swap_tails(Solution& solution, int a, int b);

  RouteEvaluator* evaluator_;
  std::vector<int> first_, second_;
};

}  // namespace sendplan::solver
