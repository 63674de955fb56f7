// Command-line definition of `sendplan` (CLI11): its commands, grouped by the system they belong
// to and who uses them, and their options. Usage errors (an unknown command, option or value, a
// group command such as `practice` without its subcommand) exit with 2, like every
// kInvalidArgument error; --help and --version exit with 0.
#include "cli/cli_app.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
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

constexpr const char* kDescription =
    "sendplan: software for London councils' SEND services. Four systems in one program, "
    "sharing one store and one web app.\n"
    "  - SEN transport planning: plan a borough's home-to-school transport for children with "
    "special educational needs, alone or pooled with its neighbours\n"
    "  - placements and commissioning: the register of providers and of children's placements, "
    "with their fees\n"
    "  - SEND data dashboard: the DfE's published SEND statistics, borough profiles and "
    "forecasts\n"
    "  - practice repository: effective SEND practice that boroughs submit, review and find";

constexpr const char* kFooter =
    "Run 'sendplan COMMAND --help' for a command's options. Every command is described in "
    "docs/reference/cli.md (and 'man sendplan' where the package is installed).\n"
    "Exit codes: 0 done; 1 done, but some children or requests could not be planned; 2 bad "
    "command line; 3 malformed file; 4 invalid data; 5 file not found; 6 cannot read or write; "
    "70 internal error.";

// The groups the top help lists the commands in: the system and who uses it.
constexpr const char* kTransportGroup = "SEN transport planning (council transport officers)";
constexpr const char* kPlacementsGroup = "Placements and commissioning (commissioners)";
constexpr const char* kDataGroup = "SEND data dashboard (analysts)";
constexpr const char* kPracticeGroup = "Practice repository (boroughs sharing what works)";
constexpr const char* kServerGroup = "The web server and its accounts (IT and administrators)";
constexpr const char* kEngineGroup = "The routing engine (developers and researchers)";

constexpr const char* kDatabaseHelp =
    "The store: an SQLite file (PATH or sqlite:PATH) or postgresql://user@host:port/db, the "
    "same one the web server uses";
constexpr const char* kSharedHelp =
    "The shared data folder holding data/boundaries (default: ../shared, or /usr/share/sendplan "
    "when installed from the package)";
constexpr const char* kBoundariesHelp =
    "GLA London borough boundaries (GeoJSON) (default: data/boundaries/"
    "london_boroughs_gla.geojson in the shared data folder)";

// An option whose default is the value it writes to, shown in the help.
template <typename T>
CLI::Option* add_defaulted(CLI::App& command, const std::string& name, T& value,
                           const std::string& help) {
  return command.add_option(name, value, help)->default_val(value);
}

void add_solver_options(CLI::App& command, SolverOptions& options) {
  add_defaulted(command, "--time-limit", options.time_limit_seconds,
                "Seconds the search may take; 0 = no limit (then give --iterations)");
  add_defaulted(command, "--iterations", options.iterations,
                "Stop after this many search steps (0 = no limit); with the same seed, the "
                "same answer every time");
  add_defaulted(command, "--seed", options.seed, "Random seed: the same seed repeats a run");
  add_defaulted(command, "--threads", options.threads,
                "Searches run side by side on this many processor cores (1..64)");
  command.add_option("--parameters", options.parameters_file,
                     "JSON file of the search's tuning parameters over the defaults "
                     "(see docs/reference/cli.md)");
}

