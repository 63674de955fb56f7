// SqlStore's operations for the systems with SQL of their own (sql_store_internal.h): published
// statistics (sql_stats.cpp), the placements register (sql_placements.cpp) and the practice
// repository (sql_practice*.cpp). Each takes the store's lock, and a write its transaction, and
// calls those files' functions on the connection.
#include <fmt/format.h>

#include <mutex>

#include "store/sql_placements.h"
#include "store/sql_practice.h"
#include "store/sql_stats.h"
#include "store/sql_store_internal.h"

namespace sendplan::store::detail {

// --- published statistics

Result<std::vector<StatImportOutcome>> SqlStore::import_stat_releases(
    const std::vector<StatImport>& imports) {
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

Result<std::vector<StatRelease>> SqlStore::list_stat_releases() {
  return read("list statistics releases", detail::list_stat_releases);
}
Result<std::vector<StatArea>> SqlStore::list_stat_areas() {
  return read("list statistics areas", detail::list_stat_areas);
}
Result<std::vector<StatValue>> SqlStore::query_stat_values(const StatQuery& query) {
  return read("read statistics", [&](SqlConnection& connection) {
    return detail::query_stat_values(connection, query);
  });
}
Result<std::vector<StatNeighbour>> SqlStore::list_stat_neighbours() {
  return read("list statistical neighbours", detail::list_stat_neighbours);
}

// --- the placements register

Result<ProviderImportOutcome> SqlStore::import_providers(
    const std::vector<ProviderRecord>& providers) {
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

Result<std::int64_t> SqlStore::add_provider(const ProviderRecord& provider) {
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

Status SqlStore::update_provider(const ProviderRecord& provider) {
  ProviderRecord changed = provider;
  changed.updated_at.clear();
  return write("update provider", [&]() -> Status {
    return detail::update_provider(*connection_, changed, utc_now());
  });
}

Result<std::int64_t> SqlStore::add_provider_recorded(const ProviderRecord& provider,
                                                     const ProviderChange& change) {
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

Status SqlStore::update_provider_recorded(const ProviderRecord& provider,
                                          const ProviderChange& change) {
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

Result<std::vector<ProviderChange>> SqlStore::provider_history(std::int64_t provider_id) {
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

Result<std::optional<ProviderRecord>> SqlStore::get_provider(std::int64_t id) {
  Result<std::vector<ProviderRecord>> found = read("read provider", [&](SqlConnection& connection) {
    return detail::select_providers(connection, id);
  });
  if (!found.ok()) return found.error();
  if (found.value().empty()) return std::optional<ProviderRecord>();
  return std::optional<ProviderRecord>(found.value().front());
}

Result<std::vector<ProviderRecord>> SqlStore::list_providers() {
  return read("list providers", [&](SqlConnection& connection) {
    return detail::select_providers(connection, std::nullopt);
  });
}

Result<std::vector<std::int64_t>> SqlStore::add_placements(
    const std::vector<PlacementRecord>& placements) {
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

Status SqlStore::add_fee_period(std::int64_t placement_id, const FeeRecord& fees) {
  return write("add fee period", [&]() -> Status {
    return detail::insert_fee_period(*connection_, placement_id, fees, utc_now());
  });
}

Status SqlStore::end_placement(std::int64_t placement_id, const std::string& end_date) {
  return write("end placement", [&]() -> Status {
    return detail::set_placement_end(*connection_, placement_id, end_date);
  });
}

Result<std::optional<PlacementRecord>> SqlStore::get_placement(std::int64_t id) {
  Result<std::vector<PlacementRecord>> found = read(
      "read placement",
      [&](SqlConnection& connection) { return detail::select_placements(connection, "", id); });
  if (!found.ok()) return found.error();
  if (found.value().empty()) return std::optional<PlacementRecord>();
  return std::optional<PlacementRecord>(found.value().front());
}

Result<std::vector<PlacementRecord>> SqlStore::list_placements(const std::string& borough) {
  return read("list placements", [&](SqlConnection& connection) {
    return detail::select_placements(connection, borough, std::nullopt);
  });
}

// --- the practice repository

Result<std::int64_t> SqlStore::add_practice_call(const PracticeCall& call) {
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

Status SqlStore::update_practice_call(const PracticeCall& call) {
  return write("update practice call",
               [&] { return detail::update_practice_call(*connection_, call, utc_now()); });
}

Result<std::optional<PracticeCall>> SqlStore::get_practice_call(std::int64_t id) {
  Result<std::vector<PracticeCall>> found = read(
      "read practice call",
      [&](SqlConnection& connection) { return detail::select_practice_calls(connection, id); });
  if (!found.ok()) return found.error();
  if (found.value().empty()) return std::optional<PracticeCall>();
  return std::optional<PracticeCall>(std::move(found.value().front()));
}

Result<std::vector<PracticeCall>> SqlStore::list_practice_calls() {
  return read("list practice calls", [&](SqlConnection& connection) {
    return detail::select_practice_calls(connection, std::nullopt);
  });
}

Result<std::int64_t> SqlStore::add_practice_entry(const PracticeEntry& entry,
                                                  const PracticeFacets& facets,
                                                  const PracticeEvent& event) {
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

Result<int> SqlStore::update_practice_entry(const PracticeEntry& entry,
                                            const PracticeFacets& facets,
                                            const PracticeEvent& event) {
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

Result<std::optional<PracticeEntry>> SqlStore::get_practice_entry(std::int64_t id) {
  Result<std::vector<PracticeEntry>> found = read(
      "read practice entry",
      [&](SqlConnection& connection) { return detail::select_practice_entries(connection, id); });
  if (!found.ok()) return found.error();
  if (found.value().empty()) return std::optional<PracticeEntry>();
  return std::optional<PracticeEntry>(std::move(found.value().front()));
}

Result<std::vector<PracticeEntry>> SqlStore::list_practice_entries() {
  return read("list practice entries", [&](SqlConnection& connection) {
    return detail::select_practice_entries(connection, std::nullopt);
  });
}

Result<std::vector<std::int64_t>> SqlStore::import_practice_entries(
    const std::vector<PracticeEntry>& entries, const std::vector<PracticeFacets>& facets,
    const PracticeEvent& event) {
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

Result<std::vector<PracticeEvent>> SqlStore::practice_events(std::int64_t entry_id) {
  return read("read practice events", [&](SqlConnection& connection) {
    return detail::select_practice_events(connection, entry_id);
  });
}

Result<std::int64_t> SqlStore::add_practice_attachment(const PracticeAttachment& attachment,
                                                       const PracticeEvent& event) {
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

Status SqlStore::delete_practice_attachment(std::int64_t id, const PracticeEvent& event) {
  return write("delete practice attachment", [&] {
    return detail::delete_practice_attachment(*connection_, id, event, utc_now());
  });
}

Result<std::vector<PracticeAttachment>> SqlStore::list_practice_attachments(std::int64_t entry_id) {
  return read("list practice attachments", [&](SqlConnection& connection) {
    return detail::select_practice_attachments(connection, entry_id);
  });
}

Result<std::optional<PracticeAttachment>> SqlStore::get_practice_attachment(std::int64_t id) {
  return read("read practice attachment", [&](SqlConnection& connection) {
    return detail::select_practice_attachment(connection, id);
  });
}

Status SqlStore::assign_practice_reviewer(const PracticeReview& assignment,
                                          const PracticeEvent& event) {
  return write("assign practice reviewer", [&] {
    return detail::insert_practice_review(*connection_, assignment, event, utc_now());
  });
}

Status SqlStore::unassign_practice_reviewer(std::int64_t entry_id, std::int64_t reviewer_id,
                                            const PracticeEvent& event) {
  return write("unassign practice reviewer", [&] {
    return detail::delete_practice_review(*connection_, entry_id, reviewer_id, event, utc_now());
  });
}

Status SqlStore::score_practice_entry(const PracticeReview& review, const PracticeEvent& event) {
  return write("score practice entry",
               [&] { return detail::set_practice_scores(*connection_, review, event, utc_now()); });
}

Result<std::vector<PracticeReview>> SqlStore::list_practice_reviews(std::int64_t entry_id,
                                                                    std::int64_t reviewer_id) {
  return read("list practice reviews", [&](SqlConnection& connection) {
    return detail::select_practice_reviews(connection, entry_id, reviewer_id);
  });
}

Result<PracticeResults> SqlStore::search_practice(const PracticeQuery& query) {
  return read("search practice", [&](SqlConnection& connection) {
    return detail::search_practice(connection, query, practice_facets_);
  });
}

Status SqlStore::record_provider_change(const ProviderChange& change) {
  Result<std::int64_t> added = connection_->execute(
      "INSERT INTO provider_history (provider_id, at, user_id, username, change, before_json, "
      "after_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {change.provider_id, or_now(change.at), SqlParam::id_or_null(change.user_id), change.username,
       change.change, change.before_json, change.after_json});
  if (!added.ok()) return added.error();
  return {};
}

}  // namespace sendplan::store::detail
