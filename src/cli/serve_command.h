// `sendplan serve`: the multi-borough web server (JSON API + web app) on a SQLite file or a
// PostgreSQL database. Prints "sendplan: listening on http://HOST:PORT" once it accepts
// connections; SIGINT or SIGTERM stop it gracefully (requests in progress finish, a running plan
// is stopped and marked failed) and it exits 0.
#pragma once

#include <string>

namespace sendplan::cli {

struct ServeOptions {
  std::string database = "sendplan.db";
  std::string host = "127.0.0.1";
  int port = 8080;                   // 0 = any free port
  std::string shared;                // shared/ folder (boundaries); default shared_or_default()
  std::string web;                   // the web app's folder; default data_paths().web
  std::string postcodes;             // optional postcode file for inputs placed by postcode
  int workers = 2;                   // plans at once
  int max_plans_per_borough = 3;     // waiting or running
  int max_pupils = 5000;             // in one upload and one plan
  bool trust_forwarded_for = false;  // behind a reverse proxy
  double default_time_limit = 30;
  bool insecure_cookies = false;  // plain-HTTP development off localhost only
  bool log_requests = false;
};

int run_serve(const ServeOptions& options);

// `sendplan user add`: creates an account (password from stdin with --password-stdin, else
// asked for on the terminal). `sendplan user list` prints the accounts. `sendplan user
// disable|enable|delete|sign-out|reset-password|change` manage one (--username); each is
// written to the audit log as done by "cli".
struct UserOptions {
  std::string database = "sendplan.db";
  std::string username;
  std::string role;
  std::string borough;
  std::string shared;
  bool password_stdin = false;
};

int run_user_add(const UserOptions& options);
// `action`: "disable", "enable", "delete", "sign-out", "reset-password" (new temporary
// password; the user must change it) or "change" (--role and/or --borough).
int run_user_change(const UserOptions& options, const std::string& action);
int run_user_list(const UserOptions& options);

}  // namespace sendplan::cli
