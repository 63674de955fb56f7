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

}  // namespace sendplan::fuzz
