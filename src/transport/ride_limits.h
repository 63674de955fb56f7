// How long a child's journey may be on one run, and how it is counted. The DfE's journey-time
// guidance (45 min primary, 75 min secondary, or the child's own limit) is "the maximum rather
// than the norm", but a child whose direct journey is already longer still has to travel: their
// limit becomes the direct journey plus a small allowance (Policy), and they are flagged as over
// guidance but unavoidably so. A ride is counted from collection (start of boarding) or from the
// end of boarding, to the vehicle's arrival (start of getting off), as the Policy says.
// Units: minutes. Plain functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "transport/readers.h"
#include "travel/travel_matrix.h"

namespace sendplan::transport {

// The three groups every served child-run falls in.
enum class LimitGroup {
  kWithin,       // ride within the child's guidance limit
  kUnavoidable,  // over it, but the direct journey itself is longer than the limit
  kAvoidable,    // over it although a journey within the limit was possible (a plan must have 0)
};
const char* limit_group_name(LimitGroup group);  // "within" / "unavoidable" / "avoidable"

struct RideLimit {
  int guidance_minutes = 0;    // the child's max_ride_minutes
  double direct_minutes = 0;   // the direct journey, counted as the policy counts rides
  double allowed_minutes = 0;  // guidance, or ceil(direct + allowance) when direct exceeds it
  bool unavoidable() const { return allowed_minutes > guidance_minutes; }
};

// `direct_travel_minutes`: driving time from the pickup place to the drop-off place.
RideLimit ride_limit(const Pupil& pupil, double direct_travel_minutes, const Policy& policy);

// The ride as the policy counts it, from the child's boarding start `on` and the arrival at the
// drop-off `off` (the start of getting off).
double counted_ride_minutes(const Pupil& pupil, double on, double off, const Policy& policy);

// The engine measures a ride from the end of boarding: the allowed minutes in its terms.
double engine_ride_limit(const Pupil& pupil, const RideLimit& limit, const Policy& policy);

// Which group a served ride falls in.
LimitGroup limit_group(const RideLimit& limit, double counted_ride);

// "over guidance: unavoidable (direct journey 48 min)" for an unavoidable ride, "" otherwise.
std::string unavoidable_note(const RideLimit& limit);

// Each child's limit on each run from the day's matrices (over day_places order: homes, schools,
// depots): [0] the morning run (home -> school), [1] the afternoon run (school -> home).
struct DayRideLimits {
  std::vector<RideLimit> runs[2];
};
DayRideLimits day_ride_limits(const TransportInputs& inputs, const travel::TravelMatrix& morning,
                              const travel::TravelMatrix& afternoon, const Policy& policy);

}  // namespace sendplan::transport
