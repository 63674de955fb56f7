#include "cli/planner_setup.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <optional>

#include "cli/install_paths.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "core/text.h"
#include "travel/london_model.h"
#include "travel/london_zone_model.h"
#include "travel/matrix_csv_source.h"
#include "travel/osrm_source.h"

namespace sendplan::cli {

transport::Policy make_policy(const PolicyOptions& options) {
  transport::Policy policy;
  policy.primary_max_ride_minutes = options.primary_max_ride;
  policy.secondary_max_ride_minutes = options.secondary_max_ride;
  policy.earliest_arrival_minutes = options.earliest_arrival;
  policy.assistant_cost_per_day_pence =
      static_cast<std::int64_t>(std::llround(options.assistant_cost_per_day * 100));
  policy.ride_counting = options.ride_counted == "boarded"
                             ? transport::RideCounting::kFromEndOfBoarding
                             : transport::RideCounting::kFromCollection;
  policy.unavoidable_allowance_percent = options.unavoidable_allowance_percent;
  policy.unavoidable_allowance_minutes = options.unavoidable_allowance_minutes;
  return policy;
}

Result<transport::PlannerSettings> make_planner_settings(const SolverOptions& solver,
                                                         const PolicyOptions& policy) {
  auto invalid = [](std::string message) {
    return make_error(ErrorCode::kInvalidArgument, std::move(message));
  };
  if (policy.primary_max_ride < 1 || policy.secondary_max_ride < 1)
    return invalid("--primary-max-ride and --secondary-max-ride must be at least 1 minute");
  if (policy.earliest_arrival < 0) return invalid("--earliest-arrival must not be negative");
  if (policy.afternoon_wait < 0 || policy.afternoon_wait > 120)
    return invalid(
        fmt::format("--pm-wait must be 0 to 120 minutes, got {}", policy.afternoon_wait));
  if (policy.assistant_cost_per_day < 0) return invalid("--assistant-cost must not be negative");
  if (policy.ride_counted != "collection" && policy.ride_counted != "boarded")
    return invalid(
        fmt::format("--ride-counted must be collection or boarded, got '{}'", policy.ride_counted));
  if (policy.unavoidable_allowance_percent < 0 || policy.unavoidable_allowance_percent > 100)
    return invalid(fmt::format("--unavoidable-allowance-percent must be 0 to 100, got {}",
                               policy.unavoidable_allowance_percent));
  if (policy.unavoidable_allowance_minutes < 0 || policy.unavoidable_allowance_minutes > 60)
    return invalid(fmt::format("--unavoidable-allowance-minutes must be 0 to 60, got {}",
                               policy.unavoidable_allowance_minutes));
  if (policy.school_days < 1 || policy.school_days > 366)
    return invalid(fmt::format("--school-days must be 1 to 366, got {}", policy.school_days));
  // The time limit covers the day: the two runs are planned at the same time, each for it.
  Result<solver::SolverParameters> parameters = make_parameters(solver);
  if (!parameters) return parameters.error();
  transport::PlannerSettings settings;
  settings.policy = make_policy(policy);
  settings.run.afternoon_pickup_window_minutes = policy.afternoon_wait;
  settings.solver = parameters.value();
  settings.school_days_per_year = policy.school_days;
  return settings;
}

Result<std::optional<geo::PostcodeDirectory>> load_postcodes(const std::string& path) {
  if (path.empty()) return std::optional<geo::PostcodeDirectory>{};
  say(fmt::format("Reading postcodes from {} ...", path));
  Result<geo::PostcodeDirectory> directory = geo::PostcodeDirectory::read_csv(path);
  if (!directory) return directory.error();
  say(fmt::format("  {} postcodes", directory.value().size()));
  return std::optional<geo::PostcodeDirectory>(std::move(directory).value());
}

Result<std::unique_ptr<travel::TravelSource>> make_travel_source(const TravelOptions& options) {
  if (!options.matrix.empty() && !options.osrm.empty())
    return make_error(ErrorCode::kInvalidArgument, "give --travel-matrix or --osrm, not both");
  if (options.circuity < 1 || options.circuity > 3)
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("--circuity must be 1 to 3, got {}", options.circuity));
  if (options.morning_mph <= 0 || options.afternoon_mph <= 0 || options.morning_mph > 70 ||
      options.afternoon_mph > 70)
    return make_error(ErrorCode::kInvalidArgument, "--am-mph and --pm-mph must be 0 to 70");
  if (options.model != "zones" && options.model != "uniform")
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("--travel-model must be 'zones' or 'uniform', got '{}'", options.model));
  travel::LondonModelSettings model;
  model.circuity = options.circuity;
  model.morning_mph = options.morning_mph;
  model.afternoon_mph = options.afternoon_mph;
  if (!options.osrm.empty()) return travel::make_osrm_source(options.osrm);
  // A matrix file's missing pairs come from the uniform model.
  if (!options.matrix.empty()) return travel::read_matrix_csv(options.matrix, model);
  if (options.model == "uniform") return travel::make_london_model(model);

  const std::string path =
      options.boundaries.empty() ? default_boundaries_path() : options.boundaries;
  Result<travel::LondonZoneMap> zones = travel::LondonZoneMap::read(path);
  if (!zones) {
    // Asked for by name: an error. The default file absent: say so, and use one speed.
    if (!options.boundaries.empty()) return zones.error();
    say(
        fmt::format("warning: {}; travel times use one speed for all of London (the uniform "
                    "model) instead of TfL's speeds by zone: pass --boundaries FILE (the GLA "
                    "london_boroughs_gla.geojson) or --travel-model uniform",
                    zones.error().message));
    return travel::make_london_model(model);
  }
  travel::LondonZoneModelSettings settings;
  settings.circuity = {options.circuity, options.circuity, options.circuity};
  settings.speed_factor = options.speed_factor;
  return travel::make_london_zone_model(
      std::make_shared<const travel::LondonZoneMap>(std::move(zones).value()), settings);
}

