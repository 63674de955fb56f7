// What the practice API answers (practice_view.h).
#include "server/practice_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "dfe/indicators.h"
#include "practice/categories.h"
#include "practice/entry_json.h"
#include "practice/evidence.h"
#include "practice/london_time.h"
#include "stats/figure.h"

namespace sendplan::server {
namespace {

nlohmann::json terms_json(const std::vector<practice::Term>& terms) {
  nlohmann::json list = nlohmann::json::array();
  for (const practice::Term& term : terms)
    list.push_back({{"key", term.key}, {"title", term.title}, {"description", term.description}});
  return list;
}

nlohmann::json titled(const std::vector<practice::Term>& terms,
                      const std::vector<std::string>& keys) {
  nlohmann::json list = nlohmann::json::array();
  for (const std::string& key : keys)
    list.push_back({{"key", key}, {"title", practice::term_title(terms, key)}});
  return list;
}

// The snippet's marked words (between U+E000 and U+E001) as segments.
nlohmann::json snippet_segments(const std::string& snippet) {
  static const std::string kOpen = "\xEE\x80\x80", kClose = "\xEE\x80\x81";
  nlohmann::json segments = nlohmann::json::array();
  std::size_t at = 0;
  bool marked = false;
  while (at < snippet.size()) {
    const std::string& marker = marked ? kClose : kOpen;
    std::size_t next = snippet.find(marker, at);
    if (next == std::string::npos) next = snippet.size();
    if (next > at) segments.push_back({{"text", snippet.substr(at, next - at)}, {"mark", marked}});
    at = next + (next < snippet.size() ? marker.size() : 0);
    marked = !marked;
  }
  return segments;
}

std::string facet_title(const std::string& facet, const std::string& value) {
  if (facet == "category") return practice::term_title(practice::categories(), value);
  if (facet == "need") return practice::term_title(practice::needs(), value);
  if (facet == "setting") return practice::term_title(practice::settings(), value);
  if (facet == "evidence") {
    const std::string name = value.size() == 1 && value[0] >= '0' && value[0] <= '5'
                                 ? practice::evidence_name(value[0] - '0')
                                 : "";
    return name.empty() ? value : name;
  }
  if (facet == "indicator") {
    const dfe::Indicator* indicator = dfe::find_indicator(value);
    return indicator != nullptr ? indicator->title : value;
  }
  if (facet == "age") return value + " years";
  if (facet == "winner" || facet == "example") return value == "yes" ? "Yes" : "No";
  return value;
}

bool is_owner(const practice::Actor& actor, const store::PracticeEntry& entry) {
  return actor.role == store::Role::kBoroughOfficer &&
         practice_entry_names_borough(entry, actor.borough);
}

}  // namespace

practice::Actor actor_of(const store::User& user) {
  return {user.id, user.role, user.role == store::Role::kBoroughOfficer ? user.borough : ""};
}

store::PracticeEvent practice_event(const store::User& user, std::int64_t entry_id,
                                    std::string action, std::string note) {
  store::PracticeEvent event;
  event.entry_id = entry_id;
  event.user_id = user.id;
  event.username = user.username;
  event.action = std::move(action);
  event.note = std::move(note);
  return event;
}

nlohmann::json practice_meta_json(const BoroughAtlas& atlas) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const practice::EvidenceLevel& level : practice::evidence_scale())
    evidence.push_back(
        {{"level", level.level}, {"name", level.name}, {"description", level.description}});
  nlohmann::json indicators = nlohmann::json::array();
  for (const dfe::Indicator& indicator : dfe::indicators())
    indicators.push_back(
        {{"id", indicator.id}, {"title", indicator.title}, {"group", indicator.group}});
  nlohmann::json boroughs = nlohmann::json::array();
  for (const BoroughInfo& info : atlas.boroughs())
    boroughs.push_back({{"name", info.name}, {"subregion", info.sub_region}});
  return {{"categories", terms_json(practice::categories())},
          {"needs", terms_json(practice::needs())},
          {"settings", terms_json(practice::settings())},
          {"criteria", terms_json(practice::criteria())},
          {"evidence_scale", std::move(evidence)},
          {"states", practice::states()},
          {"indicators", std::move(indicators)},
          {"boroughs", std::move(boroughs)},
          {"facets", kPracticeFacets},
          {"server_now", store::utc_now()}};
}

