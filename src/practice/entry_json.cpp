// One practice entry as JSON (entry_json.h).
#include "practice/entry_json.h"

#include <fmt/format.h>

#include <set>

namespace sendplan::practice {
namespace {

// Fields entry_to_json writes that a person does not set (read back from exports, ignored).
const std::set<std::string>& recorded_fields() {
  static const std::set<std::string> fields = {
      "id",         "state",      "winner_category", "evidence_strength", "example",  "created_by",
      "created_at", "updated_at", "submitted_at",    "published_at",      "revision", "call_id"};
  return fields;
}

struct Reader {
  const nlohmann::json& body;
  const std::string& file;
  int row;
  std::vector<FileProblem> problems;

  void problem(const std::string& field, const std::string& reason) {
    problems.push_back({file, row, field, reason});
  }
  void text(const char* field, std::string& out) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return;
    if (!it->is_string()) return problem(field, "expected text");
    out = it->get<std::string>();
  }
  void number(const char* field, int& out) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return;
    if (!it->is_number_integer()) return problem(field, "expected a whole number");
    const auto value = it->get<std::int64_t>();
    if (value < -1000000 || value > 1000000) return problem(field, "out of range");
    out = static_cast<int>(value);
  }
  void list(const char* field, std::vector<std::string>& out) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) return;
    if (!it->is_array()) return problem(field, "expected a list of texts");
    std::vector<std::string> values;
    for (const nlohmann::json& value : *it) {
      if (!value.is_string()) return problem(field, "expected a list of texts");
      values.push_back(value.get<std::string>());
    }
    out = std::move(values);
  }
  void impact(std::vector<store::ImpactMeasure>& out) {
    auto it = body.find("impact");
    if (it == body.end() || it->is_null()) return;
    if (!it->is_array()) return problem("impact", "expected a list of measures");
    std::vector<store::ImpactMeasure> measures;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const nlohmann::json& item = (*it)[i];
      if (!item.is_object())
        return problem("impact", fmt::format("measure {}: expected an object", i + 1));
      store::ImpactMeasure measure;
      const std::pair<const char*, std::string*> parts[] = {{"measure", &measure.measure},
                                                            {"before", &measure.before},
                                                            {"after", &measure.after},
                                                            {"period", &measure.period},
                                                            {"source", &measure.source}};
      for (const auto& [key, target] : parts) {
        auto part = item.find(key);
        if (part == item.end() || part->is_null()) continue;
        if (!part->is_string())
          return problem("impact", fmt::format("measure {}: '{}' must be text", i + 1, key));
        *target = part->get<std::string>();
      }
      for (const auto& [key, value] : item.items()) {
        const bool known = key == "measure" || key == "before" || key == "after" ||
                           key == "period" || key == "source";
        if (!known)
          return problem("impact", fmt::format("measure {}: unknown field '{}'", i + 1, key));
      }
      measures.push_back(std::move(measure));
    }
    out = std::move(measures);
  }
};

}  // namespace

nlohmann::json entry_to_json(const store::PracticeEntry& entry) {
  nlohmann::json impact = nlohmann::json::array();
  for (const store::ImpactMeasure& m : entry.impact)
    impact.push_back({{"measure", m.measure},
                      {"before", m.before},
                      {"after", m.after},
                      {"period", m.period},
                      {"source", m.source}});
  return {{"id", entry.id},
          {"call_id", entry.call_id},
          {"title", entry.title},
          {"summary", entry.summary},
          {"lead_borough", entry.lead_borough},
          {"partner_boroughs", entry.partner_boroughs},
          {"categories", entry.categories},
          {"problem", entry.problem},
          {"actions", entry.actions},
          {"age_from", entry.age_from},
          {"age_to", entry.age_to},
          {"needs", entry.needs},
          {"settings", entry.settings},
          {"impact", std::move(impact)},
          {"impact_summary", entry.impact_summary},
          {"cost_and_resources", entry.cost_and_resources},
          {"how_to_adopt", entry.how_to_adopt},
          {"contact_name", entry.contact_name},
          {"contact_role", entry.contact_role},
          {"links", entry.links},
          {"indicators", entry.indicators},
          {"started_on", entry.started_on},
          {"state", entry.state},
          {"winner_category", entry.winner_category},
          {"evidence_strength", entry.evidence_strength},
          {"example", entry.example},
          {"created_by", entry.created_by},
          {"created_at", entry.created_at},
          {"updated_at", entry.updated_at},
          {"submitted_at", entry.submitted_at},
          {"published_at", entry.published_at},
          {"revision", entry.revision}};
}

std::vector<FileProblem> entry_fields_from_json(const nlohmann::json& body,
                                                store::PracticeEntry& entry,
                                                const std::string& file, int row) {
  Reader read{body, file, row, {}};
  if (!body.is_object()) {
    read.problem("", "expected an object with the entry's fields");
    return read.problems;
  }
  read.text("title", entry.title);
  read.text("summary", entry.summary);
  read.text("lead_borough", entry.lead_borough);
  read.list("partner_boroughs", entry.partner_boroughs);
  read.list("categories", entry.categories);
  read.text("problem", entry.problem);
  read.text("actions", entry.actions);
  read.number("age_from", entry.age_from);
  read.number("age_to", entry.age_to);
  read.list("needs", entry.needs);
  read.list("settings", entry.settings);
  read.impact(entry.impact);
  read.text("impact_summary", entry.impact_summary);
  read.text("cost_and_resources", entry.cost_and_resources);
  read.text("how_to_adopt", entry.how_to_adopt);
  read.text("contact_name", entry.contact_name);
  read.text("contact_role", entry.contact_role);
  read.list("links", entry.links);
  read.list("indicators", entry.indicators);
  read.text("started_on", entry.started_on);
  static const std::set<std::string> written = {"title",          "summary",
                                                "lead_borough",   "partner_boroughs",
                                                "categories",     "problem",
                                                "actions",        "age_from",
                                                "age_to",         "needs",
                                                "settings",       "impact",
                                                "impact_summary", "cost_and_resources",
                                                "how_to_adopt",   "contact_name",
                                                "contact_role",   "links",
                                                "indicators",     "started_on"};
  for (const auto& [key, value] : body.items()) {
    if (written.count(key) == 0 && recorded_fields().count(key) == 0)
      read.problem(key, "unknown field");
  }
  return read.problems;
}

}  // namespace sendplan::practice
