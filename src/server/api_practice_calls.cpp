// Api: the Practice Spotlight call for submissions and its review (issue 14;
// docs/guide/practice.md): calls with a deadline in London time, reviewers assigned by
// administrators and scoring against the call's criteria, the panel's ranking per category, the
// submissions as CSV and a printable shortlist / winners booklet.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "practice/categories.h"
#include "practice/entry_files.h"
#include "practice/evidence.h"
#include "practice/london_time.h"
#include "practice/panel.h"
#include "server/api.h"
#include "server/http_json.h"
#include "server/input_checks.h"
#include "server/practice_view.h"

namespace sendplan::server {
namespace {

constexpr std::size_t kMaxCallName = 200;
constexpr std::size_t kMaxGuidance = 20000;
constexpr std::size_t kMaxComment = 4000;

// A list of known keys from body[field] into `out`, or a problem.
void read_keys(const nlohmann::json& body, const char* field,
               const std::vector<practice::Term>& terms, std::vector<std::string>& out,
               std::vector<FileProblem>& problems) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return;
  if (!it->is_array()) {
    problems.push_back({"call", 0, field, "expected a list"});
    return;
  }
  std::vector<std::string> keys;
  for (const nlohmann::json& value : *it) {
    if (!value.is_string() || practice::find_term(terms, value.get<std::string>()) == nullptr) {
      problems.push_back(
          {"call", 0, field, fmt::format("'{}' is not one of them", excerpt(value.dump(), 60))});
      return;
    }
    if (std::find(keys.begin(), keys.end(), value.get<std::string>()) == keys.end())
      keys.push_back(value.get<std::string>());
  }
  out = std::move(keys);
}

// A London time from body[field] (e.g. "2027-03-31T23:59") as UTC into `out`, or a problem.
void read_london_time(const nlohmann::json& body, const char* field, std::string& out,
                      std::vector<FileProblem>& problems) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return;
  if (!it->is_string()) {
    problems.push_back({"call", 0, field, "expected a London date and time, 2027-03-31T23:59"});
    return;
  }
  Result<std::string> utc = practice::london_to_utc(it->get<std::string>());
  if (!utc) {
    problems.push_back({"call", 0, field, utc.error().message});
    return;
  }
  out = utc.value();
}

// One entry as a booklet page.
std::string booklet_page(const store::PracticeEntry& entry) {
  std::string categories;
  for (const std::string& key : entry.categories)
    categories += (categories.empty() ? "" : " · ") +
                  html_escape(practice::term_title(practice::categories(), key));
  std::string impact;
  for (const store::ImpactMeasure& m : entry.impact)
    impact += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                          html_escape(m.measure), html_escape(m.before), html_escape(m.after),
                          html_escape(m.period), html_escape(m.source));
  if (!impact.empty())
    impact =
        "<h3>Impact</h3><table><tr><th>Measure</th><th>Before</th><th>After</th>"
        "<th>Period</th><th>Source</th></tr>" +
        impact + "</table>";
  std::string partners;
  for (const std::string& p : entry.partner_boroughs)
    partners += (partners.empty() ? " with " : ", ") + html_escape(p);
  const auto section = [](const char* title, const std::string& text) {
    return text.empty() ? std::string()
                        : fmt::format("<h3>{}</h3><p>{}</p>", title, html_escape(text));
  };
  const std::string winner =
      entry.winner_category.empty()
          ? ""
          : fmt::format(
                " — <strong>winner: {}</strong>",
                html_escape(practice::term_title(practice::categories(), entry.winner_category)));
  const std::string contact =
      entry.contact_role.empty()
          ? ""
          : fmt::format("<p class=\"contact\">Contact: {}, {}</p>", html_escape(entry.contact_name),
                        html_escape(entry.contact_role));
  return fmt::format(
      "<section class=\"entry\"><p class=\"meta\">{}{}{}</p><h2>{}</h2>"
      "<p class=\"borough\">{}{}</p><p class=\"summary\">{}</p>{}{}{}{}{}{}"
      "<p class=\"evidence\">Evidence: {}</p>{}</section>\n",
      entry.example ? "<strong>Example (synthetic)</strong> · " : "", categories, winner,
      html_escape(entry.title), html_escape(entry.lead_borough), partners,
      html_escape(entry.summary), section("The problem", entry.problem),
      section("What was done", entry.actions), impact,
      section("Impact in words", entry.impact_summary),
      section("Cost and resources", entry.cost_and_resources),
      section("How others can adopt it", entry.how_to_adopt),
      html_escape(practice::evidence_name(entry.evidence_strength)), contact);
}

}  // namespace

