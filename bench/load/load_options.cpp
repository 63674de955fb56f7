// sendplan_load's command line (CLI11).
#include "load_options.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

namespace sendplan::load {

std::vector<std::string> default_paths(const std::string& borough) {
  return {"/api/region/summary", "/api/boroughs/" + borough + "/plans", "/api/plans/{latest}",
          "/api/health"};
}

int parse_load_options(int argc, char** argv, LoadOptions& options) {
  CLI::App app{
      "sendplan_load: signs in to a sendplan server and sends it GET requests from "
      "several keep-alive connections, then prints throughput and latency",
      "sendplan_load"};
  bool password_stdin = false;
  app.add_option("--url", options.url, "The server, e.g. http://127.0.0.1:8080")->required();
  app.add_option("--username", options.username, "The account to sign in as")->required();
  app.add_flag("--password-stdin", password_stdin,
               "Read the password from the first line of standard input")
      ->required();
  app.add_option("--requests,-n", options.requests, "Requests to send in all")
      ->check(CLI::Range(1, 100000000))
      ->capture_default_str();
  app.add_option("--connections,-c", options.connections,
                 "Connections (one thread each, keep-alive)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--path", options.paths,
                 "A GET path to request (repeat for several; round-robin). {latest} stands for "
                 "the newest plan id of --borough. Default: /api/region/summary, "
                 "/api/boroughs/BOROUGH/plans, /api/plans/{latest}, /api/health");
  app.add_option("--borough", options.borough, "The borough of the default paths")
      ->capture_default_str();
  app.add_option("--timeout", options.timeout_seconds, "Seconds to wait for one answer")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;  // --help, or a usage error (printed)
  }
  if (options.paths.empty()) options.paths = default_paths(options.borough);
  if (password_stdin) {
    if (!std::getline(std::cin, options.password)) {
      std::fprintf(stderr, "sendplan_load: no password on standard input\n");
      return 2;
    }
    if (!options.password.empty() && options.password.back() == '\r') options.password.pop_back();
  }
  return -1;
}

}  // namespace sendplan::load
