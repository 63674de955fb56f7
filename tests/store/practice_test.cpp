// The practice repository (issue 14) on both backends: calls, entries with their facets,
// revisions and events, attachments, reviews, imports, and full-text search (stems, ranking,
// phrases, filters and facet counts, visibility, sorting, pages, passages, hostile text).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/sql_practice.h"
#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using StorePracticeTest = StoreTest;

const std::string kMarkStart = "\xEE\x80\x80";  // U+E000
const std::string kMarkEnd = "\xEE\x80\x81";    // U+E001

// A published Hackney entry in early help, created at `created_at`.
PracticeEntry make_entry(const std::string& title, const std::string& summary = "",
                         const std::string& created_at = "2026-01-01T09:00:00Z") {
  PracticeEntry entry;
  entry.title = title;
  entry.summary = summary;
  entry.lead_borough = "Hackney";
  entry.categories = {"early-help"};
  entry.state = "published";
  entry.created_at = created_at;
  entry.updated_at = created_at;
  return entry;
}

// The facets the tests filter on: category, borough (lead and partners), state, evidence, need.
PracticeFacets facets_of(const PracticeEntry& entry) {
  PracticeFacets facets;
  facets["category"] = entry.categories;
  facets["borough"] = {entry.lead_borough};
  for (const std::string& partner : entry.partner_boroughs) facets["borough"].push_back(partner);
  facets["state"] = {entry.state};
  facets["evidence"] = {std::to_string(entry.evidence_strength)};
  if (!entry.needs.empty()) facets["need"] = entry.needs;
  return facets;
}

PracticeEvent make_event(const std::string& action, std::int64_t user = 0) {
  PracticeEvent event;
  event.user_id = user;
  event.username = user == 0 ? "" : "amina";
  event.action = action;
  event.note = action + " in a test";
  return event;
}

// Every entry in any state.
PracticeQuery everything(const std::string& text = "") {
  PracticeQuery query;
  query.text = text;
  query.all_unpublished = true;
  query.limit = 100;
  return query;
}

std::vector<std::string> titles(const PracticeResults& results) {
  std::vector<std::string> out;
  for (const PracticeHit& hit : results.hits) out.push_back(hit.entry.title);
  return out;
}

std::set<std::string> title_set(const PracticeResults& results) {
  const std::vector<std::string> list = titles(results);
  return {list.begin(), list.end()};
}

class PracticeTest : public StorePracticeTest {
 protected:
  std::int64_t add(const PracticeEntry& entry) {
    return must(store().add_practice_entry(entry, facets_of(entry), make_event("created")),
                "add " + entry.title);
  }
  PracticeResults search(const PracticeQuery& query) {
    return must(store().search_practice(query), "search \"" + query.text + "\"");
  }
  PracticeResults search(const std::string& text) { return search(everything(text)); }
};

TEST_P(PracticeTest, CallsRoundTripAndListNewestDeadlineFirst) {
  const std::int64_t admin = must(store().add_user(make_user("admin", Role::kAdministrator)), "u");
  PracticeCall call;
  call.name = "Practice Spotlight 2027";
  call.categories = {"early-help", "transport", "preparing-for-adulthood"};
  call.opens_at = "2027-01-10T00:00:00Z";
  call.deadline_at = "2027-03-31T22:59:00Z";
  call.guidance = "Tell us what changed, and how you know.\nNo children's details.";
  call.criteria = {"innovation", "impact", "replicability"};
  call.created_by = admin;
  const std::int64_t id = must(store().add_practice_call(call), "add call");
  EXPECT_GT(id, 0);

  std::optional<PracticeCall> stored = must(store().get_practice_call(id), "get");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->id, id);
  EXPECT_EQ(stored->name, call.name);
  EXPECT_EQ(stored->categories, call.categories);
  EXPECT_EQ(stored->opens_at, call.opens_at);
  EXPECT_EQ(stored->deadline_at, call.deadline_at);
  EXPECT_EQ(stored->guidance, call.guidance);
  EXPECT_EQ(stored->criteria, call.criteria);
  EXPECT_EQ(stored->created_by, admin);
  EXPECT_EQ(stored->created_at.size(), 20u) << "set by the store";
  EXPECT_EQ(stored->updated_at.size(), 20u);

  PracticeCall changed = *stored;
  changed.deadline_at = "2027-04-30T22:59:00Z";
  changed.criteria = {"impact"};
  changed.updated_at = "2027-02-01T10:00:00Z";
  ASSERT_TRUE(store().update_practice_call(changed).ok());
  stored = must(store().get_practice_call(id), "get changed");
  EXPECT_EQ(stored->deadline_at, "2027-04-30T22:59:00Z");
  EXPECT_EQ(stored->criteria, std::vector<std::string>{"impact"});
  EXPECT_EQ(stored->updated_at, "2027-02-01T10:00:00Z");
  changed.id = id + 100;
  EXPECT_EQ(store().update_practice_call(changed).error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(must(store().get_practice_call(id + 100), "missing").has_value());

  PracticeCall older = call;
  older.name = "Practice Spotlight 2026";
  older.deadline_at = "2026-03-31T22:59:00Z";
  older.categories = {};
  const std::int64_t older_id = must(store().add_practice_call(older), "older");
  const std::vector<PracticeCall> calls = must(store().list_practice_calls(), "list");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].id, id);
  EXPECT_EQ(calls[1].id, older_id);
  EXPECT_TRUE(calls[1].categories.empty());
}

