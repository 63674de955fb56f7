// An entry's life and who may do what with it (issue 14):
//
//   draft → submitted → under-review → shortlisted → winner → published
//                  ↘            ↘ not-shortlisted ↗     ↗
//   (submitted → draft: the borough withdraws it before the deadline; an administrator may
//   publish an entry from submitted, under-review, shortlisted, not-shortlisted or winner)
//
// Who sees an entry: published entries every signed-in user; an entry in any other state its
// lead and partner boroughs' officers (drafts only them); administrators every entry but
// drafts; a reviewer the entries assigned to them (never their own borough's). Who changes
// it: the lead borough's officers edit a draft and submit or withdraw it (into a call only
// while it is open: opens_at <= now < deadline_at); administrators move it on from
// submitted, rate its evidence and assign reviewers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/practice_records.h"
#include "store/store.h"

namespace sendplan::practice {

// "draft", "submitted", "under-review", "shortlisted", "not-shortlisted", "winner", "published".
const std::vector<std::string>& states();
bool is_state(const std::string& state);
// The states an entry in `state` may move to (by anyone), in the order above; empty for
// "published" and for an unknown state.
std::vector<std::string> next_states(const std::string& state);

// Who is acting: role and borough (store::User's), and id.
struct Actor {
  std::int64_t user_id = 0;
  store::Role role = store::Role::kBoroughOfficer;
  std::string borough;  // officers' borough, "" otherwise
};

// Whether `actor` may read `entry`; `assigned` = the actor is one of its reviewers. Regional
// analysts read published entries, and others only when assigned to review them (never drafts).
bool may_read(const Actor& actor, const store::PracticeEntry& entry, bool assigned);
// Whether `actor` may edit its fields (officers of the lead borough, draft only).
bool may_edit(const Actor& actor, const store::PracticeEntry& entry);
// Whether `actor` may review the entry: an officer or analyst not of its lead or partner
// boroughs and not its author (administrators assign; they do not review).
bool may_review(const Actor& actor, const store::PracticeEntry& entry);

// The entry after `actor` moves it to `to` at `now` (UTC ISO-8601), with `call` its call (when
// it has one) and `winner_category` for "winner"; or why not, in words (kInvalidArgument for a
// move the life above does not allow or that is not this actor's to make, e.g. "the deadline
// for Practice Spotlight 2027 passed at 31 March 2027 23:59 (London time)"). Sets
// submitted_at / published_at and winner_category (withdrawing clears submitted_at).
// `now` must be a UTC instant "YYYY-MM-DDTHH:MM:SSZ". Submitting and withdrawing need `call`
// when entry.call_id is not 0 (it must be that call); an entry with call_id 0 submitted with a
// `call` goes into that call (call_id set). Submitting checks the call is open and that the
// entry has categories, all among the call's; it does not check the entry's fields
// (submission_problems does). Administrators' moves need no call.
Result<store::PracticeEntry> move(const Actor& actor, store::PracticeEntry entry,
                                  const std::string& to, const std::string& now,
                                  const std::optional<store::PracticeCall>& call,
                                  const std::string& winner_category = "");

// Whether the call takes submissions at `now`; "" when it does, else why not ("Practice
// Spotlight 2027 opens on ...", "the deadline for Practice Spotlight 2027 passed at ...", in
// London time). An empty opens_at = open from the start; an empty deadline_at = no deadline.
std::string call_closed_reason(const store::PracticeCall& call, const std::string& now);

}  // namespace sendplan::practice
