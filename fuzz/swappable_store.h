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

  Result<std::vector<store::StatImportOutcome>> import_stat_releases(
      const std::vector<store::StatImport>& imports) override;
  Result<std::vector<store::StatRelease>> list_stat_releases() override;
  Result<std::vector<store::StatArea>> list_stat_areas() override;
  Result<std::vector<store::StatValue>> query_stat_values(const store::StatQuery& query) override;
  Result<std::vector<store::StatNeighbour>> list_stat_neighbours() override;

  Result<store::ProviderImportOutcome> import_providers(
      const std::vector<store::ProviderRecord>& providers) override;
  Result<std::int64_t> add_provider(const store::ProviderRecord& provider) override;
  Status update_provider(const store::ProviderRecord& provider) override;
  Result<std::optional<store::ProviderRecord>> get_provider(std::int64_t id) override;
  Result<std::vector<store::ProviderRecord>> list_providers() override;
  Result<std::vector<std::int64_t>> add_placements(
      const std::vector<store::PlacementRecord>& placements) override;
  Status add_fee_period(std::int64_t placement_id, const store::FeeRecord& fees) override;
  Status end_placement(std::int64_t placement_id, const std::string& end_date) override;
  Result<std::optional<store::PlacementRecord>> get_placement(std::int64_t id) override;
  Result<std::vector<store::PlacementRecord>> list_placements(const std::string& borough) override;

  Result<std::int64_t> add_practice_call(const store::PracticeCall& call) override;
  Status update_practice_call(const store::PracticeCall& call) override;
  Result<std::optional<store::PracticeCall>> get_practice_call(std::int64_t id) override;
  Result<std::vector<store::PracticeCall>> list_practice_calls() override;
  Result<std::int64_t> add_practice_entry(const store::PracticeEntry& entry,
                                          const store::PracticeFacets& facets,
                                          const store::PracticeEvent& event) override;
  Result<int> update_practice_entry(const store::PracticeEntry& entry,
                                    const store::PracticeFacets& facets,
                                    const store::PracticeEvent& event) override;
  Result<std::optional<store::PracticeEntry>> get_practice_entry(std::int64_t id) override;
  Result<std::vector<store::PracticeEntry>> list_practice_entries() override;
  Result<std::vector<std::int64_t>> import_practice_entries(
      const std::vector<store::PracticeEntry>& entries,
      const std::vector<store::PracticeFacets>& facets, const store::PracticeEvent& event) override;
  Result<std::vector<store::PracticeEvent>> practice_events(std::int64_t entry_id) override;
  Result<std::int64_t> add_practice_attachment(const store::PracticeAttachment& attachment,
                                               const store::PracticeEvent& event) override;
  Status delete_practice_attachment(std::int64_t id, const store::PracticeEvent& event) override;
  Result<std::vector<store::PracticeAttachment>> list_practice_attachments(
      std::int64_t entry_id) override;
  Result<std::optional<store::PracticeAttachment>> get_practice_attachment(
      std::int64_t id) override;
  Status assign_practice_reviewer(const store::PracticeReview& assignment,
                                  const store::PracticeEvent& event) override;
  Status unassign_practice_reviewer(std::int64_t entry_id, std::int64_t reviewer_id,
                                    const store::PracticeEvent& event) override;
  Status score_practice_entry(const store::PracticeReview& review,
                              const store::PracticeEvent& event) override;
  Result<std::vector<store::PracticeReview>> list_practice_reviews(
      std::int64_t entry_id, std::int64_t reviewer_id) override;
  Result<store::PracticeResults> search_practice(const store::PracticeQuery& query) override;

 private:
  std::unique_ptr<store::Store> inner_;
};

}  // namespace sendplan::fuzz
