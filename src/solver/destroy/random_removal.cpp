// Random removal: `count` served requests, uniformly, without repetition.
#include <utility>

#include "solver/destroy/removal.h"

namespace sendplan::solver {

void random_removal(Solution& solution, int count, DestroyContext& context) {
  collect_served(solution, context.served);
  std::vector<int>& served = context.served;
  const int n = static_cast<int>(served.size());
  for (int k = 0; k < count && k < n; ++k) {
    const int pick = k + static_cast<int>(context.random.below(static_cast<uint32_t>(n - k)));
    std::swap(served[k], served[pick]);
    solution.remove(served[k], context.evaluator);
  }
}

}  // namespace sendplan::solver