std::optional<std::string> restrict_practice_query(const practice::Actor& actor,
                                                   const std::vector<std::string>& states,
                                                   store::PracticeQuery& query) {
  std::vector<std::string> wanted = states.empty() ? std::vector<std::string>{"published"} : states;
  const bool any = std::find(wanted.begin(), wanted.end(), "any") != wanted.end();
  if (any) wanted = practice::states();
  for (const std::string& state : wanted)
    if (!practice::is_state(state))
      return fmt::format("'{}' is not a state: {} or any", excerpt(state, 40),
                         fmt::join(practice::states(), ", "));
  query.visible_boroughs.clear();
  query.all_unpublished = false;
  switch (actor.role) {
    case store::Role::kRegionalAnalyst:
      wanted = {"published"};
      break;
    case store::Role::kBoroughOfficer:
      query.visible_boroughs = {actor.borough};
      break;
    case store::Role::kAdministrator:
      // Drafts stay with the boroughs writing them.
      wanted.erase(std::remove(wanted.begin(), wanted.end(), "draft"), wanted.end());
      if (wanted.empty()) wanted = {"published"};
      query.all_unpublished = true;
      break;
  }
  query.states = wanted;
  return std::nullopt;
}

nlohmann::json practice_card_json(const store::PracticeEntry& entry) {
  return {{"id", entry.id},
          {"title", entry.title},
          {"summary", entry.summary},
          {"lead_borough", entry.lead_borough},
          {"partner_boroughs", entry.partner_boroughs},
          {"categories", titled(practice::categories(), entry.categories)},
          {"needs", entry.needs},
          {"age_from", entry.age_from},
          {"age_to", entry.age_to},
          {"state", entry.state},
          {"winner_category", entry.winner_category},
          {"evidence_strength", entry.evidence_strength},
          {"evidence_name", practice::evidence_name(entry.evidence_strength)},
          {"example", entry.example},
          {"call_id", entry.call_id},
          {"date", entry.submitted_at.empty() ? entry.created_at : entry.submitted_at}};
}

nlohmann::json practice_results_json(const store::PracticeResults& results,
                                     const store::PracticeQuery& query) {
  nlohmann::json hits = nlohmann::json::array();
  for (const store::PracticeHit& hit : results.hits) {
    nlohmann::json card = practice_card_json(hit.entry);
    card["score"] = hit.score;
    card["snippet"] = snippet_segments(hit.snippet);
    hits.push_back(std::move(card));
  }
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [facet, counts] : results.facets) {
    nlohmann::json values = nlohmann::json::array();
    for (const auto& [value, count] : counts)
      values.push_back({{"value", value}, {"title", facet_title(facet, value)}, {"count", count}});
    facets[facet] = std::move(values);
  }
  return {{"total", results.total},     {"offset", query.offset}, {"limit", query.limit},
          {"sort", query.sort},         {"states", query.states}, {"hits", std::move(hits)},
          {"facets", std::move(facets)}};
}

nlohmann::json practice_entry_json(const store::PracticeEntry& entry,
                                   const std::optional<store::PracticeCall>& call) {
  nlohmann::json body = practice::entry_to_json(entry);
  body["category_titles"] = titled(practice::categories(), entry.categories);
  body["need_titles"] = titled(practice::needs(), entry.needs);
  body["setting_titles"] = titled(practice::settings(), entry.settings);
  body["evidence_name"] = practice::evidence_name(entry.evidence_strength);
  nlohmann::json indicators = nlohmann::json::array();
  for (const std::string& id : entry.indicators) {
    const dfe::Indicator* indicator = dfe::find_indicator(id);
    indicators.push_back({{"id", id}, {"title", indicator != nullptr ? indicator->title : id}});
  }
  body["indicator_titles"] = std::move(indicators);
  if (!entry.winner_category.empty())
    body["winner_title"] = practice::term_title(practice::categories(), entry.winner_category);
  if (call) body["call"] = practice_call_json(*call, store::utc_now());
  return body;
}

