// The practice repository's calls for entries and the reviews that score entries against them,
// in SQL (sql_practice.h). A call's categories and criteria and a review's scores are JSON text;
// assigning, unassigning and scoring record an event on the entry.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "store/sql_practice.h"
#include "store/sql_practice_internal.h"

namespace sendplan::store::detail {

using nlohmann::json;

namespace {

constexpr const char* kCallColumns =
    "id, name, categories, opens_at, deadline_at, guidance, criteria, created_by, created_at, "
    "updated_at";

Result<std::map<std::string, int>> scores_from(const std::string& text) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_object()) return malformed("review's scores");
  std::map<std::string, int> scores;
  for (const auto& [criterion, score] : value.items()) {
    if (!score.is_number_integer()) return malformed("review's scores");
    scores[criterion] = score.get<int>();
  }
  return scores;
}

PracticeCall call_from(const SqlRow& row, std::vector<std::string> categories,
                       std::vector<std::string> criteria) {
  PracticeCall call;
  call.id = row.integer(0);
  call.name = row.text(1);
  call.categories = std::move(categories);
  call.opens_at = row.text(3);
  call.deadline_at = row.text(4);
  call.guidance = row.text(5);
  call.criteria = std::move(criteria);
  call.created_by = row.integer(7);
  call.created_at = row.text(8);
  call.updated_at = row.text(9);
  return call;
}

}  // namespace

// --- calls

Result<std::int64_t> insert_practice_call(SqlConnection& connection, const PracticeCall& call,
                                          const std::string& now) {
  Result<std::string> categories = dump(json(call.categories));
  if (!categories.ok()) return categories.error();
  Result<std::string> criteria = dump(json(call.criteria));
  if (!criteria.ok()) return criteria.error();
  Result<SqlRows> inserted = connection.query(
      "INSERT INTO practice_calls (name, categories, opens_at, deadline_at, guidance, criteria, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {call.name, categories.value(), call.opens_at, call.deadline_at, call.guidance,
       criteria.value(), SqlParam::id_or_null(call.created_by), or_now(call.created_at, now),
       or_now(call.updated_at, now)});
  if (!inserted.ok()) return inserted.error();
  return inserted.value().at(0).integer(0);
}

Status update_practice_call(SqlConnection& connection, const PracticeCall& call,
                            const std::string& now) {
  Result<std::string> categories = dump(json(call.categories));
  if (!categories.ok()) return categories.error();
  Result<std::string> criteria = dump(json(call.criteria));
  if (!criteria.ok()) return criteria.error();
  // An empty created_at keeps the stored one.
  return one_row_changed(
      connection.execute(
          "UPDATE practice_calls SET name = ?, categories = ?, opens_at = ?, deadline_at = ?, "
          "guidance = ?, criteria = ?, created_by = ?, "
          "created_at = CASE WHEN ? = '' THEN created_at ELSE ? END, updated_at = ? WHERE id = ?",
          {call.name, categories.value(), call.opens_at, call.deadline_at, call.guidance,
           criteria.value(), SqlParam::id_or_null(call.created_by), call.created_at,
           call.created_at, or_now(call.updated_at, now), call.id}),
      "no such call");
}

Result<std::vector<PracticeCall>> select_practice_calls(SqlConnection& connection,
                                                        std::optional<std::int64_t> id) {
  SqlParams params;
  std::string where;
  if (id) {
    where = "WHERE id = ?";
    params.push_back(*id);
  }
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT {} FROM practice_calls {} ORDER BY deadline_at DESC, id DESC",
                  kCallColumns, where),
      params);
  if (!rows.ok()) return rows.error();
  std::vector<PracticeCall> calls;
  calls.reserve(rows.value().size());
  for (const SqlRow& row : rows.value()) {
    Result<std::vector<std::string>> categories = string_list(row.text(2), "call's categories");
    if (!categories.ok()) return categories.error();
    Result<std::vector<std::string>> criteria = string_list(row.text(6), "call's criteria");
    if (!criteria.ok()) return criteria.error();
    calls.push_back(call_from(row, std::move(categories).value(), std::move(criteria).value()));
  }
  return calls;
}

// --- reviews

