// SqlStore: the Store's operations as SQL on one connection (open_sql_store, sql_store.h, makes
// it). Declared here because its operations are defined by what they are about, in three files:
// sql_store.cpp (opening, the lock and transactions, accounts, sessions, the audit log),
// sql_store_plans.cpp (uploaded inputs, plans, pools) and sql_store_systems.cpp (published
// statistics, the placements register, the practice repository). Only those files include it.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/sql_connection.h"
#include "store/sql_practice.h"
#include "store/store.h"

namespace sendplan::store::detail {

// "store: add user failed: <the database's reason>", with the cause's code.
inline Error failed(const char* operation, const Error& cause) {
  return make_error(cause.code, fmt::format("store: {} failed: {}", operation, cause.message));
}
inline Error failed(const char* operation, ErrorCode code, std::string_view reason) {
  return make_error(code, fmt::format("store: {} failed: {}", operation, reason));
}

// A record's empty time is stored as now.
inline std::string or_now(const std::string& time) {
  return time.empty() ? utc_now() : time;
}

// Every operation takes the lock; every write is one transaction (write()).
class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> connection, int version)
      : connection_(std::move(connection)), version_(version) {}

  int schema_version() override { return version_; }
  std::string backend() const override {
    return connection_->dialect() == Dialect::kSqlite ? "sqlite" : "postgresql";
  }

  // --- accounts
  Result<std::int64_t> add_user(const User& user) override;
  Result<std::optional<User>> find_user(const std::string& username) override;
  Result<std::optional<User>> user_by_id(std::int64_t id) override;
  Result<std::vector<User>> list_users() override;
  Status set_password_hash(std::int64_t user_id, const std::string& hash,
                           bool must_change) override;
  Status update_user(const User& user) override;
  Status delete_user(std::int64_t user_id, const std::string& at) override;
  Result<int> delete_sessions_of(std::int64_t user_id) override;

  // --- sessions
  Status add_session(const Session& session) override;
  Result<std::optional<Session>> find_session(const std::string& token_hash) override;
  Status delete_session(const std::string& token_hash) override;
  Result<int> delete_expired_sessions(const std::string& now) override;

  // --- audit log
  Status append_audit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> list_audit(int limit, int offset) override;

  // --- uploaded inputs
  Result<std::int64_t> add_dataset(const Dataset& dataset) override;
  Result<std::int64_t> add_dataset_audited(const Dataset& dataset,
                                           const AuditEntry& entry) override;
  Result<std::int64_t> add_dataset_and_audit(const Dataset& dataset, const AuditEntry* entry);
  Result<std::optional<Dataset>> get_dataset(std::int64_t id) override;
  Result<std::optional<Dataset>> latest_dataset(const std::string& borough,
                                                const std::string& kind) override;
  Result<std::vector<DatasetInfo>> list_datasets(const std::string& borough) override;

  // --- plans
  Result<std::int64_t> add_plan(const PlanRecord& plan) override;
  Status set_plan_note(std::int64_t id, const std::string& note) override;
  Status update_plan_progress(std::int64_t id, PlanStatus status, double progress,
                              const std::string& message) override;
  Status finish_plan(std::int64_t id, const std::string& summary_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at) override;
  Status fail_plan(std::int64_t id, const std::string& message,
                   const std::string& finished_at) override;
  Result<std::optional<PlanRecord>> get_plan(std::int64_t id) override;
  Result<std::vector<PlanRecord>> list_plans(const std::string& borough) override;
  Result<std::optional<std::string>> plan_file(std::int64_t id, const std::string& name) override;
  Result<int> fail_unfinished_plans(const std::string& message,
                                    const std::string& finished_at) override;

  // --- pools
  Result<std::int64_t> add_pool(const PoolRecord& pool) override;
  Status update_pool_progress(std::int64_t id, const PoolRecord& progress) override;
  Status finish_pool(std::int64_t id, const std::string& pool_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at) override;
  Status fail_pool(std::int64_t id, const std::string& message,
                   const std::string& finished_at) override;
  Result<std::optional<PoolRecord>> get_pool(std::int64_t id) override;
  Result<std::vector<PoolRecord>> list_pools(const std::string& borough) override;
  Result<std::optional<std::string>> pool_file(std::int64_t id, const std::string& name) override;

  // --- published statistics
  Result<std::vector<StatImportOutcome>> import_stat_releases(
      const std::vector<StatImport>& imports) override;
  Result<std::vector<StatRelease>> list_stat_releases() override;
  Result<std::vector<StatArea>> list_stat_areas() override;
  Result<std::vector<StatValue>> query_stat_values(const StatQuery& query) override;
  Result<std::vector<StatNeighbour>> list_stat_neighbours() override;

  // --- the placements register
  Result<ProviderImportOutcome> import_providers(
      const std::vector<ProviderRecord>& providers) override;
  Result<std::int64_t> add_provider(const ProviderRecord& provider) override;
  Status update_provider(const ProviderRecord& provider) override;
  Result<std::int64_t> add_provider_recorded(const ProviderRecord& provider,
                                             const ProviderChange& change) override;
  Status update_provider_recorded(const ProviderRecord& provider,
                                  const ProviderChange& change) override;
  Result<std::vector<ProviderChange>> provider_history(std::int64_t provider_id) override;
  Result<std::optional<ProviderRecord>> get_provider(std::int64_t id) override;
  Result<std::vector<ProviderRecord>> list_providers() override;
  Result<std::vector<std::int64_t>> add_placements(
      const std::vector<PlacementRecord>& placements) override;
  Status add_fee_period(std::int64_t placement_id, const FeeRecord& fees) override;
  Status end_placement(std::int64_t placement_id, const std::string& end_date) override;
  Result<std::optional<PlacementRecord>> get_placement(std::int64_t id) override;
  Result<std::vector<PlacementRecord>> list_placements(const std::string& borough) override;

  // --- the practice repository
  Result<std::int64_t> add_practice_call(const PracticeCall& call) override;
  Status update_practice_call(const PracticeCall& call) override;
  Result<std::optional<PracticeCall>> get_practice_call(std::int64_t id) override;
  Result<std::vector<PracticeCall>> list_practice_calls() override;
  Result<std::int64_t> add_practice_entry(const PracticeEntry& entry, const PracticeFacets& facets,
                                          const PracticeEvent& event) override;
  Result<int> update_practice_entry(const PracticeEntry& entry, const PracticeFacets& facets,
                                    const PracticeEvent& event) override;
  Result<std::optional<PracticeEntry>> get_practice_entry(std::int64_t id) override;
  Result<std::vector<PracticeEntry>> list_practice_entries() override;
  Result<std::vector<std::int64_t>> import_practice_entries(
      const std::vector<PracticeEntry>& entries, const std::vector<PracticeFacets>& facets,
      const PracticeEvent& event) override;
  Result<std::vector<PracticeEvent>> practice_events(std::int64_t entry_id) override;
  Result<std::int64_t> add_practice_attachment(const PracticeAttachment& attachment,
                                               const PracticeEvent& event) override;
  Status delete_practice_attachment(std::int64_t id, const PracticeEvent& event) override;
  Result<std::vector<PracticeAttachment>> list_practice_attachments(std::int64_t entry_id) override;
  Result<std::optional<PracticeAttachment>> get_practice_attachment(std::int64_t id) override;
  Status assign_practice_reviewer(const PracticeReview& assignment,
                                  const PracticeEvent& event) override;
  Status unassign_practice_reviewer(std::int64_t entry_id, std::int64_t reviewer_id,
                                    const PracticeEvent& event) override;
  Status score_practice_entry(const PracticeReview& review, const PracticeEvent& event) override;
  Result<std::vector<PracticeReview>> list_practice_reviews(std::int64_t entry_id,
                                                            std::int64_t reviewer_id) override;
  Result<PracticeResults> search_practice(const PracticeQuery& query) override;

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
  Status write(const char* operation, const std::function<Status()>& body);
  // One DELETE in its own transaction; how many rows it removed.
  Result<int> delete_counted(const char* operation, const std::string& sql,
                             const SqlParams& params);
  // An UPDATE that must change one row: kNotFound (`missing`) when it changes none.
  Status update_one(const char* operation, const char* missing, const std::string& sql,
                    const SqlParams& params);
  // Inside a write.
  Status record_provider_change(const ProviderChange& change);
  Result<std::optional<User>> one_user(const char* operation, const std::string& sql,
                                       const SqlParams& params);
  Result<std::optional<Dataset>> one_dataset(const std::string& sql, const SqlParams& params);

  std::mutex mutex_;
  std::unique_ptr<SqlConnection> connection_;
  const int version_;
  detail::PracticeFacetCache practice_facets_;  // under mutex_
};

}  // namespace sendplan::store::detail
