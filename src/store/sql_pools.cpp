// Pools in SQL.
#include "store/sql_pools.h"

#include <fmt/format.h>

#include <set>

namespace sendplan::store::detail {

namespace {

constexpr const char* kPoolColumns =
    "id, created_by, created_at, status, step, steps_done, steps_total, message, settings_json, "
    "pool_json, finished_at";

Result<PoolRecord> pool_from(const SqlRow& row) {
  PoolRecord pool;
  pool.id = row.integer(0);
  pool.created_by = row.integer(1);
  pool.created_at = row.text(2);
  const std::optional<PlanStatus> status = parse_plan_status(row.text(3));
  if (!status) return make_error(ErrorCode::kIo, "store: a pool has an unknown status");
  pool.status = *status;
  pool.step = row.text(4);
  pool.steps_done = static_cast<int>(row.integer(5));
  pool.steps_total = static_cast<int>(row.integer(6));
  pool.message = row.text(7);
  pool.settings_json = row.text(8);
  pool.pool_json = row.text(9);
  pool.finished_at = row.text(10);
  return pool;
}

}  // namespace

Result<std::int64_t> insert_pool(SqlConnection& connection, const PoolRecord& pool,
                                 const std::string& now) {
  if (pool.boroughs.size() < 2)
    return make_error(ErrorCode::kInvalidArgument, "a pool needs 2 boroughs or more");
  std::set<std::string> seen;
  for (const PoolBorough& member : pool.boroughs) {
    if (!seen.insert(member.borough).second)
      return make_error(ErrorCode::kInvalidArgument, "a borough is in the pool twice");
    if (member.pupils_dataset <= 0 || member.schools_dataset <= 0 || member.fleet_dataset <= 0)
      return make_error(ErrorCode::kInvalidArgument,
                        "each borough of a pool needs its pupils, schools and fleet datasets");
  }
  if (pool.steps_done < 0 || pool.steps_total < 0)
    return make_error(ErrorCode::kInvalidArgument, "step counts must not be negative");
  Result<SqlRows> inserted = connection.query(
      "INSERT INTO pools (created_by, created_at, status, step, steps_done, steps_total, message, "
      "settings_json, pool_json, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {SqlParam::id_or_null(pool.created_by), pool.created_at.empty() ? now : pool.created_at,
       plan_status_name(pool.status), pool.step, pool.steps_done, pool.steps_total, pool.message,
       pool.settings_json, pool.pool_json, pool.finished_at});
  if (!inserted.ok()) return inserted.error();
  const std::int64_t id = inserted.value().at(0).integer(0);
  int seq = 0;
  for (const PoolBorough& member : pool.boroughs) {
    Result<std::int64_t> added = connection.execute(
        "INSERT INTO pool_boroughs (pool_id, seq, borough, pupils_dataset, schools_dataset, "
        "fleet_dataset) VALUES (?, ?, ?, ?, ?, ?)",
        {id, seq++, member.borough, member.pupils_dataset, member.schools_dataset,
         member.fleet_dataset});
    if (!added.ok()) return added.error();
  }
  return id;
}

Status set_pool_progress(SqlConnection& connection, std::int64_t id, const PoolRecord& progress) {
  if (progress.steps_done < 0 || progress.steps_total < 0)
    return make_error(ErrorCode::kInvalidArgument, "step counts must not be negative");
  return one_row_changed(
      connection.execute(
          "UPDATE pools SET status = ?, step = ?, steps_done = ?, steps_total = ?, message = ? "
          "WHERE id = ?",
          {plan_status_name(progress.status), progress.step, progress.steps_done,
           progress.steps_total, progress.message, id}),
      "no such pool");
}

Status set_pool_done(SqlConnection& connection, std::int64_t id, const std::string& pool_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at) {
  if (Status updated = one_row_changed(
          connection.execute("UPDATE pools SET status = ?, pool_json = ?, finished_at = ?, "
                             "steps_done = steps_total WHERE id = ?",
                             {plan_status_name(PlanStatus::kDone), pool_json, finished_at, id}),
          "no such pool");
      !updated.ok())
    return updated;
  // Finishing again replaces the files.
  Result<std::int64_t> cleared =
      connection.execute("DELETE FROM pool_files WHERE pool_id = ?", {id});
  if (!cleared.ok()) return cleared.error();
  for (const auto& [name, content] : files) {
    Result<std::int64_t> added =
        connection.execute("INSERT INTO pool_files (pool_id, name, content) VALUES (?, ?, ?)",
                           {id, name, SqlParam::blob(content)});
    if (!added.ok()) return added.error();
  }
  return {};
}

Status set_pool_failed(SqlConnection& connection, std::int64_t id, const std::string& message,
                       const std::string& finished_at) {
  return one_row_changed(
      connection.execute("UPDATE pools SET status = ?, message = ?, finished_at = ? WHERE id = ?",
                         {plan_status_name(PlanStatus::kFailed), message, finished_at, id}),
      "no such pool");
}

Result<int> fail_unfinished_pools(SqlConnection& connection, const std::string& message,
                                  const std::string& finished_at) {
  Result<std::int64_t> updated = connection.execute(
      "UPDATE pools SET status = 'failed', message = ?, finished_at = ? "
      "WHERE status IN ('queued', 'running')",
      {message, finished_at});
  if (!updated.ok()) return updated.error();
  return static_cast<int>(updated.value());
}

Result<std::vector<PoolRecord>> select_pools(SqlConnection& connection, const std::string& borough,
                                             std::optional<std::int64_t> id) {
  // The same filter picks the pools (by `column` id) and their boroughs (by pool_id).
  SqlParams params;
  if (id) {
    params.push_back(*id);
  } else if (!borough.empty()) {
    params.push_back(borough);
  }
  auto where = [&](const char* column) -> std::string {
    if (id) return fmt::format("WHERE {} = ?", column);
    if (!borough.empty())
      return fmt::format("WHERE {} IN (SELECT pool_id FROM pool_boroughs WHERE borough = ?)",
                         column);
    return "";
  };
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT {} FROM pools {} ORDER BY id DESC", kPoolColumns, where("id")), params);
  if (!rows.ok()) return rows.error();
  std::vector<PoolRecord> pools;
  std::map<std::int64_t, std::size_t> index;  // pool id -> its place in `pools`
  for (const SqlRow& row : rows.value()) {
    Result<PoolRecord> pool = pool_from(row);
    if (!pool.ok()) return pool.error();
    index[pool.value().id] = pools.size();
    pools.push_back(std::move(pool).value());
  }
  if (pools.empty()) return pools;
  Result<SqlRows> members = connection.query(
      fmt::format("SELECT pool_id, borough, pupils_dataset, schools_dataset, fleet_dataset "
                  "FROM pool_boroughs {} ORDER BY pool_id, seq",
                  where("pool_id")),
      params);
  if (!members.ok()) return members.error();
  for (const SqlRow& row : members.value()) {
    const auto found = index.find(row.integer(0));
    if (found == index.end()) continue;
    pools[found->second].boroughs.push_back(
        {row.text(1), row.integer(2), row.integer(3), row.integer(4)});
  }
  return pools;
}

Result<std::optional<std::string>> select_pool_file(SqlConnection& connection, std::int64_t id,
                                                    const std::string& name) {
  Result<SqlRows> rows =
      connection.query("SELECT content FROM pool_files WHERE pool_id = ? AND name = ?", {id, name});
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.value().front().take_text(0));
}

}  // namespace sendplan::store::detail
