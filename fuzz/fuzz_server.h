// The real sendplan HTTP stack for fuzzing: WebServer (its routes, limits, error handling and
// security headers) over Api, Sessions and a stopped PlanJobs, on a SQLite store that starts
// every input in the same state, so an input's outcome never depends on the ones before it.
// (The store is a copy of a template database in /dev/shm, i.e. in memory: migrating and
// filling a new "sqlite::memory:" store for each input took 15 ms, the copy 2 ms.)
//
// Each fresh store holds the fixtures below: four accounts with fixed session cookies and CSRF
// tokens (so inputs and fuzz/http.dict can sign requests), a generated Hackney's three inputs
// (datasets 1-3), a finished plan (1) with its files and a failed plan (2). Plans submitted
// through the API fail at once ("stopped: ...") instead of running the planner: the plan
// workers are stopped at start-up.
//
// Promises checked on every response (a broken one aborts, so the fuzzer reports it):
//   - the status is 100 to 599, and never 500 (an exception or a store failure: a bug when the
//     store is a healthy database) unless SENDPLAN_FUZZ_ALLOW_500=1;
//   - no request body handed to a handler is larger than the body limit (64 KB here);
//   - every error (4xx, 5xx) has a JSON body with "error" and "message", and every /api answer
//     but 204 and a plan's file is JSON (bodies a Range or Accept-Encoding request changed on
//     the way out are not checked).
// SENDPLAN_FUZZ_IGNORE="piece|piece" skips known bugs: a broken promise whose description or
// server log holds a piece (e.g. "out_of_range.406") is not reported, so fuzzing goes on.
#pragma once

#include <httplib.h>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "server/api.h"
#include "server/plan_jobs.h"
#include "server/sessions.h"
#include "server/web_server.h"
#include "store/store.h"
#include "swappable_store.h"
#include "travel/travel_source.h"

namespace sendplan::fuzz {

struct FixtureAccount {
  const char* username;
  const char* role;
  const char* borough;
  const char* session_token;  // the sendplan_session cookie value (64 hex)
  const char* csrf_token;     // the X-CSRF-Token header value
};

inline constexpr const char* kFixturePassword = "fuzzing-password-1";
inline constexpr FixtureAccount kFixtureAccounts[] = {
    {"officer.hackney", "officer", "Hackney",
     "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
     "c5f0000000000000000000000000000000000000000000000000000000000001"},
    {"officer.camden", "officer", "Camden",
     "1123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
     "c5f0000000000000000000000000000000000000000000000000000000000002"},
    {"analyst", "analyst", "", "2123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
     "c5f0000000000000000000000000000000000000000000000000000000000003"},
    {"admin", "admin", "", "3123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
     "c5f0000000000000000000000000000000000000000000000000000000000004"},
};

class FuzzServer {
 public:
  // Once per process: reads the atlas, hashes the fixture passwords, stops the plan workers.
  FuzzServer();
  ~FuzzServer();
  FuzzServer(const FuzzServer&) = delete;
  FuzzServer& operator=(const FuzzServer&) = delete;

  // Serves `input` as the bytes a client sent on one keep-alive connection: up to 8 requests.
  void serve(std::string_view input);

 private:
  static server::ApiSettings api_settings();
  // Fills a new database with the fixtures and keeps its bytes in template_bytes_.
  void write_template();
  // Points store_ at a fresh copy of the template (written to work_path_).
  void fresh_store();
  // Aborts, with the details, when `response` breaks a promise.
  void check(const httplib::Request& request, const httplib::Response& response) const;

  SwappableStore store_;
  std::unique_ptr<travel::TravelSource> travel_;
  std::unique_ptr<server::PlanJobs> jobs_;
  std::unique_ptr<server::Sessions> sessions_;
  std::optional<server::Api> api_;  // made anew (in place) for every input
  std::unique_ptr<server::WebServer> web_;
  httplib::Server* http_ = nullptr;  // web_'s
  std::vector<store::User> users_;   // the fixture accounts, passwords hashed
  bool allow_500_ = false;
  std::vector<std::string> known_bugs_;
  std::string template_path_, work_path_;
  std::string template_bytes_;
  std::ostringstream log_;  // the server's log during the current input
};

}  // namespace sendplan::fuzz
