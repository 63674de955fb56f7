// The journey-time rules on their own: how a ride is counted, when a limit is unavoidably
// exceeded and what allowance the child then has, and which group a ride falls in.
#include "transport/ride_limits.h"

#include <gtest/gtest.h>

namespace sendplan::transport {
namespace {

Pupil child(int limit, int boarding) {
  Pupil p;
  p.id = "P1";
  p.max_ride_minutes = limit;
  p.boarding_minutes = boarding;
  return p;
}

TEST(RideLimits, ADirectJourneyWithinTheLimitKeepsTheGuidance) {
  const Policy policy;
  const RideLimit limit = ride_limit(child(45, 2), 40, policy);
  EXPECT_DOUBLE_EQ(limit.direct_minutes, 42);  // from collection: boarding counts
  EXPECT_DOUBLE_EQ(limit.allowed_minutes, 45);
  EXPECT_FALSE(limit.unavoidable());
  EXPECT_EQ(unavoidable_note(limit), "");
}

TEST(RideLimits, ALongerDirectJourneyGetsTheLargerAllowanceRoundedUp) {
  const Policy policy;  // +10 % or +5 min, whichever is larger
  // 48 min direct (46 driving + 2 boarding): 10 % is 4.8, so +5 → 53.
  const RideLimit near = ride_limit(child(45, 2), 46, policy);
  EXPECT_TRUE(near.unavoidable());
  EXPECT_DOUBLE_EQ(near.allowed_minutes, 53);
  EXPECT_EQ(unavoidable_note(near), "over guidance: unavoidable (direct journey 48 min)");
  // 81.5 min direct: 10 % is 8.15 → 89.65, rounded up to 90.
  const RideLimit far = ride_limit(child(75, 0), 81.5, policy);
  EXPECT_DOUBLE_EQ(far.allowed_minutes, 90);
}

TEST(RideLimits, CountingFromTheEndOfBoardingLeavesBoardingOut) {
  Policy policy;
  policy.ride_counting = RideCounting::kFromEndOfBoarding;
  const Pupil p = child(45, 5);
  const RideLimit limit = ride_limit(p, 44, policy);
  EXPECT_FALSE(limit.unavoidable());
  EXPECT_DOUBLE_EQ(counted_ride_minutes(p, 480, 520, policy), 35);
  EXPECT_DOUBLE_EQ(engine_ride_limit(p, limit, policy), 45);
  Policy collection;
  EXPECT_DOUBLE_EQ(counted_ride_minutes(p, 480, 520, collection), 40);
  // The engine counts from the end of boarding: the limit less the boarding minutes.
  EXPECT_TRUE(ride_limit(p, 44, collection).unavoidable());
  EXPECT_DOUBLE_EQ(engine_ride_limit(p, ride_limit(p, 30, collection), collection), 40);
}

TEST(RideLimits, GroupsSplitAtTheGuidanceAndTheAllowance) {
  const Policy policy;
  const RideLimit plain = ride_limit(child(45, 0), 30, policy);
  EXPECT_EQ(limit_group(plain, 45), LimitGroup::kWithin);
  EXPECT_EQ(limit_group(plain, 46), LimitGroup::kAvoidable);
  const RideLimit over = ride_limit(child(45, 0), 50, policy);  // allowed 55
  EXPECT_EQ(limit_group(over, 52), LimitGroup::kUnavoidable);
  EXPECT_EQ(limit_group(over, 55), LimitGroup::kUnavoidable);
  EXPECT_EQ(limit_group(over, 56), LimitGroup::kAvoidable);
}

TEST(RideLimits, AZeroAllowanceStillPlansTheDirectJourney) {
  Policy policy;
  policy.unavoidable_allowance_percent = 0;
  policy.unavoidable_allowance_minutes = 0;
  const RideLimit limit = ride_limit(child(45, 0), 50.2, policy);
  EXPECT_DOUBLE_EQ(limit.allowed_minutes, 51);
}

}  // namespace
}  // namespace sendplan::transport
