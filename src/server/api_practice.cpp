// Api: the practice repository (issue 14; docs/guide/practice.md): entries, their search,
// attachments, import and export, and a borough's practice page. Who may do what is
// practice/workflow.h's; these handlers apply it. An entry a user may not read is answered 404, as
// if it did not exist.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "dfe/indicators.h"
#include "practice/attachments.h"
#include "practice/categories.h"
#include "practice/entry_checks.h"
#include "practice/entry_files.h"
#include "practice/entry_json.h"
#include "practice/evidence.h"
#include "practice/facets.h"
#include "practice/london_time.h"
#include "server/api.h"
#include "server/http_json.h"
#include "server/input_checks.h"
#include "server/practice_view.h"

namespace sendplan::server {
namespace {

constexpr std::size_t kMaxQueryChars = 500;
constexpr int kMaxPageSize = 100;
constexpr int kSimilarEntries = 5;
constexpr int kMaxExportEntries = 100000;

// "a,b" and repeated parameters → values, trimmed, without empties.
std::vector<std::string> param_values(const httplib::Request& request, const std::string& name) {
  std::vector<std::string> values;
  const std::size_t count = request.get_param_value_count(name);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string raw = request.get_param_value(name, i);
    std::size_t start = 0;
    while (start <= raw.size()) {
      const std::size_t comma = std::min(raw.find(',', start), raw.size());
      const std::string value(trim(std::string_view(raw).substr(start, comma - start)));
      if (!value.empty()) values.push_back(value);
      start = comma + 1;
    }
  }
  return values;
}

// An integer parameter within [low, high], or `fallback` when absent; nullopt when malformed.
std::optional<int> int_param(const httplib::Request& request, const char* name, int fallback,
                             int low, int high) {
  if (!request.has_param(name)) return fallback;
  const std::string raw = request.get_param_value(name);
  if (raw.empty() || raw.size() > 9 || !std::all_of(raw.begin(), raw.end(), ::isdigit))
    return std::nullopt;
  const int value = std::stoi(raw);
  if (value < low || value > high) return std::nullopt;
  return value;
}

bool sends_problems(httplib::Response& response, const std::vector<FileProblem>& problems,
                    const std::string& what) {
  if (problems.empty()) return false;
  send_json(response, 422,
            {{"error", "invalid_input"},
             {"message", fmt::format("{} problem{} with {}: nothing was saved", problems.size(),
                                     problems.size() == 1 ? "" : "s", what)},
             {"problems", problems_json(problems)}});
  return true;
}

}  // namespace

std::map<std::string, std::string> Api::subregions() const {
  std::map<std::string, std::string> out;
  for (const BoroughInfo& info : atlas_.boroughs()) out[info.name] = info.sub_region;
  return out;
}

std::vector<std::string> Api::borough_names() const {
  std::vector<std::string> names;
  for (const BoroughInfo& info : atlas_.boroughs()) names.push_back(info.name);
  return names;
}

std::optional<Api::PracticeAccess> Api::readable_entry(const httplib::Request& request,
                                                       httplib::Response& response, bool change) {
  std::optional<Principal> who =
      change ? changing(request, response) : signed_in(request, response);
  if (!who) return std::nullopt;
  Result<std::optional<store::PracticeEntry>> entry =
      store_.get_practice_entry(std::stoll(request.matches[1]));
  if (!entry) {
    store_failed(entry.error(), response);
    return std::nullopt;
  }
  const practice::Actor actor = actor_of(who->user);
  bool assigned = false;
  if (entry.value()) {
    Result<std::vector<store::PracticeReview>> mine =
        store_.list_practice_reviews(entry.value()->id, who->user.id);
    if (!mine) {
      store_failed(mine.error(), response);
      return std::nullopt;
    }
    assigned = !mine.value().empty();
  }
  if (!entry.value() || !practice::may_read(actor, *entry.value(), assigned)) {
    send_error(response, 404, "not_found", "no practice entry with that number");
    return std::nullopt;
  }
  std::optional<store::PracticeCall> call;
  if (entry.value()->call_id != 0) {
    Result<std::optional<store::PracticeCall>> found =
        store_.get_practice_call(entry.value()->call_id);
    if (!found) {
      store_failed(found.error(), response);
      return std::nullopt;
    }
    call = std::move(found.value());
  }
  return PracticeAccess{std::move(*who), actor, std::move(*entry.value()), std::move(call),
                        assigned};
}

