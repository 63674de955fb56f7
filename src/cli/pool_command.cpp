// `sendplan pool` implementation.
#include "cli/pool_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "cli/planner_setup.h"
#include "cli/terminal.h"
#include "report/report_files.h"
#include "report/settings_json.h"
#include "transport/pool.h"
#include "transport/readers.h"

namespace sendplan::cli {

namespace {

constexpr int kMaxShapleyBoroughs = 5;
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

struct CoalitionPlan {
  transport::MergedInputs merged;
  transport::PlannedDay planned;
};

Result<CoalitionPlan> plan_coalition(const std::vector<transport::BoroughInputs>& boroughs,
                                     unsigned members, const travel::TravelSource& travel,
                                     const transport::PlannerSettings& settings,
                                     const std::string& what) {
  CoalitionPlan result{transport::merge_coalition(boroughs, members), {}};
  say(fmt::format("Planning {} ({} pupils) ...", what, result.merged.inputs.pupils.size()));
  Result<transport::DayMatrices> matrices = transport::day_matrices(result.merged.inputs, travel);
  if (!matrices) return matrices.error();
  PlanProgress progress;
  Result<transport::PlannedDay> planned = transport::plan_day(
      result.merged.inputs, std::move(matrices).value(), settings, progress.callback());
  progress.clear();
  if (!planned) return planned.error();
  result.planned = std::move(planned).value();
  say("  " + day_summary_text(result.planned.day));
  return result;
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
  if (shapley && options.boroughs.size() > kMaxShapleyBoroughs)
    return invalid(fmt::format("--sharing shapley plans every coalition: at most {} boroughs",
                               kMaxShapleyBoroughs));
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

  const int k = static_cast<int>(boroughs.size());
  const unsigned all = (1u << k) - 1;
  std::vector<std::int64_t> cost(static_cast<size_t>(all) + 1, 0);
  std::vector<CoalitionPlan> alone;
  for (int i = 0; i < k; ++i) {
    Result<CoalitionPlan> plan = plan_coalition(boroughs, 1u << i, *setup.travel, setup.settings,
                                                boroughs[i].label + " alone");
    if (!plan) return report_error(plan.error());
    cost[1u << i] = plan.value().planned.day.summary.cost.total_pence();
    alone.push_back(std::move(plan).value());
  }
  Result<CoalitionPlan> pooled =
      plan_coalition(boroughs, all, *setup.travel, setup.settings, "all boroughs pooled");
  if (!pooled) return report_error(pooled.error());
  cost[all] = pooled.value().planned.day.summary.cost.total_pence();
  if (shapley) {
    for (unsigned mask = 1; mask < all; ++mask) {
      if (std::popcount(mask) == 1) continue;
      std::string what;
      for (int i = 0; i < k; ++i)
        if (mask & (1u << i)) what += (what.empty() ? "" : "+") + boroughs[i].label;
      Result<CoalitionPlan> plan =
          plan_coalition(boroughs, mask, *setup.travel, setup.settings, what);
      if (!plan) return report_error(plan.error());
      cost[mask] = plan.value().planned.day.summary.cost.total_pence();
    }
  }

  std::vector<std::int64_t> standalone;
  for (int i = 0; i < k; ++i) standalone.push_back(cost[1u << i]);
  // A coalition can always run its members' separate plans, so its cost is at most that of any
  // split of it. The search is a heuristic with a time limit: when its pooled plan costs more than
  // planning separately, the sharing uses the separate plans' cost (no saving) and says so.
  const std::int64_t pooled_plan_cost = cost[all];
  if (shapley) {
    cost = transport::separable_costs(k, cost);
  } else {
    std::int64_t separate = 0;
    for (int i = 0; i < k; ++i) separate += cost[1u << i];
    cost[all] = std::min(cost[all], separate);
  }
  const bool pooled_plan_used = cost[all] == pooled_plan_cost;
  if (!pooled_plan_used)
    say(fmt::format(
        "warning: the pooled plan ({} a day) costs more than planning separately ({} a day) "
        "within this time limit; the sharing uses the separate plans (try a longer --time-limit)",
        money(pooled_plan_cost), money(cost[all])));
  const std::vector<std::int64_t> shares =
      shapley ? transport::shapley_shares(k, cost)
              : transport::proportional_shares(standalone, cost[all]);

  // Files: each borough alone, the pooled plan, and the sharing.
  const std::filesystem::path out(options.out);
  const nlohmann::json settings_record =
      report::settings_json(setup.settings, *setup.travel, options.postcodes);
  for (int i = 0; i < k; ++i) {
    const transport::TransportInputs& in = alone[i].merged.inputs;
    const report::ReportInputs files{alone[i].planned.day,
                                     nullptr,
                                     in.pupils,
                                     in.schools,
                                     settings_record,
                                     {boroughs[i].label + " SEN transport, planned alone",
                                      today_iso(), setup.travel->description()}};
    if (Status s = report::write_report_files((out / boroughs[i].label).string(), files); !s)
      return report_error(s.error());
  }
  const transport::TransportInputs& merged = pooled.value().merged.inputs;
  const report::ReportInputs files{
      pooled.value().planned.day,
      nullptr,
      merged.pupils,
      merged.schools,
      settings_record,
      {"Pooled SEN transport", today_iso(), setup.travel->description()}};
  if (Status s = report::write_report_files((out / "pooled").string(), files); !s)
    return report_error(s.error());

  const int days = setup.settings.school_days_per_year;
  nlohmann::json json;
  json["sharing"] = options.sharing;
  json["school_days_per_year"] = days;
  json["shared_schools"] = pooled.value().merged.shared_schools;
  json["standalone_total_per_day_pence"] =
      std::accumulate(standalone.begin(), standalone.end(), std::int64_t{0});
  json["pooled_per_day_pence"] = cost[all];
  json["pooled_plan_per_day_pence"] = pooled_plan_cost;
  json["pooled_plan_used"] = pooled_plan_used;
  json["settings"] = settings_record;
  std::string csv =
      "borough,pupils,standalone_per_day,share_per_day,saving_per_day,saving_per_year,"
      "saving_percent\n";
  std::string table =
      fmt::format("{:<16} {:>6} {:>14} {:>14} {:>12} {:>14} {:>7}\n", "borough", "pupils",
                  "alone/day", "pooled share", "saving/day", "saving/year", "saving");
  auto pounds = [](std::int64_t pence) {
    return fmt::format("{:.2f}", static_cast<double>(pence) / 100.0);
  };
  for (int i = 0; i < k; ++i) {
    const std::int64_t saving = standalone[i] - shares[i];
    const double percent =
        standalone[i] > 0 ? 100.0 * static_cast<double>(saving) / static_cast<double>(standalone[i])
                          : 0.0;
    const int pupils = static_cast<int>(boroughs[i].inputs.pupils.size());
    json["boroughs"].push_back({{"label", boroughs[i].label},
                                {"pupils", pupils},
                                {"standalone_per_day_pence", standalone[i]},
                                {"share_per_day_pence", shares[i]},
                                {"saving_per_day_pence", saving},
                                {"saving_per_year_pence", saving * days},
                                {"saving_percent", percent}});
    csv +=
        fmt::format("{},{},{},{},{},{},{:.1f}\n", boroughs[i].label, pupils, pounds(standalone[i]),
                    pounds(shares[i]), pounds(saving), pounds(saving * days), percent);
    table += fmt::format("{:<16} {:>6} {:>14} {:>14} {:>12} {:>14} {:>6.1f}%\n", boroughs[i].label,
                         pupils, money(standalone[i]), money(shares[i]), money(saving),
                         money(saving * days), percent);
  }
  if (shapley) {
    for (unsigned mask = 1; mask <= all; ++mask) {
      std::vector<std::string> members;
      for (int i = 0; i < k; ++i)
        if (mask & (1u << i)) members.push_back(boroughs[i].label);
      json["coalitions"].push_back({{"boroughs", members}, {"per_day_pence", cost[mask]}});
    }
  }
  if (Status s = write_text(out / "pool.json", json.dump(2) + "\n"); !s)
    return report_error(s.error());
  if (Status s = write_text(out / "pool.csv", csv); !s) return report_error(s.error());

  const std::int64_t total_alone = json["standalone_total_per_day_pence"].get<std::int64_t>();
  fmt::print("{}", table);
  fmt::print(
      "Planning alone: {} a day; pooled: {} a day; saving {} a day, {} a year ({} "
      "sharing).\n",
      money(total_alone), money(cost[all]), money(total_alone - cost[all]),
      money((total_alone - cost[all]) * days), options.sharing);
  fmt::print("Written to {}: pool.json, pool.csv, pooled/ and one folder per borough.\n",
             options.out);
  std::fflush(stdout);
  return 0;
}

}  // namespace sendplan::cli
