// Benchmark fixtures: the instances the micro-benchmarks run on, each loaded once (lazily) with its
// SearchModel and a "typical" search state — the best solution of a short, seeded ALNS run — so
// every benchmark measures the hot paths on realistic routes. Not thread-safe (benchmarks here
// are single-threaded).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/instance_readers.h"
#include "model/problem.h"
#include "solver/parameters.h"
#include "solver/search_model.h"
#include "solver/solution.h"

namespace sendplan::bench {

struct InstanceSpec {
  std::string name;           // shown in benchmark names, e.g. "a5-60"
  std::string relative_path;  // under SENDPLAN_SHARED_DIR
  io::InstanceFormat format;
};

// a2-16, a5-60, a8-96, b8-96 (Cordeau DARP) and R201 (Solomon VRPTW).
const std::vector<InstanceSpec>& instance_specs();

// Iterations of the seeded ALNS run that builds each fixture's solution.
inline constexpr int64_t kFixtureAlnsIterations = 200;
inline constexpr uint64_t kFixtureSeed = 12345;

// Parameters of a reproducible ALNS run: no time limit, `iterations` iterations, fixed seed.
solver::SolverParameters fixed_iteration_parameters(int64_t iterations, uint64_t seed);

struct Fixture {
  std::unique_ptr<model::Problem> problem;  // heap: the SearchModel points into it
  std::unique_ptr<solver::SearchModel> model;
  std::optional<solver::Solution> solution;  // best of a kFixtureAlnsIterations ALNS run
};

// The fixture of instance_specs()[index], built on first use. Returns nullptr and sets `error`
// when the instance cannot be read.
const Fixture* fixture(size_t index, std::string& error);

}  // namespace sendplan::bench
