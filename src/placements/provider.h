// A provider of SEND places: an independent or non-maintained special school, a special post-16
// institution, a maintained or academy special school, or a mainstream school's resourced
// provision. What a commissioner needs to know about it: where it is, whom it takes (ages,
// primary needs, day or residential), how many places it has and has free, and its Ofsted grade.
// Money is in whole pounds a year (fees are set per year per place); coordinates WGS84.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/checked.h"  // the readers return Checked<T> (problems as Errors)
#include "core/error.h"
#include "geo/coordinates.h"

namespace sendplan::placements {

// The primary types of need SEN2 and the school census use (codes as in DfE's columns).
enum class Need {
  kAsd,   // autistic spectrum disorder
  kSlcn,  // speech, language and communication needs
  kSemh,  // social, emotional and mental health
  kMld,   // moderate learning difficulty
  kSld,   // severe learning difficulty
  kPmld,  // profound and multiple learning difficulty
  kSpld,  // specific learning difficulty
  kPd,    // physical disability
  kHi,    // hearing impairment
  kVi,    // visual impairment
  kMsi,   // multi-sensory impairment
  kOth,   // other difficulty or disability
};
inline constexpr int kNeedCount = 12;
// "asd", "slcn", ... (stable: stored and used in CSV and the API).
const char* need_code(Need need);
// "Autistic spectrum disorder", ...
const char* need_name(Need need);
// From a code ("ASD", "asd") or a GIAS SEN provision name ("ASD - Autistic Spectrum Disorder",
// "SEMH - Social, Emotional and Mental Health"); nullopt when it is neither.
std::optional<Need> parse_need(const std::string& text);
const std::vector<Need>& all_needs();

enum class ProviderType {
  kIndependentSpecial,    // independent special school
  kNonMaintainedSpecial,  // non-maintained special school
  kSpecialPost16,         // special post-16 institution (independent specialist college)
  kMaintainedSpecial,     // LA-maintained (community or foundation) special school
  kAcademySpecial,        // special academy or special free school
  kResourcedProvision,    // a mainstream school's resourced provision or SEN unit
};
// "independent-special", "non-maintained-special", "special-post-16", "maintained-special",
// "academy-special", "resourced-provision".
const char* provider_type_code(ProviderType type);
const char* provider_type_name(ProviderType type);  // "Independent special school", ...
std::optional<ProviderType> parse_provider_type(const std::string& code);
// Independent, non-maintained or special post-16: the INMSS sector (high-cost placements).
bool is_independent_sector(ProviderType type);

enum class Boarding { kDay, kResidential, kBoth };
const char* boarding_code(Boarding boarding);  // "day", "residential", "both"
std::optional<Boarding> parse_boarding(const std::string& code);

struct Provider {
  std::int64_t id = 0;  // set by the store
  std::string urn;      // DfE unique reference number, "" when unknown (the s41 list has none)
  std::string name;
  ProviderType type = ProviderType::kIndependentSpecial;
  std::string la_number;        // DfE LA number of where it is ("" when unknown)
  std::string local_authority;  // the LA's name as the source gives it
  std::string postcode;
  std::optional<geo::LatLon> location;
  int age_low = 0;  // statutory ages; 0/0 when unknown
  int age_high = 0;
  std::set<Need> needs;  // needs catered for; empty = unknown
  Boarding boarding = Boarding::kDay;
  bool wheelchair_accessible = false;
  int capacity = 0;             // places; 0 = unknown
  int places_commissioned = 0;  // by London boroughs
  int vacancies = 0;
  std::optional<int> ofsted_grade;  // 1 outstanding .. 4 inadequate
  std::string ofsted_date;          // ISO date of the last inspection, "" when unknown
  bool section41 = false;           // approved under section 41 of the Children and Families Act
  std::string source;               // "s41 list 2022-03-22", "GIAS 20250422", "user", ...
  std::string updated_at;
};

}  // namespace sendplan::placements
