#include "bench_instances.h"

#include <map>

#include "solver/alns.h"

namespace sendplan::bench {

const std::vector<InstanceSpec>& instance_specs() {
  static const std::vector<InstanceSpec> specs = {
      {"a2-16", "benchmarks/darp_cordeau/a_instances/a2-16.txt", io::InstanceFormat::kCordeau},
      {"a5-60", "benchmarks/darp_cordeau/a_instances/a5-60.txt", io::InstanceFormat::kCordeau},
      {"a8-96", "benchmarks/darp_cordeau/a_instances/a8-96.txt", io::InstanceFormat::kCordeau},
      {"b8-96", "benchmarks/darp_cordeau/b_instances/b8-96.txt", io::InstanceFormat::kCordeau},
      {"R201", "benchmarks/vrptw_solomon/instances/R201.txt", io::InstanceFormat::kSolomon},
  };
  return specs;
}

solver::SolverParameters fixed_iteration_parameters(int64_t iterations, uint64_t seed) {
  solver::SolverParameters parameters;
  parameters.time_limit_seconds = 0;
  parameters.max_iterations = iterations;
  parameters.seed = seed;
  parameters.threads = 1;
  return parameters;
}

const Fixture* fixture(size_t index, std::string& error) {
  static std::map<size_t, Fixture> cache;
  if (auto it = cache.find(index); it != cache.end()) return &it->second;

  const InstanceSpec& spec = instance_specs().at(index);
  const std::string path = std::string(SENDPLAN_SHARED_DIR) + "/" + spec.relative_path;
  Result<model::Problem> problem = io::read_instance(spec.format, path);
  if (!problem.ok()) {
    error = problem.error().to_string();
    return nullptr;
  }
  Fixture f;
  f.problem = std::make_unique<model::Problem>(std::move(problem).value());
  f.model = std::make_unique<solver::SearchModel>(*f.problem);
  solver::Alns alns(*f.model, fixed_iteration_parameters(kFixtureAlnsIterations, kFixtureSeed),
                    kFixtureSeed);
  f.solution.emplace(alns.run(solver::Alns::Clock::now(), {}));
  return &cache.emplace(index, std::move(f)).first->second;
}

}  // namespace sendplan::bench