TEST_P(PracticeTest, EntryRoundTripsEveryField) {
  const std::int64_t author = must(store().add_user(make_user("amina")), "user");
  PracticeCall call;
  call.name = "Spotlight";
  const std::int64_t call_id = must(store().add_practice_call(call), "call");

  PracticeEntry entry;
  entry.call_id = call_id;
  entry.title = "Travel training for Year 11 — “independent journeys”";
  entry.summary = "Young people learn to travel to college on their own.";
  entry.lead_borough = "Hackney";
  entry.partner_boroughs = {"Camden", "Islington"};
  entry.categories = {"transport", "preparing-for-adulthood"};
  entry.problem = "Too many taxis; too little independence.";
  entry.actions = "A trainer rides with each young person for six weeks.\nThen shadows them.";
  entry.age_from = 14;
  entry.age_to = 19;
  entry.needs = {"ASD", "MLD"};
  entry.settings = {"mainstream", "special"};
  entry.impact = {{"Young people travelling on their own", "12", "47", "2023/24 to 2024/25",
                   "borough case system"},
                  {"Cost of home-to-school taxis", "£1.2m", "£0.9m", "2024/25", ""}};
  entry.impact_summary = "47 young people now travel on their own.";
  entry.cost_and_resources = "Two trainers; £80k a year.";
  entry.how_to_adopt = "Start with one college route.";
  entry.contact_name = "Jo Bloggs";
  entry.contact_role = "Head of SEN Transport";
  entry.links = {"https://hackney.gov.uk/travel-training"};
  entry.indicators = {"ehcp_rate"};
  entry.started_on = "2023-09-01";
  entry.state = "submitted";
  entry.winner_category = "";
  entry.evidence_strength = 4;
  entry.example = true;
  entry.created_by = author;
  entry.submitted_at = "2027-03-01T12:00:00Z";
  PracticeEvent created = make_event("created", author);
  created.at = "2027-02-01T12:00:00Z";
  const std::int64_t id = must(store().add_practice_entry(entry, facets_of(entry), created), "add");
  EXPECT_GT(id, 0);

  const std::optional<PracticeEntry> stored = must(store().get_practice_entry(id), "get");
  ASSERT_TRUE(stored.has_value());
  const PracticeEntry& e = *stored;
  EXPECT_EQ(e.id, id);
  EXPECT_EQ(e.call_id, call_id);
  EXPECT_EQ(e.title, entry.title);
  EXPECT_EQ(e.summary, entry.summary);
  EXPECT_EQ(e.lead_borough, "Hackney");
  EXPECT_EQ(e.partner_boroughs, entry.partner_boroughs);
  EXPECT_EQ(e.categories, entry.categories);
  EXPECT_EQ(e.problem, entry.problem);
  EXPECT_EQ(e.actions, entry.actions);
  EXPECT_EQ(e.age_from, 14);
  EXPECT_EQ(e.age_to, 19);
  EXPECT_EQ(e.needs, entry.needs);
  EXPECT_EQ(e.settings, entry.settings);
  ASSERT_EQ(e.impact.size(), 2u);
  EXPECT_EQ(e.impact[0].measure, "Young people travelling on their own");
  EXPECT_EQ(e.impact[0].before, "12");
  EXPECT_EQ(e.impact[0].after, "47");
  EXPECT_EQ(e.impact[0].period, "2023/24 to 2024/25");
  EXPECT_EQ(e.impact[0].source, "borough case system");
  EXPECT_EQ(e.impact[1].before, "£1.2m");
  EXPECT_EQ(e.impact[1].source, "");
  EXPECT_EQ(e.impact_summary, entry.impact_summary);
  EXPECT_EQ(e.cost_and_resources, entry.cost_and_resources);
  EXPECT_EQ(e.how_to_adopt, entry.how_to_adopt);
  EXPECT_EQ(e.contact_name, "Jo Bloggs");
  EXPECT_EQ(e.contact_role, "Head of SEN Transport");
  EXPECT_EQ(e.links, entry.links);
  EXPECT_EQ(e.indicators, entry.indicators);
  EXPECT_EQ(e.started_on, "2023-09-01");
  EXPECT_EQ(e.state, "submitted");
  EXPECT_EQ(e.winner_category, "");
  EXPECT_EQ(e.evidence_strength, 4);
  EXPECT_TRUE(e.example);
  EXPECT_EQ(e.created_by, author);
  EXPECT_EQ(e.created_at.size(), 20u) << "set by the store";
  EXPECT_EQ(e.updated_at.size(), 20u);
  EXPECT_EQ(e.submitted_at, "2027-03-01T12:00:00Z");
  EXPECT_EQ(e.published_at, "");
  EXPECT_EQ(e.revision, 1);

  // Empty lists and a draft without a call.
  const PracticeEntry bare = make_entry("Bare");
  const std::int64_t bare_id = add(bare);
  const PracticeEntry b = *must(store().get_practice_entry(bare_id), "bare");
  EXPECT_EQ(b.call_id, 0);
  EXPECT_TRUE(b.partner_boroughs.empty());
  EXPECT_TRUE(b.impact.empty());
  EXPECT_TRUE(b.links.empty());
  EXPECT_EQ(b.created_by, 0);
  EXPECT_EQ(b.created_at, "2026-01-01T09:00:00Z") << "kept when given";

  const std::vector<PracticeEntry> all = must(store().list_practice_entries(), "list");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, id);
  EXPECT_EQ(all[1].id, bare_id);
  EXPECT_EQ(all[0].impact.size(), 2u);
  EXPECT_FALSE(must(store().get_practice_entry(bare_id + 10), "missing").has_value());

  const std::vector<PracticeEvent> events = must(store().practice_events(id), "events");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].entry_id, id);
  EXPECT_EQ(events[0].action, "created");
  EXPECT_EQ(events[0].at, "2027-02-01T12:00:00Z");
  EXPECT_EQ(events[0].user_id, author);
  EXPECT_EQ(events[0].username, "amina");
  EXPECT_EQ(events[0].note, "created in a test");

  // The facets are kept beside it.
  EXPECT_EQ(count_rows(url(), "practice_facets"),
            static_cast<std::int64_t>(2 + 3 + 1 + 1 + 2 + (1 + 1 + 1 + 1)));
}