std::optional<store::PracticeEntry> Api::write_practice_entry(const Principal& who,
                                                              store::PracticeEntry entry,
                                                              const store::PracticeEvent& event,
                                                              httplib::Response& response) {
  entry.updated_at.clear();  // the store stamps it
  const store::PracticeFacets facets = practice::facets_of(entry, subregions());
  std::int64_t id = entry.id;
  if (id == 0) {
    Result<std::int64_t> added = store_.add_practice_entry(entry, facets, event);
    if (!added) {
      if (added.error().code == ErrorCode::kInvalidArgument) {
        send_error(response, 422, "invalid_input", added.error().message);
        return std::nullopt;
      }
      store_failed(added.error(), response);
      return std::nullopt;
    }
    id = added.value();
  } else {
    Result<int> revision = store_.update_practice_entry(entry, facets, event);
    if (!revision) {
      if (revision.error().code == ErrorCode::kInvalidArgument) {
        send_error(response, 409, "conflict",
                   "someone else changed this entry since you opened it: reload it, then make "
                   "your change again");
        return std::nullopt;
      }
      store_failed(revision.error(), response);
      return std::nullopt;
    }
  }
  if (!audit(who, "practice " + event.action, entry.lead_borough,
             fmt::format("entry {}{}", id, event.to_state.empty() ? "" : " → " + event.to_state),
             response))
    return std::nullopt;
  Result<std::optional<store::PracticeEntry>> stored = store_.get_practice_entry(id);
  if (!stored || !stored.value()) {
    store_failed(stored ? make_error(ErrorCode::kInternal, "entry vanished") : stored.error(),
                 response);
    return std::nullopt;
  }
  return std::move(*stored.value());
}

void Api::practice_meta(const httplib::Request& request, httplib::Response& response) {
  if (!signed_in(request, response)) return;
  send_json(response, 200, practice_meta_json(atlas_));
}

void Api::practice_search(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  store::PracticeQuery query;
  query.text = request.get_param_value("q");
  if (query.text.size() > kMaxQueryChars)
    return send_error(
        response, 400, "bad_request",
        fmt::format("the search is {} characters; at most {}", query.text.size(), kMaxQueryChars));
  for (const char* facet : kPracticeFacets) {
    std::vector<std::string> values = param_values(request, facet);
    if (!values.empty()) query.filters[facet] = std::move(values);
  }
  query.sort = request.has_param("sort") ? request.get_param_value("sort") : "relevance";
  if (query.sort != "relevance" && query.sort != "date" && query.sort != "evidence")
    return send_error(response, 400, "bad_request", "sort is relevance, date or evidence");
  const std::optional<int> limit = int_param(request, "limit", 20, 1, kMaxPageSize);
  const std::optional<int> offset = int_param(request, "offset", 0, 0, 1000000);
  if (!limit || !offset)
    return send_error(response, 400, "bad_request",
                      fmt::format("limit is 1 to {} and offset 0 or more", kMaxPageSize));
  query.limit = *limit;
  query.offset = *offset;
  if (std::optional<std::string> refused =
          restrict_practice_query(actor_of(who->user), param_values(request, "state"), query)) {
    return send_error(response, 400, "bad_request", *refused);
  }
  Result<store::PracticeResults> results = store_.search_practice(query);
  if (!results) return store_failed(results.error(), response);
  send_json(response, 200, practice_results_json(results.value(), query));
}

