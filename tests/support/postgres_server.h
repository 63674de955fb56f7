// PostgresServer: a throw-away PostgreSQL server for tests. It runs Debian's server programs
// (the newest /usr/lib/postgresql/<version>/bin, or the folder in $SENDPLAN_POSTGRES_BIN) on a
// fresh data folder, listening on 127.0.0.1 at a free port (and on a unix socket in its folder),
// with trust authentication and durability off (fsync=off: fast, and the data is thrown away).
// The destructor stops it (pg_ctl stop -m fast) and deletes the folder.
//
// The folder is made in $SENDPLAN_POSTGRES_TMPDIR, else in /dev/shm when that RAM disk has room
// (a data folder is ~1000 files: slow to create on a busy disk), else in the temp dir.
// initdb takes a second or more and CTest runs every test in its own process, so the first
// server leaves a copy of its freshly made data folder there
// (sendplan-postgres-template-v<format>-uid<uid>_<bin path>) and later servers start from a
// copy of it.
//
// If the test process dies without running the destructor (a crash, SIGKILL, Ctrl-C), a small
// watchdog process (sh, in its own session) notices and stops the server and deletes the folder.
//
// PostgreSQL refuses to run as root; when the tests do, the server programs run as the
// `postgres` system user (the folder is handed to it).
//
// Use in tests (they fail, never skip, when PostgreSQL is missing: scripts/install-deps.sh
// installs it):
//   Result<std::string> url = sendplan::testing::fresh_postgres_database();
//   ASSERT_TRUE(url.ok()) << url.error().to_string();
//   ... open_store(url.value()) ...
#pragma once

#include <memory>
#include <string>

#include "core/result.h"

namespace sendplan::testing {

class PostgresServer {
 public:
  // Starts a server with one empty database, "sendplan". The error says why it could not
  // start (e.g. PostgreSQL is not installed), with the end of the server's log.
  static Result<std::unique_ptr<PostgresServer>> start();

  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;
  ~PostgresServer();

  // "postgresql://USER@127.0.0.1:PORT/sendplan".
  const std::string& url() const { return url_; }
  // The URL of another database on this server.
  std::string url_for(const std::string& database) const;
  const std::string& user() const { return user_; }
  int port() const { return port_; }
  // The server's folder (data/, server.log, the unix socket).
  const std::string& directory() const { return directory_; }

  // Creates an empty database named `name` (letters, digits and '_'), or a fresh name
  // ("sendplan_test_1", ...) when `name` is empty; returns its URL. Thread-safe.
  Result<std::string> create_database(const std::string& name = "");

 private:
  PostgresServer() = default;

  std::string bin_;        // the folder of initdb, pg_ctl, postgres
  std::string directory_;  // our temp folder
  std::string user_;       // the database superuser
  std::string url_;
  int port_ = 0;
  int run_as_uid_ = -1;  // when running as root: the postgres user's uid and gid
  int run_as_gid_ = -1;
  int owner_pid_ = 0;      // only this process stops the server (not a forked child)
  int watchdog_pid_ = -1;  // cleans up if this process dies without the destructor
  int watchdog_fd_ = -1;   // closing it (dying does too) tells the watchdog to clean up
};

// The process's shared server: started by the first call, stopped when the process exits.
// Every call returns the same server, or the same error. Thread-safe.
Result<PostgresServer*> shared_postgres_server();

// A new empty database on the shared server; its URL.
Result<std::string> fresh_postgres_database();

}  // namespace sendplan::testing