nlohmann::json practice_attachments_json(const std::vector<store::PracticeAttachment>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const store::PracticeAttachment& a : list)
    out.push_back({{"id", a.id},
                   {"file_name", a.file_name},
                   {"media_type", a.media_type},
                   {"size", a.size},
                   {"uploaded_at", a.uploaded_at},
                   {"text_indexed", !a.text.empty()},
                   {"href", fmt::format("/api/practice/attachments/{}", a.id)}});
  return out;
}

nlohmann::json practice_events_json(const std::vector<store::PracticeEvent>& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const store::PracticeEvent& e : events)
    out.push_back({{"at", e.at},
                   {"at_london", practice::utc_to_london_words(e.at)},
                   {"username", e.username},
                   {"action", e.action},
                   {"from_state", e.from_state},
                   {"to_state", e.to_state},
                   {"note", e.note}});
  return out;
}

nlohmann::json practice_reviews_json(const std::vector<store::PracticeReview>& reviews,
                                     const store::User& user,
                                     const std::optional<store::PracticeCall>& call) {
  const bool admin = user.role == store::Role::kAdministrator;
  const store::PracticeReview* mine = nullptr;
  for (const store::PracticeReview& review : reviews)
    if (review.reviewer_id == user.id) mine = &review;
  const bool scored = mine != nullptr && !mine->scored_at.empty();
  nlohmann::json criteria = nlohmann::json::array();
  if (call && !call->criteria.empty()) {
    for (const std::string& key : call->criteria)
      criteria.push_back(
          {{"key", key}, {"title", practice::term_title(practice::criteria(), key)}});
  } else {
    for (const practice::Term& term : practice::criteria())
      criteria.push_back({{"key", term.key}, {"title", term.title}});
  }
  nlohmann::json list = nlohmann::json::array();
  if (admin || mine != nullptr) {
    for (const store::PracticeReview& review : reviews) {
      const bool own = review.reviewer_id == user.id;
      if (!admin && !own && !scored) continue;
      list.push_back({{"reviewer_id", review.reviewer_id},
                      {"reviewer", review.reviewer_username},
                      {"assigned_at", review.assigned_at},
                      {"scored_at", review.scored_at},
                      {"scores", review.scores},
                      {"comment", review.comment},
                      {"mine", own}});
    }
  }
  return {{"criteria", std::move(criteria)},
          {"assigned", reviews.size()},
          {"scored",
           std::count_if(reviews.begin(), reviews.end(),
                         [](const store::PracticeReview& r) { return !r.scored_at.empty(); })},
          {"visible", std::move(list)},
          {"others_hidden", !admin && mine != nullptr && !scored && reviews.size() > 1}};
}

nlohmann::json practice_permissions_json(const practice::Actor& actor,
                                         const store::PracticeEntry& entry,
                                         const std::optional<store::PracticeCall>& call,
                                         bool assigned, const std::string& now) {
  nlohmann::json next = nlohmann::json::array();
  for (const std::string& state : practice::states()) {
    if (state == entry.state) continue;
    const std::string winner =
        state == "winner" && !entry.categories.empty() ? entry.categories.front() : std::string();
    if (practice::move(actor, entry, state, now, call, winner)) next.push_back(state);
  }
  const bool admin = actor.role == store::Role::kAdministrator;
  const bool in_review = entry.state == "submitted" || entry.state == "under-review";
  return {{"edit", practice::may_edit(actor, entry)},
          {"next_states", std::move(next)},
          {"review", assigned && in_review && practice::may_review(actor, entry)},
          {"rate", (admin || assigned) && entry.state != "draft"},
          {"assign_reviewers", admin && entry.state != "draft" && entry.state != "published"},
          {"see_history", admin || is_owner(actor, entry)}};
}

std::string practice_similar_text(const store::PracticeEntry& entry) {
  return entry.title + " " + excerpt(entry.summary, 300);
}

bool practice_entry_names_borough(const store::PracticeEntry& entry, const std::string& borough) {
  if (borough.empty()) return false;
  return entry.lead_borough == borough ||
         std::find(entry.partner_boroughs.begin(), entry.partner_boroughs.end(), borough) !=
             entry.partner_boroughs.end();
}

