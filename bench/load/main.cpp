// sendplan_load: signs in to a running sendplan server, sends it GET requests from several
// keep-alive connections, and prints a latency and throughput table. Exit 0 when every request
// succeeded (2xx), 1 when any failed or the sign-in did, 2 for a usage error.
#include <cstdio>

#include "api_login.h"
#include "latency_table.h"
#include "load_options.h"
#include "load_run.h"

int main(int argc, char** argv) {
  using namespace sendplan::load;
  LoadOptions options;
  if (const int stop = parse_load_options(argc, argv, options); stop >= 0) return stop;

  sendplan::Result<SignedIn> who = sign_in(options);
  if (!who) {
    std::fprintf(stderr, "sendplan_load: %s\n", who.error().message.c_str());
    return 1;
  }
  sendplan::Result<std::vector<std::string>> paths = resolve_paths(options, who.value());
  if (!paths) {
    std::fprintf(stderr, "sendplan_load: %s\n", paths.error().message.c_str());
    return 1;
  }
  const LoadResult result = run_load(options, who.value(), paths.value());
  std::fputs(format_report(options, who.value(), result).c_str(), stdout);
  return result.errors() == 0 ? 0 : 1;
}