std::optional<store::PracticeCall> Api::call_for_admin(const httplib::Request& request,
                                                       httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who || !is_admin(*who, response)) return std::nullopt;
  Result<std::optional<store::PracticeCall>> call =
      store_.get_practice_call(std::stoll(request.matches[1]));
  if (!call) {
    store_failed(call.error(), response);
    return std::nullopt;
  }
  if (!call.value()) send_error(response, 404, "not_found", "no call with that number");
  return std::move(call.value());
}

void Api::practice_calls(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  Result<std::vector<store::PracticeCall>> calls = store_.list_practice_calls();
  if (!calls) return store_failed(calls.error(), response);
  const std::string now = store::utc_now();
  nlohmann::json list = nlohmann::json::array();
  for (const store::PracticeCall& call : calls.value())
    list.push_back(practice_call_json(call, now));
  send_json(response, 200, {{"calls", std::move(list)}, {"server_now", now}});
}

void Api::save_practice_call(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = changing(request, response);
  if (!who || !is_admin(*who, response)) return;
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  store::PracticeCall call;
  const bool adding = request.matches.size() < 2;
  if (!adding) {
    Result<std::optional<store::PracticeCall>> found =
        store_.get_practice_call(std::stoll(request.matches[1]));
    if (!found) return store_failed(found.error(), response);
    if (!found.value()) return send_error(response, 404, "not_found", "no call with that number");
    call = *found.value();
  } else {
    for (const practice::Term& term : practice::categories()) call.categories.push_back(term.key);
    for (const practice::Term& term : practice::criteria()) call.criteria.push_back(term.key);
    call.created_by = who->user.id;
  }
  const std::string old_deadline = call.deadline_at;
  std::vector<FileProblem> problems;
  for (const auto& [key, value] : body.value().items()) {
    static const std::set<std::string> known = {"name",        "categories",     "criteria",
                                                "opens_local", "deadline_local", "guidance"};
    if (known.count(key) == 0) problems.push_back({"call", 0, key, "unknown field"});
  }
  if (Result<std::optional<std::string>> name = string_field(body.value(), "name"); !name)
    problems.push_back({"call", 0, "name", "expected text"});
  else if (name.value())
    call.name = std::string(trim(*name.value()));
  if (Result<std::optional<std::string>> guidance = string_field(body.value(), "guidance");
      !guidance)
    problems.push_back({"call", 0, "guidance", "expected text"});
  else if (guidance.value())
    call.guidance = *guidance.value();
  read_keys(body.value(), "categories", practice::categories(), call.categories, problems);
  read_keys(body.value(), "criteria", practice::criteria(), call.criteria, problems);
  read_london_time(body.value(), "opens_local", call.opens_at, problems);
  read_london_time(body.value(), "deadline_local", call.deadline_at, problems);
  if (call.name.empty() || call.name.size() > kMaxCallName)
    problems.push_back({"call", 0, "name", fmt::format("1 to {} characters", kMaxCallName)});
  if (call.guidance.size() > kMaxGuidance)
    problems.push_back({"call", 0, "guidance", fmt::format("at most {} characters", kMaxGuidance)});
  if (call.categories.empty())
    problems.push_back({"call", 0, "categories", "at least one category"});
  if (call.criteria.empty()) problems.push_back({"call", 0, "criteria", "at least one criterion"});
  if (call.opens_at.empty()) problems.push_back({"call", 0, "opens_local", "when it opens"});
  if (call.deadline_at.empty())
    problems.push_back({"call", 0, "deadline_local", "the deadline, in London time"});
  else if (!call.opens_at.empty() && call.deadline_at <= call.opens_at)
    problems.push_back({"call", 0, "deadline_local", "the deadline must come after it opens"});
  if (!problems.empty())
    return send_json(response, 422,
                     {{"error", "invalid_input"},
                      {"message", fmt::format("{} problem{} with the call: nothing was saved",
                                              problems.size(), problems.size() == 1 ? "" : "s")},
                      {"problems", problems_json(problems)}});
  std::int64_t id = call.id;
  if (adding) {
    Result<std::int64_t> added = store_.add_practice_call(call);
    if (!added) return store_failed(added.error(), response);
    id = added.value();
  } else if (Status updated = store_.update_practice_call(call); !updated) {
    return store_failed(updated.error(), response);
  }
  const std::string detail =
      adding ? fmt::format("call {} opened", id)
      : old_deadline != call.deadline_at
          ? fmt::format("call {} deadline {} → {}", id, old_deadline, call.deadline_at)
          : fmt::format("call {} changed", id);
  if (!audit(*who, adding ? "practice call open" : "practice call change", "", detail, response))
    return;
  Result<std::optional<store::PracticeCall>> stored = store_.get_practice_call(id);
  if (!stored || !stored.value())
    return store_failed(stored ? make_error(ErrorCode::kInternal, "call vanished") : stored.error(),
                        response);
  send_json(response, adding ? 201 : 200, practice_call_json(*stored.value(), store::utc_now()));
}

