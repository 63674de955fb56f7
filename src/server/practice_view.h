// What the practice API answers (api_practice*.cpp): entries, search results, reviews and the
// user's permissions as JSON with the vocabularies' titles, who may search what, and a
// borough's weakest dashboard indicators.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/file_problem.h"
#include "practice/workflow.h"
#include "server/borough_atlas.h"
#include "store/store.h"

namespace sendplan::server {

// The facets a search may filter on (query parameters of the same names).
inline constexpr const char* kPracticeFacets[] = {"category", "borough",  "subregion", "need",
                                                  "age",      "evidence", "year",      "call",
                                                  "winner",   "setting",  "example",   "indicator"};

practice::Actor actor_of(const store::User& user);

// Categories, needs, settings, criteria, the evidence scale, states, indicators, boroughs with
// their sub-regions.
nlohmann::json practice_meta_json(const BoroughAtlas& atlas);

// Sets query.states and visibility for `actor` from the states asked for ("published" when
// none; "any" = every state the actor may see): analysts see published entries only; officers
// also their own borough's in any state; administrators every entry but drafts. A refusal in
// words for an unknown state.
std::optional<std::string> restrict_practice_query(const practice::Actor& actor,
                                                   const std::vector<std::string>& states,
                                                   store::PracticeQuery& query);

// An entry's event by `user` (the store stamps the time).
store::PracticeEvent practice_event(const store::User& user, std::int64_t entry_id,
                                    std::string action, std::string note = "");

nlohmann::json practice_results_json(const store::PracticeResults& results,
                                     const store::PracticeQuery& query);
// The whole entry, with titles for its keys, its call's name and deadline.
nlohmann::json practice_entry_json(const store::PracticeEntry& entry,
                                   const std::optional<store::PracticeCall>& call);
// The few fields a list shows.
nlohmann::json practice_card_json(const store::PracticeEntry& entry);
nlohmann::json practice_attachments_json(const std::vector<store::PracticeAttachment>& list);
nlohmann::json practice_events_json(const std::vector<store::PracticeEvent>& events);
// The reviews `user` may see: administrators every review; a reviewer their own, and the
// others' once they have scored; nobody else any (an entry's borough never sees its scores).
nlohmann::json practice_reviews_json(const std::vector<store::PracticeReview>& reviews,
                                     const store::User& user,
                                     const std::optional<store::PracticeCall>& call);
// What `actor` may do with the entry now: edit, submit, withdraw, the administrator's next
// states, review, rate.
nlohmann::json practice_permissions_json(const practice::Actor& actor,
                                         const store::PracticeEntry& entry,
                                         const std::optional<store::PracticeCall>& call,
                                         bool assigned, const std::string& now);
// Words to find practice like `entry` (its title and summary).
std::string practice_similar_text(const store::PracticeEntry& entry);
bool practice_entry_names_borough(const store::PracticeEntry& entry, const std::string& borough);
// The body's "call_id" (a whole number, 0 = none) into entry.call_id, or a problem (wrong type,
// no such call).
void read_call_id(store::Store& store, const nlohmann::json& body, store::PracticeEntry& entry,
                  std::vector<FileProblem>& problems);

// A call with its London times and whether it takes submissions at `now`.
nlohmann::json practice_call_json(const store::PracticeCall& call, const std::string& now);

struct WeakIndicator {
  std::string id;
  std::string title;
  double value = 0;
  std::string period;
  int rank = 0;   // 1 = best in London
  int areas = 0;  // London boroughs with a value
  std::string polarity;
};
// The (at most 3) indicators with a direction where `area_code`'s latest value ranks in the
// worse half of `london_codes` and lowest; none when the store has no statistics.
Result<std::vector<WeakIndicator>> weakest_indicators(store::Store& store,
                                                      const std::string& area_code,
                                                      const std::vector<std::string>& london_codes);
nlohmann::json weak_indicator_json(const WeakIndicator& indicator);

}  // namespace sendplan::server
