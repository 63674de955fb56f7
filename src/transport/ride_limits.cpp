#include "transport/ride_limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sendplan::transport {

namespace {

constexpr double kEpsilon = 1e-6;

}  // namespace

const char* ride_counting_name(RideCounting counting) {
  return counting == RideCounting::kFromCollection ? "from collection" : "from end of boarding";
}

const char* limit_group_name(LimitGroup group) {
  switch (group) {
    case LimitGroup::kWithin:
      return "within";
    case LimitGroup::kUnavoidable:
      return "unavoidable";
    case LimitGroup::kAvoidable:
      return "avoidable";
  }
  return "within";
}

RideLimit ride_limit(const Pupil& pupil, double direct_travel_minutes, const Policy& policy) {
  RideLimit limit;
  limit.guidance_minutes = pupil.max_ride_minutes;
  limit.direct_minutes =
      direct_travel_minutes +
      (policy.ride_counting == RideCounting::kFromCollection ? pupil.boarding_minutes : 0);
  limit.allowed_minutes = pupil.max_ride_minutes;
  if (limit.direct_minutes > pupil.max_ride_minutes + kEpsilon) {
    const double allowance =
        std::max(limit.direct_minutes * policy.unavoidable_allowance_percent / 100.0,
                 static_cast<double>(policy.unavoidable_allowance_minutes));
    limit.allowed_minutes = std::ceil(limit.direct_minutes + allowance - kEpsilon);
  }
  return limit;
}

double counted_ride_minutes(const Pupil& pupil, double on, double off, const Policy& policy) {
  const double ride = off - on;
  return policy.ride_counting == RideCounting::kFromCollection ? ride
                                                               : ride - pupil.boarding_minutes;
}

double engine_ride_limit(const Pupil& pupil, const RideLimit& limit, const Policy& policy) {
  return policy.ride_counting == RideCounting::kFromCollection
             ? std::max(0.0, limit.allowed_minutes - pupil.boarding_minutes)
             : limit.allowed_minutes;
}

LimitGroup limit_group(const RideLimit& limit, double counted_ride) {
  if (counted_ride <= limit.guidance_minutes + kEpsilon) return LimitGroup::kWithin;
  if (limit.unavoidable() && counted_ride <= limit.allowed_minutes + kEpsilon)
    return LimitGroup::kUnavoidable;
  return LimitGroup::kAvoidable;
}

std::string unavoidable_note(const RideLimit& limit) {
  if (!limit.unavoidable()) return "";
  return fmt::format("over guidance: unavoidable (direct journey {:.0f} min)",
                     std::ceil(limit.direct_minutes - kEpsilon));
}

DayRideLimits day_ride_limits(const TransportInputs& inputs, const travel::TravelMatrix& morning,
                              const travel::TravelMatrix& afternoon, const Policy& policy) {
  std::unordered_map<std::string, int> school_index;
  for (size_t s = 0; s < inputs.schools.size(); ++s)
    school_index.emplace(inputs.schools[s].id, static_cast<int>(s));
  const int homes = static_cast<int>(inputs.pupils.size());
  DayRideLimits limits;
  for (size_t p = 0; p < inputs.pupils.size(); ++p) {
    const Pupil& pupil = inputs.pupils[p];
    const auto found = school_index.find(pupil.school_id);
    if (found == school_index.end()) {
      // The readers refuse unknown schools; keep the guidance as it is.
      for (auto& run : limits.runs) run.push_back(ride_limit(pupil, 0, policy));
      continue;
    }
    const int home = static_cast<int>(p);
    const int school = homes + found->second;
    limits.runs[0].push_back(
        ride_limit(pupil, morning.seconds_between(home, school) / 60.0, policy));
    limits.runs[1].push_back(
        ride_limit(pupil, afternoon.seconds_between(school, home) / 60.0, policy));
  }
  return limits;
}

}  // namespace sendplan::transport
