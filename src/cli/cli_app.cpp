// Command-line definition of `sendplan` (CLI11): the `solve`, `bench`, `generate`, `plan`,
// `pool`, `serve` and `user` subcommands and their options. Usage errors exit with 2, like every
// kInvalidArgument error.
#include "cli/cli_app.h"

#include <CLI/CLI.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/bench_command.h"
#include "cli/generate_command.h"
#include "cli/import_command.h"
#include "cli/placements_command.h"
#include "cli/plan_command.h"
#include "cli/pool_command.h"
#include "cli/practice_command.h"
#include "cli/report_command.h"
#include "cli/serve_command.h"
#include "cli/solve_command.h"
#include "cli/travel_check_command.h"
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
  command.add_option("--parameters", options.parameters_file,
                     "JSON file of solver parameters over the defaults (see docs)");
}

void add_planner_options(CLI::App& command, TravelOptions& travel, PolicyOptions& policy) {
  command.add_option("--travel-matrix", travel.matrix,
                     "CSV of travel times between places (from,to,minutes[,miles]); pairs it "
                     "lacks use the London model");
  command.add_option("--osrm", travel.osrm, "OSRM server for travel times, e.g. http://host:5000");
  command
      .add_option("--travel-model", travel.model,
                  "'zones': TfL traffic speeds by central/inner/outer London and time of day "
                  "(needs the GLA boundaries); 'uniform': one speed for all of London")
      ->default_val(travel.model);
  command.add_option("--boundaries", travel.boundaries,
                     std::string("GLA borough boundaries GeoJSON for the zone model (default: ") +
                         kDefaultBoundariesPath + "; when absent, the uniform model)");
  command
      .add_option("--speed-factor", travel.speed_factor,
                  "Zone model: door-to-door speed as a share of TfL's main-road speeds")
      ->default_val(travel.speed_factor);
  command.add_option("--circuity", travel.circuity, "London models: road/straight-line distance")
      ->default_val(travel.circuity);
  command.add_option("--am-mph", travel.morning_mph, "Uniform model: morning peak speed")
      ->default_val(travel.morning_mph);
  command.add_option("--pm-mph", travel.afternoon_mph, "Uniform model: afternoon speed")
      ->default_val(travel.afternoon_mph);
  command
      .add_option("--primary-max-ride", policy.primary_max_ride,
                  "Minutes, for primary-age pupils with a blank max_ride_minutes")
      ->default_val(policy.primary_max_ride);
  command
      .add_option("--secondary-max-ride", policy.secondary_max_ride,
                  "Minutes, for secondary-age pupils with a blank max_ride_minutes")
      ->default_val(policy.secondary_max_ride);
  command
      .add_option("--earliest-arrival", policy.earliest_arrival,
                  "Minutes before the start a child may arrive (blank earliest_arrival_minutes)")
      ->default_val(policy.earliest_arrival);
  command
      .add_option("--pm-wait", policy.afternoon_wait,
                  "Minutes after the finish within which children are collected")
      ->default_val(policy.afternoon_wait);
  command
      .add_option("--assistant-cost", policy.assistant_cost_per_day,
                  "Pounds per day for a passenger assistant (blank assistant_cost_per_day)")
      ->default_val(policy.assistant_cost_per_day);
  command.add_option("--school-days", policy.school_days, "School days a year (cost per year)")
      ->default_val(policy.school_days);
  command
      .add_option("--ride-counted", policy.ride_counted,
                  "When a ride starts: 'collection' (the child starts boarding, as a parent "
                  "counts it) or 'boarded' (the end of boarding)")
      ->default_val(policy.ride_counted);
  command
      .add_option("--unavoidable-allowance-percent", policy.unavoidable_allowance_percent,
                  "A child whose direct journey exceeds their limit may ride the direct journey "
                  "plus this percentage of it, or --unavoidable-allowance-minutes if larger")
      ->default_val(policy.unavoidable_allowance_percent);
  command
      .add_option("--unavoidable-allowance-minutes", policy.unavoidable_allowance_minutes,
                  "Minutes beyond the direct journey such a child may ride (see above)")
      ->default_val(policy.unavoidable_allowance_minutes);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"sendplan: plans SEND home-to-school transport (dial-a-ride solver)", "sendplan"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sendplan 0.1.0");

  SolveOptions solve;
  CLI::App* solve_command = app.add_subcommand("solve", "Solve one instance and write the plan");
  solve_command
      ->add_option("--format", solve.format,
                   "Instance format: cordeau, solomon, lilim, or vroom (VROOM's problem JSON in, "
                   "VROOM's solution JSON out; see docs/vroom.md)")
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
      "generate",
      "Write a synthetic borough's pupils.csv, schools.csv and fleet.csv (or, with --region, "
      "those of neighbouring boroughs that share schools)");
  // Exactly one of --borough and --region: run_generate checks it, with a clearer message.
  generate_command->add_option("--borough", generate.borough, "London borough, e.g. Hackney");
  generate_command
      ->add_option("--region", generate.region,
                   "Several neighbouring boroughs, e.g. \"Croydon,Sutton,Merton\": one folder "
                   "DIR/<label> each, sharing schools")
      ->delimiter(',');
  generate_command
      ->add_option("--pupils", generate.pupils,
                   "Number of pupils (1..100000; per borough with --region)")
      ->required();
  generate_command
      ->add_option("--cross-border-share", generate.cross_border_share,
                   "With --region: share of children at another borough's school (0..1)")
      ->default_val(generate.cross_border_share);
  generate_command->add_option("--seed", generate.seed, "Random seed (same seed, same files)")
      ->default_val(generate.seed);
  generate_command->add_option("--out", generate.out, "Directory for the CSV files")->required();
  generate_command->add_option(
      "--boundaries", generate.boundaries,
      std::string("Borough boundaries GeoJSON (default: ") + kDefaultBoundariesPath + ")");

  GenerateDarpOptions darp;
  CLI::App* generate_darp_command = app.add_subcommand(
      "generate-darp",
      "Write a random dial-a-ride instance by Cordeau & Laporte's recipe (Cordeau format)");
  generate_darp_command->add_option("--requests", darp.requests, "Requests (2..1000)")
      ->default_val(darp.requests)
      ->check(CLI::Range(2, 1000));
  generate_darp_command->add_option("--vehicles", darp.vehicles, "Vehicles (0 = requests/12 + 1)")
      ->default_val(darp.vehicles);
  generate_darp_command->add_option("--seed", darp.seed, "Random seed (same seed, same file)")
      ->default_val(darp.seed);
  generate_darp_command->add_option("--out", darp.out, "The instance file to write")->required();

  PlanOptions plan;
  CLI::App* plan_command =
      app.add_subcommand("plan", "Plan a borough's morning and afternoon SEN transport runs");
  plan_command->add_option("--pupils", plan.pupils, "pupils.csv")->required();
  plan_command->add_option("--schools", plan.schools, "schools.csv")->required();
  plan_command->add_option("--fleet", plan.fleet, "fleet.csv")->required();
  plan_command->add_option("--postcodes", plan.postcodes,
                           "Postcode file in the ONS Postcode Directory layout (.csv or .csv.gz)");
  plan_command->add_option("--locked", plan.locked,
                           "Routes to keep exactly as they are (routes.csv layout); every other "
                           "child is planned around them");
  plan_command->add_option("--update", plan.update,
                           "The plan in force (its routes.csv): plan the changes in the inputs "
                           "(children who joined, left or moved) changing as few routes as "
                           "possible; writes changes.csv");
  plan_command
      ->add_option("--max-time-shift", plan.max_time_shift,
                   "With --update: the most, in minutes, a child who stays on their route may "
                   "have their collection or drop-off time moved")
      ->default_val(plan.max_time_shift);
  plan_command->add_option("--current", plan.current,
                           "The borough's routes today (routes.csv layout), costed to compare");
  plan_command->add_option("--out", plan.out, "Directory for the plan's files")->required();
  plan_command->add_option("--title", plan.title, "Heading of the route sheets");
  add_solver_options(*plan_command, plan.solver);
  add_planner_options(*plan_command, plan.travel, plan.policy);

  PoolOptions pool;
  CLI::App* pool_command =
      app.add_subcommand("pool", "Plan several boroughs together and share the saving fairly");
  pool_command
      ->add_option("--borough", pool.boroughs,
                   "LABEL=DIR with DIR/pupils.csv, schools.csv and fleet.csv (2 or more)")
      ->required();
  pool_command->add_option("--postcodes", pool.postcodes, "Postcode file (ONS layout)");
  pool_command->add_option("--out", pool.out, "Directory for the plans and the sharing")
      ->required();
  pool_command
      ->add_option("--sharing", pool.sharing,
                   "shapley (each borough pays its average extra cost) or proportional (to "
                   "stand-alone cost)")
      ->default_val(pool.sharing);
  pool_command
      ->add_option("--cluster-pupils", pool.cluster_pupils,
                   "Children per seam cluster the pooled search re-plans at once")
      ->default_val(pool.cluster_pupils);
  pool_command
      ->add_option("--cluster-iterations", pool.cluster_iterations,
                   "Engine iterations per cluster plan (fixed, so shares are repeatable)")
      ->default_val(pool.cluster_iterations);
  pool_command
      ->add_option("--seam-km", pool.seam_km,
                   "Routes of two boroughs whose homes or schools come this close are at a seam")
      ->default_val(pool.seam_km);
  pool_command
      ->add_option("--shapley-samples", pool.shapley_samples,
                   "Orders of joining sampled for Shapley shares beyond 10 boroughs")
      ->default_val(pool.shapley_samples);
  add_solver_options(*pool_command, pool.solver);
  add_planner_options(*pool_command, pool.travel, pool.policy);

  ServeOptions serve;
  CLI::App* serve_command = app.add_subcommand(
      "serve", "Run the web server: the JSON API and the web app for every borough");
  serve_command
      ->add_option("--database", serve.database,
                   "sqlite:PATH, a file path, or postgresql://user@host:port/db")
      ->default_val(serve.database);
  serve_command->add_option("--host", serve.host, "Address to listen on")->default_val(serve.host);
  serve_command->add_option("--port", serve.port, "Port (0 = any free port)")
      ->default_val(serve.port);
  serve_command->add_option("--shared", serve.shared,
                            "The shared/ folder holding data/boundaries (default ../shared)");
  serve_command->add_option("--web", serve.web,
                            "The web app's folder (default: web/ of the source)");
  serve_command->add_option("--postcodes", serve.postcodes,
                            "Postcode file (ONS layout) for uploads placed by postcode");
  serve_command->add_option("--workers", serve.workers, "Plans that may run at once (1..16)")
      ->default_val(serve.workers);
  serve_command
      ->add_option("--max-plans-per-borough", serve.max_plans_per_borough,
                   "Plans one borough may have waiting or running")
      ->default_val(serve.max_plans_per_borough);
  serve_command
      ->add_option("--max-pupils", serve.max_pupils,
                   "Pupils in one upload and in one plan (memory grows with the square)")
      ->default_val(serve.max_pupils);
  serve_command->add_flag("--trust-forwarded-for", serve.trust_forwarded_for,
                          "Behind a reverse proxy: take the client's address from the last "
                          "X-Forwarded-For entry (sign-in throttling, audit log)");
  serve_command
      ->add_option("--default-time-limit", serve.default_time_limit,
                   "Seconds a plan searches when the request does not say")
      ->default_val(serve.default_time_limit);
  serve_command->add_flag("--insecure-cookies", serve.insecure_cookies,
                          "Session cookie without Secure (plain HTTP other than localhost)");
  serve_command->add_flag("--log-requests", serve.log_requests,
                          "Log each request's method, path and status");

  UserOptions user;
  CLI::App* user_command = app.add_subcommand("user", "Manage accounts of the web server");
  user_command->require_subcommand(1);
  CLI::App* user_add = user_command->add_subcommand("add", "Add an account");
  user_add->add_option("--database", user.database, "As for serve")->default_val(user.database);
  user_add->add_option("--username", user.username, "3 to 64 letters, digits, . _ - @")->required();
  user_add->add_option("--role", user.role, "officer, analyst or admin")->required();
  user_add->add_option("--borough", user.borough, "The officer's borough");
  user_add->add_option("--shared", user.shared, "The shared/ folder (default ../shared)");
  user_add->add_flag("--password-stdin", user.password_stdin,
                     "Read the password from the first line of standard input");
  CLI::App* user_list = user_command->add_subcommand("list", "List the accounts");
  user_list->add_option("--database", user.database, "As for serve")->default_val(user.database);
  std::string user_action;
  std::vector<CLI::App*> user_changes;
  for (const auto& [name, what] : std::vector<std::pair<const char*, const char*>>{
           {"disable", "Disable an account (its sessions end; it cannot sign in)"},
           {"enable", "Enable a disabled account"},
           {"delete", "Delete an account (its name stays in the audit log)"},
           {"sign-out", "End every session of an account"},
           {"reset-password", "Set a temporary password; the user must change it"},
           {"change", "Change an account's role and/or borough"}}) {
    CLI::App* change = user_command->add_subcommand(name, what);
    change->add_option("--database", user.database, "As for serve")->default_val(user.database);
    change->add_option("--username", user.username, "The account (any case)")->required();
    if (std::string_view(name) == "change") {
      change->add_option("--role", user.role, "officer, analyst or admin");
      change->add_option("--borough", user.borough, "The officer's borough ('none' for none)");
      change->add_option("--shared", user.shared, "The shared/ folder (default ../shared)");
    }
    if (std::string_view(name) == "reset-password")
      change->add_flag("--password-stdin", user.password_stdin,
                       "Read the password from the first line of standard input");
    change->callback([&user_action, name = std::string(name)] { user_action = name; });
    user_changes.push_back(change);
  }

  ImportOptions import_options;
  CLI::App* import_command =
      app.add_subcommand("import", "Import published statistics into the store");
  import_command->require_subcommand(1);
  CLI::App* import_dfe = import_command->add_subcommand(
      "dfe",
      "DfE SEN2, school census, LAIT, high-needs finance and Ofsted area SEND files "
      "(recognised by their header; all or nothing; the same file twice changes nothing)");
  import_dfe->add_option("--database", import_options.database, "As for serve")
      ->default_val(import_options.database);
  import_dfe->add_option("files", import_options.files, "CSV files as published")
      ->required()
      ->check(CLI::ExistingFile);

  ReportOptions report;
  CLI::App* report_command = app.add_subcommand(
      "report", "Write a borough's SEND profile (figures, charts, forecast) as one HTML file");
  report_command->add_option("--database", report.database, "As for serve")
      ->default_val(report.database);
  report_command->add_option("--borough", report.borough, "Name, ONS code or DfE LA number")
      ->required();
  report_command->add_option("--out", report.out, "The HTML file to write")->required();
  report_command
      ->add_option("--cost-per-plan", report.cost_per_plan,
                   "£ a year per EHC plan for the implied cost (default: the borough's "
                   "high-needs block divided by its plans)")
      ->check(CLI::NonNegativeNumber);
  report_command->add_option("--fit-years", report.fit_years, "Januaries the trend is fitted to")
      ->default_val(report.fit_years)
      ->check(CLI::Range(3, 20));
  report_command->add_option("--horizon", report.horizon, "Years to forecast")
      ->default_val(report.horizon)
      ->check(CLI::Range(1, 10));
  CLI::App* forecast_command = app.add_subcommand(
      "forecast", "Print the forecast method's back-test and, with --borough, its forecast");
  forecast_command->add_option("--database", report.database, "As for serve")
      ->default_val(report.database);
  forecast_command->add_option("--borough", report.borough, "Name, ONS code or DfE LA number");
  forecast_command->add_option("--cost-per-plan", report.cost_per_plan, "As for report")
      ->check(CLI::NonNegativeNumber);
  forecast_command->add_option("--fit-years", report.fit_years, "As for report")
      ->default_val(report.fit_years)
      ->check(CLI::Range(3, 20));
  forecast_command->add_option("--horizon", report.horizon, "As for report")
      ->default_val(report.horizon)
      ->check(CLI::Range(1, 10));

  PlacementsOptions placement_options;
  CLI::App* placements_command =
      app.add_subcommand("placements", "The placements register: providers and placements");
  placements_command->require_subcommand(1);
  placements_command->add_option("--database", placement_options.database, "As for serve")
      ->default_val(placement_options.database);
  CLI::App* import_providers = placements_command->add_subcommand(
      "import-providers",
      "DfE section 41 / independent special school lists, GIAS extracts or "
      "the provider register CSV (all or nothing)");
  import_providers->add_option("files", placement_options.files, "Files")
      ->required()
      ->check(CLI::ExistingFile);
  CLI::App* export_providers =
      placements_command->add_subcommand("export-providers", "The provider register as CSV");
  export_providers->add_option("--out", placement_options.out, "CSV file to write")->required();
  CLI::App* import_placements =
      placements_command->add_subcommand("import", "A borough's placements CSV (all or nothing)");
  import_placements->add_option("--borough", placement_options.borough, "The borough")->required();
  import_placements->add_option("files", placement_options.files, "The CSV file")
      ->required()
      ->check(CLI::ExistingFile);
  CLI::App* export_placements =
      placements_command->add_subcommand("export", "Placements with their fee history as CSV");
  export_placements->add_option("--borough", placement_options.borough,
                                "One borough (default all)");
  export_placements->add_option("--out", placement_options.out, "CSV file to write")->required();
  CLI::App* generate_placements = placements_command->add_subcommand(
      "generate", "Store a synthetic London placements dataset (synthetic providers and children)");
  generate_placements->add_option("--seed", placement_options.seed, "Random seed")
      ->default_val(placement_options.seed);
  generate_placements
      ->add_option("--scale", placement_options.scale,
                   "Share of SEN2's independent-sector children to generate")
      ->default_val(placement_options.scale)
      ->check(CLI::Range(0.001, 1.0));
  generate_placements->add_option("--shared", placement_options.shared,
                                  "The shared/ folder (default ../shared)");

  PracticeOptions practice;
  CLI::App* practice_command = app.add_subcommand(
      "practice", "The practice repository: effective SEND practice, submitted and found");
  practice_command->require_subcommand(1);
  practice_command->add_option("--database", practice.database, "As for serve")
      ->default_val(practice.database);
  practice_command->add_option("--shared", practice.shared,
                               "The shared/ folder (default ../shared)");
  CLI::App* practice_seed = practice_command->add_subcommand(
      "seed", "Store the synthetic example entries (marked as examples), once");
  CLI::App* practice_import = practice_command->add_subcommand(
      "import", "Entries from a CSV or JSON file (all or nothing)");
  practice_import->add_option("file", practice.file, "The file")
      ->required()
      ->check(CLI::ExistingFile);
  practice_import->add_option("--format", practice.format, "csv or json (default: by extension)")
      ->check(CLI::IsMember({"csv", "json"}));
  CLI::App* practice_export =
      practice_command->add_subcommand("export", "Entries as CSV or JSON (by the extension)");
  practice_export->add_option("--out", practice.out, "File to write")->required();
  practice_export->add_option("--format", practice.format, "csv or json (default: by extension)")
      ->check(CLI::IsMember({"csv", "json"}));
  practice_export->add_option("--state", practice.state, "published (default), any, or a state")
      ->default_val(practice.state);
  CLI::App* practice_search =
      practice_command->add_subcommand("search", "Find published practice, best match first");
  practice_search->add_option("words", practice.text, "What to look for")->required();
  practice_search->add_option("--category", practice.categories, "Category key (repeatable)");
  practice_search->add_option("--borough", practice.boroughs, "Borough (repeatable)");
  practice_search->add_option("--limit", practice.limit, "How many to show")
      ->default_val(practice.limit)
      ->check(CLI::Range(1, 100));
  // --database and --shared may come before or after the subcommand.
  for (CLI::App* sub : {practice_seed, practice_import, practice_export, practice_search})
    sub->fallthrough();

  TravelCheckOptions travel_check;
  CLI::App* travel_check_command = app.add_subcommand(
      "travel-check",
      "Price journeys you can check (postcodes or coordinates) with the London travel models");
  travel_check_command
      ->add_option("--journeys", travel_check.journeys,
                   "CSV: journey, from_postcode, to_postcode (or from_lat, from_lon, to_lat, "
                   "to_lon), optional checked_minutes, checked_miles")
      ->required();
  travel_check_command->add_option("--postcodes", travel_check.postcodes,
                                   "Postcode file in the ONS Postcode Directory layout");
  travel_check_command->add_option("--csv", travel_check.csv_out, "Also write the table as CSV");
  travel_check_command->add_option(
      "--boundaries", travel_check.travel.boundaries,
      std::string("GLA borough boundaries GeoJSON (default: ") + kDefaultBoundariesPath + ")");
  travel_check_command
      ->add_option("--speed-factor", travel_check.travel.speed_factor,
                   "Zone model: door-to-door speed as a share of TfL's main-road speeds")
      ->default_val(travel_check.travel.speed_factor);
  travel_check_command
      ->add_option("--circuity", travel_check.travel.circuity, "Road/straight-line distance")
      ->default_val(travel_check.travel.circuity);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, the version or the error
    return code == 0 ? 0 : exit_code(ErrorCode::kInvalidArgument);
  }
  if (solve_command->parsed()) return run_solve(solve);
  if (generate_command->parsed()) return run_generate(generate);
  if (generate_darp_command->parsed()) return run_generate_darp(darp);
  if (travel_check_command->parsed()) return run_travel_check(travel_check);
  if (plan_command->parsed()) return run_plan(plan);
  if (pool_command->parsed()) return run_pool(pool);
  if (serve_command->parsed()) return run_serve(serve);
  if (user_add->parsed()) return run_user_add(user);
  if (user_list->parsed()) return run_user_list(user);
  if (!user_action.empty()) return run_user_change(user, user_action);
  if (import_dfe->parsed()) return run_import_dfe(import_options);
  if (report_command->parsed()) return run_report(report);
  if (forecast_command->parsed()) return run_forecast(report);
  if (import_providers->parsed()) return run_import_providers(placement_options);
  if (export_providers->parsed()) return run_export_providers(placement_options);
  if (import_placements->parsed()) return run_import_placements(placement_options);
  if (export_placements->parsed()) return run_export_placements(placement_options);
  if (generate_placements->parsed()) return run_generate_placements(placement_options);
  if (practice_seed->parsed()) return run_practice_seed(practice);
  if (practice_import->parsed()) return run_practice_import(practice);
  if (practice_export->parsed()) return run_practice_export(practice);
  if (practice_search->parsed()) return run_practice_search(practice);
  return run_bench(bench);
}

}  // namespace sendplan::cli
