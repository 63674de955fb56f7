#include "io/reader_common.h"

namespace sendplan::io::detail {

Result<model::Problem> finish_problem(model::ProblemData data, const std::string& file) {
  model::fill_euclidean_matrices(data);
  Result<model::Problem> problem = model::Problem::create(std::move(data));
  if (!problem) {
    Error error = problem.error();
    if (error.where.file.empty()) error.where.file = file;
    return error;
  }
  return problem;
}

model::Load single_load(int amount) {
  model::Load load;
  load.amount[0] = amount;
  return load;
}

}  // namespace sendplan::io::detail