TEST_P(PracticeTest, EntriesAreRefusedForAnUnknownCallOrABrokenRule) {
  PracticeEntry entry = make_entry("Orphan");
  entry.call_id = 999;
  Result<std::int64_t> added = store().add_practice_entry(entry, {}, make_event("created"));
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalidArgument);
  entry.call_id = 0;
  entry.state = "lost";
  EXPECT_EQ(store().add_practice_entry(entry, {}, make_event("created")).error().code,
            ErrorCode::kInvalidArgument);
  entry.state = "draft";
  entry.evidence_strength = 6;
  EXPECT_EQ(store().add_practice_entry(entry, {}, make_event("created")).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(count_rows(url(), "practice_entries"), 0);
  EXPECT_EQ(count_rows(url(), "practice_events"), 0);
  EXPECT_EQ(count_rows(url(), "practice_search"), 0);
}

TEST_P(PracticeTest, UpdateNeedsTheStoredRevisionAndReplacesEverything) {
  PracticeEntry entry = make_entry("Speech therapy in nurseries", "Therapists visit nurseries.");
  entry.needs = {"SLCN"};
  const std::int64_t id = add(entry);
  PracticeEntry changed = *must(store().get_practice_entry(id), "get");
  ASSERT_EQ(changed.revision, 1);
  changed.title = "Occupational therapy in reception classes";
  changed.summary = "Therapists coach reception teachers.";
  changed.needs = {"PD"};
  changed.categories = {"inclusion"};
  changed.state = "published";
  changed.evidence_strength = 3;
  changed.updated_at = "2026-05-01T10:00:00Z";
  changed.published_at = "2026-05-01T10:00:00Z";
  EXPECT_EQ(must(store().update_practice_entry(changed, facets_of(changed), make_event("edited")),
                 "update"),
            2);

  PracticeEntry stored = *must(store().get_practice_entry(id), "get changed");
  EXPECT_EQ(stored.revision, 2);
  EXPECT_EQ(stored.title, "Occupational therapy in reception classes");
  EXPECT_EQ(stored.needs, std::vector<std::string>{"PD"});
  EXPECT_EQ(stored.evidence_strength, 3);
  EXPECT_EQ(stored.updated_at, "2026-05-01T10:00:00Z");
  EXPECT_EQ(stored.published_at, "2026-05-01T10:00:00Z");
  EXPECT_EQ(stored.created_at, "2026-01-01T09:00:00Z");
  // Re-indexed, and the facets replaced.
  EXPECT_EQ(search("nurseries").total, 0);
  EXPECT_EQ(search("reception").total, 1);
  PracticeQuery by_need = everything();
  by_need.filters["need"] = {"SLCN"};
  EXPECT_EQ(search(by_need).total, 0);
  by_need.filters["need"] = {"PD"};
  EXPECT_EQ(search(by_need).total, 1);

  // A stale revision: nothing is written, not even the event.
  PracticeEntry stale = changed;  // still revision 1
  stale.title = "Someone else's title about nurseries";
  stale.needs = {"SEMH"};
  ASSERT_EQ(stale.revision, 1);
  Result<int> refused =
      store().update_practice_entry(stale, facets_of(stale), make_event("edited"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("someone else"), std::string::npos)
      << refused.error().message;
  stored = *must(store().get_practice_entry(id), "unchanged");
  EXPECT_EQ(stored.title, "Occupational therapy in reception classes");
  EXPECT_EQ(stored.revision, 2);
  EXPECT_EQ(search("nurseries").total, 0);
  by_need.filters["need"] = {"SEMH"};
  EXPECT_EQ(search(by_need).total, 0);
  const std::vector<PracticeEvent> events = must(store().practice_events(id), "events");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "created");
  EXPECT_EQ(events[1].action, "edited");
  EXPECT_EQ(events[1].entry_id, id);

  // An empty created_at keeps the stored one.
  stored.created_at = "";
  stored.updated_at = "";
  EXPECT_EQ(
      must(store().update_practice_entry(stored, facets_of(stored), make_event("edited")), "again"),
      3);
  stored = *must(store().get_practice_entry(id), "again");
  EXPECT_EQ(stored.created_at, "2026-01-01T09:00:00Z");
  EXPECT_EQ(stored.updated_at.size(), 20u);

  stored.id = id + 40;
  EXPECT_EQ(store().update_practice_entry(stored, {}, make_event("edited")).error().code,
            ErrorCode::kNotFound);
}

