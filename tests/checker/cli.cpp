// Argument handling and output of sendplan_check.
#include "cli.h"

#include <fmt/format.h>

#include <optional>

#include "checker.h"
#include "vroom_check.h"

namespace sendplan::check {
namespace {

constexpr const char* kUsage =
    "usage: sendplan_check --format cordeau|solomon|lilim|vroom INSTANCE SOLUTION.json "
    "[--quiet]\n";

struct Options {
  Format format = Format::kCordeau;
  bool vroom = false;  // VROOM problem and solution JSON (vroom_check.h)
  std::string instance;
  std::string solution;
  bool quiet = false;
};

// nullopt (after printing why) when the arguments are not usable.
std::optional<Options> parse_args(const std::vector<std::string>& args, std::ostream& err) {
  Options options;
  std::optional<Format> format;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--quiet" || arg == "-q") {
      options.quiet = true;
    } else if (arg == "--format" || arg.starts_with("--format=")) {
      std::string name;
      if (arg == "--format") {
        if (i + 1 == args.size()) {
          err << "sendplan_check: --format needs a value\n" << kUsage;
          return std::nullopt;
        }
        name = args[++i];
      } else {
        name = arg.substr(9);
      }
      options.vroom = name == "vroom";
      format = options.vroom ? std::optional<Format>(Format::kCordeau) : format_from_name(name);
      if (!format) {
        err << "sendplan_check: unknown format '" << name << "'\n" << kUsage;
        return std::nullopt;
      }
    } else if (arg.starts_with("-") && arg.size() > 1) {
      err << "sendplan_check: unknown option '" << arg << "'\n" << kUsage;
      return std::nullopt;
    } else {
      files.push_back(arg);
    }
  }
  if (!format || files.size() != 2) {
    err << kUsage;
    return std::nullopt;
  }
  options.format = *format;
  options.instance = files[0];
  options.solution = files[1];
  return options;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = parse_args(args, err);
  if (!options) return kExitUsage;
  Report report;
  try {
    if (options->vroom) {
      report = vroom::check_solution(vroom::read_problem(options->instance),
                                     vroom::read_solution(options->solution));
    } else {
      Instance instance = read_instance(options->format, options->instance);
      Solution solution = read_solution(options->solution);
      report = check_solution(instance, solution);
    }
  } catch (const InputError& error) {
    err << "sendplan_check: " << error.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& error) {
    err << "sendplan_check: unexpected error: " << error.what() << "\n";
    return kExitUsage;
  }
  if (report.feasible()) {
    out << fmt::format("FEASIBLE cost={:.6f} routes={}\n", report.cost, report.routes_used);
    return kExitFeasible;
  }
  out << fmt::format("INFEASIBLE cost={:.6f} routes={} violations={} unserved={}\n", report.cost,
                     report.routes_used, report.violations.size(),
                     report.requests_total - report.requests_served);
  if (!options->quiet) {
    for (const Violation& violation : report.violations) out << format_violation(violation) << "\n";
  }
  return kExitInfeasible;
}

}  // namespace sendplan::check