void read_call_id(store::Store& store, const nlohmann::json& body, store::PracticeEntry& entry,
                  std::vector<FileProblem>& problems) {
  const auto it = body.find("call_id");
  if (it == body.end() || it->is_null()) return;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0) {
    problems.push_back({"entry", 0, "call_id", "expected a call's number (0 for none)"});
    return;
  }
  const std::int64_t id = it->get<std::int64_t>();
  if (id != 0) {
    Result<std::optional<store::PracticeCall>> call = store.get_practice_call(id);
    if (!call) {
      problems.push_back({"entry", 0, "call_id", "the calls could not be read; try again"});
      return;
    }
    if (!call.value()) {
      problems.push_back({"entry", 0, "call_id", fmt::format("there is no call {}", id)});
      return;
    }
  }
  entry.call_id = id;
}

nlohmann::json practice_call_json(const store::PracticeCall& call, const std::string& now) {
  const std::string closed = practice::call_closed_reason(call, now);
  return {{"id", call.id},
          {"name", call.name},
          {"categories", titled(practice::categories(), call.categories)},
          {"criteria", titled(practice::criteria(), call.criteria)},
          {"opens_at", call.opens_at},
          {"deadline_at", call.deadline_at},
          {"opens_london", practice::utc_to_london_words(call.opens_at)},
          {"deadline_london", practice::utc_to_london_words(call.deadline_at)},
          {"opens_local", practice::utc_to_london_local(call.opens_at)},
          {"deadline_local", practice::utc_to_london_local(call.deadline_at)},
          {"guidance", call.guidance},
          {"open", closed.empty()},
          {"closed_reason", closed},
          {"server_now", now},
          {"created_at", call.created_at},
          {"updated_at", call.updated_at}};
}

Result<std::vector<WeakIndicator>> weakest_indicators(
    store::Store& store, const std::string& area_code,
    const std::vector<std::string>& london_codes) {
  struct Candidate {
    WeakIndicator indicator;
    double position = 0;  // 0 best .. 1 worst
  };
  std::vector<Candidate> candidates;
  for (const dfe::Indicator& indicator : dfe::indicators()) {
    if (indicator.polarity == dfe::Polarity::kNeither) continue;
    Result<std::vector<dfe::AreaValue>> values =
        dfe::indicator_values(store, indicator, london_codes);
    if (!values) return values.error();
    std::vector<dfe::AreaValue> latest = dfe::latest_per_area(values.value());
    // Only the newest year any borough has, so every borough is compared on the same year.
    int year = 0;
    for (const dfe::AreaValue& v : latest)
      if (v.value) year = std::max(year, v.year);
    std::vector<std::pair<double, std::string>> ranked;
    const dfe::AreaValue* own = nullptr;
    for (const dfe::AreaValue& v : latest) {
      if (!v.value || v.year != year) continue;
      ranked.push_back({*v.value, v.area_code});
      if (v.area_code == area_code) own = &v;
    }
    if (own == nullptr || ranked.size() < 10) continue;
    const bool higher_better = indicator.polarity == dfe::Polarity::kHigherIsBetter;
    int better = 0;
    for (const auto& [value, code] : ranked)
      if (higher_better ? value > *own->value : value < *own->value) ++better;
    Candidate c;
    c.indicator = {indicator.id,
                   indicator.title,
                   *own->value,
                   own->period,
                   better + 1,
                   static_cast<int>(ranked.size()),
                   dfe::polarity_name(indicator.polarity)};
    c.position = static_cast<double>(better) / static_cast<double>(ranked.size() - 1);
    if (c.position >= 0.5) candidates.push_back(std::move(c));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.position > b.position; });
  std::vector<WeakIndicator> out;
  for (std::size_t i = 0; i < candidates.size() && i < 3; ++i)
    out.push_back(candidates[i].indicator);
  return out;
}

nlohmann::json weak_indicator_json(const WeakIndicator& indicator) {
  return {{"id", indicator.id},
          {"title", indicator.title},
          {"value", indicator.value},
          {"period", indicator.period},
          {"rank", indicator.rank},
          {"areas", indicator.areas},
          {"polarity", indicator.polarity},
          {"words", fmt::format("{} of {} London boroughs ({})", indicator.rank, indicator.areas,
                                indicator.period)}};
}

}  // namespace sendplan::server