void Api::practice_entry(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, false);
  if (!access) return;
  const store::PracticeEntry& entry = access->entry;
  const std::optional<store::PracticeCall>& call = access->call;
  Result<std::vector<store::PracticeAttachment>> attachments =
      store_.list_practice_attachments(entry.id);
  if (!attachments) return store_failed(attachments.error(), response);
  nlohmann::json body = practice_entry_json(entry, call);
  body["attachments"] = practice_attachments_json(attachments.value());
  const bool owner_or_admin = access->who.user.role == store::Role::kAdministrator ||
                              practice::may_edit(access->actor, entry) ||
                              (access->actor.role == store::Role::kBoroughOfficer &&
                               practice_entry_names_borough(entry, access->actor.borough));
  if (owner_or_admin) {
    Result<std::vector<store::PracticeEvent>> events = store_.practice_events(entry.id);
    if (!events) return store_failed(events.error(), response);
    body["events"] = practice_events_json(events.value());
  }
  Result<std::vector<store::PracticeReview>> reviews = store_.list_practice_reviews(entry.id, 0);
  if (!reviews) return store_failed(reviews.error(), response);
  body["reviews"] = practice_reviews_json(reviews.value(), access->who.user, call);
  body["may"] =
      practice_permissions_json(access->actor, entry, call, access->assigned, store::utc_now());
  // Similar practice: published entries sharing its words, itself left out.
  store::PracticeQuery similar;
  similar.text = practice_similar_text(entry);
  similar.states = {"published"};
  similar.limit = kSimilarEntries + 1;
  similar.facets = false;
  Result<store::PracticeResults> found = store_.search_practice(similar);
  if (!found) return store_failed(found.error(), response);
  nlohmann::json list = nlohmann::json::array();
  for (const store::PracticeHit& hit : found.value().hits) {
    if (hit.entry.id == entry.id || list.size() >= static_cast<std::size_t>(kSimilarEntries))
      continue;
    list.push_back(practice_card_json(hit.entry));
  }
  body["similar"] = std::move(list);
  send_json(response, 200, body);
}

void Api::create_practice_entry(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who) return;
  const practice::Actor actor = actor_of(who->user);
  if (actor.role == store::Role::kRegionalAnalyst)
    return send_error(response, 403, "forbidden",
                      "regional analysts read published practice; boroughs' officers submit it");
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  store::PracticeEntry entry;
  entry.lead_borough = actor.borough;
  std::vector<FileProblem> problems =
      practice::entry_fields_from_json(body.value(), entry, "entry", 0);
  if (actor.role == store::Role::kBoroughOfficer && entry.lead_borough != actor.borough)
    problems.push_back({"entry", 0, "lead_borough",
                        fmt::format("you may start entries for {} only (the partner boroughs "
                                    "may be any)",
                                    actor.borough)});
  if (std::optional<std::string> canonical = atlas_.canonical(entry.lead_borough))
    entry.lead_borough = *canonical;
  read_call_id(store_, body.value(), entry, problems);
  if (sends_problems(response, problems, "the entry")) return;
  if (sends_problems(response, practice::draft_problems(entry, borough_names(), "entry", 0),
                     "the entry"))
    return;
  entry.state = "draft";
  entry.created_by = who->user.id;
  std::optional<store::PracticeEntry> stored =
      write_practice_entry(*who, entry, practice_event(who->user, 0, "created"), response);
  if (!stored) return;
  response.set_header("Location", fmt::format("/api/practice/entries/{}", stored->id));
  send_json(response, 201, practice_entry_json(*stored, std::nullopt));
}

void Api::save_practice_entry(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, true);
  if (!access) return;
  store::PracticeEntry entry = access->entry;
  if (!practice::may_edit(access->actor, entry))
    return send_error(response, 403, "forbidden",
                      entry.state == "draft"
                          ? fmt::format("only {}'s officers edit this entry", entry.lead_borough)
                          : "only a draft can be edited: withdraw it to a draft first (before "
                            "the deadline)");
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  const auto revision = body.value().find("revision");
  if (revision == body.value().end() || !revision->is_number_integer())
    return send_error(response, 400, "bad_request",
                      "give the entry's revision (the one you read) as 'revision'");
  if (revision->get<std::int64_t>() != entry.revision)
    return send_error(response, 409, "conflict",
                      "someone else changed this entry since you opened it: reload it, then "
                      "make your change again");
  const std::string lead = entry.lead_borough;
  std::vector<FileProblem> problems =
      practice::entry_fields_from_json(body.value(), entry, "entry", 0);
  if (std::optional<std::string> canonical = atlas_.canonical(entry.lead_borough))
    entry.lead_borough = *canonical;
  if (entry.lead_borough != lead)
    problems.push_back({"entry", 0, "lead_borough", "the lead borough of an entry stays"});
  read_call_id(store_, body.value(), entry, problems);
  if (sends_problems(response, problems, "the entry")) return;
  if (sends_problems(response, practice::draft_problems(entry, borough_names(), "entry", 0),
                     "the entry"))
    return;
  std::optional<store::PracticeEntry> stored = write_practice_entry(
      access->who, entry, practice_event(access->who.user, entry.id, "edited"), response);
  if (!stored) return;
  send_json(response, 200, practice_entry_json(*stored, std::nullopt));
}

