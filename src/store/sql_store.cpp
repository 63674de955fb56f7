// SqlStore (sql_store_internal.h): the Store's operations as SQL on one connection, serialised by a
// mutex. Every write runs in one transaction; errors say which operation failed and why, never
// the values. A record's empty time (created_at, at, uploaded_at, finished_at) is stored as
// utc_now(); 0 for an optional reference (uploaded_by, created_by, an audit entry's user_id,
// current_dataset, parent_plan) is stored as NULL.
// Here: opening the store, the lock and transactions every operation goes through, and accounts,
// sessions and the audit log. Uploaded inputs, plans and pools: sql_store_plans.cpp; statistics,
// placements and practice: sql_store_systems.cpp.
#include "store/sql_store.h"

#include <fmt/format.h>

#include <mutex>

#include "store/sql_store_internal.h"

namespace sendplan::store {

namespace detail {

namespace {

constexpr const char* kUserColumns =
    "id, username, password_hash, role, borough, created_at, disabled, must_change_password, "
    "deleted_at";
constexpr const char* kSessionColumns = "token_hash, user_id, csrf_token, created_at, expires_at";
constexpr const char* kAuditColumns = "id, at, user_id, username, action, borough, detail";

Result<User> user_from(const SqlRow& row) {
  User user;
  user.id = row.integer(0);
  user.username = row.text(1);
  user.password_hash = row.text(2);
  const std::optional<Role> role = parse_role(row.text(3));
  if (!role) return make_error(ErrorCode::kIo, "store: a user has an unknown role");
  user.role = *role;
  user.borough = row.text(4);
  user.created_at = row.text(5);
  user.disabled = row.integer(6) != 0;
  user.must_change_password = row.integer(7) != 0;
  user.deleted_at = row.text(8);
  return user;
}

Session session_from(const SqlRow& row) {
  return Session{row.text(0), row.integer(1), row.text(2), row.text(3), row.text(4)};
}

AuditEntry audit_from(const SqlRow& row) {
  return AuditEntry{row.integer(0), row.text(1), row.integer(2), row.text(3),
                    row.text(4),    row.text(5), row.text(6)};
}

}  // namespace

// --- accounts

Result<std::int64_t> SqlStore::add_user(const User& user) {
  std::int64_t id = 0;
  Status status = write("add user", [&]() -> Status {
    const std::string key = username_key(user.username);
    Result<SqlRows> taken = connection_->query("SELECT 1 FROM users WHERE username_key = ?", {key});
    if (!taken.ok()) return taken.error();
    if (!taken.value().empty()) {
      return make_error(ErrorCode::kInvalidArgument,
                        "the username is taken (usernames are the same in any case)");
    }
    Result<SqlRows> inserted = connection_->query(
        "INSERT INTO users (username, password_hash, role, borough, created_at, disabled, "
        "must_change_password, username_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {user.username, user.password_hash, role_name(user.role), user.borough,
         or_now(user.created_at), user.disabled ? 1 : 0, user.must_change_password ? 1 : 0, key});
    if (!inserted.ok()) return inserted.error();
    id = inserted.value().at(0).integer(0);
    return {};
  });
  if (!status.ok()) return status.error();
  return id;
}

Result<std::optional<User>> SqlStore::find_user(const std::string& username) {
  return one_user(
      "find user",
      fmt::format("SELECT {} FROM users WHERE username_key = ? AND deleted_at = ''", kUserColumns),
      {username_key(username)});
}

Result<std::optional<User>> SqlStore::user_by_id(std::int64_t id) {
  return one_user("find user", fmt::format("SELECT {} FROM users WHERE id = ?", kUserColumns),
                  {id});
}

Result<std::vector<User>> SqlStore::list_users() {
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows = connection_->query(
      fmt::format("SELECT {} FROM users WHERE deleted_at = '' ORDER BY id", kUserColumns));
  if (!rows.ok()) return failed("list users", rows.error());
  std::vector<User> users;
  for (const SqlRow& row : rows.value()) {
    Result<User> user = user_from(row);
    if (!user.ok()) return user.error();
    users.push_back(std::move(user).value());
  }
  return users;
}

Status SqlStore::set_password_hash(std::int64_t user_id, const std::string& hash,
                                   bool must_change) {
  return write("set password", [&]() -> Status {
    Result<std::int64_t> updated = connection_->execute(
        "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?",
        {hash, must_change ? 1 : 0, user_id});
    if (!updated.ok()) return updated.error();
    if (updated.value() == 0) return make_error(ErrorCode::kNotFound, "no such user");
    Result<std::int64_t> ended =
        connection_->execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
    if (!ended.ok()) return ended.error();
    return {};
  });
}

Status SqlStore::update_user(const User& user) {
  return write("update user", [&]() -> Status {
    Result<std::int64_t> updated = connection_->execute(
        "UPDATE users SET role = ?, borough = ?, disabled = ? WHERE id = ? AND deleted_at = ''",
        {role_name(user.role), user.borough, user.disabled ? 1 : 0, user.id});
    if (!updated.ok()) return updated.error();
    if (updated.value() == 0) return make_error(ErrorCode::kNotFound, "no such user");
    if (user.disabled) {
      Result<std::int64_t> ended =
          connection_->execute("DELETE FROM sessions WHERE user_id = ?", {user.id});
      if (!ended.ok()) return ended.error();
    }
    return {};
  });
}

Status SqlStore::delete_user(std::int64_t user_id, const std::string& at) {
  return write("delete user", [&]() -> Status {
    Result<std::int64_t> updated = connection_->execute(
        "UPDATE users SET deleted_at = ?, disabled = 1 WHERE id = ? AND deleted_at = ''",
        {or_now(at), user_id});
    if (!updated.ok()) return updated.error();
    if (updated.value() == 0) return make_error(ErrorCode::kNotFound, "no such user");
    Result<std::int64_t> ended =
        connection_->execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
    if (!ended.ok()) return ended.error();
    return {};
  });
}

Result<int> SqlStore::delete_sessions_of(std::int64_t user_id) {
  return delete_counted("end sessions", "DELETE FROM sessions WHERE user_id = ?", {user_id});
}

// --- sessions

Status SqlStore::add_session(const Session& session) {
  return write("add session", [&]() -> Status {
    Result<std::int64_t> added = connection_->execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {session.token_hash, session.user_id, session.csrf_token, or_now(session.created_at),
         session.expires_at});
    if (!added.ok()) return added.error();
    return {};
  });
}