TEST_P(PracticeTest, AttachmentsKeepTheirBytesAndTheirTextIsSearched) {
  const std::int64_t author = must(store().add_user(make_user("amina")), "user");
  const std::int64_t id = add(make_entry("Travel training"));
  PracticeAttachment attachment;
  attachment.entry_id = id;
  attachment.file_name = "evaluation-report.docx";
  attachment.media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  attachment.content = std::string("PK\x03\x04\x00\x00\xff\xfe binary \x00 tail", 20);
  attachment.text = "An independent evaluation by the university found fewer missed sessions.";
  attachment.uploaded_by = author;
  const std::int64_t attached =
      must(store().add_practice_attachment(attachment, make_event("attached", author)), "attach");

  PracticeAttachment image;
  image.entry_id = id;
  image.file_name = "route-map.png";
  image.media_type = "image/png";
  image.content = std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16);
  image.uploaded_at = "2026-02-02T10:00:00Z";
  const std::int64_t image_id =
      must(store().add_practice_attachment(image, make_event("attached")), "image");

  const std::vector<PracticeAttachment> listed =
      must(store().list_practice_attachments(id), "list");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, attached);
  EXPECT_EQ(listed[0].entry_id, id);
  EXPECT_EQ(listed[0].file_name, "evaluation-report.docx");
  EXPECT_EQ(listed[0].media_type, attachment.media_type);
  EXPECT_EQ(listed[0].content, "") << "lists leave the content out";
  EXPECT_EQ(listed[0].size, 20);
  EXPECT_EQ(listed[0].text, attachment.text);
  EXPECT_EQ(listed[0].uploaded_by, author);
  EXPECT_EQ(listed[0].uploaded_at.size(), 20u);
  EXPECT_EQ(listed[1].id, image_id);
  EXPECT_EQ(listed[1].uploaded_at, "2026-02-02T10:00:00Z");

  const std::optional<PracticeAttachment> got =
      must(store().get_practice_attachment(attached), "get");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->content, attachment.content) << "every byte, NULs too";
  EXPECT_EQ(got->size, 20);
  EXPECT_EQ(must(store().get_practice_attachment(image_id), "image")->content, image.content);
  EXPECT_FALSE(must(store().get_practice_attachment(image_id + 5), "missing").has_value());

  // Its text and its name are searched.
  EXPECT_EQ(titles(search("university")), std::vector<std::string>{"Travel training"});
  EXPECT_EQ(search("evaluation").total, 1);
  EXPECT_EQ(search("route map").total, 1);

  ASSERT_TRUE(store().delete_practice_attachment(attached, make_event("detached", author)).ok());
  EXPECT_EQ(search("university").total, 0) << "its words leave the index with it";
  EXPECT_EQ(search("route").total, 1);
  EXPECT_EQ(must(store().list_practice_attachments(id), "after").size(), 1u);
  EXPECT_FALSE(must(store().get_practice_attachment(attached), "deleted").has_value());
  EXPECT_EQ(store().delete_practice_attachment(attached, make_event("detached")).error().code,
            ErrorCode::kNotFound);

  attachment.entry_id = id + 9;
  EXPECT_EQ(store().add_practice_attachment(attachment, make_event("attached")).error().code,
            ErrorCode::kNotFound);

  const std::vector<PracticeEvent> events = must(store().practice_events(id), "events");
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[1].action, "attached");
  EXPECT_EQ(events[2].action, "attached");
  EXPECT_EQ(events[3].action, "detached");
  EXPECT_EQ(events[3].entry_id, id);
}

TEST_P(PracticeTest, ReviewersAreAssignedOnceAndScored) {
  const std::int64_t admin = must(store().add_user(make_user("admin", Role::kAdministrator)), "a");
  const std::int64_t camden =
      must(store().add_user(make_user("camden", Role::kBoroughOfficer, "Camden")), "c");
  const std::int64_t analyst =
      must(store().add_user(make_user("ana", Role::kRegionalAnalyst)), "r");
  const std::int64_t first = add(make_entry("First"));
  const std::int64_t second = add(make_entry("Second"));

  PracticeReview assignment;
  assignment.entry_id = first;
  assignment.reviewer_id = camden;
  assignment.assigned_by = admin;
  ASSERT_TRUE(store().assign_practice_reviewer(assignment, make_event("assigned", admin)).ok());
  ASSERT_TRUE(store().assign_practice_reviewer(assignment, make_event("assigned", admin)).ok())
      << "assigning again changes nothing";
  assignment.reviewer_id = analyst;
  ASSERT_TRUE(store().assign_practice_reviewer(assignment, make_event("assigned", admin)).ok());
  assignment.entry_id = second;
  ASSERT_TRUE(store().assign_practice_reviewer(assignment, make_event("assigned", admin)).ok());

  std::vector<PracticeReview> reviews = must(store().list_practice_reviews(0, 0), "all");
  ASSERT_EQ(reviews.size(), 3u);
  EXPECT_EQ(reviews[0].entry_id, first);
  EXPECT_EQ(reviews[0].reviewer_id, camden);
  EXPECT_EQ(reviews[0].reviewer_username, "camden");
  EXPECT_EQ(reviews[0].assigned_by, admin);
  EXPECT_EQ(reviews[0].assigned_at.size(), 20u);
  EXPECT_TRUE(reviews[0].scores.empty());
  EXPECT_EQ(reviews[0].scored_at, "");
  EXPECT_EQ(reviews[1].reviewer_id, analyst);
  EXPECT_EQ(reviews[2].entry_id, second);
  EXPECT_EQ(must(store().list_practice_reviews(first, 0), "first").size(), 2u);
  EXPECT_EQ(must(store().list_practice_reviews(0, analyst), "analyst").size(), 2u);
  EXPECT_EQ(must(store().list_practice_reviews(second, camden), "none").size(), 0u);
  EXPECT_EQ(must(store().practice_events(first), "events").size(), 3u)
      << "created and two assignments (not the repeated one)";

  PracticeReview review;
  review.entry_id = first;
  review.reviewer_id = camden;
  review.scores = {{"innovation", 4}, {"impact", 5}, {"replicability", 2}};
  review.comment = "Strong data; costs unclear.";
  review.scored_at = "2027-04-10T09:00:00Z";
  ASSERT_TRUE(store().score_practice_entry(review, make_event("rated", camden)).ok());
  reviews = must(store().list_practice_reviews(first, camden), "scored");
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].scores, review.scores);
  EXPECT_EQ(reviews[0].comment, "Strong data; costs unclear.");
  EXPECT_EQ(reviews[0].scored_at, "2027-04-10T09:00:00Z");
  EXPECT_EQ(reviews[0].assigned_by, admin) << "scoring keeps the assignment";

  review.entry_id = second;  // camden is not assigned to it
  EXPECT_EQ(store().score_practice_entry(review, make_event("rated")).error().code,
            ErrorCode::kNotFound);
  PracticeReview unknown = assignment;
  unknown.entry_id = second + 50;
  EXPECT_EQ(store().assign_practice_reviewer(unknown, make_event("assigned")).error().code,
            ErrorCode::kInvalidArgument);
  unknown.entry_id = second;
  unknown.reviewer_id = analyst + 50;
  EXPECT_EQ(store().assign_practice_reviewer(unknown, make_event("assigned")).error().code,
            ErrorCode::kInvalidArgument);

  ASSERT_TRUE(store().unassign_practice_reviewer(first, analyst, make_event("unassigned")).ok());
  EXPECT_EQ(must(store().list_practice_reviews(first, 0), "after").size(), 1u);
  EXPECT_EQ(
      store().unassign_practice_reviewer(first, analyst, make_event("unassigned")).error().code,
      ErrorCode::kNotFound);
  const std::vector<PracticeEvent> events = must(store().practice_events(first), "events");
  EXPECT_EQ(events.back().action, "unassigned");
  EXPECT_EQ(events.size(), 5u);
}