void Api::move_practice_entry(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, true);
  if (!access) return;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  Result<std::string> to = required_string(body.value(), "to");
  if (!to) return send_error(response, to.error());
  Result<std::optional<std::string>> winner = string_field(body.value(), "winner_category");
  if (!winner) return send_error(response, winner.error());
  const store::PracticeEntry& entry = access->entry;
  const std::optional<store::PracticeCall>& call = access->call;
  if (to.value() == "submitted" &&
      sends_problems(response, practice::submission_problems(entry, borough_names(), "entry", 0),
                     "the entry before it can be submitted"))
    return;
  Result<store::PracticeEntry> moved = practice::move(
      access->actor, entry, to.value(), store::utc_now(), call, winner.value().value_or(""));
  if (!moved) return send_error(response, 409, "not_allowed", moved.error().message);
  store::PracticeEvent event = practice_event(access->who.user, entry.id, "state");
  event.from_state = entry.state;
  event.to_state = moved.value().state;
  std::optional<store::PracticeEntry> stored =
      write_practice_entry(access->who, moved.value(), event, response);
  if (!stored) return;
  send_json(response, 200, practice_entry_json(*stored, call));
}

void Api::rate_practice_entry(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, true);
  if (!access) return;
  const bool admin = access->who.user.role == store::Role::kAdministrator;
  if (!admin && !access->assigned)
    return send_error(response, 403, "forbidden",
                      "the entry's reviewers and administrators rate its evidence");
  if (access->entry.state == "draft")
    return send_error(response, 409, "not_allowed", "a draft is not rated");
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  const auto level = body.value().find("level");
  if (level == body.value().end() || !level->is_number_integer() ||
      level->get<std::int64_t>() < 0 || level->get<std::int64_t>() > 5)
    return send_error(response, 400, "bad_request",
                      "level is a whole number from 0 (not rated) to 5 (see the evidence scale)");
  store::PracticeEntry entry = access->entry;
  entry.evidence_strength = static_cast<int>(level->get<std::int64_t>());
  std::optional<store::PracticeEntry> stored = write_practice_entry(
      access->who, entry,
      practice_event(access->who.user, entry.id, "rated",
                     fmt::format("evidence: {}", practice::evidence_name(entry.evidence_strength))),
      response);
  if (!stored) return;
  send_json(response, 200, practice_entry_json(*stored, std::nullopt));
}

void Api::add_practice_attachment(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, true);
  if (!access) return;
  if (!practice::may_edit(access->actor, access->entry))
    return send_error(response, 403, "forbidden",
                      "documents are attached to a draft, by its borough's officers");
  const std::string name = request.get_param_value("name");
  Result<practice::CheckedAttachment> checked =
      practice::check_attachment(name, request.body, practice::kMaxAttachmentBytes);
  if (!checked) {
    sends_problems(
        response, {{clean_file_name(name, "attachment"), 0, "attachment", checked.error().message}},
        "the document");
    return;
  }
  Result<std::vector<store::PracticeAttachment>> existing =
      store_.list_practice_attachments(access->entry.id);
  if (!existing) return store_failed(existing.error(), response);
  if (existing.value().size() >= static_cast<std::size_t>(practice::kMaxAttachmentsPerEntry))
    return send_error(response, 422, "invalid_input",
                      fmt::format("an entry has at most {} documents: remove one first",
                                  practice::kMaxAttachmentsPerEntry));
  store::PracticeAttachment attachment;
  attachment.entry_id = access->entry.id;
  attachment.file_name = clean_file_name(name, "document" + checked.value().extension);
  attachment.media_type = checked.value().media_type;
  attachment.content = request.body;
  attachment.text = checked.value().text;
  attachment.uploaded_by = access->who.user.id;
  Result<std::int64_t> id = store_.add_practice_attachment(
      attachment,
      practice_event(access->who.user, access->entry.id, "attached", attachment.file_name));
  if (!id) return store_failed(id.error(), response);
  if (!audit(access->who, "practice attach", access->entry.lead_borough,
             fmt::format("entry {} document {}", access->entry.id, id.value()), response))
    return;
  attachment.id = id.value();
  attachment.size = static_cast<std::int64_t>(request.body.size());
  send_json(response, 201, practice_attachments_json({attachment}).at(0));
}

