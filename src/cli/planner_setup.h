// What `plan` and `pool` share: the policy, postcode directory, travel source and planner
// settings built from the command line, progress messages, and the day summary printed at the end.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/plan_command.h"
#include "geo/postcode.h"
#include "transport/planner.h"
#include "travel/travel_source.h"

namespace sendplan::cli {

transport::Policy make_policy(const PolicyOptions& options);
Result<transport::PlannerSettings> make_planner_settings(const SolverOptions& solver,
                                                         const PolicyOptions& policy);
// nullopt when `path` is empty.
Result<std::optional<geo::PostcodeDirectory>> load_postcodes(const std::string& path);
Result<std::unique_ptr<travel::TravelSource>> make_travel_source(const TravelOptions& options);
// Everything `plan` and `pool` build from their options before reading any input.
struct PlannerSetup {
  transport::PlannerSettings settings;
  std::unique_ptr<travel::TravelSource> travel;
  std::optional<geo::PostcodeDirectory> postcodes;  // when --postcodes was given
  const geo::PostcodeDirectory* directory() const { return postcodes ? &*postcodes : nullptr; }
};
Result<PlannerSetup> make_planner_setup(const SolverOptions& solver, const PolicyOptions& policy,
                                        const TravelOptions& travel, const std::string& postcodes);

// A line on stderr (always: planning takes minutes and officers want to know it is working).
void say(const std::string& text);
// The planner's progress callback: updates a terminal progress line when stderr is one.
class PlanProgress {
 public:
  PlanProgress();
  ~PlanProgress();
  transport::PlannerProgress callback();
  void clear();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Today's date, e.g. "2026-11-23" (for the route sheets' heading).
std::string today_iso();
// "£1,234.56".
std::string money(std::int64_t pence);
// The day in a few lines for the terminal.
std::string day_summary_text(const transport::DayPlan& day);

}  // namespace sendplan::cli