void Api::assign_practice_reviewer(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, true);
  if (!access || !is_admin(access->who, response)) return;
  if (access->entry.state == "draft" || access->entry.state == "published")
    return send_error(response, 409, "not_allowed",
                      "reviewers are assigned to submitted entries (not drafts or published ones)");
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  const auto user_id = body.value().find("user_id");
  if (user_id == body.value().end() || !user_id->is_number_integer())
    return send_error(response, 400, "bad_request", "give the reviewer's account as user_id");
  Result<std::optional<store::User>> user = store_.user_by_id(user_id->get<std::int64_t>());
  if (!user) return store_failed(user.error(), response);
  if (!user.value() || !user.value()->deleted_at.empty() || user.value()->disabled)
    return send_error(response, 422, "invalid_input", "no active account with that number");
  if (!practice::may_review(actor_of(*user.value()), access->entry))
    return send_error(
        response, 422, "invalid_input",
        user.value()->role == store::Role::kAdministrator
            ? "administrators assign reviewers; they do not review"
            : fmt::format("{} is an officer of {}, a borough of this entry: a reviewer never "
                          "reviews their own borough's entries",
                          user.value()->username, user.value()->borough));
  store::PracticeReview assignment;
  assignment.entry_id = access->entry.id;
  assignment.reviewer_id = user.value()->id;
  assignment.assigned_by = access->who.user.id;
  if (Status assigned = store_.assign_practice_reviewer(
          assignment, practice_event(access->who.user, access->entry.id, "reviewer assigned",
                                     user.value()->username));
      !assigned)
    return store_failed(assigned.error(), response);
  // The first reviewer puts a submitted entry under review.
  if (access->entry.state == "submitted") {
    Result<store::PracticeEntry> moved = practice::move(
        access->actor, access->entry, "under-review", store::utc_now(), std::nullopt);
    if (moved) {
      store::PracticeEvent event = practice_event(access->who.user, access->entry.id, "state");
      event.from_state = access->entry.state;
      event.to_state = moved.value().state;
      if (!write_practice_entry(access->who, moved.value(), event, response)) return;
    }
  }
  if (!audit(access->who, "practice assign reviewer", access->entry.lead_borough,
             fmt::format("entry {} reviewer {}", access->entry.id, user.value()->id), response))
    return;
  send_json(response, 200, {{"entry_id", access->entry.id}, {"reviewer_id", user.value()->id}});
}

void Api::unassign_practice_reviewer(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, true);
  if (!access || !is_admin(access->who, response)) return;
  const std::int64_t reviewer = std::stoll(request.matches[2]);
  if (Status removed = store_.unassign_practice_reviewer(
          access->entry.id, reviewer,
          practice_event(access->who.user, access->entry.id, "reviewer removed",
                         std::to_string(reviewer)));
      !removed)
    return store_failed(removed.error(), response);
  if (!audit(access->who, "practice remove reviewer", access->entry.lead_borough,
             fmt::format("entry {} reviewer {}", access->entry.id, reviewer), response))
    return;
  send_json(response, 200, {{"entry_id", access->entry.id}, {"removed", reviewer}});
}