TEST_P(PracticeTest, ImportIsAllOrNothing) {
  PracticeCall call;
  call.name = "Spotlight";
  const std::int64_t call_id = must(store().add_practice_call(call), "call");
  std::vector<PracticeEntry> entries = {make_entry("Autism outreach", "Outreach to schools."),
                                        make_entry("Parent forum", "Parents co-produce plans."),
                                        make_entry("Tribunal reduction", "Fewer appeals.")};
  entries[0].call_id = call_id;
  entries[1].call_id = call_id + 7;  // no such call
  std::vector<PracticeFacets> facets;
  for (const PracticeEntry& entry : entries) facets.push_back(facets_of(entry));
  Result<std::vector<std::int64_t>> refused =
      store().import_practice_entries(entries, facets, make_event("imported"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  for (const char* table : {"practice_entries", "practice_facets", "practice_entry_boroughs",
                            "practice_events", "practice_search"}) {
    EXPECT_EQ(count_rows(url(), table), 0) << table;
  }
  EXPECT_EQ(store()
                .import_practice_entries(entries, {facets[0], facets[1]}, make_event("imported"))
                .error()
                .code,
            ErrorCode::kInvalidArgument)
      << "every entry needs its facets";

  entries[1].call_id = 0;
  const std::vector<std::int64_t> ids =
      must(store().import_practice_entries(entries, facets, make_event("imported")), "import");
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_LT(ids[0], ids[1]);
  EXPECT_LT(ids[1], ids[2]);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(must(store().get_practice_entry(ids[i]), "get")->title, entries[i].title);
    const std::vector<PracticeEvent> events = must(store().practice_events(ids[i]), "events");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].action, "imported");
    EXPECT_EQ(events[0].entry_id, ids[i]);
  }
  EXPECT_EQ(titles(search("appeals")), std::vector<std::string>{"Tribunal reduction"});
  EXPECT_TRUE(
      must(store().import_practice_entries({}, {}, make_event("imported")), "none").empty());
}

TEST_P(PracticeTest, SearchMatchesStemsInAnyField) {
  PracticeEntry entry = make_entry("Faster plans", "We cut waiting times.");
  entry.problem = "Each assessment took 30 weeks.";
  entry.impact = {{"Needs assessed within 20 weeks", "41 %", "78 %", "2023 to 2025", "SEN2"}};
  entry.how_to_adopt = "Begin with a triage panel.";
  add(entry);
  add(make_entry("Unrelated", "Something else entirely."));
  EXPECT_EQ(titles(search("assessments")), std::vector<std::string>{"Faster plans"});
  EXPECT_EQ(titles(search("ASSESSING")), std::vector<std::string>{"Faster plans"});
  EXPECT_EQ(titles(search("waiting")), std::vector<std::string>{"Faster plans"});
  EXPECT_EQ(titles(search("triage")), std::vector<std::string>{"Faster plans"}) << "how to adopt";
  EXPECT_EQ(titles(search("SEN2")), std::vector<std::string>{"Faster plans"}) << "a measure";
  EXPECT_EQ(search("nothing-like-this-anywhere").total, 0);
}

TEST_P(PracticeTest, SearchRanksTitleMatchesAndMoreOfTheWordsHigher) {
  add(make_entry("Review of routes", "We looked again at every transport route in the borough."));
  add(make_entry("School transport review", "We looked again at every route in the borough."));
  PracticeResults results = search("transport");
  EXPECT_EQ(titles(results),
            (std::vector<std::string>{"School transport review", "Review of routes"}));
  ASSERT_EQ(results.hits.size(), 2u);
  EXPECT_GT(results.hits[0].score, results.hits[1].score);
  EXPECT_GT(results.hits[1].score, 0);

  add(make_entry("Speech clinic", "A speech and language therapy clinic in every hub."));
  add(make_entry("Speech visits", "Speech therapy visits to every nursery and hub."));
  results = search("language speech");
  EXPECT_EQ(titles(results), (std::vector<std::string>{"Speech clinic", "Speech visits"}));

  for (std::size_t i = 1; i < results.hits.size(); ++i)
    EXPECT_GE(results.hits[i - 1].score, results.hits[i].score);
}

TEST_P(PracticeTest, SearchRanksRarerWordsHigher) {
  // Many entries say "transport"; one says "dyslexia", in the same field: it ranks first.
  add(make_entry("Routes", "A review of every transport route."));
  add(make_entry("Passes", "Free transport passes for students."));
  add(make_entry("Escorts", "Trained escorts on transport to school."));
  add(make_entry("Reading", "Specialist teachers for dyslexia in schools."));
  add(make_entry("Breaks", "Short breaks for families."));
  add(make_entry("Forum", "A parent carer forum."));
  const PracticeResults results = search("transport dyslexia");
  ASSERT_EQ(results.total, 4);
  EXPECT_EQ(results.hits[0].entry.title, "Reading");
  EXPECT_GT(results.hits[0].score, results.hits[1].score);
}

TEST_P(PracticeTest, SearchMatchesQuotedPhrasesOnly) {
  add(make_entry("Independent travel training", "Young people learn to travel alone."));
  add(make_entry("Staff development", "Training staff to plan travel for pupils."));
  EXPECT_EQ(search("travel training").total, 2);
  EXPECT_EQ(titles(search("\"travel training\"")),
            std::vector<std::string>{"Independent travel training"});
  EXPECT_EQ(titles(search("“travel training”")),
            std::vector<std::string>{"Independent travel training"})
      << "typographic quotes";
  EXPECT_EQ(titles(search("\"travel training")),
            std::vector<std::string>{"Independent travel training"})
      << "an unclosed quote runs to the end";
  EXPECT_EQ(search("\"training travel\"").total, 0);
  EXPECT_EQ(search("\"staff development\" \"travel training\"").total, 2) << "any phrase";
}

