// PostgresServer: initdb (or a copy of a cached initdb), pg_ctl start on a free port, a database.
#include "support/postgres_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <vector>

namespace sendplan::testing {

namespace {

namespace fs = std::filesystem;

constexpr const char* kSuperuser = "sendplan";
constexpr const char* kDatabase = "sendplan";
constexpr int kStartAttempts = 5;
// Part of the template folder's name: raise it when initdb's options change.
constexpr int kTemplateFormat = 2;

Error failure(const std::string& message) {
  return make_error(ErrorCode::kIo, "PostgreSQL test server: " + message);
}

// Who runs the server programs: ourselves (uid -1), or the postgres user when we are root.
struct Account {
  int uid = -1;
  int gid = -1;
};

bool has_server_programs(const fs::path& bin) {
  for (const char* program : {"initdb", "pg_ctl", "postgres"}) {
    if (::access((bin / program).c_str(), X_OK) != 0) return false;
  }
  return true;
}

// The folder of initdb, pg_ctl and postgres: $SENDPLAN_POSTGRES_BIN, or the newest
// /usr/lib/postgresql/<version>/bin.
Result<std::string> find_bin() {
  if (const char* bin = std::getenv("SENDPLAN_POSTGRES_BIN"); bin != nullptr && *bin != '\0') {
    if (has_server_programs(bin)) return std::string(bin);
    return failure(fmt::format("SENDPLAN_POSTGRES_BIN={} has no initdb, pg_ctl and postgres", bin));
  }
  std::string best;
  int best_version = -1;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const fs::path bin = entry.path() / "bin";
    const int version = std::atoi(entry.path().filename().c_str());
    if (version > best_version && has_server_programs(bin)) {
      best = bin.string();
      best_version = version;
    }
  }
  if (best.empty()) {
    return failure(
        "PostgreSQL's server programs (initdb, pg_ctl, postgres) are not in "
        "/usr/lib/postgresql/*/bin: install the postgresql package (scripts/install-deps.sh "
        "does), or set SENDPLAN_POSTGRES_BIN to their folder");
  }
  return best;
}

Result<Account> server_account() {
  if (::geteuid() != 0) return Account{};
  const passwd* user = ::getpwnam("postgres");
  if (user == nullptr) {
    return failure(
        "the tests run as root, which PostgreSQL refuses, and there is no 'postgres' user to "
        "run it as (the postgresql package creates it)");
  }
  return Account{static_cast<int>(user->pw_uid), static_cast<int>(user->pw_gid)};
}

void give_to(const fs::path& path, const Account& account) {
  if (account.uid < 0) return;
  const auto uid = static_cast<uid_t>(account.uid);
  const auto gid = static_cast<gid_t>(account.gid);
  (void)::lchown(path.c_str(), uid, gid);
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    (void)::lchown(it->path().c_str(), uid, gid);
  }
}

// In a forked child: switch to `account` (the postgres user when the tests run as root), or end
// the child. Only async-signal-safe calls.
void become_or_exit(const Account& account) {
  if (account.uid < 0) return;
  const auto gid = static_cast<gid_t>(account.gid);
  if (::setgroups(1, &gid) != 0 || ::setgid(gid) != 0 ||
      ::setuid(static_cast<uid_t>(account.uid)) != 0) {
    ::_exit(126);
  }
}

// Runs `args` (args[0] is the program's path) in `folder` as `account`, stdout and stderr
// appended to `log`. Returns the exit status, or -1 when it did not run or was killed.
int run_program(const std::vector<std::string>& args, const std::string& folder,
                const std::string& log, const Account& account) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    // The child: only async-signal-safe calls from here to exec.
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (in < 0 || out < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    // The server must not inherit the test's files and sockets.
    ::close_range(3, ~0U, 0);
    become_or_exit(account);
    if (::chdir(folder.c_str()) != 0) ::_exit(126);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Starts the watchdog: `sh` in its own session (terminal signals do not reach it) that waits
// until the pipe's write end, returned in `write_fd`, is closed (on purpose or because this
// process died) and then stops the server in `folder`/data and deletes `folder`. -1 on failure.
int start_watchdog(const std::string& bin, const std::string& folder, const Account& account,
                   int& write_fd) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  static const std::string script =
      "read -r line\n"
      "\"$1\" stop -D \"$2/data\" -m immediate -w >/dev/null 2>&1\n"
      "rm -rf \"$2\"\n";
  const std::vector<std::string> args = {
      "/bin/sh", "-c", script, "sendplan-postgres-watchdog", bin + "/pg_ctl", folder};
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return -1;
  }
  if (pid == 0) {
    ::setsid();
    const int null = ::open("/dev/null", O_WRONLY);
    if (null < 0) ::_exit(126);
    ::dup2(fds[0], 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::close_range(3, ~0U, 0);
    become_or_exit(account);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[0]);
  write_fd = fds[1];
  return pid;
}