void add_planner_options(CLI::App& command, TravelOptions& travel, PolicyOptions& policy) {
  command.add_option("--travel-matrix", travel.matrix,
                     "Your own travel times between places, as CSV (from,to,minutes[,miles]); "
                     "pairs it lacks use the London model");
  command.add_option("--osrm", travel.osrm,
                     "Take road travel times from an OSRM server, e.g. http://host:5000");
  add_defaulted(command, "--travel-model", travel.model,
                "'zones': TfL traffic speeds by central/inner/outer London and time of day "
                "(needs the borough boundaries); 'uniform': one speed for all of London");
  command.add_option("--boundaries", travel.boundaries,
                     std::string(kBoundariesHelp) + "; when absent, the uniform model is used");
  add_defaulted(command, "--speed-factor", travel.speed_factor,
                "Zone model: door-to-door speed as a share of TfL's main-road speeds");
  add_defaulted(command, "--circuity", travel.circuity,
                "London models: road distance divided by straight-line distance");
  add_defaulted(command, "--am-mph", travel.morning_mph, "Uniform model: speed on the morning run");
  add_defaulted(command, "--pm-mph", travel.afternoon_mph,
                "Uniform model: speed on the afternoon run");
  add_defaulted(command, "--primary-max-ride", policy.primary_max_ride,
                "Longest ride in minutes for a primary-age child whose max_ride_minutes is "
                "blank");
  add_defaulted(command, "--secondary-max-ride", policy.secondary_max_ride,
                "Longest ride in minutes for a secondary-age child whose max_ride_minutes is "
                "blank");
  add_defaulted(command, "--earliest-arrival", policy.earliest_arrival,
                "How many minutes before school starts a child may arrive (when "
                "earliest_arrival_minutes is blank)");
  add_defaulted(command, "--pm-wait", policy.afternoon_wait,
                "Minutes after school finishes within which children are collected");
  add_defaulted(command, "--assistant-cost", policy.assistant_cost_per_day,
                "Pounds per day for a passenger assistant (when assistant_cost_per_day is "
                "blank)");
  add_defaulted(command, "--school-days", policy.school_days,
                "School days a year, for the cost per year");
  add_defaulted(command, "--ride-counted", policy.ride_counted,
                "When a child's ride starts: 'collection' (as they start boarding, as a "
                "parent counts it) or 'boarded' (once they are on board)");
  add_defaulted(command, "--unavoidable-allowance-percent", policy.unavoidable_allowance_percent,
                "A child whose direct journey is already over their limit may ride the direct "
                "journey plus this percentage of it, or --unavoidable-allowance-minutes if "
                "larger");
  add_defaulted(command, "--unavoidable-allowance-minutes", policy.unavoidable_allowance_minutes,
                "Minutes beyond the direct journey such a child may ride (see above)");
}

std::string command_path(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent != nullptr;
       parent = parent->get_parent())
    path = parent->get_name() + " " + path;
  return path;
}

