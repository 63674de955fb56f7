// An entry's facet values, for the store's filters and counts.
#include "practice/facets.h"

#include <algorithm>

namespace sendplan::practice {
namespace {

void add_unique(std::vector<std::string>& values, const std::string& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

// The year of an ISO date or instant ("2025-06-30T..." → "2025"), or "" when it is not one.
std::string year_of(const std::string& when) {
  if (when.size() < 4) return "";
  for (std::size_t i = 0; i < 4; ++i)
    if (when[i] < '0' || when[i] > '9') return "";
  return when.substr(0, 4);
}

}  // namespace

std::vector<std::string> age_bands(int from, int to) {
  struct Band {
    int low;
    int high;
    const char* name;
  };
  static constexpr Band kBands[] = {
      {0, 4, "0-4"}, {5, 10, "5-10"}, {11, 15, "11-15"}, {16, 18, "16-18"}, {19, 25, "19-25"}};
  std::vector<std::string> bands;
  if (from > to) return bands;
  for (const Band& band : kBands)
    if (from <= band.high && to >= band.low) bands.emplace_back(band.name);
  return bands;
}

store::PracticeFacets facets_of(const store::PracticeEntry& entry,
                                const std::map<std::string, std::string>& subregion_of) {
  store::PracticeFacets facets;
  std::vector<std::string>& categories = facets["category"];
  for (const std::string& category : entry.categories) add_unique(categories, category);

  std::vector<std::string> boroughs;
  if (!entry.lead_borough.empty()) boroughs.push_back(entry.lead_borough);
  for (const std::string& partner : entry.partner_boroughs) add_unique(boroughs, partner);
  std::vector<std::string> subregions;
  for (const std::string& borough : boroughs) {
    const auto found = subregion_of.find(borough);
    if (found != subregion_of.end() && !found->second.empty())
      add_unique(subregions, found->second);
  }
  facets["borough"] = std::move(boroughs);
  facets["subregion"] = std::move(subregions);

  std::vector<std::string>& needs = facets["need"];
  for (const std::string& need : entry.needs) add_unique(needs, need);
  facets["age"] = age_bands(entry.age_from, entry.age_to);
  facets["evidence"] = {std::to_string(entry.evidence_strength)};
  const std::string year =
      year_of(entry.submitted_at.empty() ? entry.created_at : entry.submitted_at);
  facets["year"] = year.empty() ? std::vector<std::string>{} : std::vector<std::string>{year};
  facets["call"] = entry.call_id == 0 ? std::vector<std::string>{}
                                      : std::vector<std::string>{std::to_string(entry.call_id)};
  const bool winner = entry.state == "winner" || !entry.winner_category.empty();
  facets["winner"] = {winner ? "yes" : "no"};
  facets["state"] = {entry.state};
  facets["example"] = {entry.example ? "yes" : "no"};
  std::vector<std::string>& settings = facets["setting"];
  for (const std::string& setting : entry.settings) add_unique(settings, setting);
  std::vector<std::string>& indicators = facets["indicator"];
  for (const std::string& indicator : entry.indicators) add_unique(indicators, indicator);
  return facets;
}

}  // namespace sendplan::practice