TEST_P(PracticeTest, SearchFiltersByFacetsAndCountsEveryMatch) {
  PracticeEntry a = make_entry("A", "Support for families.");
  a.needs = {"ASD"};
  PracticeEntry b = make_entry("B", "Support on the bus.");
  b.categories = {"early-help", "transport"};
  b.lead_borough = "Camden";
  b.needs = {"SEMH"};
  PracticeEntry c = make_entry("C", "Support on the train.");
  c.categories = {"transport"};
  c.lead_borough = "Camden";
  c.needs = {"ASD"};
  PracticeEntry d = make_entry("D", "Support in class.");
  d.categories = {"inclusion"};
  d.needs = {"ASD"};
  for (const PracticeEntry& entry : {a, b, c, d}) add(entry);

  PracticeQuery query = everything("support");
  query.limit = 1;  // the counts are over every match, not the page
  PracticeResults results = search(query);
  EXPECT_EQ(results.total, 4);
  EXPECT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.facets["category"]["early-help"], 2);
  EXPECT_EQ(results.facets["category"]["transport"], 2);
  EXPECT_EQ(results.facets["category"]["inclusion"], 1);
  EXPECT_EQ(results.facets["need"]["ASD"], 3);
  EXPECT_EQ(results.facets["need"]["SEMH"], 1);
  EXPECT_EQ(results.facets["borough"]["Camden"], 2);
  EXPECT_EQ(results.facets["state"]["published"], 4);

  query.limit = 10;
  query.filters["category"] = {"early-help", "inclusion"};  // any of these
  EXPECT_EQ(title_set(search(query)), (std::set<std::string>{"A", "B", "D"}));
  query.filters["category"] = {"transport"};
  query.filters["need"] = {"ASD"};  // and this
  results = search(query);
  EXPECT_EQ(titles(results), std::vector<std::string>{"C"});
  EXPECT_EQ(results.facets["category"], (std::map<std::string, int>{{"transport", 1}}));
  query.text = "";
  query.filters = {{"category", {"transport"}}};
  results = search(query);
  EXPECT_EQ(title_set(results), (std::set<std::string>{"B", "C"}));
  EXPECT_EQ(results.facets["need"], (std::map<std::string, int>{{"ASD", 1}, {"SEMH", 1}}));
  query.filters = {{"category", {"no-such-category"}}};
  results = search(query);
  EXPECT_EQ(results.total, 0);
  EXPECT_TRUE(results.facets.empty());
  query.facets = false;
  query.filters.clear();
  results = search(query);
  EXPECT_EQ(results.total, 4);
  EXPECT_TRUE(results.facets.empty()) << "not asked for";
}

TEST_P(PracticeTest, FacetCountsFollowWritesFromAnotherStore) {
  PracticeEntry entry = make_entry("Sensory circuits", "Movement breaks in class.");
  entry.needs = {"SPD"};
  const std::int64_t id = add(entry);
  EXPECT_EQ(search(everything()).facets["need"], (std::map<std::string, int>{{"SPD", 1}}));

  // Another process's store (another connection) changes the entry and adds one: this store's
  // counts (kept in memory between searches) follow.
  std::unique_ptr<Store> other = must(open_store(url()), "other store");
  PracticeEntry changed = *must(other->get_practice_entry(id), "get");
  changed.needs = {"ASD", "SLCN"};
  must(other->update_practice_entry(changed, facets_of(changed), make_event("edited")), "edit");
  PracticeEntry second = make_entry("Second", "Movement breaks at lunch.");
  second.needs = {"ASD"};
  must(other->add_practice_entry(second, facets_of(second), make_event("created")), "add");
  PracticeEntry bare = make_entry("Bare", "Movement.");
  must(other->add_practice_entry(bare, {}, make_event("created")), "add bare");

  PracticeResults results = search(everything("movement"));
  EXPECT_EQ(results.total, 3);
  EXPECT_EQ(results.facets["need"], (std::map<std::string, int>{{"ASD", 2}, {"SLCN", 1}}));
  EXPECT_EQ(results.facets["category"], (std::map<std::string, int>{{"early-help", 2}}))
      << "the bare entry has no facets";
  other.reset();
}

TEST_P(PracticeTest, ALargeImportIsSearchableAtOnce) {
  std::vector<PracticeEntry> entries;
  std::vector<PracticeFacets> facets;
  for (int i = 0; i < 600; ++i) {
    PracticeEntry entry = make_entry("Entry " + std::to_string(i),
                                     i % 10 == 0 ? "Portage home visits." : "Home learning.");
    entry.categories = {i % 2 == 0 ? "early-help" : "inclusion"};
    entries.push_back(entry);
    facets.push_back(facets_of(entry));
  }
  const std::vector<std::int64_t> ids =
      must(store().import_practice_entries(entries, facets, make_event("imported")), "import");
  ASSERT_EQ(ids.size(), 600u);
  PracticeResults results = search(everything("portage"));
  EXPECT_EQ(results.total, 60);
  EXPECT_EQ(results.facets["category"]["early-help"], 60);
  results = search(everything("home"));
  EXPECT_EQ(results.total, 600);
  EXPECT_EQ(results.facets["category"]["inclusion"], 300);
  EXPECT_EQ(results.hits.size(), 100u);
}

