// Steps every instance reader shares once the text is parsed: Euclidean matrices and the final
// validation by Problem::create (whose errors then name the file).
#pragma once

#include <string>

#include "core/result.h"
#include "model/load.h"
#include "model/problem.h"

namespace sendplan::io::detail {

// Fills the travel matrices from data.coordinates and validates.
Result<model::Problem> finish_problem(model::ProblemData data, const std::string& file);

// A one-dimensional load.
model::Load single_load(int amount);

}  // namespace sendplan::io::detail
