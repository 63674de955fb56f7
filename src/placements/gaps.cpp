// Gaps in provision by sub-region and need (see gaps.h for the method).
#include "placements/gaps.h"

#include <algorithm>
#include <cassert>
#include <set>

namespace sendplan::placements {

const GapCell& GapAnalysis::cell(const std::string& sub_region, Need need) const {
  const auto it = std::find_if(by_sub_region.begin(), by_sub_region.end(), [&](const GapCell& c) {
    return c.area == sub_region && c.need == need;
  });
  assert(it != by_sub_region.end());
  return *it;
}

namespace {

std::size_t index_of(Need need) {
  return static_cast<std::size_t>(need);
}

void note_unknown(std::vector<std::string>& unknown, const std::string& borough) {
  if (std::find(unknown.begin(), unknown.end(), borough) == unknown.end())
    unknown.push_back(borough);
}

}  // namespace

GapAnalysis analyse_gaps(const std::vector<BoroughInfo>& boroughs,
                         const std::vector<BoroughDemand>& demand,
                         const std::vector<Placement>& placements,
                         const std::vector<Provider>& providers, const GapOptions& options) {
  GapAnalysis result;
  std::map<std::string, std::size_t> borough_index;  // by name
  std::map<std::string, std::size_t> borough_of_la;  // by LA number
  std::map<std::string, std::size_t> sub_region_index;
  std::vector<std::size_t> sub_region_of_borough;
  for (std::size_t b = 0; b < boroughs.size(); ++b) {
    borough_index.emplace(boroughs[b].name, b);
    if (!boroughs[b].la_number.empty()) borough_of_la.emplace(boroughs[b].la_number, b);
    const auto [it, added] =
        sub_region_index.emplace(boroughs[b].sub_region, result.sub_regions.size());
    if (added) result.sub_regions.push_back(boroughs[b].sub_region);
    sub_region_of_borough.push_back(it->second);
  }
  const std::size_t needs = kNeedCount;
  for (const std::string& sub_region : result.sub_regions)
    for (std::size_t n = 0; n < needs; ++n)
      result.by_sub_region.push_back({sub_region, static_cast<Need>(n)});
  for (const BoroughInfo& borough : boroughs)
    for (std::size_t n = 0; n < needs; ++n)
      result.by_borough.push_back({borough.name, static_cast<Need>(n)});
  for (std::size_t n = 0; n < needs; ++n) result.london.push_back({"London", static_cast<Need>(n)});
  auto sub_region_cell = [&](std::size_t s, std::size_t n) -> GapCell& {
    return result.by_sub_region[s * needs + n];
  };
  auto borough_cell = [&](std::size_t b, std::size_t n) -> GapCell& {
    return result.by_borough[b * needs + n];
  };

  // Demand from SEN2.
  for (const BoroughDemand& row : demand) {
    const auto it = borough_index.find(row.borough);
    if (it == borough_index.end()) {
      note_unknown(result.unknown_boroughs, row.borough);
      continue;
    }
    for (std::size_t n = 0; n < needs; ++n) {
      borough_cell(it->second, n).demand += row.children[n];
      sub_region_cell(sub_region_of_borough[it->second], n).demand += row.children[n];
    }
  }

  // Capacity and vacancies of the providers located in London, split evenly over their needs.
  std::map<std::int64_t, const Provider*> provider_by_id;
  for (const Provider& provider : providers) {
    provider_by_id.emplace(provider.id, &provider);
    if (options.independent_sector_only && !is_independent_sector(provider.type)) continue;
    if (provider.needs.empty() || provider.capacity <= 0) {
      ++result.providers_without_needs;
      continue;
    }
    const auto located = borough_of_la.find(provider.la_number);
    if (located == borough_of_la.end()) continue;  // outside London: no sub-region's capacity
    const double share = 1.0 / static_cast<double>(provider.needs.size());
    for (const Need need : provider.needs) {
      const std::size_t n = index_of(need);
      const double places = provider.capacity * share;
      const double free = provider.vacancies * share;
      GapCell& in_borough = borough_cell(located->second, n);
      in_borough.capacity += places;
      in_borough.vacancies += free;
      GapCell& in_sub_region = sub_region_cell(sub_region_of_borough[located->second], n);
      in_sub_region.capacity += places;
      in_sub_region.vacancies += free;
    }
  }

  // Placements from the register.
  for (const Placement& placement : placements) {
    if (!is_active_on(placement, options.date)) continue;
    const auto it = borough_index.find(placement.borough);
    if (it == borough_index.end()) {
      note_unknown(result.unknown_boroughs, placement.borough);
      continue;
    }
    const std::size_t b = it->second;
    const std::size_t s = sub_region_of_borough[b];
    const std::size_t n = index_of(placement.need);
    GapCell& by_borough = borough_cell(b, n);
    GapCell& by_sub_region = sub_region_cell(s, n);
    ++by_borough.commissioned;
    ++by_sub_region.commissioned;
    const auto provider = provider_by_id.find(placement.provider_id);
    if (provider == provider_by_id.end() || provider->second->la_number.empty()) {
      ++by_borough.location_unknown;
      ++by_sub_region.location_unknown;
      continue;
    }
    const auto located = borough_of_la.find(provider->second->la_number);
    const bool in_borough = located != borough_of_la.end() && located->second == b;
    const bool in_sub_region =
        located != borough_of_la.end() && sub_region_of_borough[located->second] == s;
    const bool in_london = located != borough_of_la.end();
    if (!in_borough) ++by_borough.placed_out_of_area;
    if (!in_sub_region) {
      ++by_borough.placed_out_of_sub_region;
      ++by_sub_region.placed_out_of_area;
      ++by_sub_region.placed_out_of_sub_region;
    }
    if (!in_london) ++result.london[n].placed_out_of_area;
  }

  // London totals and the gaps.
  for (GapCell& cell : result.by_sub_region) {
    GapCell& london = result.london[index_of(cell.need)];
    london.demand += cell.demand;
    london.commissioned += cell.commissioned;
    london.placed_out_of_sub_region += cell.placed_out_of_sub_region;
    london.location_unknown += cell.location_unknown;
    london.capacity += cell.capacity;
    london.vacancies += cell.vacancies;
    cell.gap = cell.demand - cell.capacity;
  }
  for (GapCell& cell : result.by_borough) cell.gap = cell.demand - cell.capacity;
  for (GapCell& cell : result.london) cell.gap = cell.demand - cell.capacity;
  return result;
}

}  // namespace sendplan::placements