Result<std::optional<Session>> SqlStore::find_session(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows = connection_->query(
      fmt::format("SELECT {} FROM sessions WHERE token_hash = ?", kSessionColumns), {token_hash});
  if (!rows.ok()) return failed("find session", rows.error());
  if (rows.value().empty()) return std::optional<Session>();
  return std::optional<Session>(session_from(rows.value().front()));
}

Status SqlStore::delete_session(const std::string& token_hash) {
  return write("delete session", [&]() -> Status {
    Result<std::int64_t> deleted =
        connection_->execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
    if (!deleted.ok()) return deleted.error();
    return {};
  });
}

Result<int> SqlStore::delete_expired_sessions(const std::string& now) {
  return delete_counted("delete expired sessions", "DELETE FROM sessions WHERE expires_at <= ?",
                        {now});
}

// --- audit log

Status SqlStore::append_audit(const AuditEntry& entry) {
  return write("append audit entry", [&]() -> Status {
    Result<std::int64_t> added = connection_->execute(
        "INSERT INTO audit_log (at, user_id, username, action, borough, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {or_now(entry.at), SqlParam::id_or_null(entry.user_id), entry.username, entry.action,
         entry.borough, entry.detail});
    if (!added.ok()) return added.error();
    return {};
  });
}

Result<std::vector<AuditEntry>> SqlStore::list_audit(int limit, int offset) {
  if (limit < 0 || offset < 0) {
    return failed("list audit log", ErrorCode::kInvalidArgument,
                  "limit and offset must not be negative");
  }
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows = connection_->query(
      fmt::format("SELECT {} FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?", kAuditColumns),
      {limit, offset});
  if (!rows.ok()) return failed("list audit log", rows.error());
  std::vector<AuditEntry> entries;
  entries.reserve(rows.value().size());
  for (const SqlRow& row : rows.value()) entries.push_back(audit_from(row));
  return entries;
}

// --- the lock and transactions

Status SqlStore::write(const char* operation, const std::function<Status()>& body) {
  std::lock_guard lock(mutex_);
  Status status = in_transaction(*connection_, body);
  if (!status.ok()) return failed(operation, status.error());
  return status;
}

Result<int> SqlStore::delete_counted(const char* operation, const std::string& sql,
                                     const SqlParams& params) {
  int count = 0;
  Status status = write(operation, [&]() -> Status {
    Result<std::int64_t> deleted = connection_->execute(sql, params);
    if (!deleted.ok()) return deleted.error();
    count = static_cast<int>(deleted.value());
    return {};
  });
  if (!status.ok()) return status.error();
  return count;
}

Status SqlStore::update_one(const char* operation, const char* missing, const std::string& sql,
                            const SqlParams& params) {
  return write(operation, [&]() -> Status {
    Result<std::int64_t> updated = connection_->execute(sql, params);
    if (!updated.ok()) return updated.error();
    if (updated.value() == 0) return make_error(ErrorCode::kNotFound, missing);
    return {};
  });
}

Result<std::optional<User>> SqlStore::one_user(const char* operation, const std::string& sql,
                                               const SqlParams& params) {
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows = connection_->query(sql, params);
  if (!rows.ok()) return failed(operation, rows.error());
  if (rows.value().empty()) return std::optional<User>();
  Result<User> user = user_from(rows.value().front());
  if (!user.ok()) return user.error();
  return std::optional<User>(std::move(user).value());
}

}  // namespace detail

Result<std::unique_ptr<Store>> open_sql_store(std::unique_ptr<SqlConnection> connection,
                                              const std::vector<Migration>& list) {
  Result<MigrationReport> report = migrate(*connection, list);
  if (!report.ok()) return report.error();
  return std::unique_ptr<Store>(
      std::make_unique<detail::SqlStore>(std::move(connection), report.value().version));
}

}  // namespace sendplan::store
