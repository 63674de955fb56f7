// SqlStore's uploaded inputs, plans and pools (sql_store_internal.h): each under the store's
// lock, every write one transaction; the pools' SQL is in sql_pools.cpp.
#include <fmt/format.h>

#include <cmath>
#include <mutex>

#include "store/sql_pools.h"
#include "store/sql_store_internal.h"

namespace sendplan::store::detail {

namespace {

constexpr const char* kDatasetInfoColumns =
    "id, borough, kind, file_name, row_count, uploaded_by, uploaded_at";
constexpr const char* kPlanColumns =
    "id, borough, created_by, created_at, status, progress, message, settings_json, "
    "summary_json, pupils_dataset, schools_dataset, fleet_dataset, current_dataset, finished_at, "
    "parent_plan, kind, note";

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

}  // namespace

// --- uploaded inputs

Result<std::int64_t> SqlStore::add_dataset(const Dataset& dataset) {
  return add_dataset_and_audit(dataset, nullptr);
}

Result<std::int64_t> SqlStore::add_dataset_audited(const Dataset& dataset,
                                                   const AuditEntry& entry) {
  return add_dataset_and_audit(dataset, &entry);
}

Result<std::int64_t> SqlStore::add_dataset_and_audit(const Dataset& dataset,
                                                     const AuditEntry* entry) {
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

Result<std::optional<Dataset>> SqlStore::get_dataset(std::int64_t id) {
  return one_dataset(
      fmt::format("SELECT {}, content FROM datasets WHERE id = ?", kDatasetInfoColumns), {id});
}

Result<std::optional<Dataset>> SqlStore::latest_dataset(const std::string& borough,
                                                        const std::string& kind) {
  return one_dataset(fmt::format("SELECT {}, content FROM datasets WHERE borough = ? AND "
                                 "kind = ? ORDER BY id DESC LIMIT 1",
                                 kDatasetInfoColumns),
                     {borough, kind});
}

Result<std::vector<DatasetInfo>> SqlStore::list_datasets(const std::string& borough) {
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows =
      borough.empty() ? connection_->query(fmt::format("SELECT {} FROM datasets ORDER BY id DESC",
                                                       kDatasetInfoColumns))
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

Result<std::int64_t> SqlStore::add_plan(const PlanRecord& plan) {
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

Status SqlStore::set_plan_note(std::int64_t id, const std::string& note) {
  return update_one("set plan note", "no such plan", "UPDATE plans SET note = ? WHERE id = ?",
                    {note, id});
}

Status SqlStore::update_plan_progress(std::int64_t id, PlanStatus status, double progress,
                                      const std::string& message) {
  if (!is_fraction(progress)) {
    return failed("update plan progress", ErrorCode::kInvalidArgument,
                  "progress must be from 0 to 1");
  }
  return update_one("update plan progress", "no such plan",
                    "UPDATE plans SET status = ?, progress = ?, message = ? WHERE id = ?",
                    {plan_status_name(status), progress, message, id});
}

Status SqlStore::finish_plan(std::int64_t id, const std::string& summary_json,
                             const std::map<std::string, std::string>& files,
                             const std::string& finished_at) {
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

Status SqlStore::fail_plan(std::int64_t id, const std::string& message,
                           const std::string& finished_at) {
  return update_one("fail plan", "no such plan",
                    "UPDATE plans SET status = ?, message = ?, finished_at = ? WHERE id = ?",
                    {plan_status_name(PlanStatus::kFailed), message, or_now(finished_at), id});
}

Result<std::optional<PlanRecord>> SqlStore::get_plan(std::int64_t id) {
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows =
      connection_->query(fmt::format("SELECT {} FROM plans WHERE id = ?", kPlanColumns), {id});
  if (!rows.ok()) return failed("get plan", rows.error());
  if (rows.value().empty()) return std::optional<PlanRecord>();
  Result<PlanRecord> plan = plan_from(rows.value().front());
  if (!plan.ok()) return plan.error();
  return std::optional<PlanRecord>(std::move(plan).value());
}

Result<std::vector<PlanRecord>> SqlStore::list_plans(const std::string& borough) {
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

Result<std::optional<std::string>> SqlStore::plan_file(std::int64_t id, const std::string& name) {
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows = connection_->query(
      "SELECT content FROM plan_files WHERE plan_id = ? AND name = ?", {id, name});
  if (!rows.ok()) return failed("read plan file", rows.error());
  if (rows.value().empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.value().front().take_text(0));
}

Result<int> SqlStore::fail_unfinished_plans(const std::string& message,
                                            const std::string& finished_at) {
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

Result<std::int64_t> SqlStore::add_pool(const PoolRecord& pool) {
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

Status SqlStore::update_pool_progress(std::int64_t id, const PoolRecord& progress) {
  return write("update pool progress",
               [&] { return detail::set_pool_progress(*connection_, id, progress); });
}

Status SqlStore::finish_pool(std::int64_t id, const std::string& pool_json,
                             const std::map<std::string, std::string>& files,
                             const std::string& finished_at) {
  return write("finish pool", [&] {
    return detail::set_pool_done(*connection_, id, pool_json, files, or_now(finished_at));
  });
}

Status SqlStore::fail_pool(std::int64_t id, const std::string& message,
                           const std::string& finished_at) {
  return write("fail pool", [&] {
    return detail::set_pool_failed(*connection_, id, message, or_now(finished_at));
  });
}

Result<std::optional<PoolRecord>> SqlStore::get_pool(std::int64_t id) {
  Result<std::vector<PoolRecord>> found = read("get pool", [&](SqlConnection& connection) {
    return detail::select_pools(connection, "", id);
  });
  if (!found.ok()) return found.error();
  if (found.value().empty()) return std::optional<PoolRecord>();
  return std::optional<PoolRecord>(std::move(found.value().front()));
}

Result<std::vector<PoolRecord>> SqlStore::list_pools(const std::string& borough) {
  return read("list pools", [&](SqlConnection& connection) {
    return detail::select_pools(connection, borough, std::nullopt);
  });
}

Result<std::optional<std::string>> SqlStore::pool_file(std::int64_t id, const std::string& name) {
  return read("read pool file", [&](SqlConnection& connection) {
    return detail::select_pool_file(connection, id, name);
  });
}

Result<std::optional<Dataset>> SqlStore::one_dataset(const std::string& sql,
                                                     const SqlParams& params) {
  std::lock_guard lock(mutex_);
  Result<SqlRows> rows = connection_->query(sql, params);
  if (!rows.ok()) return failed("read dataset", rows.error());
  if (rows.value().empty()) return std::optional<Dataset>();
  return std::optional<Dataset>(dataset_from(rows.value().front()));
}

}  // namespace sendplan::store::detail