// Reports a parse error on stderr and returns the exit code: 0 for --help and --version (printed
// on stdout), else 2. A group command (one that needs a subcommand, like `practice`) given none
// names its subcommands and prints its help; given an unknown word, names the word too.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  if (error.get_exit_code() == 0) return app.exit(error);  // the help or the version
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
  const std::string path = command_path(*command);
  if (command->get_require_subcommand_min() == 0) {
    fmt::print(stderr, "error: {}: {}\nRun '{} --help' for its options.\n", path, error.what(),
               path);
    return exit_code(ErrorCode::kInvalidArgument);
  }
  std::vector<std::string> names;
  for (const CLI::App* sub : command->get_subcommands({})) names.push_back(sub->get_name());
  const std::vector<std::string> unexpected = command->remaining();
  if (unexpected.empty()) {
    // app.help() is the selected command's, with its full name in the usage line.
    fmt::print(stderr, "error: '{}' needs a command: {}\n\n{}", path, fmt::join(names, ", "),
               app.help());
  } else {
    const std::string& word = unexpected.front();
    fmt::print(stderr,
               "error: unknown {} '{}' for '{}'; the commands are: {}\nRun '{} --help' for what "
               "each does.\n",
               word.starts_with('-') ? "option" : "command", word, path, fmt::join(names, ", "),
               path);
  }
  return exit_code(ErrorCode::kInvalidArgument);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{kDescription, "sendplan"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sendplan 0.1.0");

  // SEN transport planning.
  PlanOptions plan;
  CLI::App* plan_command = app.add_subcommand(
      "plan",
      "Plan a borough's SEN home-to-school transport, morning and afternoon runs, from its "
      "pupils, schools and fleet CSVs: route sheets, costs, and why any child could not be "
      "placed");
  plan_command->group(kTransportGroup);
  plan_command->add_option("--pupils", plan.pupils, "The children to carry (pupils.csv)")
      ->required();
  plan_command->add_option("--schools", plan.schools, "Their schools and bell times (schools.csv)")
      ->required();
  plan_command->add_option("--fleet", plan.fleet, "The vehicles you can use (fleet.csv)")
      ->required();
  plan_command->add_option("--postcodes", plan.postcodes,
                           "ONS Postcode Directory file (.csv or .csv.gz), to place homes, "
                           "schools and depots given by postcode");
  plan_command->add_option("--locked", plan.locked,
                           "Routes to keep exactly as they are (routes.csv layout); every other "
                           "child is planned around them");
  plan_command->add_option("--update", plan.update,
                           "The plan in force (its routes.csv): plan only the changes (children "
                           "who joined, left or moved), changing as few routes as possible; "
                           "writes changes.csv");
  add_defaulted(*plan_command, "--max-time-shift", plan.max_time_shift,
                "With --update: the most, in minutes, a child who stays on their route may "
                "have their collection or drop-off time moved");
  plan_command->add_option("--current", plan.current,
                           "The borough's routes today (routes.csv layout), costed and checked "
                           "to compare with the plan");
  plan_command->add_option("--out", plan.out, "Folder for the plan's files")->required();
  plan_command->add_option("--title", plan.title, "Heading of the route sheets");
  add_solver_options(*plan_command, plan.solver);
  add_planner_options(*plan_command, plan.travel, plan.policy);

  PoolOptions pool;
  CLI::App* pool_command = app.add_subcommand(
      "pool",
      "Plan several neighbouring boroughs' SEN transport together and share the saving fairly "
      "between them");
  pool_command->group(kTransportGroup);
  pool_command
      ->add_option("--borough", pool.boroughs,
                   "LABEL=DIR, a borough and its folder of pupils.csv, schools.csv and fleet.csv "
                   "(give 2 or more)")
      ->required();
  pool_command->add_option("--postcodes", pool.postcodes,
                           "ONS Postcode Directory file, for places given by postcode");
  pool_command->add_option("--out", pool.out, "Folder for each borough's plan and the sharing")
      ->required();
  add_defaulted(*pool_command, "--sharing", pool.sharing,
                "How the pooled cost is shared: shapley (each borough pays its average extra "
                "cost) or proportional (to its cost alone)");
  add_defaulted(*pool_command, "--cluster-pupils", pool.cluster_pupils,
                "Children re-planned at once where boroughs meet");
  add_defaulted(*pool_command, "--cluster-iterations", pool.cluster_iterations,
                "Search steps per re-planned cluster (fixed, so the shares repeat)");
  add_defaulted(*pool_command, "--seam-km", pool.seam_km,
                "Two boroughs' routes whose homes or schools come this close may be pooled");
  add_defaulted(*pool_command, "--shapley-samples", pool.shapley_samples,
                "Beyond 10 boroughs: orders of joining sampled for the Shapley shares");
  add_solver_options(*pool_command, pool.solver);
  add_planner_options(*pool_command, pool.travel, pool.policy);

  GenerateOptions generate;
  CLI::App* generate_command = app.add_subcommand(
      "generate",
      "Make a synthetic borough's pupils, schools and fleet CSVs (made-up children) to try "
      "planning without real data; --region for neighbouring boroughs that share schools");
  generate_command->group(kTransportGroup);
  // Exactly one of --borough and --region: run_generate checks it, with a clearer message.
  generate_command->add_option("--borough", generate.borough, "London borough, e.g. Hackney");
  generate_command
      ->add_option("--region", generate.region,
                   "Several neighbouring boroughs, e.g. \"Croydon,Sutton,Merton\": one folder "
                   "DIR/<label> each, sharing schools")
      ->delimiter(',');
  generate_command
      ->add_option("--pupils", generate.pupils,
                   "How many children (1..100000; per borough with --region)")
      ->required();
  add_defaulted(*generate_command, "--cross-border-share", generate.cross_border_share,
                "With --region: share of children at another borough's school (0..1)");
  add_defaulted(*generate_command, "--seed", generate.seed,
                "Random seed: the same seed makes the same files");
  generate_command->add_option("--out", generate.out, "Folder for the CSV files")->required();
  generate_command->add_option("--boundaries", generate.boundaries, kBoundariesHelp);

  TravelCheckOptions travel_check;
  CLI::App* travel_check_command = app.add_subcommand(
      "travel-check",
      "Check the London travel-time model against journeys you know (postcodes or coordinates): "
      "miles and minutes per journey, and the difference from yours");
  travel_check_command->group(kTransportGroup);
  travel_check_command
      ->add_option("--journeys", travel_check.journeys,
                   "CSV: journey, from_postcode, to_postcode (or from_lat, from_lon, to_lat, "
                   "to_lon), optional checked_minutes, checked_miles")
      ->required();
  travel_check_command->add_option("--postcodes", travel_check.postcodes,
                                   "ONS Postcode Directory file, for journeys given by postcode");
  travel_check_command->add_option("--csv", travel_check.csv_out,
                                   "Also write the table to this CSV file");
  travel_check_command->add_option("--boundaries", travel_check.travel.boundaries, kBoundariesHelp);
  add_defaulted(*travel_check_command, "--speed-factor", travel_check.travel.speed_factor,
                "Zone model: door-to-door speed as a share of TfL's main-road speeds");
  add_defaulted(*travel_check_command, "--circuity", travel_check.travel.circuity,
                "Road distance divided by straight-line distance");

  // Placements and commissioning.
  PlacementsOptions placement_options;
  CLI::App* placements_command = app.add_subcommand(
      "placements",
      "The placements register: load and export providers, and children's placements with their "
      "fees");
  placements_command->group(kPlacementsGroup);
  placements_command->require_subcommand(1);
  add_defaulted(*placements_command, "--database", placement_options.database, kDatabaseHelp);
  CLI::App* import_providers = placements_command->add_subcommand(
      "import-providers",
      "Load providers from the DfE's section 41 and independent special school lists, GIAS "
      "extracts or the register's own CSV (all or nothing)");
  import_providers
      ->add_option("files", placement_options.files, "The lists, as downloaded or exported")
      ->required()
      ->check(CLI::ExistingFile);
  CLI::App* export_providers = placements_command->add_subcommand(
      "export-providers", "Write the provider register to a CSV file");
  export_providers->add_option("--out", placement_options.out, "CSV file to write")->required();
  CLI::App* import_placements = placements_command->add_subcommand(
      "import", "Load a borough's placements from its CSV file (all or nothing)");
  import_placements->add_option("--borough", placement_options.borough, "The borough")->required();
  import_placements->add_option("files", placement_options.files, "The placements CSV file")
      ->required()
      ->check(CLI::ExistingFile);
  CLI::App* export_placements = placements_command->add_subcommand(
      "export", "Write placements with their fee history to a CSV file");
  export_placements->add_option("--borough", placement_options.borough,
                                "One borough (default: every borough)");
  export_placements->add_option("--out", placement_options.out, "CSV file to write")->required();
  CLI::App* generate_placements = placements_command->add_subcommand(
      "generate",
      "Store a synthetic London placements dataset (made-up providers and children) to try the "
      "register");
  add_defaulted(*generate_placements, "--seed", placement_options.seed, "Random seed");
  add_defaulted(*generate_placements, "--scale", placement_options.scale,
                "Share of SEN2's independent-sector children to make up (0.001..1)")
      ->check(CLI::Range(0.001, 1.0));
  generate_placements->add_option("--shared", placement_options.shared, kSharedHelp);

  // SEND data dashboard.
  ImportOptions import_options;
  CLI::App* import_command = app.add_subcommand(
      "import", "Load the DfE's published SEND statistics into the store for the dashboard");
  import_command->group(kDataGroup);
  import_command->require_subcommand(1);
  CLI::App* import_dfe = import_command->add_subcommand(
      "dfe",
      "Load DfE SEN2, school census, LAIT, high-needs finance and Ofsted area SEND files as "
      "published (recognised by their header; all or nothing; loading a file twice changes "
      "nothing)");
  add_defaulted(*import_dfe, "--database", import_options.database, kDatabaseHelp);
  import_dfe->add_option("files", import_options.files, "The CSV files, as downloaded")
      ->required()
      ->check(CLI::ExistingFile);

  ReportOptions report;
  CLI::App* report_command = app.add_subcommand(
      "report",
      "Write a borough's SEND profile (EHC plans, needs, placements, costs and a forecast, with "
      "charts) as one HTML file to share");
  report_command->group(kDataGroup);
  add_defaulted(*report_command, "--database", report.database, kDatabaseHelp);
  report_command->add_option("--borough", report.borough, "Name, ONS code or DfE LA number")
      ->required();
  report_command->add_option("--out", report.out, "The HTML file to write")->required();
  report_command
      ->add_option("--cost-per-plan", report.cost_per_plan,
                   "Pounds a year per EHC plan for the implied cost (default: the borough's "
                   "high-needs block divided by its plans)")
      ->check(CLI::NonNegativeNumber);
  add_defaulted(*report_command, "--fit-years", report.fit_years,
                "How many Januaries the trend is fitted to (3..20)")
      ->check(CLI::Range(3, 20));
  add_defaulted(*report_command, "--horizon", report.horizon, "Years to forecast (1..10)")
      ->check(CLI::Range(1, 10));
  CLI::App* forecast_command = app.add_subcommand(
      "forecast",
      "Show how well the EHC plan forecast did in past years (its back-test) and, with "
      "--borough, that borough's forecast");
  forecast_command->group(kDataGroup);
  add_defaulted(*forecast_command, "--database", report.database, kDatabaseHelp);
  forecast_command->add_option("--borough", report.borough, "Name, ONS code or DfE LA number");
  forecast_command->add_option("--cost-per-plan", report.cost_per_plan, "As for report")
      ->check(CLI::NonNegativeNumber);
  add_defaulted(*forecast_command, "--fit-years", report.fit_years, "As for report")
      ->check(CLI::Range(3, 20));
  add_defaulted(*forecast_command, "--horizon", report.horizon, "As for report")
      ->check(CLI::Range(1, 10));

  // Practice repository.
  PracticeOptions practice;
  CLI::App* practice_command = app.add_subcommand(
      "practice",
      "The practice repository: effective SEND practice that boroughs submit, review and find");
  practice_command->group(kPracticeGroup);
  practice_command->require_subcommand(1);
  add_defaulted(*practice_command, "--database", practice.database, kDatabaseHelp);
  practice_command->add_option("--shared", practice.shared, kSharedHelp);
  CLI::App* practice_seed = practice_command->add_subcommand(
      "seed", "Store the made-up example entries (marked as examples), once");
  CLI::App* practice_import = practice_command->add_subcommand(
      "import", "Load entries from a CSV or JSON file (all or nothing)");
  practice_import->add_option("file", practice.file, "The CSV or JSON file")
      ->required()
      ->check(CLI::ExistingFile);
  practice_import->add_option("--format", practice.format, "csv or json (default: by extension)")
      ->check(CLI::IsMember({"csv", "json"}));
  CLI::App* practice_export = practice_command->add_subcommand(
      "export", "Write entries to a CSV or JSON file (by its extension)");
  practice_export->add_option("--out", practice.out, "File to write")->required();
  practice_export->add_option("--format", practice.format, "csv or json (default: by extension)")
      ->check(CLI::IsMember({"csv", "json"}));
  add_defaulted(*practice_export, "--state", practice.state,
                "Which entries: published (default), any, or one state such as draft");
  CLI::App* practice_search = practice_command->add_subcommand(
      "search", "Find published practice by words, best match first");
  practice_search->add_option("words", practice.text, "What to look for")->required();
  practice_search->add_option("--category", practice.categories,
                              "Only this category, by key (repeatable)");
  practice_search->add_option("--borough", practice.boroughs, "Only this borough's (repeatable)");
  add_defaulted(*practice_search, "--limit", practice.limit, "How many to show (1..100)")
      ->check(CLI::Range(1, 100));
  // --database and --shared may come before or after the subcommand.
  for (CLI::App* sub : {practice_seed, practice_import, practice_export, practice_search})
    sub->fallthrough();

  // The web server and its accounts.
  ServeOptions serve;
  CLI::App* serve_command = app.add_subcommand(
      "serve",
      "Run the web server: the web app and the JSON API for every borough's officers, "
      "commissioners and analysts, on SQLite or PostgreSQL");
  serve_command->group(kServerGroup);
  add_defaulted(*serve_command, "--database", serve.database, kDatabaseHelp);
  add_defaulted(*serve_command, "--host", serve.host,
                "Address to listen on (keep 127.0.0.1 behind a reverse proxy)");
  add_defaulted(*serve_command, "--port", serve.port, "Port to listen on (0 = any free port)");
  serve_command->add_option("--shared", serve.shared, kSharedHelp);
  serve_command->add_option("--web", serve.web,
                            "The web app's folder (default: web/ of the source, or "
                            "/usr/share/sendplan/web when installed)");
  serve_command->add_option("--postcodes", serve.postcodes,
                            "ONS Postcode Directory file, for uploads that place children by "
                            "postcode");
  add_defaulted(*serve_command, "--workers", serve.workers, "Plans that may run at once (1..16)");
  add_defaulted(*serve_command, "--max-plans-per-borough", serve.max_plans_per_borough,
                "Plans one borough may have waiting or running");
  add_defaulted(*serve_command, "--max-pupils", serve.max_pupils,
                "Children in one upload and in one plan (memory grows with the square)");
  serve_command->add_flag("--trust-forwarded-for", serve.trust_forwarded_for,
                          "Behind a reverse proxy: take the user's address from the last "
                          "X-Forwarded-For entry (sign-in throttling, audit log)");
  add_defaulted(*serve_command, "--default-time-limit", serve.default_time_limit,
                "Seconds a plan searches when the request does not say");
  serve_command->add_flag("--insecure-cookies", serve.insecure_cookies,
                          "Send the session cookie without Secure (plain HTTP other than "
                          "localhost; never in production)");
  serve_command->add_flag("--log-requests", serve.log_requests,
                          "Log each request's method, path and status");

  UserOptions user;
  CLI::App* user_command = app.add_subcommand(
      "user",
      "Manage the web app's accounts: add, list, disable, enable, delete, sign out, reset a "
      "password, change a role or borough");
  user_command->group(kServerGroup);
  user_command->require_subcommand(1);
  CLI::App* user_add = user_command->add_subcommand(
      "add",
      "Add an account: an officer (one borough's children), an analyst (regional figures) or "
      "an admin");
  add_defaulted(*user_add, "--database", user.database, kDatabaseHelp);
  user_add->add_option("--username", user.username, "3 to 64 letters, digits, . _ - @")->required();
  user_add->add_option("--role", user.role, "officer, analyst or admin")->required();
  user_add->add_option("--borough", user.borough, "The officer's borough");
  user_add->add_option("--shared", user.shared, kSharedHelp);
  user_add->add_flag("--password-stdin", user.password_stdin,
                     "Read the password from the first line of standard input (else it is asked "
                     "for twice)");
  CLI::App* user_list =
      user_command->add_subcommand("list", "List the accounts with their role, borough and status");
  add_defaulted(*user_list, "--database", user.database, kDatabaseHelp);
  std::string user_action;
  std::vector<CLI::App*> user_changes;
  for (const auto& [name, what] : std::vector<std::pair<const char*, const char*>>{
           {"disable", "Stop an account signing in, and end its sessions"},
           {"enable", "Let a disabled account sign in again"},
           {"delete", "Delete an account (its name stays in the audit log)"},
           {"sign-out", "End every session of an account, e.g. after a lost laptop"},
           {"reset-password",
            "Give an account a temporary password, to be changed at the next sign-in"},
           {"change", "Change an account's role and/or borough"}}) {
    CLI::App* change = user_command->add_subcommand(name, what);
    add_defaulted(*change, "--database", user.database, kDatabaseHelp);
    change->add_option("--username", user.username, "The account (any case)")->required();
    if (std::string_view(name) == "change") {
      change->add_option("--role", user.role, "officer, analyst or admin");
      change->add_option("--borough", user.borough, "The officer's borough ('none' for none)");
      change->add_option("--shared", user.shared, kSharedHelp);
    }
    if (std::string_view(name) == "reset-password")
      change->add_flag("--password-stdin", user.password_stdin,
                       "Read the password from the first line of standard input");
    change->callback([&user_action, name = std::string(name)] { user_action = name; });
    user_changes.push_back(change);
  }

  // The routing engine.
  SolveOptions solve;
  CLI::App* solve_command = app.add_subcommand(
      "solve",
      "Solve one routing benchmark instance (Cordeau, Solomon, Li & Lim or VROOM file) and "
      "write its routes as JSON");
  solve_command->group(kEngineGroup);
  solve_command
      ->add_option("--format", solve.format,
                   "Instance format: cordeau, solomon, lilim, or vroom (VROOM's problem JSON in, "
                   "VROOM's solution JSON out; see docs/vroom.md)")
      ->required();
  solve_command->add_option("file", solve.instance, "The instance file")->required();
  add_solver_options(*solve_command, solve.solver);
  solve_command->add_option("--output,-o", solve.output,
                            "Write the routes' JSON here (default: print it)");

  BenchOptions bench;
  CLI::App* bench_command = app.add_subcommand(
      "bench", "Solve a published benchmark set and compare each result with the best known");
  bench_command->group(kEngineGroup);
  bench_command->add_option("set", bench.set, "Benchmark set: darp, solomon, lilim")->required();
  bench_command->add_option("--instances", bench.instances, "Folder of *.txt instances")
      ->required();
  bench_command->add_option("--bks", bench.bks, "BKS.csv with the best-known values")->required();
  add_solver_options(*bench_command, bench.solver);
  bench_command->add_option("--only", bench.only, "Only these instances (comma separated)")
      ->delimiter(',');
  bench_command->add_option("--checker", bench.checker,
                            "Independent feasibility checker to run on every result "
                            "(sendplan_check)");
  bench_command->add_option("--solutions", bench.solutions, "Keep the routes' JSON files here");
  bench_command->add_option("--csv", bench.csv, "Also write the table to this CSV file");

  GenerateDarpOptions darp;
  CLI::App* generate_darp_command = app.add_subcommand(
      "generate-darp",
      "Write a random dial-a-ride benchmark instance by Cordeau & Laporte's recipe (Cordeau "
      "format)");
  generate_darp_command->group(kEngineGroup);
  add_defaulted(*generate_darp_command, "--requests", darp.requests, "Requests (2..1000)")
      ->check(CLI::Range(2, 1000));
  add_defaulted(*generate_darp_command, "--vehicles", darp.vehicles,
                "Vehicles (0 = requests/12 + 1)");
  add_defaulted(*generate_darp_command, "--seed", darp.seed,
                "Random seed: the same seed makes the same file");
  generate_darp_command->add_option("--out", darp.out, "The instance file to write")->required();

  // A subcommand takes its parent's group and footer when it is added: the top help alone has the
  // footer, and a group command lists its own subcommands plainly.
  const auto every = [](CLI::App*) { return true; };
  for (CLI::App* command : app.get_subcommands(every)) {
    for (CLI::App* sub : command->get_subcommands(every)) sub->group("Subcommands");
  }
  app.footer(kFooter);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e);
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
