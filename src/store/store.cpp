// The names of roles, plan states and plan kinds, the clock, and open_store: which backend a URL
// names.
#include "store/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string_view>

#include "store/postgres_connection.h"
#include "store/sql_store.h"
#include "store/sqlite_connection.h"

namespace sendplan::store {

namespace {

constexpr std::string_view kUrlForms =
    "use a file path, sqlite:PATH, sqlite::memory: or postgresql://user@host:port/database";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// `url` with connect_timeout=10 added when it has none: an unreachable server then fails the
// open in seconds instead of the operating system's minutes.
std::string with_connect_timeout(const std::string& url) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
}

}  // namespace

const char* role_name(Role role) {
  switch (role) {
    case Role::kBoroughOfficer:
      return "officer";
    case Role::kRegionalAnalyst:
      return "analyst";
    case Role::kAdministrator:
      return "admin";
  }
  return "officer";
}

std::string username_key(const std::string& username) {
  std::string key = username;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

std::optional<Role> parse_role(const std::string& name) {
  for (Role role : {Role::kBoroughOfficer, Role::kRegionalAnalyst, Role::kAdministrator}) {
    if (name == role_name(role)) return role;
  }
  return std::nullopt;
}

const char* plan_status_name(PlanStatus status) {
  switch (status) {
    case PlanStatus::kQueued:
      return "queued";
    case PlanStatus::kRunning:
      return "running";
    case PlanStatus::kDone:
      return "done";
    case PlanStatus::kFailed:
      return "failed";
  }
  return "queued";
}

bool PoolRecord::includes(const std::string& borough) const {
  return std::any_of(boroughs.begin(), boroughs.end(),
                     [&](const PoolBorough& member) { return member.borough == borough; });
}

std::optional<PlanStatus> parse_plan_status(const std::string& name) {
  for (PlanStatus status :
       {PlanStatus::kQueued, PlanStatus::kRunning, PlanStatus::kDone, PlanStatus::kFailed}) {
    if (name == plan_status_name(status)) return status;
  }
  return std::nullopt;
}

const char* plan_kind_name(PlanKind kind) {
  switch (kind) {
    case PlanKind::kPlanned:
      return "planned";
    case PlanKind::kReplanned:
      return "re-planned around locked routes";
    case PlanKind::kEdited:
      return "edited";
    case PlanKind::kUpdated:
      return "updated";
  }
  return "planned";
}

std::optional<PlanKind> parse_plan_kind(const std::string& name) {
  for (PlanKind kind :
       {PlanKind::kPlanned, PlanKind::kReplanned, PlanKind::kEdited, PlanKind::kUpdated}) {
    if (name == plan_kind_name(kind)) return kind;
  }
  return std::nullopt;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  const std::size_t size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(text, size);
}

Result<std::unique_ptr<SqlConnection>> connect_database(const std::string& url) {
  // The URL is not repeated in messages: a PostgreSQL one may hold a password.
  if (url.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("no database URL given ({})", kUrlForms));
  }
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    return open_postgres(with_connect_timeout(url));
  }
  if (starts_with(url, "sqlite:")) {
    const std::string path = url.substr(std::string_view("sqlite:").size());
    if (path.empty() || starts_with(path, "//")) {
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("a sqlite: database URL needs a path after the colon, "
                                    "e.g. sqlite:/var/lib/sendplan/sendplan.db ({})",
                                    kUrlForms));
    }
    return open_sqlite(path);
  }
  if (const std::size_t end = url.find("://"); end != std::string::npos) {
    // Named only when it looks like a scheme (not, say, part of a password).
    const std::string scheme = url.substr(0, end);
    const bool plain =
        scheme.size() <= 20 && std::all_of(scheme.begin(), scheme.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
        });
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("unknown database URL scheme{} ({})",
                                  plain ? " \"" + scheme + "\"" : std::string(), kUrlForms));
  }
  return open_sqlite(url);
}

Result<std::unique_ptr<Store>> open_store(const std::string& url) {
  Result<std::unique_ptr<SqlConnection>> connection = connect_database(url);
  if (!connection.ok()) return connection.error();
  return open_sql_store(std::move(connection).value());
}

}  // namespace sendplan::store
