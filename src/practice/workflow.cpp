// An entry's life: the states, the moves between them and who may make each, and who may read,
// edit or review an entry.
#include "practice/workflow.h"

#include <fmt/format.h>

#include <algorithm>

#include "practice/categories.h"
#include "practice/london_time.h"

namespace sendplan::practice {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joined(const std::vector<std::string>& list, const char* separator = ", ") {
  std::string text;
  for (const std::string& item : list) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

// Whether the actor is an officer of one of the entry's boroughs (lead or partner).
bool of_entry_borough(const Actor& actor, const store::PracticeEntry& entry) {
  if (actor.role != store::Role::kBoroughOfficer || actor.borough.empty()) return false;
  return actor.borough == entry.lead_borough || contains(entry.partner_boroughs, actor.borough);
}

bool of_lead_borough(const Actor& actor, const store::PracticeEntry& entry) {
  return actor.role == store::Role::kBoroughOfficer && !actor.borough.empty() &&
         actor.borough == entry.lead_borough;
}

Error refused(std::string message) {
  return make_error(ErrorCode::kInvalidArgument, std::move(message));
}

std::string call_name(const store::PracticeCall& call) {
  return call.name.empty() ? fmt::format("call {}", call.id) : call.name;
}

std::string category_titles(const std::vector<std::string>& keys) {
  std::vector<std::string> titles;
  for (const std::string& key : keys) {
    const Term* term = find_term(categories(), key);
    titles.push_back(term != nullptr ? fmt::format("{} ({})", term->title, key) : key);
  }
  return joined(titles, "; ");
}

// The deadline has passed at `now` (an empty deadline never passes).
bool past_deadline(const store::PracticeCall& call, const std::string& now) {
  return !call.deadline_at.empty() && now >= call.deadline_at;
}

Result<store::PracticeEntry> submit(store::PracticeEntry entry, const std::string& now,
                                    const std::optional<store::PracticeCall>& call) {
  if (call) {
    const std::string closed = call_closed_reason(*call, now);
    if (!closed.empty()) return refused(fmt::format("cannot submit this entry: {}", closed));
    if (entry.categories.empty()) {
      return refused(fmt::format("choose at least one of the categories of {}: {}",
                                 call_name(*call), category_titles(call->categories)));
    }
    for (const std::string& category : entry.categories) {
      if (!contains(call->categories, category)) {
        return refused(
            fmt::format("{} takes entries in {}; this entry's category '{}' is not one of them",
                        call_name(*call), category_titles(call->categories), category));
      }
    }
    if (call->id != 0) entry.call_id = call->id;
  }
  entry.state = "submitted";
  entry.submitted_at = now;
  return entry;
}

}  // namespace

const std::vector<std::string>& states() {
  static const std::vector<std::string> list = {"draft",       "submitted",       "under-review",
                                                "shortlisted", "not-shortlisted", "winner",
                                                "published"};
  return list;
}

bool is_state(const std::string& state) {
  return contains(states(), state);
}

std::vector<std::string> next_states(const std::string& state) {
  if (state == "draft") return {"submitted"};
  if (state == "submitted") return {"draft", "under-review", "published"};
  if (state == "under-review") return {"shortlisted", "not-shortlisted", "published"};
  if (state == "shortlisted") return {"winner", "published"};
  if (state == "not-shortlisted") return {"published"};
  if (state == "winner") return {"published"};
  return {};
}

bool may_read(const Actor& actor, const store::PracticeEntry& entry, bool assigned) {
  if (entry.state == "published") return true;
  if (of_entry_borough(actor, entry)) return true;
  if (entry.state == "draft") return false;
  if (actor.role == store::Role::kAdministrator) return true;
  return assigned && may_review(actor, entry);
}

bool may_edit(const Actor& actor, const store::PracticeEntry& entry) {
  return entry.state == "draft" && of_lead_borough(actor, entry);
}

bool may_review(const Actor& actor, const store::PracticeEntry& entry) {
  if (actor.role == store::Role::kAdministrator) return false;
  if (entry.created_by != 0 && actor.user_id == entry.created_by) return false;
  if (actor.role == store::Role::kBoroughOfficer &&
      (actor.borough.empty() || actor.borough == entry.lead_borough ||
       contains(entry.partner_boroughs, actor.borough)))
    return false;
  return true;
}

Result<store::PracticeEntry> move(const Actor& actor, store::PracticeEntry entry,
                                  const std::string& to, const std::string& now,
                                  const std::optional<store::PracticeCall>& call,
                                  const std::string& winner_category) {
  const std::string from = entry.state;
  if (!is_state(to)) {
    return refused(fmt::format("'{}' is not a state of a practice entry (the states are {})", to,
                               joined(states())));
  }
  if (!is_state(from)) return refused(fmt::format("the entry's state '{}' is not known", from));
  if (from == to) return refused(fmt::format("the entry is already {}", to));
  const std::vector<std::string> allowed = next_states(from);
  if (!contains(allowed, to)) {
    if (allowed.empty()) {
      return refused(fmt::format("an entry that is {} cannot move to {}: {} is its last state",
                                 from, to, from));
    }
    return refused(fmt::format("an entry that is {} cannot move to {}; from {} it can move to {}",
                               from, to, from, joined(allowed)));
  }
  if (utc_to_london_local(now).empty()) {
    return refused(fmt::format("'{}' is not a UTC time such as 2027-03-31T22:59:00Z", now));
  }
  if (actor.role == store::Role::kRegionalAnalyst) {
    return refused("regional analysts read practice entries but cannot change their state");
  }

  const bool officer_move =
      (from == "draft" && to == "submitted") || (from == "submitted" && to == "draft");
  if (officer_move) {
    const char* verb = to == "submitted" ? "submit" : "withdraw";
    if (!of_lead_borough(actor, entry)) {
      return refused(entry.lead_borough.empty()
                         ? fmt::format("only officers of the entry's lead borough may {} it", verb)
                         : fmt::format("only officers of {}, the entry's lead borough, may {} it",
                                       entry.lead_borough, verb));
    }
    if (call && entry.call_id != 0 && call->id != 0 && call->id != entry.call_id) {
      return refused(
          fmt::format("the entry belongs to call {}, not to call {}", entry.call_id, call->id));
    }
    if (!call && entry.call_id != 0) {
      return refused(fmt::format("the entry's call (id {}) was not found", entry.call_id));
    }
    if (to == "submitted") return submit(std::move(entry), now, call);
    if (call && past_deadline(*call, now)) {
      return refused(fmt::format(
          "cannot withdraw this entry: the deadline for {} passed at {}; after the deadline an "
          "administrator reviews what was submitted",
          call_name(*call), utc_to_london_words(call->deadline_at)));
    }
    entry.state = "draft";
    entry.submitted_at.clear();
    return entry;
  }

  if (actor.role != store::Role::kAdministrator) {
    return refused(fmt::format("only an administrator may move an entry from {} to {}", from, to));
  }
  if (to == "winner") {
    if (winner_category.empty() || !contains(entry.categories, winner_category)) {
      return refused(fmt::format(
          "{}: a winner needs the category it won, one of the entry's own categories ({})",
          winner_category.empty()
              ? std::string("no category given")
              : fmt::format("'{}' is not one of its categories", winner_category),
          entry.categories.empty() ? std::string("it has none") : joined(entry.categories)));
    }
    entry.winner_category = winner_category;
  }
  if (to == "published") entry.published_at = now;
  entry.state = to;
  return entry;
}

std::string call_closed_reason(const store::PracticeCall& call, const std::string& now) {
  if (!call.opens_at.empty() && now < call.opens_at) {
    return fmt::format("{} opens on {}", call_name(call), utc_to_london_words(call.opens_at));
  }
  if (past_deadline(call, now)) {
    return fmt::format("the deadline for {} passed at {}", call_name(call),
                       utc_to_london_words(call.deadline_at));
  }
  return "";
}

}  // namespace sendplan::practice
