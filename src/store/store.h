// The store: where accounts, sessions, the audit log, uploaded planner inputs, plans and pools
// live.
// One interface, two real backends chosen by the database URL:
//   - SQLite (embedded default): "sendplan.db", "sqlite:PATH" or "sqlite::memory:"; one file,
//     WAL journal, foreign keys on, busy timeout 5 s.
//   - PostgreSQL: "postgresql://user@host:port/db?..." (libpq connection URI) for a shared
//     London deployment.
// Both run the same versioned migrations (schema_migrations table; see migrations.h) when
// opened, so a store is always at the newest schema version this program knows.
//
// Thread-safety: every method may be called from any thread; calls are serialised on one
// connection per store (the server's requests are short). Every write is one transaction: it
// happens completely or not at all (a process killed half-way leaves the store as it was).
//
// Times are UTC ISO-8601 strings "2026-11-23T18:16:00Z" (text sorts as time). Ids are positive.
// Errors: kNotFound (no such record where one is required), kInvalidArgument (e.g. a duplicate
// username), kIo (the database failed: message says why, never the data).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/placement_records.h"
#include "store/practice_records.h"
#include "store/stats_records.h"

namespace sendplan::store {

enum class Role { kBoroughOfficer, kRegionalAnalyst, kAdministrator };
// "officer", "analyst", "admin" (stable: stored in the database and used in the API).
const char* role_name(Role role);
std::optional<Role> parse_role(const std::string& name);

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string password_hash;  // libsodium crypto_pwhash_str output (argon2id)
  Role role = Role::kBoroughOfficer;
  std::string borough;  // the officer's borough (canonical name, e.g. "Hackney"); "" for others
  std::string created_at;
  bool disabled = false;              // cannot sign in; its sessions are ended
  bool must_change_password = false;  // after an administrator's reset
  std::string deleted_at;             // "" unless deleted (then never signs in, not listed)
};

// The case-insensitive key usernames are unique by (ASCII lower case).
std::string username_key(const std::string& username);

struct Session {
  std::string token_hash;  // hex hash of the cookie token (the token itself is never stored)
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
};

struct AuditEntry {
  std::int64_t id = 0;  // set by the store
  std::string at;
  std::int64_t user_id = 0;
  std::string username;
  std::string action;   // e.g. "read pupils", "download routes.csv"
  std::string borough;  // whose data
  std::string detail;   // what was read, e.g. "dataset 4 (200 rows)": never personal data
};

// One uploaded planner input file, stored whole after it passed validation.
struct Dataset {
  std::int64_t id = 0;  // set by the store
  std::string borough;
  std::string kind;  // "pupils", "schools", "fleet" or "current"
  std::string file_name;
  std::string content;  // the CSV text as uploaded
  int rows = 0;         // data rows
  std::int64_t uploaded_by = 0;
  std::string uploaded_at;
};
// A dataset without its content (for lists).
struct DatasetInfo {
  std::int64_t id = 0;
  std::string borough;
  std::string kind;
  std::string file_name;
  int rows = 0;
  std::int64_t uploaded_by = 0;
  std::string uploaded_at;
};

enum class PlanStatus { kQueued, kRunning, kDone, kFailed };
// "queued", "running", "done", "failed".
const char* plan_status_name(PlanStatus status);
std::optional<PlanStatus> parse_plan_status(const std::string& name);

// How a version of a borough's plan was made.
enum class PlanKind { kPlanned, kReplanned, kEdited, kUpdated };
// "planned", "re-planned around locked routes", "edited", "updated" (stable: stored in the
// database and used in the API).
const char* plan_kind_name(PlanKind kind);
std::optional<PlanKind> parse_plan_kind(const std::string& name);

// A plan is one version of a borough's plan: who saved it and when, what it was made from
// (parent_plan, kind) and what changed (note).
struct PlanRecord {
  std::int64_t id = 0;  // set by the store
  std::string borough;
  std::int64_t created_by = 0;
  std::string created_at;
  std::int64_t parent_plan = 0;  // the version this one was made from; 0 = none
  PlanKind kind = PlanKind::kPlanned;
  // What changed, in a few words ("locked AM-003, AM-007"; "3 joined, 1 left"): never a
  // child's details (version lists are not audited).
  std::string note;
  PlanStatus status = PlanStatus::kQueued;
  double progress = 0;  // 0..1
  std::string message;  // progress text, or why it failed
  std::string settings_json;
  std::string summary_json;  // summary.json when done, else ""
  std::int64_t pupils_dataset = 0;
  std::int64_t schools_dataset = 0;
  std::int64_t fleet_dataset = 0;
  std::int64_t current_dataset = 0;  // 0 = none
  std::string finished_at;           // "" until done or failed
};