TEST_P(PracticeTest, SearchShowsUnpublishedEntriesOnlyToTheirBoroughs) {
  add(make_entry("Published", "Short breaks."));
  PracticeEntry draft = make_entry("Draft", "Short breaks.");
  draft.state = "draft";
  draft.partner_boroughs = {"Camden"};
  add(draft);
  PracticeEntry submitted = make_entry("Submitted", "Short breaks.");
  submitted.state = "submitted";
  submitted.lead_borough = "Islington";
  add(submitted);

  for (const std::string text : {"", "short breaks"}) {
    PracticeQuery query;
    query.text = text;
    EXPECT_EQ(titles(search(query)), std::vector<std::string>{"Published"}) << text;
    query.visible_boroughs = {"Camden"};
    EXPECT_EQ(title_set(search(query)), (std::set<std::string>{"Published", "Draft"})) << text;
    query.visible_boroughs = {"Islington", "Hackney"};
    EXPECT_EQ(search(query).total, 3) << text;
    query.visible_boroughs = {"Islington"};
    EXPECT_EQ(title_set(search(query)), (std::set<std::string>{"Published", "Submitted"}));
    query.states = {"draft"};
    EXPECT_EQ(search(query).total, 0) << "Islington cannot see Hackney's draft";
    query.visible_boroughs.clear();
    query.all_unpublished = true;
    EXPECT_EQ(titles(search(query)), std::vector<std::string>{"Draft"});
    query.states = {"submitted", "published"};
    EXPECT_EQ(title_set(search(query)), (std::set<std::string>{"Published", "Submitted"}));
    query.states.clear();
    EXPECT_EQ(search(query).total, 3);
  }
}

TEST_P(PracticeTest, SearchSortsByRelevanceDateOrEvidence) {
  PracticeEntry first = make_entry("Oldest, submitted last", "Mentoring.", "2026-01-01T09:00:00Z");
  first.submitted_at = "2026-03-01T09:00:00Z";
  first.evidence_strength = 2;
  PracticeEntry second =
      make_entry("Newest, never submitted", "Mentoring.", "2026-02-01T09:00:00Z");
  second.evidence_strength = 5;
  PracticeEntry third = make_entry("Mentoring in the middle", "Mentoring.", "2026-01-15T09:00:00Z");
  third.submitted_at = "2026-02-15T09:00:00Z";
  third.evidence_strength = 2;
  for (const PracticeEntry& entry : {first, second, third}) add(entry);

  PracticeQuery query = everything();
  const std::vector<std::string> newest = {"Oldest, submitted last", "Mentoring in the middle",
                                           "Newest, never submitted"};
  EXPECT_EQ(titles(search(query)), newest) << "no text: relevance is newest first";
  for (const PracticeHit& hit : search(query).hits) {
    EXPECT_EQ(hit.score, 0);
    EXPECT_EQ(hit.snippet, "");
  }
  query.sort = "date";
  EXPECT_EQ(titles(search(query)), newest);
  query.sort = "evidence";
  EXPECT_EQ(titles(search(query)),
            (std::vector<std::string>{"Newest, never submitted", "Oldest, submitted last",
                                      "Mentoring in the middle"}));
  query.text = "mentoring";  // ties of evidence: the better match first (its title)
  EXPECT_EQ(titles(search(query)),
            (std::vector<std::string>{"Newest, never submitted", "Mentoring in the middle",
                                      "Oldest, submitted last"}));
  query.sort = "relevance";
  EXPECT_EQ(search(query).hits.front().entry.title, "Mentoring in the middle");
  query.sort = "date";
  EXPECT_EQ(titles(search(query)), newest);

  query.sort = "popularity";
  EXPECT_EQ(store().search_practice(query).error().code, ErrorCode::kInvalidArgument);
  query.sort = "date";
  query.limit = -1;
  EXPECT_EQ(store().search_practice(query).error().code, ErrorCode::kInvalidArgument);
}

TEST_P(PracticeTest, SearchPagesWithTheTotalOfEveryMatch) {
  for (int i = 1; i <= 5; ++i) {
    add(make_entry("Entry " + std::to_string(i), "Keyworkers.",
                   "2026-01-0" + std::to_string(i) + "T09:00:00Z"));
  }
  PracticeQuery query = everything("keyworkers");
  query.sort = "date";
  query.limit = 2;
  query.offset = 2;
  PracticeResults results = search(query);
  EXPECT_EQ(results.total, 5);
  EXPECT_EQ(titles(results), (std::vector<std::string>{"Entry 3", "Entry 2"}));
  query.offset = 4;
  EXPECT_EQ(titles(search(query)), std::vector<std::string>{"Entry 1"});
  query.offset = 10;
  results = search(query);
  EXPECT_EQ(results.total, 5) << "past the end: no hits, the total still";
  EXPECT_TRUE(results.hits.empty());
  EXPECT_EQ(results.facets["category"]["early-help"], 5);
  query.offset = 0;
  query.limit = 0;
  results = search(query);
  EXPECT_EQ(results.total, 5);
  EXPECT_TRUE(results.hits.empty());
}

TEST_P(PracticeTest, SearchPassagesMarkTheMatchedWords) {
  add(make_entry("Faster plans",
                 "We halved the wait for EHC needs assessments across the whole borough by "
                 "triaging every request in the first week."));
  const PracticeResults results = search("assessment");
  ASSERT_EQ(results.hits.size(), 1u);
  const std::string& snippet = results.hits[0].snippet;
  EXPECT_NE(snippet.find(kMarkStart + "assessments" + kMarkEnd), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find('<'), std::string::npos) << "plain text, never HTML: " << snippet;
  const PracticeResults title = search("faster");
  ASSERT_EQ(title.hits.size(), 1u);
  EXPECT_NE(title.hits[0].snippet.find(kMarkStart + "Faster" + kMarkEnd), std::string::npos)
      << title.hits[0].snippet;
}

