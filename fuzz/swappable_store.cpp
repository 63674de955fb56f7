// SwappableStore: plain forwarding (see swappable_store.h).
#include "swappable_store.h"

namespace sendplan::fuzz {

int SwappableStore::schema_version() {
  return inner_->schema_version();
}
std::string SwappableStore::backend() const {
  return inner_->backend();
}
Result<std::int64_t> SwappableStore::add_user(const store::User& user) {
  return inner_->add_user(user);
}
Result<std::optional<store::User>> SwappableStore::find_user(const std::string& username) {
  return inner_->find_user(username);
}
Result<std::optional<store::User>> SwappableStore::user_by_id(std::int64_t id) {
  return inner_->user_by_id(id);
}
Result<std::vector<store::User>> SwappableStore::list_users() {
  return inner_->list_users();
}
Status SwappableStore::set_password_hash(std::int64_t user_id, const std::string& hash,
                                         bool must_change) {
  return inner_->set_password_hash(user_id, hash, must_change);
}
Status SwappableStore::update_user(const store::User& user) {
  return inner_->update_user(user);
}
Status SwappableStore::delete_user(std::int64_t user_id, const std::string& at) {
  return inner_->delete_user(user_id, at);
}
Result<int> SwappableStore::delete_sessions_of(std::int64_t user_id) {
  return inner_->delete_sessions_of(user_id);
}
Result<std::int64_t> SwappableStore::add_provider_recorded(const store::ProviderRecord& provider,
                                                           const store::ProviderChange& change) {
  return inner_->add_provider_recorded(provider, change);
}
Status SwappableStore::update_provider_recorded(const store::ProviderRecord& provider,
                                                const store::ProviderChange& change) {
  return inner_->update_provider_recorded(provider, change);
}
Result<std::vector<store::ProviderChange>> SwappableStore::provider_history(
    std::int64_t provider_id) {
  return inner_->provider_history(provider_id);
}
Status SwappableStore::add_session(const store::Session& session) {
  return inner_->add_session(session);
}
Result<std::optional<store::Session>> SwappableStore::find_session(const std::string& token_hash) {
  return inner_->find_session(token_hash);
}
Status SwappableStore::delete_session(const std::string& token_hash) {
  return inner_->delete_session(token_hash);
}
Result<int> SwappableStore::delete_expired_sessions(const std::string& now) {
  return inner_->delete_expired_sessions(now);
}
Status SwappableStore::append_audit(const store::AuditEntry& entry) {
  return inner_->append_audit(entry);
}
Result<std::vector<store::AuditEntry>> SwappableStore::list_audit(int limit, int offset) {
  return inner_->list_audit(limit, offset);
}
Result<std::int64_t> SwappableStore::add_dataset(const store::Dataset& dataset) {
  return inner_->add_dataset(dataset);
}
Result<std::optional<store::Dataset>> SwappableStore::get_dataset(std::int64_t id) {
  return inner_->get_dataset(id);
}
Result<std::optional<store::Dataset>> SwappableStore::latest_dataset(const std::string& borough,
                                                                     const std::string& kind) {
  return inner_->latest_dataset(borough, kind);
}
Result<std::vector<store::DatasetInfo>> SwappableStore::list_datasets(const std::string& borough) {
  return inner_->list_datasets(borough);
}
Result<std::int64_t> SwappableStore::add_plan(const store::PlanRecord& plan) {
  return inner_->add_plan(plan);
}
Status SwappableStore::update_plan_progress(std::int64_t id, store::PlanStatus status,
                                            double progress, const std::string& message) {
  return inner_->update_plan_progress(id, status, progress, message);
}
Status SwappableStore::finish_plan(std::int64_t id, const std::string& summary_json,
                                   const std::map<std::string, std::string>& files,
                                   const std::string& finished_at) {
  return inner_->finish_plan(id, summary_json, files, finished_at);
}
Status SwappableStore::fail_plan(std::int64_t id, const std::string& message,
                                 const std::string& finished_at) {
  return inner_->fail_plan(id, message, finished_at);
}
Result<std::optional<store::PlanRecord>> SwappableStore::get_plan(std::int64_t id) {
  return inner_->get_plan(id);
}
Result<std::vector<store::PlanRecord>> SwappableStore::list_plans(const std::string& borough) {
  return inner_->list_plans(borough);
}
Result<std::optional<std::string>> SwappableStore::plan_file(std::int64_t id,
                                                             const std::string& name) {
  return inner_->plan_file(id, name);
}
Result<int> SwappableStore::fail_unfinished_plans(const std::string& message,
                                                  const std::string& finished_at) {
  return inner_->fail_unfinished_plans(message, finished_at);
}

}  // namespace sendplan::fuzz

