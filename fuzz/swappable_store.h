// A Store that forwards every call to another one which can be replaced between fuzz inputs, so
// that objects built once (the plan workers) keep a valid reference while each input starts
// from a fresh database.
#pragma once

#include <memory>

#include "store/store.h"

namespace sendplan::fuzz {

class SwappableStore final : public store::Store {
 public:
  // Takes `next`; the previous store is closed.
  void reset(std::unique_ptr<store::Store> next) { inner_ = std::move(next); }
  store::Store& inner() { return *inner_; }

  int schema_version() override;
  std::string backend() const override;
  Result<std::int64_t> add_user(const store::User& user) override;
  Result<std::optional<store::User>> find_user(const std::string& username) override;
  Result<std::optional<store::User>> user_by_id(std::int64_t id) override;
  Result<std::vector<store::User>> list_users() override;
  Status set_password_hash(std::int64_t user_id, const std::string& hash,
                           bool must_change) override;
  Status update_user(const store::User& user) override;
  Status delete_user(std::int64_t user_id, const std::string& at) override;
  Result<int> delete_sessions_of(std::int64_t user_id) override;
  Result<std::int64_t> add_provider_recorded(const store::ProviderRecord& provider,
                                             const store::ProviderChange& change) override;
  Status update_provider_recorded(const store::ProviderRecord& provider,
                                  const store::ProviderChange& change) override;
  Result<std::vector<store::ProviderChange>> provider_history(std::int64_t provider_id) override;
  Status add_session(const store::Session& session) override;
  Result<std::optional<store::Session>> find_session(const std::string& token_hash) override;
  Status delete_session(const std::string& token_hash) override;
  Result<int> delete_expired_sessions(const std::string& now) override;
  Status append_audit(const store::AuditEntry& entry) override;
  Result<std::vector<store::AuditEntry>> list_audit(int limit, int offset) override;
  Result<std::int64_t> add_dataset(const store::Dataset& dataset) override;
  Result<std::int64_t> add_dataset_audited(const store::Dataset& dataset,
                                           const store::AuditEntry& entry) override;
  Result<std::optional<store::Dataset>> get_dataset(std::int64_t id) override;
  Result<std::optional<store::Dataset>> latest_dataset(const std::string& borough,
                                                       const std::string& kind) override;
  Result<std::vector<store::DatasetInfo>> list_datasets(const std::string& borough) override;
  Result<std::int64_t> add_plan(const store::PlanRecord& plan) override;
  Status set_plan_note(std::int64_t id, const std::string& note) override;
  Status update_plan_progress(std::int64_t id, store::PlanStatus status, double progress,
                              const std::string& message) override;
  Status finish_plan(std::int64_t id, const std::string& summary_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at) override;
  Status fail_plan(std::int64_t id, const std::string& message,
                   const std::string& finished_at) override;
  Result<std::optional<store::PlanRecord>> get_plan(std::int64_t id) override;
  Result<std::vector<store::PlanRecord>> list_plans(const std::string& borough) override;
  Result<std::optional<std::string>> plan_file(std::int64_t id, const std::string& name) override;
  Result<int> fail_unfinished_plans(const std::string& message,
                                    const std::string& finished_at) override;

  Result<std::int64_t> add_pool(const store::PoolRecord& pool) override;
  Status update_pool_progress(std::int64_t id, const store::PoolRecord& progress) override;
  Status finish_pool(std::int64_t id, const std::string& pool_json,
                     const std::map<std::string, std::string>& files,
                     const std::string& finished_at) override;
  Status fail_pool(std::int64_t id, const std::string& message,
                   const std::string& finished_at) override;
  Result<std::optional<store::PoolRecord>> get_pool(std::int64_t id) override;
  Result<std::vector<store::PoolRecord>> list_pools(const std::string& borough) override;
  Result<std::optional<std::string>> pool_file(std::int64_t id, const std::string& name) override;

 private:
  std::unique_ptr<store::Store> inner_;
};

}  // namespace sendplan::fuzz
