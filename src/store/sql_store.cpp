// SqlStore: the Store's operations as SQL on one connection, serialised by a mutex. Every write
// runs in one transaction; errors say which operation failed and why, never the values.
// A record's empty time (created_at, at, uploaded_at, finished_at) is stored as utc_now();
// 0 for an optional reference (uploaded_by, created_by, an audit entry's user_id,
// current_dataset, parent_plan) is stored as NULL.
#include "store/sql_store.h"

#include <fmt/format.h>

#include <cmath>
#include <mutex>

#include "store/sql_placements.h"
#include "store/sql_pools.h"
#include "store/sql_practice.h"
#include "store/sql_stats.h"

namespace sendplan::store {

namespace {

constexpr const char* kUserColumns =
    "id, username, password_hash, role, borough, created_at, disabled, must_change_password, "
    "deleted_at";
constexpr const char* kSessionColumns = "token_hash, user_id, csrf_token, created_at, expires_at";
constexpr const char* kAuditColumns = "id, at, user_id, username, action, borough, detail";
constexpr const char* kDatasetInfoColumns =
    "id, borough, kind, file_name, row_count, uploaded_by, uploaded_at";
constexpr const char* kPlanColumns =
    "id, borough, created_by, created_at, status, progress, message, settings_json, "
    "summary_json, pupils_dataset, schools_dataset, fleet_dataset, current_dataset, finished_at, "
    "parent_plan, kind, note";

// "store: add user failed: <the database's reason>", with the cause's code.
Error failed(const char* operation, const Error& cause) {
  return make_error(cause.code, fmt::format("store: {} failed: {}", operation, cause.message));
}
Error failed(const char* operation, ErrorCode code, std::string_view reason) {
  return make_error(code, fmt::format("store: {} failed: {}", operation, reason));
}

std::string or_now(const std::string& time) {
  return time.empty() ? utc_now() : time;
}

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

DatasetInfo dataset_info_from(const SqlRow& row) {
  return DatasetInfo{
      row.integer(0), row.text(1), row.text(2), row.text(3), static_cast<int>(row.integer(4)),
      row.integer(5), row.text(6)};
}

// Columns kDatasetInfoColumns then content.
Dataset dataset_from(SqlRow& row) {
  const DatasetInfo info = dataset_info_from(row);
  Dataset dataset;
  dataset.id = info.id;
  dataset.borough = info.borough;
  dataset.kind = info.kind;
  dataset.file_name = info.file_name;
  dataset.content = row.take_text(7);
  dataset.rows = info.rows;
  dataset.uploaded_by = info.uploaded_by;
  dataset.uploaded_at = info.uploaded_at;
  return dataset;
}

Result<PlanRecord> plan_from(const SqlRow& row) {
  PlanRecord plan;
  plan.id = row.integer(0);
  plan.borough = row.text(1);
  plan.created_by = row.integer(2);
  plan.created_at = row.text(3);
  const std::optional<PlanStatus> status = parse_plan_status(row.text(4));
  if (!status) return make_error(ErrorCode::kIo, "store: a plan has an unknown status");
  plan.status = *status;
  plan.progress = row.real(5);
  plan.message = row.text(6);
  plan.settings_json = row.text(7);
  plan.summary_json = row.text(8);
  plan.pupils_dataset = row.integer(9);
  plan.schools_dataset = row.integer(10);
  plan.fleet_dataset = row.integer(11);
  plan.current_dataset = row.integer(12);
  plan.finished_at = row.text(13);
  plan.parent_plan = row.integer(14);
  const std::optional<PlanKind> kind = parse_plan_kind(row.text(15));
  if (!kind) return make_error(ErrorCode::kIo, "store: a plan has an unknown kind");
  plan.kind = *kind;
  plan.note = row.text(16);
  return plan;
}

bool is_fraction(double progress) {
  return std::isfinite(progress) && progress >= 0 && progress <= 1;
}

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> connection, int version)
      : connection_(std::move(connection)), version_(version) {}