std::string read_file(const fs::path& path, std::uintmax_t from = 0) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(from));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The last `count` lines of `text`, for error messages.
std::string last_lines(const std::string& text, int count) {
  std::size_t at = text.size();
  if (at > 0 && text[at - 1] == '\n') --at;
  for (int n = 0; n < count && at != std::string::npos && at > 0; ++n) {
    at = text.rfind('\n', at - 1);
  }
  return text.substr(at == std::string::npos ? 0 : at + 1);
}

std::uintmax_t file_size_or_zero(const fs::path& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

// A free TCP port on the loopback interface (free now: someone may take it before the server
// does, which start() retries).
Result<int> free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return failure(fmt::format("socket: {}", std::strerror(errno)));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  const int error = errno;
  ::close(fd);
  if (!ok) return failure(fmt::format("cannot find a free port: {}", std::strerror(error)));
  return static_cast<int>(ntohs(address.sin_port));
}

// Where servers live: $SENDPLAN_POSTGRES_TMPDIR, else /dev/shm when it is a roomy RAM disk
// (creating the data folder's ~1000 files there is much faster than on a busy disk), else the
// temp dir.
fs::path base_folder() {
  if (const char* dir = std::getenv("SENDPLAN_POSTGRES_TMPDIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  struct statvfs shm {};
  if (::statvfs("/dev/shm", &shm) == 0 && ::access("/dev/shm", W_OK | X_OK) == 0 &&
      static_cast<double>(shm.f_bavail) * static_cast<double>(shm.f_frsize) > 1e9) {
    return "/dev/shm";
  }
  return fs::temp_directory_path();
}

// Where a freshly initialised data folder is kept for the next servers of this user and bin.
fs::path template_folder(const std::string& bin) {
  std::string key = bin;
  for (char& c : key) {
    if (c == '/') c = '_';
  }
  return base_folder() /
         fmt::format("sendplan-postgres-template-v{}-uid{}{}", kTemplateFormat, ::geteuid(), key);
}

bool is_data_folder(const fs::path& folder) {
  std::error_code ec;
  return fs::exists(folder / "PG_VERSION", ec) && fs::exists(folder / "global" / "pg_control", ec);
}

// Keeps a copy of the pristine `data` folder as the template (best effort: a failure only
// means the next server runs initdb too).
void save_template(const fs::path& data, const fs::path& cache) {
  std::string staging = cache.string() + "-XXXXXX";
  if (::mkdtemp(staging.data()) == nullptr) return;
  std::error_code ec;
  fs::copy(data, staging, fs::copy_options::recursive, ec);
  if (!ec && !is_data_folder(cache)) {
    fs::remove_all(cache, ec);  // a broken one (e.g. half cleaned by a temp-dir cleaner)
    if (::rename(staging.c_str(), cache.c_str()) == 0) return;
  }
  fs::remove_all(staging, ec);  // another server saved one first
}

std::string pq_message(const PGconn* connection) {
  const std::string message = connection != nullptr ? PQerrorMessage(connection) : "out of memory";
  return message.substr(0, message.find('\n'));
}

}  // namespace

Result<std::unique_ptr<PostgresServer>> PostgresServer::start() {
  Result<std::string> bin = find_bin();
  if (!bin.ok()) return bin.error();
  Result<Account> account = server_account();
  if (!account.ok()) return account.error();

  std::unique_ptr<PostgresServer> server(new PostgresServer());
  server->bin_ = bin.value();
  server->user_ = kSuperuser;
  server->run_as_uid_ = account.value().uid;
  server->run_as_gid_ = account.value().gid;
  server->owner_pid_ = ::getpid();
  std::string folder = (base_folder() / "sendplan-postgres-XXXXXX").string();
  if (::mkdtemp(folder.data()) == nullptr) {
    return failure(fmt::format("cannot make a temp folder: {}", std::strerror(errno)));
  }
  server->directory_ = folder;  // from here on the destructor removes it
  give_to(folder, account.value());
  server->watchdog_pid_ =
      start_watchdog(server->bin_, folder, account.value(), server->watchdog_fd_);
  if (server->watchdog_pid_ < 0) {
    return failure(fmt::format("cannot start the watchdog: {}", std::strerror(errno)));
  }

  const fs::path dir(folder);
  const fs::path data = dir / "data";
  const fs::path cache = template_folder(server->bin_);
  const std::string tool_log = (dir / "tools.log").string();
  const fs::path server_log = dir / "server.log";

  // The data folder: a copy of the template, or initdb (then saved as the template).
  auto make_data = [&](bool use_template) -> Status {
    std::error_code ec;
    fs::remove_all(data, ec);
    if (use_template && is_data_folder(cache)) {
      fs::copy(cache, data, fs::copy_options::recursive, ec);
      if (!ec) {
        fs::permissions(data, fs::perms::owner_all, fs::perm_options::replace, ec);
        give_to(data, account.value());
        return {};
      }
      fs::remove_all(data, ec);
    }
    const int status =
        run_program({server->bin_ + "/initdb", "-D", data.string(), "-A", "trust", "-E", "UTF8",
                     "--locale=C", "-U", kSuperuser, "--no-sync", "--wal-segsize=1"},
                    folder, tool_log, account.value());
    if (status != 0) {
      return failure(fmt::format("initdb failed (exit status {}):\n{}", status,
                                 last_lines(read_file(tool_log), 15)));
    }
    save_template(data, cache);
    return {};
  };
  auto configure = [&]() -> Status {
    std::ofstream conf(data / "postgresql.conf", std::ios::app);
    conf << "\n# sendplan test server\n"
         << "listen_addresses = '127.0.0.1'\n"
         << "unix_socket_directories = '" << folder << "'\n"
         << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
         << "max_connections = 50\nshared_buffers = 16MB\n";
    if (!conf) return failure("cannot write postgresql.conf");
    return {};
  };
  // pg_ctl start on a free port; another free port when someone took it first.
  auto start_server = [&]() -> Status {
    std::string log_text;
    for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
      Result<int> port = free_port();
      if (!port.ok()) return port.error();
      const std::uintmax_t log_start = file_size_or_zero(server_log);
      const int status =
          run_program({server->bin_ + "/pg_ctl", "start", "-w", "-t", "60", "-D", data.string(),
                       "-l", server_log.string(), "-o", fmt::format("-p {}", port.value())},
                      folder, tool_log, account.value());
      if (status == 0) {
        server->port_ = port.value();
        return {};
      }
      log_text = read_file(server_log, log_start);
      if (log_text.find("Address already in use") == std::string::npos) break;
    }
    return failure(fmt::format("pg_ctl start failed:\n{}\n{}", last_lines(log_text, 15),
                               last_lines(read_file(tool_log), 5)));
  };

  const bool had_template = is_data_folder(cache);
  Status ready = make_data(true);
  if (ready.ok()) ready = configure();
  if (ready.ok()) ready = start_server();
  if (!ready.ok() && had_template) {
    // The saved template may be broken: drop it and start from initdb.
    std::error_code ec;
    fs::remove_all(cache, ec);
    ready = make_data(false);
    if (ready.ok()) ready = configure();
    if (ready.ok()) ready = start_server();
  }
  if (!ready.ok()) return ready.error();

  Result<std::string> url = server->create_database(kDatabase);
  if (!url.ok()) return url.error();
  server->url_ = url.value();
  return server;
}