// One borough of a pool, with the inputs (dataset ids) it was planned from.
struct PoolBorough {
  std::string borough;
  std::int64_t pupils_dataset = 0;
  std::int64_t schools_dataset = 0;
  std::int64_t fleet_dataset = 0;
};

// A pool run: several boroughs' children planned together and the cost shared out
// (transport/pool_search.h, pool_sharing.h). Progress is the long step under way ("travel
// matrix", "Hackney alone", "seams"), how far (steps_done of steps_total) and a message.
struct PoolRecord {
  std::int64_t id = 0;  // set by the store
  std::int64_t created_by = 0;
  std::string created_at;
  std::vector<PoolBorough> boroughs;  // 2 or more, in the pool's order
  PlanStatus status = PlanStatus::kQueued;
  std::string step;
  int steps_done = 0;
  int steps_total = 0;
  std::string message;  // progress in words, or why it failed
  std::string settings_json;
  std::string pool_json;    // pool.json when done, else ""
  std::string finished_at;  // "" until done or failed
  // Whether `borough` is one of the pool's.
  bool includes(const std::string& borough) const;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version after migrations (the highest applied).
  virtual int schema_version() = 0;
  // "sqlite" or "postgresql".
  virtual std::string backend() const = 0;

  // --- accounts
  // kInvalidArgument when the username is taken, in any case ("Admin" and "admin" are one).
  virtual Result<std::int64_t> add_user(const User& user) = 0;
  // By username, ignoring case; deleted accounts are not found.
  virtual Result<std::optional<User>> find_user(const std::string& username) = 0;
  // Deleted accounts too (the audit log and plans name them).
  virtual Result<std::optional<User>> user_by_id(std::int64_t id) = 0;
  // Not the deleted ones.
  virtual Result<std::vector<User>> list_users() = 0;
  // Sets the hash and whether the user must change it at the next sign-in, and ends every
  // session of the user, in one transaction. kNotFound when there is no such user.
  virtual Status set_password_hash(std::int64_t user_id, const std::string& hash,
                                   bool must_change = false) = 0;
  // Role, borough and disabled from `user` (by id); disabling ends the user's sessions, in the
  // same transaction. kNotFound for an unknown or deleted user.
  virtual Status update_user(const User& user) = 0;
  // Marks the user deleted at `at` and ends its sessions. kNotFound for an unknown or deleted
  // user.
  virtual Status delete_user(std::int64_t user_id, const std::string& at) = 0;
  // Ends every session of the user; returns how many.
  virtual Result<int> delete_sessions_of(std::int64_t user_id) = 0;

  // --- sessions
  virtual Status add_session(const Session& session) = 0;
  virtual Result<std::optional<Session>> find_session(const std::string& token_hash) = 0;
  virtual Status delete_session(const std::string& token_hash) = 0;
  // Removes sessions with expires_at <= now; returns how many.
  virtual Result<int> delete_expired_sessions(const std::string& now) = 0;

  // --- audit log (append-only)
  virtual Status append_audit(const AuditEntry& entry) = 0;
  // Newest first.
  virtual Result<std::vector<AuditEntry>> list_audit(int limit, int offset) = 0;

  // --- uploaded inputs (history kept: a new upload of a kind does not delete the old one)
  virtual Result<std::int64_t> add_dataset(const Dataset& dataset) = 0;
  // The dataset and its audit entry in one transaction (both or neither); the entry's detail
  // is written as "dataset <id> (<rows> rows)".
  virtual Result<std::int64_t> add_dataset_audited(const Dataset& dataset,
                                                   const AuditEntry& entry) = 0;
  virtual Result<std::optional<Dataset>> get_dataset(std::int64_t id) = 0;
  // The newest dataset of `kind` for `borough`, if any.
  virtual Result<std::optional<Dataset>> latest_dataset(const std::string& borough,
                                                        const std::string& kind) = 0;
  // Newest first. `borough` "" = every borough.
  virtual Result<std::vector<DatasetInfo>> list_datasets(const std::string& borough) = 0;