TEST_P(PracticeTest, HostileSearchTextIsNeverAnError) {
  add(make_entry("Autism outreach", "Outreach to mainstream schools."));
  const std::vector<std::string> hostile = {
      "\"",
      "\"\"",
      "(",
      ")",
      "((outreach",
      "outreach)",
      "AND",
      "OR NOT",
      "outreach AND OR NOT autism",
      "NEAR(outreach autism, 2)",
      "*",
      "outreach*",
      "title:outreach",
      "-outreach",
      "^outreach",
      "outreach:*",
      "a & b | !c <-> d",
      "'; DROP TABLE practice_entries; --",
      "\" OR 1=1 --",
      "outreach' OR '1'='1",
      "\\",
      "%_%",
      "?",
      "$1",
      "{id}",
      std::string("out\0reach", 9),
      "\xff\xfe\xfd",
      "\xe2\x82",
      "\xEE\x80\x80outreach\xEE\x80\x81",
      "😀 outreach 🚌",
      "café naïve",
      "отчёт",
      "自閉症",
      std::string(5000, 'a'),
      std::string(3000, '"'),
      "the and",
  };
  std::string many_words;
  for (int i = 0; i < 500; ++i) many_words += "outreach" + std::to_string(i) + " ";
  std::vector<std::string> all = hostile;
  all.push_back(many_words);
  for (const std::string& text : all) {
    Result<PracticeResults> results = store().search_practice(everything(text));
    EXPECT_TRUE(results.ok()) << "\"" << text << "\": " << results.error().to_string();
  }
  EXPECT_EQ(count_rows(url(), "practice_entries"), 1);
  // What the words mean is kept: operators are words like any other, or nothing.
  EXPECT_EQ(search("outreach AND OR NOT autism").total, 1);
  EXPECT_EQ(search("title:outreach").total, 1);
  EXPECT_EQ(search("'; DROP TABLE practice_entries; --").total, 0);
  EXPECT_EQ(search("\xEE\x80\x80outreach\xEE\x80\x81").total, 1);
  // Stop words alone: no results, not an error. No words at all: every entry.
  EXPECT_EQ(search("the and").total, 0);
  EXPECT_EQ(search("!!! ... ???").total, 1);

  // Filters, states and boroughs no stored value can equal (NUL, not UTF-8) match nothing.
  const std::string nul("\0", 1);
  PracticeQuery query = everything("outreach");
  query.filters["category"] = {nul, "\xff", "early-help"};
  EXPECT_EQ(search(query).total, 1);
  query.filters["category"] = {nul, "\xff"};
  EXPECT_EQ(search(query).total, 0);
  query.filters = {{"\xff", {"early-help"}}};
  EXPECT_EQ(search(query).total, 0);
  query.filters.clear();
  query.states = {nul};
  EXPECT_EQ(search(query).total, 0);
  query.states = {"published", "\xc3"};
  EXPECT_EQ(search(query).total, 1);
  PracticeQuery officer;
  officer.visible_boroughs = {"Hack" + nul + "ney", "\xe2\x82"};
  EXPECT_EQ(search(officer).total, 1) << "the published entry";
}

TEST(PracticeSearchTermsTest, WordsAndPhrasesAreCutFromAnyText) {
  auto words_of = [](std::string_view text) {
    std::vector<std::string> out;
    for (const detail::SearchTerm& term : detail::search_terms(text).terms)
      out.push_back(detail::tsquery_text(term));
    return out;
  };
  EXPECT_EQ(words_of("Speech AND \"travel training\" -x title:y"),
            (std::vector<std::string>{"speech", "(travel <-> training)", "x", "title", "y"}));
  EXPECT_EQ(words_of("plan, plan; PLAN"), std::vector<std::string>{"plan"});
  EXPECT_EQ(words_of("“the end” the"), std::vector<std::string>{"(the <-> end)"});
  EXPECT_EQ(words_of("\"the of\" and"), std::vector<std::string>{});
  EXPECT_EQ(words_of("café—naïve"), (std::vector<std::string>{"café", "naïve"}));
  EXPECT_EQ(words_of("a\xff"
                     "b"),
            (std::vector<std::string>{"b"}))
      << "a is a stop word";
  EXPECT_EQ(words_of(std::string(200, 'x') + " short"), std::vector<std::string>{"short"});
  EXPECT_FALSE(detail::search_terms("?!").had_words);
  EXPECT_TRUE(detail::search_terms("the").had_words);
  std::string many;
  for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(detail::search_terms(many).terms.size(), detail::kMaxTerms);
  const detail::SearchTerms terms = detail::search_terms("outreach \"travel training\" NEAR");
  EXPECT_EQ(detail::fts5_query(terms.terms), "\"outreach\" OR \"travel training\" OR \"near\"");
}

TEST(PracticeMigrationTest, EachDialectGetsItsOwnSearchIndex) {
  const Migration& practice = migrations().at(6);
  ASSERT_EQ(practice.version, 7);
  const std::string sqlite = migration_sql(practice, Dialect::kSqlite);
  const std::string postgres = migration_sql(practice, Dialect::kPostgres);
  for (const std::string& sql : {sqlite, postgres}) {
    EXPECT_NE(sql.find("CREATE TABLE practice_entries"), std::string::npos);
    EXPECT_EQ(sql.find("{id}"), std::string::npos);
  }
  EXPECT_NE(sqlite.find("USING fts5"), std::string::npos);
  EXPECT_EQ(sqlite.find("TSVECTOR"), std::string::npos);
  EXPECT_NE(postgres.find("TSVECTOR"), std::string::npos);
  EXPECT_EQ(postgres.find("fts5"), std::string::npos);

  // A dialect's script follows the shared one, which may end without ';'.
  const Migration own{1, "test", "CREATE TABLE a (x {blob})", "CREATE TABLE b (y INTEGER)",
                      "CREATE TABLE c (z {blob})"};
  EXPECT_EQ(migration_sql(own, Dialect::kSqlite),
            "CREATE TABLE a (x BLOB);\nCREATE TABLE b (y INTEGER)");
  EXPECT_EQ(migration_sql(own, Dialect::kPostgres),
            "CREATE TABLE a (x BYTEA);\nCREATE TABLE c (z BYTEA)");
}

INSTANTIATE_TEST_SUITE_P(Backends, PracticeTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