PostgresServer::~PostgresServer() {
  if (::getpid() != owner_pid_) return;  // a forked child exiting: the server is the parent's
  if (watchdog_pid_ > 0) {
    // We clean up ourselves (and wait for it): the watchdog is not needed.
    ::kill(watchdog_pid_, SIGKILL);
    (void)::waitpid(watchdog_pid_, nullptr, 0);
    ::close(watchdog_fd_);
  }
  const Account account{run_as_uid_, run_as_gid_};
  const fs::path dir(directory_);
  std::error_code ec;
  if (!directory_.empty() && fs::exists(dir / "data" / "postmaster.pid", ec)) {  // may be running
    const std::string data = (dir / "data").string();
    const std::string log = (dir / "tools.log").string();
    if (run_program({bin_ + "/pg_ctl", "stop", "-w", "-t", "30", "-m", "fast", "-D", data},
                    directory_, log, account) != 0) {
      (void)run_program({bin_ + "/pg_ctl", "stop", "-w", "-m", "immediate", "-D", data}, directory_,
                        log, account);
    }
  }
  if (!directory_.empty()) fs::remove_all(dir, ec);
}

std::string PostgresServer::url_for(const std::string& database) const {
  return fmt::format("postgresql://{}@127.0.0.1:{}/{}", user_, port_, database);
}

Result<std::string> PostgresServer::create_database(const std::string& name) {
  static std::atomic<int> counter{0};
  const std::string database = name.empty() ? fmt::format("sendplan_test_{}", ++counter) : name;
  for (char c : database) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return failure("a database name may only have letters, digits and '_'");
    }
  }
  const std::string admin = url_for("postgres") + "?connect_timeout=10";
  PGconn* connection = PQconnectdb(admin.c_str());
  if (connection == nullptr || PQstatus(connection) != CONNECTION_OK) {
    const std::string message = pq_message(connection);
    PQfinish(connection);
    return failure(fmt::format("cannot connect to create a database: {}", message));
  }
  PGresult* result = PQexec(connection, fmt::format("CREATE DATABASE \"{}\"", database).c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string message = ok ? "" : pq_message(connection);
  PQclear(result);
  PQfinish(connection);
  if (!ok) return failure(fmt::format("CREATE DATABASE {} failed: {}", database, message));
  return url_for(database);
}

Result<PostgresServer*> shared_postgres_server() {
  static std::mutex mutex;
  static std::unique_ptr<PostgresServer> server;  // stopped by its destructor at exit
  static std::optional<Error> error;
  std::lock_guard lock(mutex);
  if (server) return server.get();
  if (error) return *error;
  Result<std::unique_ptr<PostgresServer>> started = PostgresServer::start();
  if (!started.ok()) {
    error = started.error();
    return *error;
  }
  server = std::move(started).value();
  return server.get();
}

Result<std::string> fresh_postgres_database() {
  Result<PostgresServer*> server = shared_postgres_server();
  if (!server.ok()) return server.error();
  return server.value()->create_database();
}

}  // namespace sendplan::testing
