// The placements register as the store keeps it: providers (the shared London register),
// placements each borough buys, and each placement's fee history (a new period from a date; the
// old ones are kept, so what was paid when is known). Plain records: codes as text (the
// placements layer, src/placements, gives them meaning); money in whole pounds a year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sendplan::store {

struct ProviderRecord {
  std::int64_t id = 0;  // set by the store
  std::string urn;      // "" when unknown
  std::string name;
  std::string type;  // provider type code, e.g. "independent-special"
  std::string la_number;
  std::string local_authority;
  std::string postcode;
  std::optional<double> latitude;
  std::optional<double> longitude;
  int age_low = 0;
  int age_high = 0;
  std::string needs;     // need codes joined by ';', e.g. "asd;semh"
  std::string boarding;  // "day", "residential", "both"
  bool wheelchair_accessible = false;
  int capacity = 0;
  int places_commissioned = 0;
  int vacancies = 0;
  std::optional<int> ofsted_grade;
  std::string ofsted_date;
  bool section41 = false;
  std::string source;
  std::string updated_by;
  std::string updated_at;  // set by the store when ""
};

// One change of a provider in the shared register, kept as its history.
struct ProviderChange {
  std::int64_t provider_id = 0;  // set by the store on add
  std::string at;                // set by the store when ""
  std::int64_t user_id = 0;      // 0 = none (stored as NULL)
  std::string username;
  std::string change;       // "added" or "edited"
  std::string before_json;  // "" when added
  std::string after_json;
};

struct FeeRecord {
  std::string from;  // ISO date the fees apply from
  std::int64_t education = 0;
  std::int64_t care = 0;
  std::int64_t therapy = 0;
  std::int64_t other = 0;
  std::string recorded_by;
  std::string recorded_at;  // set by the store when ""
};

struct PlacementRecord {
  std::int64_t id = 0;  // set by the store
  std::string borough;
  std::string child_ref;
  std::string need;  // need code
  int age = 0;
  std::int64_t provider_id = 0;
  std::string start_date;
  std::string end_date;  // "" while it lasts
  bool residential = false;
  std::int64_t transport_cost = 0;
  double distance_km = 0;
  std::vector<FeeRecord> fees;  // oldest first; at least one
};

struct ProviderImportOutcome {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
};

}  // namespace sendplan::store
