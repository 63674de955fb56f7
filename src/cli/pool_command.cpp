// `sendplan pool` implementation.
#include "cli/pool_command.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "cli/planner_setup.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "core/text.h"
#include "report/pool_files.h"
#include "report/report_files.h"
#include "report/settings_json.h"
#include "transport/pool_search.h"
#include "transport/pool_sharing.h"
#include "transport/readers.h"

namespace sendplan::cli {

namespace {

constexpr int kMaxBoroughs = 16;

bool valid_label(const std::string& label) {
  if (label.empty() || label == "pooled") return false;
  for (char c : label)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

Status write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return make_error(ErrorCode::kIo, "cannot write the file", {path.string()});
  return Status::success();
}

double percent_of(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

int run_pool(const PoolOptions& options) {
  auto invalid = [](std::string message) {
    return report_error(make_error(ErrorCode::kInvalidArgument, std::move(message)));
  };
  if (options.out.empty()) return invalid("--out DIR is required");
  if (options.boroughs.size() < 2 || options.boroughs.size() > kMaxBoroughs)
    return invalid(fmt::format("give 2 to {} --borough LABEL=DIR options", kMaxBoroughs));
  const bool shapley = options.sharing == "shapley";
  if (!shapley && options.sharing != "proportional")
    return invalid("--sharing must be proportional or shapley, got '" + options.sharing + "'");
  if (options.shapley_samples < 2)
    return invalid(
        fmt::format("--shapley-samples must be at least 2, got {}", options.shapley_samples));
  transport::PoolSearchSettings search;
  search.cluster_pupils = options.cluster_pupils;
  search.cluster_iterations = options.cluster_iterations;
  search.seam_metres = options.seam_km * 1000.0;
  search.seed = static_cast<std::uint64_t>(options.solver.seed);
  if (Status valid = search.validate(); !valid) return report_error(valid.error());
  Result<PlannerSetup> made =
      make_planner_setup(options.solver, options.policy, options.travel, options.postcodes);
  if (!made) return report_error(made.error());
  const PlannerSetup& setup = made.value();

  // Every borough's inputs, every problem in any of them listed before anything is planned.
  std::vector<transport::BoroughInputs> boroughs;
  std::vector<transport::Problem> problems;
  for (const std::string& spec : options.boroughs) {
    const size_t eq = spec.find('=');
    const std::string label = eq == std::string::npos ? "" : spec.substr(0, eq);
    if (!valid_label(label))
      return invalid(fmt::format(
          "--borough '{}': expected LABEL=DIR, LABEL of letters, digits, '-' or '_' (not "
          "'pooled')",
          spec));
    for (const transport::BoroughInputs& b : boroughs)
      if (b.label == label) return invalid(fmt::format("--borough label '{}' used twice", label));
    const std::filesystem::path dir = spec.substr(eq + 1);
    auto inputs = transport::read_transport_inputs(
        {(dir / "pupils.csv").string(), (dir / "schools.csv").string(),
         (dir / "fleet.csv").string()},
        setup.settings.policy, setup.directory());
    if (!inputs) {
      problems.insert(problems.end(), inputs.problems().begin(), inputs.problems().end());
      continue;
    }
    boroughs.push_back({label, std::move(inputs).value()});
  }
  if (!problems.empty()) {
    report_error(transport::problems_to_error(problems));
    say("Nothing was written.");
    return exit_code(ErrorCode::kInvalidInput);
  }

  int pupils = 0;
  for (const transport::BoroughInputs& b : boroughs)
    pupils += static_cast<int>(b.inputs.pupils.size());
  say(
      fmt::format("Pooling {} boroughs ({} pupils): each planned alone first, then the pool "
                  "from their plans.",
                  boroughs.size(), pupils));
  std::string last_step;
  ProgressLine line(stderr_is_terminal());
  const auto started = std::chrono::steady_clock::now();
  Result<transport::PoolOutcome> planned =
      transport::plan_pool(boroughs, *setup.travel, setup.settings, search,
                           [&](const transport::PoolProgress& progress) {
                             if (progress.step == "seams") {
                               line.show(fmt::format("Pooling at the seams: {} of {} cluster plans",
                                                     progress.done, progress.total));
                               return;
                             }
                             if (progress.step != last_step && progress.step != "alone") {
                               last_step = progress.step;
                               say(fmt::format("Planning: {} ...", progress.step));
                             }
                           });
  line.clear();
  if (!planned) return report_error(planned.error());
  const transport::PoolOutcome& pool = planned.value();
  for (const std::string& note : pool.matrices.morning.notes) say("warning: " + note);
  transport::SharingSettings share_settings;
  share_settings.method =
      shapley ? transport::CostSharing::kShapley : transport::CostSharing::kProportional;
  share_settings.samples = options.shapley_samples;
  share_settings.seed = static_cast<std::uint64_t>(options.solver.seed);
  const transport::PoolSharing sharing = transport::share_pool(boroughs, pool, share_settings);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // Files: each borough alone, the pooled plan, and the sharing.
  const std::filesystem::path out(options.out);
  const nlohmann::json settings_record =
      report::settings_json(setup.settings, *setup.travel, options.postcodes);
  for (size_t i = 0; i < boroughs.size(); ++i) {
    const transport::TransportInputs& in = boroughs[i].inputs;
    const report::ReportInputs files{pool.alone[i],
                                     nullptr,
                                     in.pupils,
                                     in.schools,
                                     settings_record,
                                     {boroughs[i].label + " SEN transport, planned alone",
                                      today_iso(), setup.travel->description()}};
    if (Status s = report::write_report_files((out / boroughs[i].label).string(), files); !s)
      return report_error(s.error());
  }
  const transport::TransportInputs& merged = pool.merged.inputs;
  const report::ReportInputs files{
      pool.pooled,     nullptr,
      merged.pupils,   merged.schools,
      settings_record, {"Pooled SEN transport", today_iso(), setup.travel->description()}};
  if (Status s = report::write_report_files((out / "pooled").string(), files); !s)
    return report_error(s.error());

  const int days = setup.settings.school_days_per_year;
  nlohmann::json json =
      report::pool_json(boroughs, pool, sharing, search, share_settings, settings_record,
                        setup.settings.solver.time_limit_seconds, days);
  json["search"]["seconds"]["total"] = seconds;
  if (Status s = write_text(out / "pool.json", json.dump(2) + "\n"); !s)
    return report_error(s.error());
  if (Status s = write_text(out / "pool.csv", report::pool_csv(sharing, days)); !s)
    return report_error(s.error());

  std::string table =
      fmt::format("{:<22} {:>6} {:>14} {:>14} {:>12} {:>14} {:>7}\n", "borough", "pupils",
                  "alone/day", "pooled share", "saving/day", "saving/year", "saving");
  for (const transport::BoroughPart& part : sharing.boroughs) {
    const std::int64_t saving = part.standalone_pence - part.share_pence;
    table +=
        fmt::format("{:<22} {:>6} {:>14} {:>14} {:>12} {:>14} {:>6.1f}%\n", part.label, part.pupils,
                    money(part.standalone_pence), money(part.share_pence), money(saving),
                    money(saving * days), percent_of(saving, part.standalone_pence));
  }
  fmt::print("{}", table);
  const std::int64_t saving = sharing.standalone_pence - sharing.pooled_pence;
  fmt::print(
      "Planning alone: {} a day; pooled: {} a day; saving {} a day ({:.1f} %), {} a year ({} "
      "sharing{}).\n",
      money(sharing.standalone_pence), money(sharing.pooled_pence), money(saving),
      percent_of(saving, sharing.standalone_pence), money(saving * days), options.sharing,
      shapley && !sharing.shapley.exact
          ? fmt::format(", sampled from {} orders", sharing.shapley.samples)
          : std::string());
  fmt::print(
      "Against the boroughs' first plans ({} a day, as `sendplan plan` makes them, before the "
      "search at the seams that every stand-alone cost above has had too): {:.1f} % less.\n",
      money(pool.first_plans_pence),
      percent_of(pool.first_plans_pence - sharing.pooled_pence, pool.first_plans_pence));
  if (sharing.core.objections_found == 0)
    fmt::print("Core check: no coalition of boroughs would pay less by leaving ({} checked{}).\n",
               sharing.core.coalitions_checked, sharing.core.exact ? ", all of them" : ", sampled");
  else
    fmt::print(
        "Core check: {} coalition(s) would pay less on their own, e.g. {} (saves {} a "
        "day); see pool.json.\n",
        sharing.core.objections_found,
        fmt::join(report::coalition_labels(boroughs, sharing.core.objections[0].coalition), "+"),
        money(sharing.core.objections[0].gain_pence()));
  fmt::print(
      "Pooled at {} of {} seam clusters; {:.0f} s in all. Written to {}: pool.json, "
      "pool.csv, pooled/ and one folder per borough.\n",
      pool.clusters_improved, pool.game.clusters().size(), seconds, options.out);
  std::fflush(stdout);
  return 0;
}

}  // namespace sendplan::cli
