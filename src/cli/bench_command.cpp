// `sendplan bench` implementation: find instances, solve each, check, tabulate.
#include "cli/bench_command.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "cli/bench_table.h"
#include "cli/checker_runner.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "io/bks_csv.h"
#include "io/instance_readers.h"
#include "io/plan_json.h"
#include "solver/solve.h"

namespace sendplan::cli {

namespace fs = std::filesystem;

namespace {

struct BenchSet {
  io::InstanceFormat format;
  const char* bks_column;
};

Result<BenchSet> bench_set(const std::string& name) {
  if (name == "darp") return BenchSet{io::InstanceFormat::kCordeau, "bks_cost"};
  if (name == "solomon") return BenchSet{io::InstanceFormat::kSolomon, "bks_distance_only_cost"};
  if (name == "lilim") return BenchSet{io::InstanceFormat::kLiLim, "bks_cost"};
  return make_error(ErrorCode::kInvalidArgument,
                    fmt::format("unknown benchmark set '{}' (use darp, solomon or lilim)", name));
}

struct InstanceFile {
  std::string name;
  std::string path;
  double best_known = 0;
};

// *.txt files under `dir` whose stem has a BKS row (and is in `only`, when given), natural order.
Result<std::vector<InstanceFile>> find_instances(const std::string& dir,
                                                 const std::map<std::string, double>& bks,
                                                 const std::vector<std::string>& only) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return make_error(ErrorCode::kNotFound, fmt::format("no instance directory {}", dir));
  std::set<std::string> wanted(only.begin(), only.end());
  std::map<std::string, std::string> found;  // name -> path
  fs::recursive_directory_iterator it(dir, fs::directory_options::follow_directory_symlink, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".txt") continue;
    std::string name = it->path().stem().string();
    if (!bks.contains(name) || (!wanted.empty() && !wanted.contains(name))) continue;
    auto [slot, inserted] = found.emplace(name, it->path().string());
    if (!inserted)
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("two instance files named {}: {} and {}", name, slot->second,
                                    it->path().string()));
  }
  if (ec) return make_error(ErrorCode::kIo, fmt::format("cannot list {}: {}", dir, ec.message()));
  for (const std::string& name : wanted)
    if (!found.contains(name))
      return make_error(
          ErrorCode::kNotFound,
          fmt::format("--only {}: no {}.txt with a best-known value under {}", name, name, dir));
  if (found.empty())
    return make_error(ErrorCode::kNotFound,
                      fmt::format("no *.txt instance with a best-known value under {}", dir));

  std::vector<InstanceFile> files;
  for (const auto& [name, path] : found) files.push_back({name, path, bks.at(name)});
  std::sort(files.begin(), files.end(), [](const InstanceFile& a, const InstanceFile& b) {
    return natural_less(a.name, b.name);
  });
  return files;
}

// The directory plan JSONs are written to: --solutions, or a temporary one removed at the end.
class SolutionDir {
 public:
  static Result<SolutionDir> open(const std::string& requested) {
    SolutionDir dir;
    std::error_code ec;
    if (!requested.empty()) {
      fs::create_directories(requested, ec);
      if (ec)
        return make_error(ErrorCode::kIo,
                          fmt::format("cannot create {}: {}", requested, ec.message()));
      dir.path_ = requested;
      return dir;
    }
    std::string pattern = (fs::temp_directory_path(ec) / "sendplan-bench-XXXXXX").string();
    if (ec || ::mkdtemp(pattern.data()) == nullptr)
      return make_error(ErrorCode::kIo, "cannot create a temporary directory for solutions");
    dir.path_ = pattern;
    dir.temporary_ = true;
    return dir;
  }
  SolutionDir() = default;
  SolutionDir(SolutionDir&& other) noexcept
      : path_(std::move(other.path_)), temporary_(std::exchange(other.temporary_, false)) {}
  SolutionDir& operator=(SolutionDir&&) = delete;
  ~SolutionDir() {
    std::error_code ec;
    if (temporary_) fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (fs::path(path_) / name).string(); }

 private:
  std::string path_;
  bool temporary_ = false;
};

struct Outcome {
  BenchRow row;
  std::optional<Error> error;
  std::string disagreement;  // non-empty: what the checker and the solver disagree about
};

