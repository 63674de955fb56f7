// An entry's facet values (store::PracticeFacets; the facets are listed in practice_records.h),
// as the store keeps them for filters and counts.
#pragma once

#include <map>
#include <string>

#include "store/practice_records.h"

namespace sendplan::practice {

// `subregion_of`: borough → sub-regional partnership ("Hackney" → "Central London Forward");
// a borough without one adds no "subregion" value.
store::PracticeFacets facets_of(const store::PracticeEntry& entry,
                                const std::map<std::string, std::string>& subregion_of);

// The age bands of the "age" facet the range from..to overlaps: "0-4", "5-10", "11-15",
// "16-18", "19-25".
std::vector<std::string> age_bands(int from, int to);

}  // namespace sendplan::practice
