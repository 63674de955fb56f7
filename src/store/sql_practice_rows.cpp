// How a practice entry becomes its practice_entries row and back (sql_practice.h,
// sql_practice_internal.h): the columns an entry's write sets and their SQL, its lists and impact
// measures as JSON text, and the JSON helpers the other practice SQL files share.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "store/sql_practice.h"
#include "store/sql_practice_internal.h"

namespace sendplan::store::detail {

using nlohmann::json;

namespace {

// The columns an entry's write sets, in entry_params' order (not id and revision).
constexpr const char* kEntryWriteColumns[] = {"call_id",
                                              "title",
                                              "summary",
                                              "lead_borough",
                                              "partner_boroughs",
                                              "categories",
                                              "problem",
                                              "actions",
                                              "age_from",
                                              "age_to",
                                              "needs",
                                              "settings",
                                              "impact",
                                              "impact_summary",
                                              "cost_and_resources",
                                              "how_to_adopt",
                                              "contact_name",
                                              "contact_role",
                                              "links",
                                              "indicators",
                                              "started_on",
                                              "state",
                                              "winner_category",
                                              "evidence_strength",
                                              "example",
                                              "created_by",
                                              "created_at",
                                              "updated_at",
                                              "submitted_at",
                                              "published_at"};

json impact_json(const std::vector<ImpactMeasure>& impact) {
  json list = json::array();
  for (const ImpactMeasure& m : impact) {
    list.push_back({{"measure", m.measure},
                    {"before", m.before},
                    {"after", m.after},
                    {"period", m.period},
                    {"source", m.source}});
  }
  return list;
}

Result<std::vector<ImpactMeasure>> impact_from(const std::string& text) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_array()) return malformed("impact");
  std::vector<ImpactMeasure> impact;
  for (const json& item : value) {
    if (!item.is_object()) return malformed("impact");
    auto field = [&](const char* key) -> std::string {
      const auto found = item.find(key);
      return found != item.end() && found->is_string() ? found->get<std::string>() : "";
    };
    impact.push_back(
        {field("measure"), field("before"), field("after"), field("period"), field("source")});
  }
  return impact;
}

}  // namespace

// JSON text of a value; kInvalidArgument when a string in it is not UTF-8 (JSON holds only
// UTF-8, and a stored list must read back as written).
Result<std::string> dump(const json& value) {
  try {
    return value.dump();
  } catch (const json::exception&) {
    return make_error(ErrorCode::kInvalidArgument, "a list holds text that is not UTF-8");
  }
}

Error malformed(const char* what) {
  return make_error(ErrorCode::kIo, fmt::format("store: a stored {} is not valid JSON", what));
}

Result<std::vector<std::string>> string_list(const std::string& text, const char* what) {
  const json value = json::parse(text, nullptr, false);
  if (!value.is_array()) return malformed(what);
  std::vector<std::string> list;
  list.reserve(value.size());
  for (const json& item : value) {
    if (!item.is_string()) return malformed(what);
    list.push_back(item.get<std::string>());
  }
  return list;
}

Result<EntryJson> entry_json(const PracticeEntry& e) {
  EntryJson out;
  const std::pair<std::string*, json> lists[] = {
      {&out.partner_boroughs, json(e.partner_boroughs)},
      {&out.categories, json(e.categories)},
      {&out.needs, json(e.needs)},
      {&out.settings, json(e.settings)},
      {&out.impact, impact_json(e.impact)},
      {&out.links, json(e.links)},
      {&out.indicators, json(e.indicators)},
  };
  for (const auto& [target, value] : lists) {
    Result<std::string> text = dump(value);
    if (!text.ok()) return text.error();
    *target = std::move(text).value();
  }
  return out;
}