namespace sendplan::fuzz {
Status SwappableStore::set_plan_note(std::int64_t id, const std::string& note) {
  return inner_->set_plan_note(id, note);
}
}  // namespace sendplan::fuzz

namespace sendplan::fuzz {
Result<std::int64_t> SwappableStore::add_dataset_audited(const store::Dataset& dataset,
                                                         const store::AuditEntry& entry) {
  return inner_->add_dataset_audited(dataset, entry);
}
Result<std::int64_t> SwappableStore::add_pool(const store::PoolRecord& pool) {
  return inner_->add_pool(pool);
}
Status SwappableStore::update_pool_progress(std::int64_t id, const store::PoolRecord& progress) {
  return inner_->update_pool_progress(id, progress);
}
Status SwappableStore::finish_pool(std::int64_t id, const std::string& pool_json,
                                   const std::map<std::string, std::string>& files,
                                   const std::string& finished_at) {
  return inner_->finish_pool(id, pool_json, files, finished_at);
}
Status SwappableStore::fail_pool(std::int64_t id, const std::string& message,
                                 const std::string& finished_at) {
  return inner_->fail_pool(id, message, finished_at);
}
Result<std::optional<store::PoolRecord>> SwappableStore::get_pool(std::int64_t id) {
  return inner_->get_pool(id);
}
Result<std::vector<store::PoolRecord>> SwappableStore::list_pools(const std::string& borough) {
  return inner_->list_pools(borough);
}
Result<std::optional<std::string>> SwappableStore::pool_file(std::int64_t id,
                                                             const std::string& name) {
  return inner_->pool_file(id, name);
}

Result<std::vector<store::StatImportOutcome>> SwappableStore::import_stat_releases(
    const std::vector<store::StatImport>& imports) {
  return inner_->import_stat_releases(imports);
}
Result<std::vector<store::StatRelease>> SwappableStore::list_stat_releases() {
  return inner_->list_stat_releases();
}
Result<std::vector<store::StatArea>> SwappableStore::list_stat_areas() {
  return inner_->list_stat_areas();
}
Result<std::vector<store::StatValue>> SwappableStore::query_stat_values(
    const store::StatQuery& query) {
  return inner_->query_stat_values(query);
}
Result<std::vector<store::StatNeighbour>> SwappableStore::list_stat_neighbours() {
  return inner_->list_stat_neighbours();
}

Result<store::ProviderImportOutcome> SwappableStore::import_providers(
    const std::vector<store::ProviderRecord>& providers) {
  return inner_->import_providers(providers);
}
Result<std::int64_t> SwappableStore::add_provider(const store::ProviderRecord& provider) {
  return inner_->add_provider(provider);
}
Status SwappableStore::update_provider(const store::ProviderRecord& provider) {
  return inner_->update_provider(provider);
}
Result<std::optional<store::ProviderRecord>> SwappableStore::get_provider(std::int64_t id) {
  return inner_->get_provider(id);
}
Result<std::vector<store::ProviderRecord>> SwappableStore::list_providers() {
  return inner_->list_providers();
}
Result<std::vector<std::int64_t>> SwappableStore::add_placements(
    const std::vector<store::PlacementRecord>& placements) {
  return inner_->add_placements(placements);
}
Status SwappableStore::add_fee_period(std::int64_t placement_id, const store::FeeRecord& fees) {
  return inner_->add_fee_period(placement_id, fees);
}
Status SwappableStore::end_placement(std::int64_t placement_id, const std::string& end_date) {
  return inner_->end_placement(placement_id, end_date);
}
Result<std::optional<store::PlacementRecord>> SwappableStore::get_placement(std::int64_t id) {
  return inner_->get_placement(id);
}
Result<std::vector<store::PlacementRecord>> SwappableStore::list_placements(
    const std::string& borough) {
  return inner_->list_placements(borough);
}

Result<std::int64_t> SwappableStore::add_practice_call(const store::PracticeCall& call) {
  return inner_->add_practice_call(call);
}
Status SwappableStore::update_practice_call(const store::PracticeCall& call) {
  return inner_->update_practice_call(call);
}
Result<std::optional<store::PracticeCall>> SwappableStore::get_practice_call(std::int64_t id) {
  return inner_->get_practice_call(id);
}
Result<std::vector<store::PracticeCall>> SwappableStore::list_practice_calls() {
  return inner_->list_practice_calls();
}
Result<std::int64_t> SwappableStore::add_practice_entry(const store::PracticeEntry& entry,
                                                        const store::PracticeFacets& facets,
                                                        const store::PracticeEvent& event) {
  return inner_->add_practice_entry(entry, facets, event);
}
Result<int> SwappableStore::update_practice_entry(const store::PracticeEntry& entry,
                                                  const store::PracticeFacets& facets,
                                                  const store::PracticeEvent& event) {
  return inner_->update_practice_entry(entry, facets, event);
}
Result<std::optional<store::PracticeEntry>> SwappableStore::get_practice_entry(std::int64_t id) {
  return inner_->get_practice_entry(id);
}
Result<std::vector<store::PracticeEntry>> SwappableStore::list_practice_entries() {
  return inner_->list_practice_entries();
}
Result<std::vector<std::int64_t>> SwappableStore::import_practice_entries(
    const std::vector<store::PracticeEntry>& entries,
    const std::vector<store::PracticeFacets>& facets, const store::PracticeEvent& event) {
  return inner_->import_practice_entries(entries, facets, event);
}
Result<std::vector<store::PracticeEvent>> SwappableStore::practice_events(std::int64_t entry_id) {
  return inner_->practice_events(entry_id);
}
Result<std::int64_t> SwappableStore::add_practice_attachment(
    const store::PracticeAttachment& attachment, const store::PracticeEvent& event) {
  return inner_->add_practice_attachment(attachment, event);
}
Status SwappableStore::delete_practice_attachment(std::int64_t id,
                                                  const store::PracticeEvent& event) {
  return inner_->delete_practice_attachment(id, event);
}
Result<std::vector<store::PracticeAttachment>> SwappableStore::list_practice_attachments(
    std::int64_t entry_id) {
  return inner_->list_practice_attachments(entry_id);
}
Result<std::optional<store::PracticeAttachment>> SwappableStore::get_practice_attachment(
    std::int64_t id) {
  return inner_->get_practice_attachment(id);
}
Status SwappableStore::assign_practice_reviewer(const store::PracticeReview& assignment,
                                                const store::PracticeEvent& event) {
  return inner_->assign_practice_reviewer(assignment, event);
}
Status SwappableStore::unassign_practice_reviewer(std::int64_t entry_id, std::int64_t reviewer_id,
                                                  const store::PracticeEvent& event) {
  return inner_->unassign_practice_reviewer(entry_id, reviewer_id, event);
}
Status SwappableStore::score_practice_entry(const store::PracticeReview& review,
                                            const store::PracticeEvent& event) {
  return inner_->score_practice_entry(review, event);
}
Result<std::vector<store::PracticeReview>> SwappableStore::list_practice_reviews(
    std::int64_t entry_id, std::int64_t reviewer_id) {
  return inner_->list_practice_reviews(entry_id, reviewer_id);
}
Result<store::PracticeResults> SwappableStore::search_practice(const store::PracticeQuery& query) {
  return inner_->search_practice(query);
}

}  // namespace sendplan::fuzz