Result<PlannerSetup> make_planner_setup(const SolverOptions& solver, const PolicyOptions& policy,
                                        const TravelOptions& travel, const std::string& postcodes) {
  Result<transport::PlannerSettings> settings = make_planner_settings(solver, policy);
  if (!settings) return settings.error();
  Result<std::unique_ptr<travel::TravelSource>> source = make_travel_source(travel);
  if (!source) return source.error();
  Result<std::optional<geo::PostcodeDirectory>> directory = load_postcodes(postcodes);
  if (!directory) return directory.error();
  return PlannerSetup{std::move(settings).value(), std::move(source).value(),
                      std::move(directory).value()};
}

void say(const std::string& text) {
  fmt::print(stderr, "{}\n", text);
  std::fflush(stderr);
}

struct PlanProgress::Impl {
  ProgressLine line{stderr_is_terminal()};
  std::mutex mutex;  // the two runs report from their own threads
  std::optional<solver::Progress> runs[2];
};

PlanProgress::PlanProgress() : impl_(std::make_unique<Impl>()) {}
PlanProgress::~PlanProgress() = default;

transport::PlannerProgress PlanProgress::callback() {
  return [this](transport::Run run, const solver::Progress& progress) {
    std::string text = "planning";
    {
      std::lock_guard lock(impl_->mutex);
      impl_->runs[static_cast<int>(run)] = progress;
      for (const transport::Run r : {transport::Run::kMorning, transport::Run::kAfternoon}) {
        const std::optional<solver::Progress>& p = impl_->runs[static_cast<int>(r)];
        if (!p) continue;
        text +=
            fmt::format(" | {}: {} a run{}, {} iterations, {:.0f} s", transport::run_name(r),
                        money(std::llround(p->best_cost)),
                        p->best_unserved > 0 ? fmt::format(", {} unserved", p->best_unserved) : "",
                        p->iterations, p->elapsed_seconds);
      }
    }
    impl_->line.show(text);
  };
}

void PlanProgress::clear() {
  impl_->line.clear();
}

std::string today_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

std::string money(std::int64_t pence) {
  return pounds_text(pence);
}

std::string day_summary_text(const transport::DayPlan& day) {
  const transport::DaySummary& s = day.summary;
  std::string vehicles;
  for (const auto& [type, count] : s.vehicles_by_type)
    vehicles += fmt::format("{}{} {}", vehicles.empty() ? "" : ", ", count, type);
  return fmt::format(
      "{}: {} a day ({} a year over {} days); {} vehicles ({}), {} passenger assistants; "
      "{} AM and {} PM routes, {:.0f} miles; ride mean {:.1f} min, max {:.0f} min; "
      "{} child-runs unplanned, {} not compliant; journey times: {} within the limit, {} over "
      "guidance but unavoidable{}, {} over and avoidable",
      day.name, money(s.cost.total_pence()), money(s.cost_per_year_pence()), s.school_days_per_year,
      s.vehicles, vehicles.empty() ? "none" : vehicles, s.assistants, s.routes_am, s.routes_pm,
      s.total_miles, s.mean_ride_minutes, s.max_ride_minutes, s.unserved, s.over_limit,
      s.within_guidance, s.over_guidance_unavoidable,
      s.over_guidance_unavoidable > 0
          ? fmt::format(" (excess mean {:.1f}, max {:.0f} min)", s.mean_unavoidable_excess_minutes,
                        s.max_unavoidable_excess_minutes)
          : "",
      s.over_guidance_avoidable);
}

}  // namespace sendplan::cli