// Parameters in kEntryWriteColumns order. Every string must outlive the statement.
SqlParams entry_params(const PracticeEntry& e, const EntryJson& j, const std::string& created_at,
                       const std::string& updated_at) {
  return {SqlParam::id_or_null(e.call_id),
          e.title,
          e.summary,
          e.lead_borough,
          j.partner_boroughs,
          j.categories,
          e.problem,
          e.actions,
          e.age_from,
          e.age_to,
          j.needs,
          j.settings,
          j.impact,
          e.impact_summary,
          e.cost_and_resources,
          e.how_to_adopt,
          e.contact_name,
          e.contact_role,
          j.links,
          j.indicators,
          e.started_on,
          e.state,
          e.winner_category,
          e.evidence_strength,
          e.example ? 1 : 0,
          SqlParam::id_or_null(e.created_by),
          created_at,
          updated_at,
          e.submitted_at,
          e.published_at};
}

const std::string& insert_entry_sql() {
  static const std::string sql = [] {
    std::string columns;
    std::string values;
    for (const char* column : kEntryWriteColumns) {
      columns += fmt::format("{}, ", column);
      values += "?, ";
    }
    return fmt::format(
        "INSERT INTO practice_entries ({}revision, facets_generation) VALUES ({}1, ?) "
        "RETURNING id",
        columns, values);
  }();
  return sql;
}

const std::string& update_entry_sql() {
  static const std::string sql = [] {
    std::string assignments;
    for (const char* column : kEntryWriteColumns) assignments += fmt::format("{} = ?, ", column);
    return fmt::format(
        "UPDATE practice_entries SET {}revision = revision + 1, facets_generation = ? "
        "WHERE id = ? AND revision = ?",
        assignments);
  }();
  return sql;
}

const char* const kPracticeEntryColumns =
    "e.id, e.call_id, e.title, e.summary, e.lead_borough, e.partner_boroughs, e.categories, "
    "e.problem, e.actions, e.age_from, e.age_to, e.needs, e.settings, e.impact, "
    "e.impact_summary, e.cost_and_resources, e.how_to_adopt, e.contact_name, e.contact_role, "
    "e.links, e.indicators, e.started_on, e.state, e.winner_category, e.evidence_strength, "
    "e.example, e.created_by, e.created_at, e.updated_at, e.submitted_at, e.published_at, "
    "e.revision";

Result<PracticeEntry> practice_entry_from(SqlRow& row) {
  PracticeEntry e;
  e.id = row.integer(0);
  e.call_id = row.integer(1);
  e.title = row.take_text(2);
  e.summary = row.take_text(3);
  e.lead_borough = row.take_text(4);
  const std::pair<std::vector<std::string>*, std::size_t> lists[] = {
      {&e.partner_boroughs, 5}, {&e.categories, 6}, {&e.needs, 11},
      {&e.settings, 12},        {&e.links, 19},     {&e.indicators, 20}};
  for (const auto& [target, column] : lists) {
    Result<std::vector<std::string>> list = string_list(row.text(column), "entry list");
    if (!list.ok()) return list.error();
    *target = std::move(list).value();
  }
  e.problem = row.take_text(7);
  e.actions = row.take_text(8);
  e.age_from = static_cast<int>(row.integer(9));
  e.age_to = static_cast<int>(row.integer(10));
  Result<std::vector<ImpactMeasure>> impact = impact_from(row.text(13));
  if (!impact.ok()) return impact.error();
  e.impact = std::move(impact).value();
  e.impact_summary = row.take_text(14);
  e.cost_and_resources = row.take_text(15);
  e.how_to_adopt = row.take_text(16);
  e.contact_name = row.take_text(17);
  e.contact_role = row.take_text(18);
  e.started_on = row.take_text(21);
  e.state = row.take_text(22);
  e.winner_category = row.take_text(23);
  e.evidence_strength = static_cast<int>(row.integer(24));
  e.example = row.integer(25) != 0;
  e.created_by = row.integer(26);
  e.created_at = row.take_text(27);
  e.updated_at = row.take_text(28);
  e.submitted_at = row.take_text(29);
  e.published_at = row.take_text(30);
  e.revision = static_cast<int>(row.integer(31));
  return e;
}

}  // namespace sendplan::store::detail