void Api::score_practice_entry(const httplib::Request& request, httplib::Response& response) {
  std::optional<PracticeAccess> access = readable_entry(request, response, true);
  if (!access) return;
  if (!access->assigned || !practice::may_review(access->actor, access->entry))
    return send_error(response, 403, "forbidden", "only the entry's assigned reviewers score it");
  const std::string& state = access->entry.state;
  if (state != "submitted" && state != "under-review")
    return send_error(
        response, 409, "not_allowed",
        fmt::format("the entry is {}: scores are given while it is under review", state));
  Result<nlohmann::json> body = parse_object(request);
  if (!body) return send_error(response, body.error());
  std::vector<std::string> criteria;
  if (access->call) criteria = access->call->criteria;
  if (criteria.empty())
    for (const practice::Term& term : practice::criteria()) criteria.push_back(term.key);
  store::PracticeReview review;
  review.entry_id = access->entry.id;
  review.reviewer_id = access->who.user.id;
  std::vector<FileProblem> problems;
  const auto scores = body.value().find("scores");
  if (scores == body.value().end() || !scores->is_object()) {
    problems.push_back({"review", 0, "scores", "expected {criterion: 1 to 5, ...}"});
  } else {
    for (const std::string& key : criteria) {
      const auto score = scores->find(key);
      if (score == scores->end() || !score->is_number_integer() || score->get<int>() < 1 ||
          score->get<int>() > 5)
        problems.push_back(
            {"review", 0, key,
             fmt::format("score {} from 1 to 5", practice::term_title(practice::criteria(), key))});
      else
        review.scores[key] = score->get<int>();
    }
    for (const auto& [key, value] : scores->items())
      if (std::find(criteria.begin(), criteria.end(), key) == criteria.end())
        problems.push_back({"review", 0, key, "not one of this call's criteria"});
  }
  if (Result<std::optional<std::string>> comment = string_field(body.value(), "comment"); !comment)
    problems.push_back({"review", 0, "comment", "expected text"});
  else if (comment.value())
    review.comment = *comment.value();
  if (review.comment.size() > kMaxComment)
    problems.push_back({"review", 0, "comment", fmt::format("at most {} characters", kMaxComment)});
  if (!problems.empty())
    return send_json(response, 422,
                     {{"error", "invalid_input"},
                      {"message", "the review was not saved"},
                      {"problems", problems_json(problems)}});
  review.scored_at = store::utc_now();
  if (Status scored = store_.score_practice_entry(
          review, practice_event(access->who.user, access->entry.id, "scored"));
      !scored)
    return store_failed(scored.error(), response);
  if (!audit(access->who, "practice score", access->entry.lead_borough,
             fmt::format("entry {}", access->entry.id), response))
    return;
  send_json(response, 200, {{"entry_id", review.entry_id}, {"scored_at", review.scored_at}});
}

void Api::my_practice_reviews(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who) return;
  Result<std::vector<store::PracticeReview>> mine = store_.list_practice_reviews(0, who->user.id);
  if (!mine) return store_failed(mine.error(), response);
  const practice::Actor actor = actor_of(who->user);
  nlohmann::json list = nlohmann::json::array();
  for (const store::PracticeReview& review : mine.value()) {
    Result<std::optional<store::PracticeEntry>> entry = store_.get_practice_entry(review.entry_id);
    if (!entry) return store_failed(entry.error(), response);
    // Never their own borough's (an assignment made before a move of borough is left out).
    if (!entry.value() || !practice::may_review(actor, *entry.value())) continue;
    nlohmann::json card = practice_card_json(*entry.value());
    card["scored_at"] = review.scored_at;
    card["scores"] = review.scores;
    list.push_back(std::move(card));
  }
  send_json(response, 200, {{"reviews", std::move(list)}});
}