Outcome bench_one(const InstanceFile& file, const BenchSet& set,
                  const solver::SolverParameters& parameters, const BenchOptions& options,
                  const std::optional<SolutionDir>& solutions, ProgressLine& progress) {
  Outcome out;
  out.row.instance = file.name;
  out.row.best_known = file.best_known;
  auto fail = [&out](Error error) {
    out.row.error = error.to_string();
    out.error = std::move(error);
    return out;
  };

  Result<model::Problem> problem = io::read_instance(set.format, file.path);
  if (!problem) return fail(problem.error());
  auto start = std::chrono::steady_clock::now();
  model::Plan plan = solver::solve(problem.value(), parameters,
                                   [&progress](const solver::Progress& p) { progress.update(p); });
  out.row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.row.cost = plan.cost;
  out.row.vehicles = plan.vehicles_used;
  out.row.unserved = static_cast<int>(plan.unserved.size());
  out.row.solver_feasible = plan.feasible && plan.unserved.empty();
  if (!solutions) return out;

  std::string json_path = solutions->file(file.name + ".json");
  if (Status s = io::write_plan_json(plan, problem.value(), json_path); !s) return fail(s.error());
  if (options.checker.empty()) return out;
  Result<CheckerVerdict> verdict =
      run_checker(options.checker, io::instance_format_name(set.format), file.path, json_path);
  if (!verdict) return fail(verdict.error());
  out.row.checker_feasible = verdict.value().feasible;
  const std::optional<double>& checked_cost = verdict.value().cost;
  if (out.row.disagreement()) {
    out.disagreement = fmt::format("the solver says {}feasible, the checker says:\n{}",
                                   out.row.solver_feasible ? "" : "in", verdict.value().output);
  } else if (verdict.value().feasible && checked_cost &&
             std::abs(*checked_cost - plan.cost) > 0.01 + 1e-6 * std::abs(plan.cost)) {
    out.disagreement =
        fmt::format("the solver's cost is {:.4f}, the checker's {:.4f}", plan.cost, *checked_cost);
  }
  return out;
}

}  // namespace

int run_bench(const BenchOptions& options) {
  Result<BenchSet> set = bench_set(options.set);
  if (!set) return report_error(set.error());
  Result<solver::SolverParameters> parameters = make_parameters(options.solver);
  if (!parameters) return report_error(parameters.error());
  std::error_code ec;
  if (!options.checker.empty() && !fs::is_regular_file(options.checker, ec))
    return report_error(
        make_error(ErrorCode::kNotFound, fmt::format("no checker program {}", options.checker)));
  Result<std::map<std::string, double>> bks = io::read_bks_csv(options.bks, set.value().bks_column);
  if (!bks) return report_error(bks.error());
  Result<std::vector<InstanceFile>> files =
      find_instances(options.instances, bks.value(), options.only);
  if (!files) return report_error(files.error());

  std::optional<SolutionDir> solutions;
  if (!options.checker.empty() || !options.solutions.empty()) {
    Result<SolutionDir> dir = SolutionDir::open(options.solutions);
    if (!dir) return report_error(dir.error());
    solutions.emplace(std::move(dir).value());
  }

  size_t name_width = 0;
  for (const InstanceFile& file : files.value())
    name_width = std::max(name_width, file.name.size());
  BenchTable table(name_width);
  fmt::print("{}\n", table.header());
  std::fflush(stdout);

  std::vector<BenchRow> rows;
  std::optional<Error> first_error;
  bool disagreement = false;
  ProgressLine progress(stderr_is_terminal());
  const size_t total = files.value().size();
  for (size_t i = 0; i < total; ++i) {
    const InstanceFile& file = files.value()[i];
    progress.set_prefix(fmt::format("solving {} ({}/{})...", file.name, i + 1, total));
    Outcome outcome =
        bench_one(file, set.value(), parameters.value(), options, solutions, progress);
    progress.clear();
    if (outcome.error) {
      fmt::print(stderr, "error: {}\n", outcome.error->to_string());
      if (!first_error) first_error = outcome.error;
    }
    if (!outcome.disagreement.empty()) {
      fmt::print(stderr, "checker disagreement on {}: {}\n", file.name, outcome.disagreement);
      disagreement = true;
    }
    fmt::print("{}\n", table.row(outcome.row));
    std::fflush(stdout);
    rows.push_back(std::move(outcome.row));
  }
  fmt::print("\n{}", table.footer(rows));
  std::fflush(stdout);

  if (!options.csv.empty()) {
    std::ofstream csv(options.csv, std::ios::binary);
    csv << bench_csv(rows);
    csv.close();
    if (!csv)
      return report_error(make_error(ErrorCode::kIo, fmt::format("cannot write {}", options.csv)));
  }
  if (first_error) return exit_code(first_error->code);
  return disagreement ? 1 : 0;
}

}  // namespace sendplan::cli