  // --- plans and their output files
  // kInvalidArgument when a dataset or the parent plan does not exist.
  virtual Result<std::int64_t> add_plan(const PlanRecord& plan) = 0;
  // Replaces a plan's note (e.g. an update's, known only when it has run). kNotFound when
  // there is no such plan.
  virtual Status set_plan_note(std::int64_t id, const std::string& note) = 0;
  virtual Status update_plan_progress(std::int64_t id, PlanStatus status, double progress,
                                      const std::string& message) = 0;
  // Marks the plan done with its summary.json and output files (name → content), all in one
  // transaction.
  virtual Status finish_plan(std::int64_t id, const std::string& summary_json,
                             const std::map<std::string, std::string>& files,
                             const std::string& finished_at) = 0;
  virtual Status fail_plan(std::int64_t id, const std::string& message,
                           const std::string& finished_at) = 0;
  virtual Result<std::optional<PlanRecord>> get_plan(std::int64_t id) = 0;
  // Newest first. `borough` "" = every borough.
  virtual Result<std::vector<PlanRecord>> list_plans(const std::string& borough) = 0;
  // One output file of a done plan (e.g. "routes.csv"); nullopt when absent.
  virtual Result<std::optional<std::string>> plan_file(std::int64_t id,
                                                       const std::string& name) = 0;
  // On start-up: plans and pools left queued or running by a stopped server become failed with
  // `message`; returns how many.
  virtual Result<int> fail_unfinished_plans(const std::string& message,
                                            const std::string& finished_at) = 0;

  // --- pools (several boroughs planned together) and their files
  // The pool and its boroughs in one transaction. kInvalidArgument for fewer than 2 boroughs, a
  // borough listed twice, or a dataset that does not exist.
  virtual Result<std::int64_t> add_pool(const PoolRecord& pool) = 0;
  // Status, step, steps_done, steps_total and message from `progress` (by id). kNotFound when
  // there is no such pool; kInvalidArgument for negative counts.
  virtual Status update_pool_progress(std::int64_t id, const PoolRecord& progress) = 0;
  // Marks the pool done with its pool.json and files (name → content), in one transaction.
  virtual Status finish_pool(std::int64_t id, const std::string& pool_json,
                             const std::map<std::string, std::string>& files,
                             const std::string& finished_at) = 0;
  virtual Status fail_pool(std::int64_t id, const std::string& message,
                           const std::string& finished_at) = 0;
  virtual Result<std::optional<PoolRecord>> get_pool(std::int64_t id) = 0;
  // Newest first. `borough` "" = every pool, else the pools that include it.
  virtual Result<std::vector<PoolRecord>> list_pools(const std::string& borough) = 0;
  // One file of a done pool; nullopt when absent.
  virtual Result<std::optional<std::string>> pool_file(std::int64_t id,
                                                       const std::string& name) = 0;

  // --- published statistics (stats_records.h)
  // Imports every file in one transaction (all or nothing); a file already imported (same
  // series and SHA-256) is reported as such and changes nothing.
  virtual Result<std::vector<StatImportOutcome>> import_stat_releases(
      const std::vector<StatImport>& imports) = 0;
  // Oldest first.
  virtual Result<std::vector<StatRelease>> list_stat_releases() = 0;
  // Ordered by level (national, regional, la), then name.
  virtual Result<std::vector<StatArea>> list_stat_areas() = 0;
  // Ordered by measure, area, year, breakdown topic, breakdown.
  virtual Result<std::vector<StatValue>> query_stat_values(const StatQuery& query) = 0;
  // Every area's neighbours, by area then rank.
  virtual Result<std::vector<StatNeighbour>> list_stat_neighbours() = 0;

  // --- the placements register (placement_records.h)
  // Adds or updates providers from a list, all in one transaction: a provider is the same one
  // when its URN matches, or (without a URN) its name and LA (number, else name) match, ignoring
  // case. Fields the list leaves empty or 0 keep their stored values.
  virtual Result<ProviderImportOutcome> import_providers(
      const std::vector<ProviderRecord>& providers) = 0;
  virtual Result<std::int64_t> add_provider(const ProviderRecord& provider) = 0;
  // kNotFound when there is no provider with provider.id.
  virtual Status update_provider(const ProviderRecord& provider) = 0;
  // A provider added or edited by a person, with its history entry (before/after as JSON,
  // written by the caller from the records), in one transaction. add: returns the new id.
  virtual Result<std::int64_t> add_provider_recorded(const ProviderRecord& provider,
                                                     const ProviderChange& change) = 0;
  // kNotFound when there is no provider with provider.id.
  virtual Status update_provider_recorded(const ProviderRecord& provider,
                                          const ProviderChange& change) = 0;
  // Oldest first.
  virtual Result<std::vector<ProviderChange>> provider_history(std::int64_t provider_id) = 0;
  virtual Result<std::optional<ProviderRecord>> get_provider(std::int64_t id) = 0;
  // By name.
  virtual Result<std::vector<ProviderRecord>> list_providers() = 0;
  // All in one transaction; returns the new ids in order. kInvalidArgument for an unknown
  // provider or a placement without fees.
  virtual Result<std::vector<std::int64_t>> add_placements(
      const std::vector<PlacementRecord>& placements) = 0;
  // A new fee period (the old ones are kept). kInvalidArgument unless it starts after the
  // current one; kNotFound for an unknown placement.
  virtual Status add_fee_period(std::int64_t placement_id, const FeeRecord& fees) = 0;
  // kNotFound for an unknown placement.
  virtual Status end_placement(std::int64_t placement_id, const std::string& end_date) = 0;
  virtual Result<std::optional<PlacementRecord>> get_placement(std::int64_t id) = 0;
  // With their fee histories, by borough then id. `borough` "" = every borough.
  virtual Result<std::vector<PlacementRecord>> list_placements(const std::string& borough) = 0;

