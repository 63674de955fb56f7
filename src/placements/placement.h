// A placement a borough buys: one (synthetic) child at one provider, with its annual fee split
// into education, care, therapy and other, its transport cost and the distance from home. Fees
// change: each change is a FeePeriod from a date, so what was paid when is kept.
// Money in whole pounds a year; dates ISO "2025-09-01".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "placements/provider.h"

namespace sendplan::placements {

struct Fees {
  std::int64_t education = 0;
  std::int64_t care = 0;
  std::int64_t therapy = 0;
  std::int64_t other = 0;
  std::int64_t total() const { return education + care + therapy + other; }
};

// The fees in force from `from` until the next period's `from` (or the placement's end).
struct FeePeriod {
  std::string from;
  Fees fees;
  std::string recorded_by;
  std::string recorded_at;
};

struct Placement {
  std::int64_t id = 0;     // set by the store
  std::string borough;     // the commissioning London borough (canonical name)
  std::string child_ref;   // the borough's own reference for the child: synthetic, never a name
  Need need = Need::kAsd;  // primary need
  int age = 0;
  std::int64_t provider_id = 0;
  std::string provider_urn;  // the provider's URN when provider_id is not known yet ("" if none)
  std::string start_date;
  std::string end_date;  // "" while it lasts
  bool residential = false;
  std::vector<FeePeriod> fees;      // oldest first; the last is the current one
  std::int64_t transport_cost = 0;  // £ a year
  double distance_km = 0;           // home to provider, by road
  int source_line = 0;              // the file line of its first row when read from a file, else 0
};

}  // namespace sendplan::placements
