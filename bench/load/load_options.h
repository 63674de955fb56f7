// sendplan_load's command line: where the server is, who signs in, and what load to send.
#pragma once

#include <string>
#include <vector>

namespace sendplan::load {

struct LoadOptions {
  std::string url;  // e.g. http://127.0.0.1:8080
  std::string username;
  std::string password;  // the first line of standard input (--password-stdin)
  int requests = 10000;
  int connections = 4;
  // GET paths sent round-robin; "{latest}" stands for the newest plan id of --borough.
  std::vector<std::string> paths;
  std::string borough = "Hackney";
  double timeout_seconds = 30;
};

// The paths used when no --path is given.
std::vector<std::string> default_paths(const std::string& borough);

// Parses argv (and reads the password from stdin). Returns the exit code to stop with, or -1 to
// go on (--help prints and returns 0; a usage error prints and returns 2).
int parse_load_options(int argc, char** argv, LoadOptions& options);

}  // namespace sendplan::load
