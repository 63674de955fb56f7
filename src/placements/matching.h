// The matching tool: which providers could take a child, and in what order a commissioner
// should look at them, with every number the order rests on. Money in whole pounds a year;
// journeys from travel_estimate.h (the transport engine's London model and fleet costs).
// Pure functions; safe from any thread; the same input always gives the same order.
//
// ELIGIBILITY. A provider is eligible when all of these hold; each that fails is listed, with
// the reason it gives:
//   - it has a vacancy (vacancies > 0): "no vacancy";
//   - it caters for the child's primary need: "need not catered for (ASD)";
//   - the child's age is within its age range: "age 12 outside its range 4–11";
//   - it offers the place wanted (Boarding::kBoth offers both): "day place wanted; it offers
//     residential places only" / "residential place wanted; it offers day places only";
//   - for a wheelchair user, it is wheelchair accessible: "not wheelchair accessible";
//   - it has a valid location, to cost the journey: "no location recorded" / "location is not
//     a valid position";
//   - for a day placement, the morning journey in whole minutes is within the child's own limit
//     or, without one, the DfE guidance (45 min at age 10 or under, 75 min above): "journey of
//     52 min is over the 45 min limit (DfE guidance for primary age, 10 or under)". A
//     residential placement is not held to it (the excess is flagged instead).
// A provider whose only problems are that its needs or its age range are not recorded (empty
// needs, ages 0/0) is neither eligible nor excluded: it is listed apart, as "needs not recorded"
// / "age range not recorded", for the commissioner to check.
// Day or residential: the child's wish decides; for "either", a provider offering only one is
// costed as that, and one offering both as a day place when the journey is within the limit and
// residential otherwise.
//
// SCORE COMPONENTS (for every provider):
//   fit     need catered for (required), age inside the range (required) and the years the
//           child could stay (upper age − age), the place costed (day or residential);
//   fee     the provider's annual fee from the caller's lookup; when it has none, the median of
//           the fees given for the listed providers of the same type (FeeSource::kTypeMedian),
//           else the median of all the fees given (kAllMedian), else 0 (kNone: no provider has a
//           fee, so fees do not tell them apart). An even count's median is the mean of the two
//           middle fees, rounded half up to the pound. Fallbacks are flagged.
//   Ofsted  grade 1 outstanding .. 4 inadequate, in three bands: good or better (1–2), not known
//           (neutral: neither rewarded nor penalised, and flagged), below good (3–4);
//   travel  journey minutes (morning run) and annual transport cost (travel_estimate.h);
//   total   annual fee + annual transport cost.
//
// RANKING RULE (lexicographic: a criterion counts only when all those before it are equal):
//   1. Ofsted band: good or better, then not known, then below good;
//   2. total annual cost (fee + transport), lower first;
//   3. journey minutes (morning, whole minutes), shorter first;
//   4. years the child could stay (upper age − age), more first;
//   5. name (byte order), then provider id, so equal providers keep a stable order.
// Example, a 12-year-old with autism in Camden:
//   Riverside School  Good, fee £52,000 + transport £9,200  = £61,200, 30 min
//   Oak School        Good, fee £58,000 + transport £16,900 = £74,900, 41 min
//   Elm College       Requires improvement,                  £40,000, 20 min
// ranks Riverside, Oak, Elm: Elm is cheapest and nearest but its band comes after; Riverside
// and Oak share a band and Riverside costs less. explain_ranking says so:
//   "Riverside School ranks above Oak School on total cost: both are rated Good; its total cost
//    is £61,200 a year against £74,900 (fee £52,000 vs £58,000; transport £9,200 vs £16,900)".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/coordinates.h"
#include "placements/provider.h"
#include "placements/travel_estimate.h"
#include "travel/london_model.h"

namespace sendplan::placements {

enum class BoardingWanted { kDay, kResidential, kEither };

// The child the commissioner is placing (no name: only what matching needs).
struct ChildToPlace {
  Need need = Need::kAsd;  // primary need
  int age = 0;             // years, ≥ 0
  geo::LatLon home{};
  BoardingWanted boarding = BoardingWanted::kDay;
  bool wheelchair_user = false;
  bool needs_passenger_assistant = false;
  bool must_travel_alone = false;
  std::optional<int> max_journey_minutes;  // > 0; none = the DfE guidance by age
};

enum class Standing {
  kEligible,     // may be offered the child
  kNotRecorded,  // nothing against it but its needs or age range are not recorded
  kNotEligible,  // at least one rule excludes it
};

enum class FeeSource {
  kProvider,    // the provider's own fee from the lookup
  kTypeMedian,  // median fee of the listed providers of its type
  kAllMedian,   // median fee of all listed providers (none of its type has a fee)
  kNone,        // no listed provider has a fee: 0
};

enum class OfstedBand { kGoodOrBetter, kNotKnown, kBelowGood };

struct ProviderMatch {
  std::int64_t provider_id = 0;
  std::string name;
  ProviderType type = ProviderType::kIndependentSpecial;
  Standing standing = Standing::kEligible;
  std::vector<std::string> reasons;  // why not eligible or not recorded; empty when eligible
  std::vector<std::string> flags;    // what to check: fee fallback, Ofsted not known, ...

  // Fit.
  bool residential = false;  // the placement costed: residential, or day
  int stay_until_age = 0;    // the provider's upper age (0 when not recorded)
  int years_left = 0;        // stay_until_age − child's age; 0 when not recorded
  // Fee.
  std::int64_t annual_fee = 0;
  FeeSource fee_source = FeeSource::kProvider;
  // Ofsted.
  std::optional<int> ofsted_grade;  // 1..4; none when not known (or out of range)
  OfstedBand ofsted_band = OfstedBand::kNotKnown;
  // Travel: none without a valid location.
  std::optional<TravelEstimate> travel;
  int journey_minutes = 0;  // morning run, whole minutes
  JourneyTimeCheck journey_check;
  std::int64_t transport_cost = 0;     // £ a year
  std::int64_t total_annual_cost = 0;  // annual_fee + transport_cost
};

struct MatchResult {
  std::vector<ProviderMatch> eligible;      // in rank order (the rule above)
  std::vector<ProviderMatch> not_recorded;  // in rank order, by the same rule
  std::vector<ProviderMatch> not_eligible;  // by name, then provider id
};

// Every provider in exactly one list. kInvalidArgument for a child with a negative age, an
// invalid home or a non-positive journey limit, a negative fee, or invalid `rates`.
Result<MatchResult> match_providers(const ChildToPlace& child,
                                    const std::vector<Provider>& providers,
                                    const std::map<std::int64_t, std::int64_t>& annual_fees,
                                    const travel::LondonModel& model,
                                    const TransportRates& rates = {});

// The ranking rule: true when `a` comes before `b`.
bool ranks_above(const ProviderMatch& a, const ProviderMatch& b);

// Why `above` ranks above `below`, naming the deciding criterion and the numbers:
// "<above> ranks above <below> on <criterion>: <what is equal>; <what decides>". Criteria:
// "Ofsted grade", "total cost", "journey time", "years the child could stay", "name", "id".
// When `below` actually ranks first: "<above> does not rank above <below>: <below> ranks above
// <above> on ...".
std::string explain_ranking(const ProviderMatch& above, const ProviderMatch& below);
// explain_ranking for positions i and i + 1 of a ranked list; i + 1 < list.size().
std::string explain_ranking(const std::vector<ProviderMatch>& ranked, std::size_t i);

const char* ofsted_grade_name(int grade);  // "Outstanding", "Good", "Requires improvement", ...

}  // namespace sendplan::placements
