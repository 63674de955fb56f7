// The practice repository as the store keeps it (issue 14): calls for submissions (the regional
// "Practice Spotlight"), practice entries with their impact evidence and attachments, what
// happened to each entry (its events), reviewers' assignments and scores, and full-text search.
// Plain records: categories, need codes and states as text (src/practice gives them meaning and
// rules: which state may follow which, who may see what, what a valid entry is). The store keeps
// each write whole (one transaction) and keeps the search index in step with the entries.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sendplan::store {

// A call for submissions. Times are UTC ISO-8601 ("2027-03-31T22:59:00Z"); the practice layer
// converts the Europe/London times an administrator types.
struct PracticeCall {
  std::int64_t id = 0;  // set by the store
  std::string name;
  std::vector<std::string> categories;  // category keys (practice/categories.h), in order
  std::string opens_at;
  std::string deadline_at;
  std::string guidance;               // the submission guidance text shown to boroughs
  std::vector<std::string> criteria;  // review criteria keys, e.g. "innovation", "impact"
  std::int64_t created_by = 0;
  std::string created_at;  // set by the store when ""
  std::string updated_at;  // set by the store when ""
};

// One measured result of a practice.
struct ImpactMeasure {
  std::string measure;  // what was measured ("EHC needs assessments finished in 20 weeks")
  std::string before;   // figure before, as written ("41 %")
  std::string after;    // figure after ("78 %")
  std::string period;   // "2022/23 to 2024/25"
  std::string source;   // "SEN2 return", "borough case system"
};

struct PracticeEntry {
  std::int64_t id = 0;       // set by the store
  std::int64_t call_id = 0;  // 0 = not submitted to a call
  std::string title;
  std::string summary;
  std::string lead_borough;                   // canonical borough name, e.g. "Hackney"
  std::vector<std::string> partner_boroughs;  // canonical names, without the lead
  std::vector<std::string> categories;        // category keys, at least one
  std::string problem;                        // the problem it tackled
  std::string actions;                        // what was done
  int age_from = 0;                           // ages served, 0 to 25
  int age_to = 25;
  std::vector<std::string> needs;     // primary-need codes ("ASD", "SEMH", ...)
  std::vector<std::string> settings;  // setting keys ("mainstream", "special", "early-years", ...)
  std::vector<ImpactMeasure> impact;
  std::string impact_summary;  // the impact in words
  std::string cost_and_resources;
  std::string how_to_adopt;
  std::string contact_name;  // a lead officer (never a child)
  std::string contact_role;
  std::vector<std::string> links;  // http(s) addresses
  std::vector<std::string>
      indicators;               // dashboard indicator ids it aims to move (dfe/indicators.h)
  std::string started_on;       // ISO date the practice started, "" when unknown
  std::string state = "draft";  // practice/workflow.h: draft, submitted, ...
  std::string winner_category;  // the category it won, "" unless a winner
  int evidence_strength = 0;    // 0 = not rated yet; 1..5 (practice/evidence.h)
  bool example = false;         // synthetic demonstration entry, never a borough's work
  std::int64_t created_by = 0;
  std::string created_at;    // set by the store when ""
  std::string updated_at;    // set by the store when ""
  std::string submitted_at;  // "" until submitted
  std::string published_at;  // "" until published
  int revision = 0;          // set by the store: 1 when added, +1 on every change
};

// An attached document: its bytes are stored whole; `text` is what search reads of it ("" when
// its text cannot be extracted).
struct PracticeAttachment {
  std::int64_t id = 0;  // set by the store
  std::int64_t entry_id = 0;
  std::string file_name;
  std::string media_type;  // from the content: application/pdf, ..., image/png
  std::string content;     // bytes (not returned by lists)
  std::int64_t size = 0;   // bytes (set by the store)
  std::string text;
  std::int64_t uploaded_by = 0;
  std::string uploaded_at;  // set by the store when ""
};

// Something that happened to an entry: created, edited, a state change, a rating, an attachment.
struct PracticeEvent {
  std::int64_t id = 0;  // set by the store
  std::int64_t entry_id = 0;
  std::string at;  // set by the store when ""
  std::int64_t user_id = 0;
  std::string username;
  std::string action;      // "created", "edited", "submitted", "state", "rated", "attached", ...
  std::string from_state;  // for state changes
  std::string to_state;
  std::string note;  // a few words, never personal data
};

// A reviewer assigned to an entry, and their scores once given.
struct PracticeReview {
  std::int64_t entry_id = 0;
  std::int64_t reviewer_id = 0;
  std::string reviewer_username;  // filled by the store on reads
  std::int64_t assigned_by = 0;
  std::string assigned_at;            // set by the store when ""
  std::map<std::string, int> scores;  // criterion key → 1..5; empty until scored
  std::string comment;
  std::string scored_at;  // "" until scored
};

// A search of the entries. Every filter is "any of these values"; filters on different facets
// all apply. `states` empty = every state (the caller chooses what its user may see by states,
// and by `visible_boroughs` for states other than "published").
struct PracticeQuery {
  std::string text;                                         // the words typed; "" = every entry
  std::map<std::string, std::vector<std::string>> filters;  // facet → values (see below)
  std::vector<std::string> states;
  // Entries in a state other than "published" are matched only when their lead or a partner
  // borough is one of these, or `all_unpublished` is set (administrators).
  std::vector<std::string> visible_boroughs;
  bool all_unpublished = false;
  std::string sort = "relevance";  // "relevance", "date" (newest first), "evidence" (strongest)
  int limit = 20;
  int offset = 0;
  bool facets = true;  // count the matches per facet value
};
// An entry's facet values (facet → values), worked out by the practice layer
// (practice/facets.h) and kept by the store beside the entry, for filters and counts:
//   "category" (keys), "borough" (lead and partners), "subregion", "need", "age" (bands
//   "0-4", "5-10", "11-15", "16-18", "19-25" the age range overlaps), "evidence" ("0".."5"),
//   "year" (of submission, else creation), "call" (id), "winner" ("yes"/"no"), "state",
//   "example" ("yes"/"no"), "setting", "indicator" (dashboard indicator ids).
using PracticeFacets = std::map<std::string, std::vector<std::string>>;

struct PracticeHit {
  PracticeEntry entry;  // without attachments
  double score = 0;     // higher = better match (0 without text)
  // The best passage with the matched words between U+E000 and U+E001 (the API turns these into
  // marked segments; the text itself is never HTML). "" without text.
  std::string snippet;
};

struct PracticeResults {
  int total = 0;  // matches before limit/offset
  std::vector<PracticeHit> hits;
  std::map<std::string, std::map<std::string, int>> facets;  // facet → value → matches
};

}  // namespace sendplan::store
