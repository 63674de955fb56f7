// Command-line definition of `sendplan` (CLI11): the `solve`, `bench` and `generate` subcommands
// and their options. Usage errors exit with 2, like every kInvalidArgument error.
#include "cli/cli_app.h"

#include <CLI/CLI.hpp>

#include "cli/bench_command.h"
#include "cli/generate_command.h"
#include "cli/solve_command.h"
#include "core/error.h"

namespace sendplan::cli {

namespace {

void add_solver_options(CLI::App& command, SolverOptions& options) {
  command
      .add_option("--time-limit", options.time_limit_seconds,
                  "Wall-clock limit in seconds; 0 = none (then --iterations is required)")
      ->default_val(options.time_limit_seconds);
  command
      .add_option("--iterations", options.iterations,
                  "Stop after N iterations (0 = no limit); with a seed, runs are reproducible")
      ->default_val(options.iterations);
  command.add_option("--seed", options.seed, "Random seed")->default_val(options.seed);
  command.add_option("--threads", options.threads, "Independent searches in parallel (1..64)")
      ->default_val(options.threads);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"sendplan: plans SEND home-to-school transport (dial-a-ride solver)", "sendplan"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sendplan 0.1.0");

  SolveOptions solve;
  CLI::App* solve_command = app.add_subcommand("solve", "Solve one instance and write the plan");
  solve_command->add_option("--format", solve.format, "Instance format: cordeau, solomon, lilim")
      ->required();
  solve_command->add_option("file", solve.instance, "Instance file")->required();
  add_solver_options(*solve_command, solve.solver);
  solve_command->add_option("--output,-o", solve.output,
                            "Write the plan JSON here (default: print it to stdout)");

  BenchOptions bench;
  CLI::App* bench_command =
      app.add_subcommand("bench", "Solve a benchmark set and compare with best-known values");
  bench_command->add_option("set", bench.set, "Benchmark set: darp, solomon, lilim")->required();
  bench_command->add_option("--instances", bench.instances, "Directory of *.txt instances")
      ->required();
  bench_command->add_option("--bks", bench.bks, "BKS.csv with the best-known values")->required();
  add_solver_options(*bench_command, bench.solver);
  bench_command->add_option("--only", bench.only, "Only these instances (comma separated)")
      ->delimiter(',');
  bench_command->add_option("--checker", bench.checker,
                            "Feasibility checker to run on every plan (sendplan_check)");
  bench_command->add_option("--solutions", bench.solutions, "Keep the plan JSONs here");
  bench_command->add_option("--csv", bench.csv, "Also write the table as CSV");

  GenerateOptions generate;
  CLI::App* generate_command = app.add_subcommand(
      "generate", "Write a synthetic borough's pupils.csv, schools.csv and fleet.csv");
  generate_command->add_option("--borough", generate.borough, "London borough, e.g. Hackney")
      ->required();
  generate_command->add_option("--pupils", generate.pupils, "Number of pupils (1..100000)")
      ->required();
  generate_command->add_option("--seed", generate.seed, "Random seed (same seed, same files)")
      ->default_val(generate.seed);
  generate_command->add_option("--out", generate.out, "Directory for the three CSV files")
      ->required();
  generate_command->add_option(
      "--boundaries", generate.boundaries,
      std::string("Borough boundaries GeoJSON (default: ") + kDefaultBoundariesPath + ")");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, the version or the error
    return code == 0 ? 0 : exit_code(ErrorCode::kInvalidArgument);
  }
  if (solve_command->parsed()) return run_solve(solve);
  if (generate_command->parsed()) return run_generate(generate);
  return run_bench(bench);
}

}  // namespace sendplan::cli