void Api::practice_panel(const httplib::Request& request, httplib::Response& response) {
  std::optional<store::PracticeCall> call = call_for_admin(request, response);
  if (!call) return;
  Result<std::vector<store::PracticeEntry>> entries = store_.list_practice_entries();
  if (!entries) return store_failed(entries.error(), response);
  Result<std::vector<store::PracticeReview>> reviews = store_.list_practice_reviews(0, 0);
  if (!reviews) return store_failed(reviews.error(), response);
  nlohmann::json categories = nlohmann::json::array();
  for (const practice::CategoryRanking& ranking :
       practice::rank_call(*call, entries.value(), reviews.value())) {
    nlohmann::json rows = nlohmann::json::array();
    for (const practice::RankedEntry& e : ranking.entries)
      rows.push_back({{"entry_id", e.entry_id},
                      {"title", e.title},
                      {"lead_borough", e.lead_borough},
                      {"state", e.state},
                      {"reviewers", e.reviewers},
                      {"scored", e.scored},
                      {"mean", e.mean},
                      {"spread", e.spread},
                      {"criterion_means", e.criterion_means},
                      {"disagreement", e.disagreement},
                      {"disagreement_reason", e.disagreement_reason}});
    categories.push_back({{"category", ranking.category},
                          {"title", practice::term_title(practice::categories(), ranking.category)},
                          {"entries", std::move(rows)}});
  }
  send_json(response, 200,
            {{"call", practice_call_json(*call, store::utc_now())},
             {"disagreement_spread", practice::kDisagreementSpread},
             {"categories", std::move(categories)}});
}

void Api::practice_submissions_csv(const httplib::Request& request, httplib::Response& response) {
  std::optional<Principal> who = signed_in(request, response);
  if (!who || !is_admin(*who, response)) return;
  const std::int64_t call_id = std::stoll(request.matches[1]);
  Result<std::vector<store::PracticeEntry>> entries = store_.list_practice_entries();
  if (!entries) return store_failed(entries.error(), response);
  std::vector<store::PracticeEntry> submitted;
  for (const store::PracticeEntry& entry : entries.value())
    if (entry.call_id == call_id && entry.state != "draft") submitted.push_back(entry);
  if (!audit(*who, "practice export submissions", "",
             fmt::format("call {} ({} entries)", call_id, submitted.size()), response))
    return;
  response.set_header("Content-Disposition",
                      fmt::format("attachment; filename=\"call-{}-submissions.csv\"", call_id));
  response.set_content(practice::entries_csv(submitted), "text/csv; charset=utf-8");
}

void Api::practice_booklet(const httplib::Request& request, httplib::Response& response) {
  std::optional<store::PracticeCall> call = call_for_admin(request, response);
  if (!call) return;
  const std::string which =
      request.has_param("entries") ? request.get_param_value("entries") : "shortlist";
  if (which != "shortlist" && which != "winners")
    return send_error(response, 400, "bad_request", "entries is shortlist or winners");
  Result<std::vector<store::PracticeEntry>> entries = store_.list_practice_entries();
  if (!entries) return store_failed(entries.error(), response);
  std::string pages;
  int count = 0;
  for (const std::string& category : call->categories) {
    for (const store::PracticeEntry& entry : entries.value()) {
      if (entry.call_id != call->id) continue;
      const bool winner = !entry.winner_category.empty();
      const bool listed = which == "winners" ? winner && entry.winner_category == category
                                             : (entry.state == "shortlisted" || winner) &&
                                                   !entry.categories.empty() &&
                                                   entry.categories.front() == category;
      if (!listed) continue;
      pages += booklet_page(entry);
      ++count;
    }
  }
  const std::string title =
      fmt::format("{} — {}", call->name, which == "winners" ? "winners" : "shortlist");
  response.set_content(
      fmt::format(
          "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{0}</title>"
          "<style>body{{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:48em;"
          "margin:2em auto;line-height:1.45}}h1{{font-size:2em}}h2{{font-size:1.5em;margin:.2em 0}}"
          "h3{{font-size:1.05em;margin:1em 0 .2em}}.meta{{color:#505a5f}}.borough{{font-weight:"
          "bold}}table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #b1b4b6;"
          "padding:.3em;text-align:left;vertical-align:top}}.entry{{border-top:4px solid #1d70b8;"
          "padding-top:1em;margin-top:2em}}@media print{{body{{margin:0;max-width:none}}"
          ".entry{{page-break-before:always;border:0}}.cover{{page-break-after:avoid}}}}"
          "</style></head><body><div class=\"cover\"><h1>{0}</h1><p>{1} entr{2}, by category. "
          "Made by sendplan on {3}. Entries marked as examples are synthetic demonstration "
          "entries, not boroughs' work.</p></div>\n{4}</body></html>",
          html_escape(title), count, count == 1 ? "y" : "ies",
          practice::utc_to_london_words(store::utc_now()), pages),
      "text/html; charset=utf-8");
}

}  // namespace sendplan::server
