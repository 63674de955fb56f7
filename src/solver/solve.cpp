#include "solver/solve.h"

#include "solver/parallel_search.h"

namespace sendplan::solver {

model::Plan solve(const model::Problem& problem, const SolverParameters& parameters,
                  const ProgressCallback& on_progress) {
  const auto started = Alns::Clock::now();
  const SearchModel model(problem);
  return parallel_search(model, parameters, nullptr, on_progress, started);
}

}  // namespace sendplan::solver