void Api::practice_attachment(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  Result<std::optional<store::PracticeAttachment>> found =
      store_.get_practice_attachment(std::stoll(request.matches[1]));
  if (!found) return store_failed(found.error(), response);
  const auto not_found = [&] {
    send_error(response, 404, "not_found", "no document with that number");
  };
  if (!found.value()) return not_found();
  Result<std::optional<store::PracticeEntry>> entry =
      store_.get_practice_entry(found.value()->entry_id);
  if (!entry) return store_failed(entry.error(), response);
  Result<std::vector<store::PracticeReview>> mine =
      store_.list_practice_reviews(found.value()->entry_id, who->user.id);
  if (!mine) return store_failed(mine.error(), response);
  if (!entry.value() ||
      !practice::may_read(actor_of(who->user), *entry.value(), !mine.value().empty()))
    return not_found();
  if (request.method == "DELETE") {
    if (!Sessions::csrf_ok(request, *who))
      return send_error(response, 403, "csrf",
                        "missing or wrong X-CSRF-Token header (reload the page and try again)");
    if (!practice::may_edit(actor_of(who->user), *entry.value()))
      return send_error(response, 403, "forbidden",
                        "documents are removed from a draft, by its borough's officers");
    if (Status removed = store_.delete_practice_attachment(
            found.value()->id, practice_event(who->user, entry.value()->id, "removed document",
                                              found.value()->file_name));
        !removed)
      return store_failed(removed.error(), response);
    if (!audit(*who, "practice remove document", entry.value()->lead_borough,
               fmt::format("entry {} document {}", entry.value()->id, found.value()->id), response))
      return;
    return send_json(response, 200, {{"deleted", found.value()->id}});
  }
  response.set_header("Content-Disposition",
                      fmt::format("attachment; filename=\"{}\"",
                                  clean_file_name(found.value()->file_name, "document")));
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_content(found.value()->content, found.value()->media_type);
}

void Api::delete_practice_attachment(const httplib::Request& request, httplib::Response& response) {
  practice_attachment(request, response);
}

void Api::practice_export(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  store::PracticeQuery query;
  query.text = request.get_param_value("q").substr(0, kMaxQueryChars);
  for (const char* facet : kPracticeFacets) {
    std::vector<std::string> values = param_values(request, facet);
    if (!values.empty()) query.filters[facet] = std::move(values);
  }
  query.sort = "date";
  query.limit = kMaxExportEntries;
  query.facets = false;
  if (std::optional<std::string> refused =
          restrict_practice_query(actor_of(who->user), param_values(request, "state"), query))
    return send_error(response, 400, "bad_request", *refused);
  Result<store::PracticeResults> results = store_.search_practice(query);
  if (!results) return store_failed(results.error(), response);
  std::vector<store::PracticeEntry> entries;
  for (const store::PracticeHit& hit : results.value().hits) entries.push_back(hit.entry);
  const bool csv = request.matches[1] == "csv";
  response.set_header("Content-Disposition",
                      fmt::format("attachment; filename=\"practice.{}\"", csv ? "csv" : "json"));
  if (csv)
    response.set_content(practice::entries_csv(entries), "text/csv; charset=utf-8");
  else
    response.set_content(practice::entries_json(entries), "application/json; charset=utf-8");
}