Status insert_practice_review(SqlConnection& connection, const PracticeReview& assignment,
                              const PracticeEvent& event, const std::string& now) {
  if (Status found = entry_exists(connection, assignment.entry_id, ErrorCode::kInvalidArgument);
      !found.ok())
    return found;
  Result<SqlRows> user =
      connection.query("SELECT 1 FROM users WHERE id = ?", {assignment.reviewer_id});
  if (!user.ok()) return user.error();
  if (user.value().empty()) return make_error(ErrorCode::kInvalidArgument, "no such user");
  Result<SqlRows> assigned =
      connection.query("SELECT 1 FROM practice_reviews WHERE entry_id = ? AND reviewer_id = ?",
                       {assignment.entry_id, assignment.reviewer_id});
  if (!assigned.ok()) return assigned.error();
  if (!assigned.value().empty()) return {};
  Result<std::string> scores = dump(json(assignment.scores));
  if (!scores.ok()) return scores.error();
  Result<std::int64_t> added = connection.execute(
      "INSERT INTO practice_reviews (entry_id, reviewer_id, assigned_by, assigned_at, scores, "
      "comment, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {assignment.entry_id, assignment.reviewer_id, SqlParam::id_or_null(assignment.assigned_by),
       or_now(assignment.assigned_at, now), scores.value(), assignment.comment,
       assignment.scored_at});
  if (!added.ok()) return added.error();
  PracticeEvent recorded = event;
  recorded.entry_id = assignment.entry_id;
  return insert_practice_event(connection, recorded, now);
}

Status delete_practice_review(SqlConnection& connection, std::int64_t entry_id,
                              std::int64_t reviewer_id, const PracticeEvent& event,
                              const std::string& now) {
  if (Status deleted = one_row_changed(
          connection.execute("DELETE FROM practice_reviews WHERE entry_id = ? AND reviewer_id = ?",
                             {entry_id, reviewer_id}),
          "the reviewer is not assigned to the entry");
      !deleted.ok())
    return deleted;
  PracticeEvent recorded = event;
  recorded.entry_id = entry_id;
  return insert_practice_event(connection, recorded, now);
}

Status set_practice_scores(SqlConnection& connection, const PracticeReview& review,
                           const PracticeEvent& event, const std::string& now) {
  Result<std::string> scores = dump(json(review.scores));
  if (!scores.ok()) return scores.error();
  if (Status updated = one_row_changed(
          connection.execute("UPDATE practice_reviews SET scores = ?, comment = ?, scored_at = ? "
                             "WHERE entry_id = ? AND reviewer_id = ?",
                             {scores.value(), review.comment, or_now(review.scored_at, now),
                              review.entry_id, review.reviewer_id}),
          "the reviewer is not assigned to the entry");
      !updated.ok())
    return updated;
  PracticeEvent recorded = event;
  recorded.entry_id = review.entry_id;
  return insert_practice_event(connection, recorded, now);
}

Result<std::vector<PracticeReview>> select_practice_reviews(SqlConnection& connection,
                                                            std::int64_t entry_id,
                                                            std::int64_t reviewer_id) {
  std::string where = "WHERE 1 = 1";
  SqlParams params;
  if (entry_id != 0) {
    where += " AND r.entry_id = ?";
    params.push_back(entry_id);
  }
  if (reviewer_id != 0) {
    where += " AND r.reviewer_id = ?";
    params.push_back(reviewer_id);
  }
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT r.entry_id, r.reviewer_id, u.username, r.assigned_by, r.assigned_at, "
                  "r.scores, r.comment, r.scored_at FROM practice_reviews AS r "
                  "LEFT JOIN users AS u ON u.id = r.reviewer_id {} "
                  "ORDER BY r.entry_id, r.reviewer_id",
                  where),
      params);
  if (!rows.ok()) return rows.error();
  std::vector<PracticeReview> reviews;
  reviews.reserve(rows.value().size());
  for (SqlRow& row : rows.value()) {
    PracticeReview review;
    review.entry_id = row.integer(0);
    review.reviewer_id = row.integer(1);
    review.reviewer_username = row.take_text(2);
    review.assigned_by = row.integer(3);
    review.assigned_at = row.take_text(4);
    Result<std::map<std::string, int>> scores = scores_from(row.text(5));
    if (!scores.ok()) return scores.error();
    review.scores = std::move(scores).value();
    review.comment = row.take_text(6);
    review.scored_at = row.take_text(7);
    reviews.push_back(std::move(review));
  }
  return reviews;
}

}  // namespace sendplan::store::detail