  int schema_version() override { return version_; }
  std::string backend() const override {
    return connection_->dialect() == Dialect::kSqlite ? "sqlite" : "postgresql";
  }

  // --- accounts

  Result<std::int64_t> add_user(const User& user) override {
    std::int64_t id = 0;
    Status status = write("add user", [&]() -> Status {
      const std::string key = username_key(user.username);
      Result<SqlRows> taken =
          connection_->query("SELECT 1 FROM users WHERE username_key = ?", {key});
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

  Result<std::optional<User>> find_user(const std::string& username) override {
    return one_user("find user",
                    fmt::format("SELECT {} FROM users WHERE username_key = ? AND deleted_at = ''",
                                kUserColumns),
                    {username_key(username)});
  }

  Result<std::optional<User>> user_by_id(std::int64_t id) override {
    return one_user("find user", fmt::format("SELECT {} FROM users WHERE id = ?", kUserColumns),
                    {id});
  }

  Result<std::vector<User>> list_users() override {
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

  Status set_password_hash(std::int64_t user_id, const std::string& hash,
                           bool must_change) override {
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

  Status update_user(const User& user) override {
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

  Status delete_user(std::int64_t user_id, const std::string& at) override {
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

  Result<int> delete_sessions_of(std::int64_t user_id) override {
    return delete_counted("end sessions", "DELETE FROM sessions WHERE user_id = ?", {user_id});
  }

  // --- sessions

  Status add_session(const Session& session) override {
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

  Result<std::optional<Session>> find_session(const std::string& token_hash) override {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows = connection_->query(
        fmt::format("SELECT {} FROM sessions WHERE token_hash = ?", kSessionColumns), {token_hash});
    if (!rows.ok()) return failed("find session", rows.error());
    if (rows.value().empty()) return std::optional<Session>();
    return std::optional<Session>(session_from(rows.value().front()));
  }

  Status delete_session(const std::string& token_hash) override {
    return write("delete session", [&]() -> Status {
      Result<std::int64_t> deleted =
          connection_->execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
      if (!deleted.ok()) return deleted.error();
      return {};
    });
  }

  Result<int> delete_expired_sessions(const std::string& now) override {
    return delete_counted("delete expired sessions", "DELETE FROM sessions WHERE expires_at <= ?",
                          {now});
  }

  // --- audit log

  Status append_audit(const AuditEntry& entry) override {
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

  Result<std::vector<AuditEntry>> list_audit(int limit, int offset) override {
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

  // --- uploaded inputs

  Result<std::int64_t> add_dataset(const Dataset& dataset) override {
    return add_dataset_and_audit(dataset, nullptr);
  }

  Result<std::int64_t> add_dataset_audited(const Dataset& dataset,
                                           const AuditEntry& entry) override {
    return add_dataset_and_audit(dataset, &entry);
  }

  Result<std::int64_t> add_dataset_and_audit(const Dataset& dataset, const AuditEntry* entry) {
    if (dataset.rows < 0) {
      return failed("add dataset", ErrorCode::kInvalidArgument, "rows must not be negative");
    }
    std::int64_t id = 0;
    Status status = write("add dataset", [&]() -> Status {
      Result<SqlRows> inserted = connection_->query(
          "INSERT INTO datasets (borough, kind, file_name, content, row_count, uploaded_by, "
          "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {dataset.borough, dataset.kind, dataset.file_name, SqlParam::blob(dataset.content),
           dataset.rows, SqlParam::id_or_null(dataset.uploaded_by), or_now(dataset.uploaded_at)});
      if (!inserted.ok()) return inserted.error();
      id = inserted.value().at(0).integer(0);
      if (entry == nullptr) return {};
      Result<std::int64_t> audited = connection_->execute(
          "INSERT INTO audit_log (at, user_id, username, action, borough, detail) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {or_now(entry->at), SqlParam::id_or_null(entry->user_id), entry->username, entry->action,
           entry->borough, fmt::format("dataset {} ({} rows)", id, dataset.rows)});
      if (!audited.ok()) return audited.error();
      return {};
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Result<std::optional<Dataset>> get_dataset(std::int64_t id) override {
    return one_dataset(
        fmt::format("SELECT {}, content FROM datasets WHERE id = ?", kDatasetInfoColumns), {id});
  }

  Result<std::optional<Dataset>> latest_dataset(const std::string& borough,
                                                const std::string& kind) override {
    return one_dataset(fmt::format("SELECT {}, content FROM datasets WHERE borough = ? AND "
                                   "kind = ? ORDER BY id DESC LIMIT 1",
                                   kDatasetInfoColumns),
                       {borough, kind});
  }

  Result<std::vector<DatasetInfo>> list_datasets(const std::string& borough) override {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows =
        borough.empty()
            ? connection_->query(
                  fmt::format("SELECT {} FROM datasets ORDER BY id DESC", kDatasetInfoColumns))
            : connection_->query(fmt::format("SELECT {} FROM datasets WHERE borough = ? "
                                             "ORDER BY id DESC",
                                             kDatasetInfoColumns),
                                 {borough});
    if (!rows.ok()) return failed("list datasets", rows.error());
    std::vector<DatasetInfo> infos;
    infos.reserve(rows.value().size());
    for (const SqlRow& row : rows.value()) infos.push_back(dataset_info_from(row));
    return infos;
  }

  // --- plans

  Result<std::int64_t> add_plan(const PlanRecord& plan) override {
    const char* operation = "add plan";
    if (plan.pupils_dataset <= 0 || plan.schools_dataset <= 0 || plan.fleet_dataset <= 0) {
      return failed(operation, ErrorCode::kInvalidArgument,
                    "a plan needs its pupils, schools and fleet datasets");
    }
    if (!is_fraction(plan.progress)) {
      return failed(operation, ErrorCode::kInvalidArgument, "progress must be from 0 to 1");
    }
    std::int64_t id = 0;
    Status status = write(operation, [&]() -> Status {
      Result<SqlRows> inserted = connection_->query(
          "INSERT INTO plans (borough, created_by, created_at, status, progress, message, "
          "settings_json, summary_json, pupils_dataset, schools_dataset, fleet_dataset, "
          "current_dataset, finished_at, parent_plan, kind, note) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {plan.borough, SqlParam::id_or_null(plan.created_by), or_now(plan.created_at),
           plan_status_name(plan.status), plan.progress, plan.message, plan.settings_json,
           plan.summary_json, plan.pupils_dataset, plan.schools_dataset, plan.fleet_dataset,
           SqlParam::id_or_null(plan.current_dataset), plan.finished_at,
           SqlParam::id_or_null(plan.parent_plan), plan_kind_name(plan.kind), plan.note});
      if (!inserted.ok()) return inserted.error();
      id = inserted.value().at(0).integer(0);
      return {};
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Status set_plan_note(std::int64_t id, const std::string& note) override {
    return update_one("set plan note", "no such plan", "UPDATE plans SET note = ? WHERE id = ?",
                      {note, id});
  }

  Status update_plan_progress(std::int64_t id, PlanStatus status, double progress,
                              const std::string& message) override {
    if (!is_fraction(progress)) {
      return failed("update plan progress", ErrorCode::kInvalidArgument,
                    "progress must be from 0 to 1");
    }
    return update_one("update plan progress", "no such plan",
                      "UPDATE plans SET status = ?, progress = ?, message = ? WHERE id = ?",
                      {plan_status_name(status), progress, message, id});
  }

  Status finish_plan(std::int64_t id, const std::string& summary_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at) override {
    return write("finish plan", [&]() -> Status {
      Result<std::int64_t> updated = connection_->execute(
          "UPDATE plans SET status = ?, progress = 1, summary_json = ?, finished_at = ? "
          "WHERE id = ?",
          {plan_status_name(PlanStatus::kDone), summary_json, or_now(finished_at), id});
      if (!updated.ok()) return updated.error();
      if (updated.value() == 0) return make_error(ErrorCode::kNotFound, "no such plan");
      // Finishing again replaces the files.
      Result<std::int64_t> cleared =
          connection_->execute("DELETE FROM plan_files WHERE plan_id = ?", {id});
      if (!cleared.ok()) return cleared.error();
      for (const auto& [name, content] : files) {
        Result<std::int64_t> added =
            connection_->execute("INSERT INTO plan_files (plan_id, name, content) VALUES (?, ?, ?)",
                                 {id, name, SqlParam::blob(content)});
        if (!added.ok()) return added.error();
      }
      return {};
    });
  }

  Status fail_plan(std::int64_t id, const std::string& message,
                   const std::string& finished_at) override {
    return update_one("fail plan", "no such plan",
                      "UPDATE plans SET status = ?, message = ?, finished_at = ? WHERE id = ?",
                      {plan_status_name(PlanStatus::kFailed), message, or_now(finished_at), id});
  }

  Result<std::optional<PlanRecord>> get_plan(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows =
        connection_->query(fmt::format("SELECT {} FROM plans WHERE id = ?", kPlanColumns), {id});
    if (!rows.ok()) return failed("get plan", rows.error());
    if (rows.value().empty()) return std::optional<PlanRecord>();
    Result<PlanRecord> plan = plan_from(rows.value().front());
    if (!plan.ok()) return plan.error();
    return std::optional<PlanRecord>(std::move(plan).value());
  }

  Result<std::vector<PlanRecord>> list_plans(const std::string& borough) override {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows =
        borough.empty()
            ? connection_->query(fmt::format("SELECT {} FROM plans ORDER BY id DESC", kPlanColumns))
            : connection_->query(
                  fmt::format("SELECT {} FROM plans WHERE borough = ? ORDER BY id DESC",
                              kPlanColumns),
                  {borough});
    if (!rows.ok()) return failed("list plans", rows.error());
    std::vector<PlanRecord> plans;
    plans.reserve(rows.value().size());
    for (const SqlRow& row : rows.value()) {
      Result<PlanRecord> plan = plan_from(row);
      if (!plan.ok()) return plan.error();
      plans.push_back(std::move(plan).value());
    }
    return plans;
  }

  Result<std::optional<std::string>> plan_file(std::int64_t id, const std::string& name) override {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows = connection_->query(
        "SELECT content FROM plan_files WHERE plan_id = ? AND name = ?", {id, name});
    if (!rows.ok()) return failed("read plan file", rows.error());
    if (rows.value().empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows.value().front().take_text(0));
  }

  Result<int> fail_unfinished_plans(const std::string& message,
                                    const std::string& finished_at) override {
    int count = 0;
    Status status = write("fail unfinished plans", [&]() -> Status {
      Result<std::int64_t> updated = connection_->execute(
          "UPDATE plans SET status = 'failed', message = ?, finished_at = ? "
          "WHERE status IN ('queued', 'running')",
          {message, or_now(finished_at)});
      if (!updated.ok()) return updated.error();
      Result<int> pools = detail::fail_unfinished_pools(*connection_, message, or_now(finished_at));
      if (!pools.ok()) return pools.error();
      count = static_cast<int>(updated.value()) + pools.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return count;
  }

  // --- pools

  Result<std::int64_t> add_pool(const PoolRecord& pool) override {
    std::int64_t id = 0;
    Status status = write("add pool", [&]() -> Status {
      Result<std::int64_t> added = detail::insert_pool(*connection_, pool, utc_now());
      if (!added.ok()) return added.error();
      id = added.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Status update_pool_progress(std::int64_t id, const PoolRecord& progress) override {
    return write("update pool progress",
                 [&] { return detail::set_pool_progress(*connection_, id, progress); });
  }

  Status finish_pool(std::int64_t id, const std::string& pool_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at) override {
    return write("finish pool", [&] {
      return detail::set_pool_done(*connection_, id, pool_json, files, or_now(finished_at));
    });
  }

  Status fail_pool(std::int64_t id, const std::string& message,
                   const std::string& finished_at) override {
    return write("fail pool", [&] {
      return detail::set_pool_failed(*connection_, id, message, or_now(finished_at));
    });
  }

  Result<std::optional<PoolRecord>> get_pool(std::int64_t id) override {
    Result<std::vector<PoolRecord>> found = read("get pool", [&](SqlConnection& connection) {
      return detail::select_pools(connection, "", id);
    });
    if (!found.ok()) return found.error();
    if (found.value().empty()) return std::optional<PoolRecord>();
    return std::optional<PoolRecord>(std::move(found.value().front()));
  }

  Result<std::vector<PoolRecord>> list_pools(const std::string& borough) override {
    return read("list pools", [&](SqlConnection& connection) {
      return detail::select_pools(connection, borough, std::nullopt);
    });
  }

  Result<std::optional<std::string>> pool_file(std::int64_t id, const std::string& name) override {
    return read("read pool file", [&](SqlConnection& connection) {
      return detail::select_pool_file(connection, id, name);
    });
  }

  // --- published statistics

  Result<std::vector<StatImportOutcome>> import_stat_releases(
      const std::vector<StatImport>& imports) override {
    std::vector<StatImportOutcome> outcomes;
    Status status = write("import statistics", [&]() -> Status {
      Result<std::vector<StatImportOutcome>> done =
          detail::import_stat_releases(*connection_, imports, utc_now());
      if (!done.ok()) return done.error();
      outcomes = std::move(done).value();
      return {};
    });
    if (!status.ok()) return status.error();
    return outcomes;
  }

  Result<std::vector<StatRelease>> list_stat_releases() override {
    return read("list statistics releases", detail::list_stat_releases);
  }
  Result<std::vector<StatArea>> list_stat_areas() override {
    return read("list statistics areas", detail::list_stat_areas);
  }
  Result<std::vector<StatValue>> query_stat_values(const StatQuery& query) override {
    return read("read statistics", [&](SqlConnection& connection) {
      return detail::query_stat_values(connection, query);
    });
  }
  Result<std::vector<StatNeighbour>> list_stat_neighbours() override {
    return read("list statistical neighbours", detail::list_stat_neighbours);
  }

  // --- the placements register

  Result<ProviderImportOutcome> import_providers(
      const std::vector<ProviderRecord>& providers) override {
    ProviderImportOutcome outcome;
    Status status = write("import providers", [&]() -> Status {
      Result<ProviderImportOutcome> done =
          detail::import_providers(*connection_, providers, utc_now());
      if (!done.ok()) return done.error();
      outcome = done.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return outcome;
  }

  Result<std::int64_t> add_provider(const ProviderRecord& provider) override {
    std::int64_t id = 0;
    Status status = write("add provider", [&]() -> Status {
      Result<std::int64_t> added = detail::insert_provider(*connection_, provider, utc_now());
      if (!added.ok()) return added.error();
      id = added.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Status update_provider(const ProviderRecord& provider) override {
    ProviderRecord changed = provider;
    changed.updated_at.clear();
    return write("update provider", [&]() -> Status {
      return detail::update_provider(*connection_, changed, utc_now());
    });
  }

  Result<std::int64_t> add_provider_recorded(const ProviderRecord& provider,
                                             const ProviderChange& change) override {
    std::int64_t id = 0;
    Status status = write("add provider", [&]() -> Status {
      Result<std::int64_t> added = detail::insert_provider(*connection_, provider, utc_now());
      if (!added.ok()) return added.error();
      id = added.value();
      ProviderChange recorded = change;
      recorded.provider_id = id;
      return record_provider_change(recorded);
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Status update_provider_recorded(const ProviderRecord& provider,
                                  const ProviderChange& change) override {
    ProviderRecord changed = provider;
    changed.updated_at.clear();
    return write("update provider", [&]() -> Status {
      if (Status updated = detail::update_provider(*connection_, changed, utc_now()); !updated.ok())
        return updated;
      ProviderChange recorded = change;
      recorded.provider_id = provider.id;
      return record_provider_change(recorded);
    });
  }

  Result<std::vector<ProviderChange>> provider_history(std::int64_t provider_id) override {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows = connection_->query(
        "SELECT provider_id, at, user_id, username, change, before_json, after_json "
        "FROM provider_history WHERE provider_id = ? ORDER BY id",
        {provider_id});
    if (!rows.ok()) return failed("read provider history", rows.error());
    std::vector<ProviderChange> history;
    for (const SqlRow& row : rows.value())
      history.push_back({row.integer(0), row.text(1), row.integer(2), row.text(3), row.text(4),
                         row.text(5), row.text(6)});
    return history;
  }

  Result<std::optional<ProviderRecord>> get_provider(std::int64_t id) override {
    Result<std::vector<ProviderRecord>> found =
        read("read provider",
             [&](SqlConnection& connection) { return detail::select_providers(connection, id); });
    if (!found.ok()) return found.error();
    if (found.value().empty()) return std::optional<ProviderRecord>();
    return std::optional<ProviderRecord>(found.value().front());
  }

  Result<std::vector<ProviderRecord>> list_providers() override {
    return read("list providers", [&](SqlConnection& connection) {
      return detail::select_providers(connection, std::nullopt);
    });
  }

  Result<std::vector<std::int64_t>> add_placements(
      const std::vector<PlacementRecord>& placements) override {
    std::vector<std::int64_t> ids;
    Status status = write("add placements", [&]() -> Status {
      Result<std::vector<std::int64_t>> added =
          detail::insert_placements(*connection_, placements, utc_now());
      if (!added.ok()) return added.error();
      ids = std::move(added).value();
      return {};
    });
    if (!status.ok()) return status.error();
    return ids;
  }

  Status add_fee_period(std::int64_t placement_id, const FeeRecord& fees) override {
    return write("add fee period", [&]() -> Status {
      return detail::insert_fee_period(*connection_, placement_id, fees, utc_now());
    });
  }

  Status end_placement(std::int64_t placement_id, const std::string& end_date) override {
    return write("end placement", [&]() -> Status {
      return detail::set_placement_end(*connection_, placement_id, end_date);
    });
  }

  Result<std::optional<PlacementRecord>> get_placement(std::int64_t id) override {
    Result<std::vector<PlacementRecord>> found = read(
        "read placement",
        [&](SqlConnection& connection) { return detail::select_placements(connection, "", id); });
    if (!found.ok()) return found.error();
    if (found.value().empty()) return std::optional<PlacementRecord>();
    return std::optional<PlacementRecord>(found.value().front());
  }

  Result<std::vector<PlacementRecord>> list_placements(const std::string& borough) override {
    return read("list placements", [&](SqlConnection& connection) {
      return detail::select_placements(connection, borough, std::nullopt);
    });
  }

  // --- the practice repository

  Result<std::int64_t> add_practice_call(const PracticeCall& call) override {
    std::int64_t id = 0;
    Status status = write("add practice call", [&]() -> Status {
      Result<std::int64_t> added = detail::insert_practice_call(*connection_, call, utc_now());
      if (!added.ok()) return added.error();
      id = added.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Status update_practice_call(const PracticeCall& call) override {
    return write("update practice call",
                 [&] { return detail::update_practice_call(*connection_, call, utc_now()); });
  }

  Result<std::optional<PracticeCall>> get_practice_call(std::int64_t id) override {
    Result<std::vector<PracticeCall>> found = read(
        "read practice call",
        [&](SqlConnection& connection) { return detail::select_practice_calls(connection, id); });
    if (!found.ok()) return found.error();
    if (found.value().empty()) return std::optional<PracticeCall>();
    return std::optional<PracticeCall>(std::move(found.value().front()));
  }

  Result<std::vector<PracticeCall>> list_practice_calls() override {
    return read("list practice calls", [&](SqlConnection& connection) {
      return detail::select_practice_calls(connection, std::nullopt);
    });
  }

  Result<std::int64_t> add_practice_entry(const PracticeEntry& entry, const PracticeFacets& facets,
                                          const PracticeEvent& event) override {
    std::int64_t id = 0;
    Status status = write("add practice entry", [&]() -> Status {
      Result<std::int64_t> added =
          detail::insert_practice_entry(*connection_, entry, facets, event, utc_now());
      if (!added.ok()) return added.error();
      id = added.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Result<int> update_practice_entry(const PracticeEntry& entry, const PracticeFacets& facets,
                                    const PracticeEvent& event) override {
    int revision = 0;
    Status status = write("update practice entry", [&]() -> Status {
      Result<int> updated =
          detail::update_practice_entry(*connection_, entry, facets, event, utc_now());
      if (!updated.ok()) return updated.error();
      revision = updated.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return revision;
  }

  Result<std::optional<PracticeEntry>> get_practice_entry(std::int64_t id) override {
    Result<std::vector<PracticeEntry>> found = read(
        "read practice entry",
        [&](SqlConnection& connection) { return detail::select_practice_entries(connection, id); });
    if (!found.ok()) return found.error();
    if (found.value().empty()) return std::optional<PracticeEntry>();
    return std::optional<PracticeEntry>(std::move(found.value().front()));
  }

  Result<std::vector<PracticeEntry>> list_practice_entries() override {
    return read("list practice entries", [&](SqlConnection& connection) {
      return detail::select_practice_entries(connection, std::nullopt);
    });
  }

  Result<std::vector<std::int64_t>> import_practice_entries(
      const std::vector<PracticeEntry>& entries, const std::vector<PracticeFacets>& facets,
      const PracticeEvent& event) override {
    std::vector<std::int64_t> ids;
    Status status = write("import practice entries", [&]() -> Status {
      Result<std::vector<std::int64_t>> added =
          detail::import_practice_entries(*connection_, entries, facets, event, utc_now());
      if (!added.ok()) return added.error();
      ids = std::move(added).value();
      return {};
    });
    if (!status.ok()) return status.error();
    std::lock_guard lock(mutex_);
    detail::tidy_after_import(*connection_, ids.size());
    return ids;
  }

  Result<std::vector<PracticeEvent>> practice_events(std::int64_t entry_id) override {
    return read("read practice events", [&](SqlConnection& connection) {
      return detail::select_practice_events(connection, entry_id);
    });
  }

  Result<std::int64_t> add_practice_attachment(const PracticeAttachment& attachment,
                                               const PracticeEvent& event) override {
    std::int64_t id = 0;
    Status status = write("add practice attachment", [&]() -> Status {
      Result<std::int64_t> added =
          detail::insert_practice_attachment(*connection_, attachment, event, utc_now());
      if (!added.ok()) return added.error();
      id = added.value();
      return {};
    });
    if (!status.ok()) return status.error();
    return id;
  }

  Status delete_practice_attachment(std::int64_t id, const PracticeEvent& event) override {
    return write("delete practice attachment", [&] {
      return detail::delete_practice_attachment(*connection_, id, event, utc_now());
    });
  }

  Result<std::vector<PracticeAttachment>> list_practice_attachments(
      std::int64_t entry_id) override {
    return read("list practice attachments", [&](SqlConnection& connection) {
      return detail::select_practice_attachments(connection, entry_id);
    });
  }

  Result<std::optional<PracticeAttachment>> get_practice_attachment(std::int64_t id) override {
    return read("read practice attachment", [&](SqlConnection& connection) {
      return detail::select_practice_attachment(connection, id);
    });
  }

  Status assign_practice_reviewer(const PracticeReview& assignment,
                                  const PracticeEvent& event) override {
    return write("assign practice reviewer", [&] {
      return detail::insert_practice_review(*connection_, assignment, event, utc_now());
    });
  }

  Status unassign_practice_reviewer(std::int64_t entry_id, std::int64_t reviewer_id,
                                    const PracticeEvent& event) override {
    return write("unassign practice reviewer", [&] {
      return detail::delete_practice_review(*connection_, entry_id, reviewer_id, event, utc_now());
    });
  }

  Status score_practice_entry(const PracticeReview& review, const PracticeEvent& event) override {
    return write("score practice entry", [&] {
      return detail::set_practice_scores(*connection_, review, event, utc_now());
    });
  }

  Result<std::vector<PracticeReview>> list_practice_reviews(std::int64_t entry_id,
                                                            std::int64_t reviewer_id) override {
    return read("list practice reviews", [&](SqlConnection& connection) {
      return detail::select_practice_reviews(connection, entry_id, reviewer_id);
    });
  }

  Result<PracticeResults> search_practice(const PracticeQuery& query) override {
    return read("search practice", [&](SqlConnection& connection) {
      return detail::search_practice(connection, query, practice_facets_);
    });
  }

 private:
  // Runs a read under the lock; errors name `operation`.
  template <typename Read>
  auto read(const char* operation, Read&& body) -> decltype(body(std::declval<SqlConnection&>())) {
    std::lock_guard lock(mutex_);
    auto result = body(*connection_);
    if (!result.ok()) return failed(operation, result.error());
    return result;
  }

  // Runs `body` as one transaction under the lock; errors name `operation`.
  Status write(const char* operation, const std::function<Status()>& body) {
    std::lock_guard lock(mutex_);
    Status status = in_transaction(*connection_, body);
    if (!status.ok()) return failed(operation, status.error());
    return status;
  }

  // An UPDATE that must change one row: kNotFound (`missing`) when it changes none.
  // One DELETE in its own transaction; how many rows it removed.
  Result<int> delete_counted(const char* operation, const std::string& sql,
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

  // Inside a write.
  Status record_provider_change(const ProviderChange& change) {
    Result<std::int64_t> added = connection_->execute(
        "INSERT INTO provider_history (provider_id, at, user_id, username, change, before_json, "
        "after_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {change.provider_id, or_now(change.at), SqlParam::id_or_null(change.user_id),
         change.username, change.change, change.before_json, change.after_json});
    if (!added.ok()) return added.error();
    return {};
  }

  Status update_one(const char* operation, const char* missing, const std::string& sql,
                    const SqlParams& params) {
    return write(operation, [&]() -> Status {
      Result<std::int64_t> updated = connection_->execute(sql, params);
      if (!updated.ok()) return updated.error();
      if (updated.value() == 0) return make_error(ErrorCode::kNotFound, missing);
      return {};
    });
  }

  Result<std::optional<User>> one_user(const char* operation, const std::string& sql,
                                       const SqlParams& params) {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows = connection_->query(sql, params);
    if (!rows.ok()) return failed(operation, rows.error());
    if (rows.value().empty()) return std::optional<User>();
    Result<User> user = user_from(rows.value().front());
    if (!user.ok()) return user.error();
    return std::optional<User>(std::move(user).value());
  }

  Result<std::optional<Dataset>> one_dataset(const std::string& sql, const SqlParams& params) {
    std::lock_guard lock(mutex_);
    Result<SqlRows> rows = connection_->query(sql, params);
    if (!rows.ok()) return failed("read dataset", rows.error());
    if (rows.value().empty()) return std::optional<Dataset>();
    return std::optional<Dataset>(dataset_from(rows.value().front()));
  }

  std::mutex mutex_;
  std::unique_ptr<SqlConnection> connection_;
  const int version_;
  detail::PracticeFacetCache practice_facets_;  // under mutex_
};

}  // namespace

Result<std::unique_ptr<Store>> open_sql_store(std::unique_ptr<SqlConnection> connection,
                                              const std::vector<Migration>& list) {
  Result<MigrationReport> report = migrate(*connection, list);
  if (!report.ok()) return report.error();
  return std::unique_ptr<Store>(
      std::make_unique<SqlStore>(std::move(connection), report.value().version));
}

}  // namespace sendplan::store