  // --- the practice repository (practice_records.h); rules live in src/practice
  virtual Result<std::int64_t> add_practice_call(const PracticeCall& call) = 0;
  // By call.id; kNotFound when there is none.
  virtual Status update_practice_call(const PracticeCall& call) = 0;
  virtual Result<std::optional<PracticeCall>> get_practice_call(std::int64_t id) = 0;
  // Newest deadline first.
  virtual Result<std::vector<PracticeCall>> list_practice_calls() = 0;
  // The entry, its facets and its "created" event (entry_id filled in), in one transaction;
  // the search index is updated with it. kInvalidArgument for an unknown call. Returns the id.
  virtual Result<std::int64_t> add_practice_entry(const PracticeEntry& entry,
                                                  const PracticeFacets& facets,
                                                  const PracticeEvent& event) = 0;
  // Replaces every field of the entry entry.id (state, rating and dates too) and its facets,
  // records `event`, and re-indexes it, in one transaction, when its stored revision is
  // entry.revision (else kInvalidArgument "changed by someone else": nothing is written).
  // kNotFound for an unknown entry. Returns the new revision.
  virtual Result<int> update_practice_entry(const PracticeEntry& entry,
                                            const PracticeFacets& facets,
                                            const PracticeEvent& event) = 0;
  virtual Result<std::optional<PracticeEntry>> get_practice_entry(std::int64_t id) = 0;
  // Every entry (for exports and the practice layer's lists), by id.
  virtual Result<std::vector<PracticeEntry>> list_practice_entries() = 0;
  // Entries and their facets and "created" events, all or none (imports); returns the ids.
  virtual Result<std::vector<std::int64_t>> import_practice_entries(
      const std::vector<PracticeEntry>& entries, const std::vector<PracticeFacets>& facets,
      const PracticeEvent& event) = 0;
  // Oldest first.
  virtual Result<std::vector<PracticeEvent>> practice_events(std::int64_t entry_id) = 0;
  // The attachment (size set from content), its event, and the entry's index (its text), in one
  // transaction. kNotFound for an unknown entry.
  virtual Result<std::int64_t> add_practice_attachment(const PracticeAttachment& attachment,
                                                       const PracticeEvent& event) = 0;
  // kNotFound for an unknown attachment.
  virtual Status delete_practice_attachment(std::int64_t id, const PracticeEvent& event) = 0;
  // Without content, by id.
  virtual Result<std::vector<PracticeAttachment>> list_practice_attachments(
      std::int64_t entry_id) = 0;
  // With content.
  virtual Result<std::optional<PracticeAttachment>> get_practice_attachment(std::int64_t id) = 0;
  // Assigns a reviewer to an entry (nothing changes when already assigned). kInvalidArgument
  // for an unknown entry or user.
  virtual Status assign_practice_reviewer(const PracticeReview& assignment,
                                          const PracticeEvent& event) = 0;
  virtual Status unassign_practice_reviewer(std::int64_t entry_id, std::int64_t reviewer_id,
                                            const PracticeEvent& event) = 0;
  // Sets the scores, comment and scored_at of an assignment (by entry and reviewer).
  // kNotFound when the reviewer is not assigned to the entry.
  virtual Status score_practice_entry(const PracticeReview& review, const PracticeEvent& event) = 0;
  // Filters: entry_id 0 = every entry, reviewer_id 0 = every reviewer. By entry, then reviewer.
  virtual Result<std::vector<PracticeReview>> list_practice_reviews(std::int64_t entry_id,
                                                                    std::int64_t reviewer_id) = 0;
  // Full-text search with facets (practice_records.h): SQLite FTS5 or PostgreSQL text search.
  // The text is words (any of them matches; entries with more of them, rarer ones and in the
  // title rank higher) and "quoted phrases"; punctuation is ignored, so no text is a syntax
  // error. Words match their stems in British English ("assessments" finds "assessment").
  virtual Result<PracticeResults> search_practice(const PracticeQuery& query) = 0;
};

// Opens (creating when needed) and migrates the store named by `url` (see above).
// kInvalidArgument for an unknown URL scheme; kIo when the database cannot be opened or migrated.
Result<std::unique_ptr<Store>> open_store(const std::string& url);

// The current UTC time as "2026-11-23T18:16:00Z".
std::string utc_now();

}  // namespace sendplan::store