void Api::import_practice(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !is_admin(*who, response)) return;
  const std::string format = request.get_param_value("format");
  if (format != "csv" && format != "json")
    return send_error(response, 400, "bad_request", "format is csv or json");
  const std::string file_name =
      clean_file_name(request.get_param_value("file_name"), "practice." + format);
  Checked<std::vector<store::PracticeEntry>, FileProblem> read =
      format == "csv" ? practice::read_entries_csv(request.body, file_name, borough_names())
                      : practice::read_entries_json(request.body, file_name, borough_names());
  if (!read) {
    sends_problems(response, read.problems(), file_name);
    return;
  }
  std::vector<store::PracticeEntry> entries = std::move(read).value();
  std::vector<store::PracticeFacets> facets;
  const std::map<std::string, std::string> regions = subregions();
  for (store::PracticeEntry& entry : entries) {
    entry.created_by = who->user.id;
    if (entry.call_id != 0) {
      Result<std::optional<store::PracticeCall>> call = store_.get_practice_call(entry.call_id);
      if (!call) return store_failed(call.error(), response);
      if (!call.value()) entry.call_id = 0;  // a call of another store: kept as no call
    }
    facets.push_back(practice::facets_of(entry, regions));
  }
  Result<std::vector<std::int64_t>> ids = store_.import_practice_entries(
      entries, facets, practice_event(who->user, 0, "imported", file_name));
  if (!ids) {
    if (ids.error().code == ErrorCode::kInvalidArgument)
      return send_error(response, 422, "invalid_input", ids.error().message);
    return store_failed(ids.error(), response);
  }
  if (!audit(*who, "practice import", "",
             fmt::format("{} entries from {}", ids.value().size(), file_name), response))
    return;
  send_json(response, 201, {{"imported", ids.value().size()}, {"ids", ids.value()}});
}

void Api::practice_borough(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  std::optional<std::string> name = borough(request.matches[1], response);
  if (!name) return;
  // What it has shared: its published entries (and, for its own officers, every state).
  store::PracticeQuery shared;
  shared.filters["borough"] = {*name};
  shared.sort = "date";
  shared.limit = kMaxPageSize;
  shared.facets = false;
  if (std::optional<std::string> refused = restrict_practice_query(
          actor_of(who->user), {who->user.borough == *name ? "any" : "published"}, shared))
    return send_error(response, 400, "bad_request", *refused);
  Result<store::PracticeResults> own = store_.search_practice(shared);
  if (!own) return store_failed(own.error(), response);
  nlohmann::json shared_list = nlohmann::json::array();
  for (const store::PracticeHit& hit : own.value().hits)
    shared_list.push_back(practice_card_json(hit.entry));
  // Its weakest indicators on the dashboard, and what other boroughs shared on them.
  std::string gss;
  for (const BoroughInfo& info : atlas_.boroughs())
    if (info.name == *name) gss = info.gss_code;
  std::vector<std::string> london;
  for (const BoroughInfo& info : atlas_.boroughs()) london.push_back(info.gss_code);
  Result<std::vector<WeakIndicator>> weakest = weakest_indicators(store_, gss, london);
  if (!weakest) return store_failed(weakest.error(), response);
  nlohmann::json weak = nlohmann::json::array();
  std::vector<std::string> ids;
  for (const WeakIndicator& indicator : weakest.value()) {
    weak.push_back(weak_indicator_json(indicator));
    ids.push_back(indicator.id);
  }
  nlohmann::json suggestions = nlohmann::json::array();
  if (!ids.empty()) {
    store::PracticeQuery others;
    others.filters["indicator"] = ids;
    others.states = {"published"};
    others.sort = "evidence";
    others.limit = kMaxPageSize;
    others.facets = false;
    Result<store::PracticeResults> found = store_.search_practice(others);
    if (!found) return store_failed(found.error(), response);
    for (const store::PracticeHit& hit : found.value().hits) {
      if (practice_entry_names_borough(hit.entry, *name)) continue;
      if (suggestions.size() >= 12) break;
      suggestions.push_back(practice_card_json(hit.entry));
    }
  }
  send_json(response, 200,
            {{"borough", *name},
             {"shared", std::move(shared_list)},
             {"weakest_indicators", std::move(weak)},
             {"suggested", std::move(suggestions)},
             {"note",
              "Weakest: the indicators where the borough's latest published value ranks lowest "
              "among London's boroughs (those with a better or worse direction). A practice "
              "linked to an indicator aims to move it; a trend is not proof that it did."}});
}

}  // namespace sendplan::server
