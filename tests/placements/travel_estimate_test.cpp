// The travel estimate: distances and times from the London model, and every costing rule
// (vehicle choice, sharing, assistant, residential weeks, cost per hour) against hand-worked
// journeys; the journey-time check and its boundaries; broken rates and positions.
#include "placements/travel_estimate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sendplan::placements {
namespace {

// The London model's reference journey 1 (tests/travel/london_model_test.cpp): 0.045° north
// along the meridian 0.1° W, Kennington to Highbury.
//   road      = 6,755.10 m = 4.197428 miles, 8.394856 miles there and back
//   morning   = 1,433.70 s (23.9 min → 24);  afternoon = 1,319.23 s
constexpr geo::LatLon kKennington{51.5000, -0.1000};
constexpr geo::LatLon kHighbury{51.5450, -0.1000};

travel::LondonModel london_model() {
  return travel::LondonModel(travel::LondonModelSettings{});
}

TravelEstimate estimate(const TravelNeeds& needs, bool residential,
                        const TransportRates& rates = {}, geo::LatLon home = kKennington,
                        geo::LatLon provider = kHighbury) {
  Result<TravelEstimate> result =
      estimate_travel(home, provider, needs, residential, london_model(), rates);
  EXPECT_TRUE(result.ok()) << result.error().to_string();
  return result.ok() ? std::move(result).value() : TravelEstimate{};
}

TEST(TravelEstimateJourney, DistanceAndTimesAreTheLondonModels) {
  const travel::LondonModel model = london_model();
  const TravelEstimate e = estimate({}, false);
  EXPECT_DOUBLE_EQ(e.road_km, model.road_metres(kKennington, kHighbury) / 1000.0);
  EXPECT_NEAR(e.road_km, 6.75510, 1e-5);
  EXPECT_NEAR(e.minutes, 1433.70 / 60, 1e-3);     // morning school run
  EXPECT_NEAR(e.pm_minutes, 1319.23 / 60, 1e-3);  // afternoon school run
  EXPECT_DOUBLE_EQ(e.minutes * 60, model.seconds_for(model.road_metres(kKennington, kHighbury),
                                                     travel::TimeOfDay::kMorningPeak));
}

TEST(TravelEstimateJourney, SamePlaceCostsOnlyTheFixedShare) {
  const TravelEstimate e = estimate({}, false, {}, kKennington, kKennington);
  EXPECT_EQ(e.road_km, 0);
  EXPECT_EQ(e.minutes, 0);
  EXPECT_DOUBLE_EQ(e.daily_cost_pounds, 21.67);  // £65 / 3
  EXPECT_EQ(e.annual_cost_pounds, 4117);         // £65 / 3 × 190 = £4,116.67
}

// (£65 + £2.20 × 8.394856) / 3 = £83.4687 / 3 = £27.8229 a day; × 190 = £5,286.35.
TEST(TravelEstimateCost, SharedTaxiForAChildWhoCanShare) {
  const TravelEstimate e = estimate({}, false);
  EXPECT_EQ(e.vehicle, Vehicle::kTaxi);
  EXPECT_EQ(e.children_sharing, 3);
  EXPECT_FALSE(e.with_assistant);
  EXPECT_FALSE(e.residential);
  EXPECT_DOUBLE_EQ(e.daily_cost_pounds, 27.82);
  EXPECT_EQ(e.annual_cost_pounds, 5286);
  EXPECT_EQ(e.explanation, "taxi shared by 3, 6.8 km, 24 min, £27.82/day");
}

// (£95 + £2.60 × 8.394856) / 2 = £116.8266 / 2 = £58.4133 a day; × 190 = £11,098.53.
TEST(TravelEstimateCost, WheelchairUserGetsASharedWav) {
  const TravelEstimate e = estimate({.wheelchair_user = true}, false);
  EXPECT_EQ(e.vehicle, Vehicle::kWav);
  EXPECT_EQ(e.children_sharing, 2);
  EXPECT_DOUBLE_EQ(e.daily_cost_pounds, 58.41);
  EXPECT_EQ(e.annual_cost_pounds, 11099);
  EXPECT_EQ(e.explanation, "WAV shared by 2, 6.8 km, 24 min, £58.41/day");
}

// Solo: the whole vehicle day. Taxi £83.4687 (× 190 = £15,859.05); WAV £116.8266 (£22,197.06).
TEST(TravelEstimateCost, TravellingAlonePaysTheWholeVehicle) {
  const TravelEstimate taxi = estimate({.must_travel_alone = true}, false);
  EXPECT_EQ(taxi.vehicle, Vehicle::kTaxi);
  EXPECT_EQ(taxi.children_sharing, 1);
  EXPECT_DOUBLE_EQ(taxi.daily_cost_pounds, 83.47);
  EXPECT_EQ(taxi.annual_cost_pounds, 15859);
  EXPECT_EQ(taxi.explanation, "solo taxi, 6.8 km, 24 min, £83.47/day");

  const TravelEstimate wav = estimate({.wheelchair_user = true, .must_travel_alone = true}, false);
  EXPECT_EQ(wav.vehicle, Vehicle::kWav);
  EXPECT_EQ(wav.children_sharing, 1);
  EXPECT_DOUBLE_EQ(wav.daily_cost_pounds, 116.83);
  EXPECT_EQ(wav.annual_cost_pounds, 22197);
  EXPECT_EQ(wav.explanation, "solo WAV, 6.8 km, 24 min, £116.83/day");
}

// The assistant is added in full: £27.8229 + £90 = £117.8229; × 190 = £22,386.35.
TEST(TravelEstimateCost, PassengerAssistantAddedInFull) {
  const TravelEstimate e = estimate({.needs_passenger_assistant = true}, false);
  EXPECT_TRUE(e.with_assistant);
  EXPECT_DOUBLE_EQ(e.daily_cost_pounds, 117.82);
  EXPECT_EQ(e.annual_cost_pounds, 22386);
  EXPECT_EQ(e.explanation, "taxi shared by 3 + assistant, 6.8 km, 24 min, £117.82/day");

  TransportRates dearer;
  dearer.assistant_cost_per_day_pence = 12000;
  EXPECT_DOUBLE_EQ(estimate({.needs_passenger_assistant = true}, false, dearer).daily_cost_pounds,
                   147.82);
}

// A weekly boarder: 38 weeks × one school day's cost: £27.8229 × 38 = £1,057.27 a year,
// £1,057.27 / 190 = £5.56 a school day (a fifth of the day placement's).
TEST(TravelEstimateCost, ResidentialCostsOneSchoolDayAWeek) {
  const TravelEstimate e = estimate({}, true);
  EXPECT_TRUE(e.residential);
  EXPECT_EQ(e.annual_cost_pounds, 1057);
  EXPECT_DOUBLE_EQ(e.daily_cost_pounds, 5.56);
  EXPECT_EQ(e.explanation,
            "weekly boarder: taxi shared by 3, 6.8 km, 24 min, 38 return trips a year, "
            "£1,057/year (£5.56/school day)");

  // With an assistant, solo: (£83.4687 + £90) × 38 = £6,591.81.
  const TravelEstimate alone =
      estimate({.needs_passenger_assistant = true, .must_travel_alone = true}, true);
  EXPECT_EQ(alone.annual_cost_pounds, 6592);

  TransportRates termly;
  termly.residential_weeks_per_year = 6;                          // home at each half term
  EXPECT_EQ(estimate({}, true, termly).annual_cost_pounds, 167);  // £27.8229 × 6 = £166.94
}

// £12 an hour over the AM and PM runs: (1,433.70 + 1,319.23) / 3,600 h × 1,200 = 917.64 pence
// more per vehicle day: (8,346.87 + 917.64) / 3 = 3,088.17 pence.
TEST(TravelEstimateCost, CostPerHourCountsBothRuns) {
  TransportRates rates;
  rates.taxi_cost_per_hour_pence = 1200;
  EXPECT_DOUBLE_EQ(estimate({}, false, rates).daily_cost_pounds, 30.88);
}

TEST(TravelEstimateCost, SharingIsARate) {
  TransportRates rates;
  rates.taxi_children_sharing = 2;
  EXPECT_DOUBLE_EQ(estimate({}, false, rates).daily_cost_pounds, 41.73);  // £83.4687 / 2
  rates.taxi_children_sharing = 2.5;
  const TravelEstimate e = estimate({}, false, rates);
  EXPECT_DOUBLE_EQ(e.daily_cost_pounds, 33.39);  // £83.4687 / 2.5
  EXPECT_EQ(e.explanation, "taxi shared by 2.5, 6.8 km, 24 min, £33.39/day");
}

TEST(TravelEstimateRates, DefaultsAreThePlannersFleetAndPolicy) {
  const TransportRates rates;
  EXPECT_TRUE(rates.validate().ok());
  EXPECT_EQ(rates.taxi_fixed_cost_per_day_pence, 6500);
  EXPECT_EQ(rates.taxi_cost_per_mile_pence, 220);
  EXPECT_EQ(rates.wav_fixed_cost_per_day_pence, 9500);
  EXPECT_EQ(rates.wav_cost_per_mile_pence, 260);
  EXPECT_EQ(rates.assistant_cost_per_day_pence, transport::Policy{}.assistant_cost_per_day_pence);
  EXPECT_EQ(rates.assistant_cost_per_day_pence, 9000);
  EXPECT_EQ(rates.primary_max_journey_minutes, 45);
  EXPECT_EQ(rates.secondary_max_journey_minutes, 75);
  EXPECT_EQ(rates.school_days_per_year, 190);
  EXPECT_EQ(rates.residential_weeks_per_year, 38);
}

TEST(TravelEstimateRates, BrokenRatesAreRejected) {
  TransportRates sharing;
  sharing.wav_children_sharing = 0.5;
  Status status = sharing.validate();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(status.error().message.find("children sharing a WAV"), std::string::npos);

  TransportRates cost;
  cost.taxi_cost_per_mile_pence = -1;
  ASSERT_FALSE(cost.validate().ok());
  EXPECT_NE(cost.validate().error().message.find("taxi's cost per mile"), std::string::npos);

  TransportRates days;
  days.school_days_per_year = 0;
  EXPECT_FALSE(days.validate().ok());

  TransportRates nan;
  nan.taxi_children_sharing = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(nan.validate().ok());

  Result<TravelEstimate> refused =
      estimate_travel(kKennington, kHighbury, {}, false, london_model(), sharing);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

TEST(TravelEstimateRates, PositionsOffTheEarthAreRejected) {
  const travel::LondonModel model = london_model();
  const geo::LatLon bad[] = {{91, 0}, {0, 181}, {std::nan(""), 0}, {0, -INFINITY}};
  for (const geo::LatLon& position : bad) {
    Result<TravelEstimate> from = estimate_travel(position, kHighbury, {}, false, model);
    Result<TravelEstimate> to = estimate_travel(kKennington, position, {}, false, model);
    ASSERT_FALSE(from.ok());
    ASSERT_FALSE(to.ok());
    EXPECT_EQ(from.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(TravelJourneyTime, DfeGuidanceByAge) {
  const JourneyTimeCheck primary = check_journey_time(46, 10, std::nullopt);
  EXPECT_EQ(primary.limit_minutes, 45);
  EXPECT_EQ(primary.journey_minutes, 46);
  EXPECT_FALSE(primary.within);
  EXPECT_EQ(primary.basis, "DfE guidance for primary age, 10 or under");

  const JourneyTimeCheck secondary = check_journey_time(46, 11, std::nullopt);
  EXPECT_EQ(secondary.limit_minutes, 75);
  EXPECT_TRUE(secondary.within);
  EXPECT_EQ(secondary.basis, "DfE guidance for secondary age, 11 or over");

  EXPECT_FALSE(check_journey_time(76, 16, std::nullopt).within);
  EXPECT_TRUE(check_journey_time(75, 16, std::nullopt).within);
}

TEST(TravelJourneyTime, RoundsToTheNearestMinuteThenCompares) {
  EXPECT_TRUE(check_journey_time(45.49, 8, std::nullopt).within);  // 45 min
  EXPECT_FALSE(check_journey_time(45.5, 8, std::nullopt).within);  // 46 min
  EXPECT_EQ(check_journey_time(45.5, 8, std::nullopt).journey_minutes, 46);
}

TEST(TravelJourneyTime, TheChildsOwnLimitComesFirst) {
  const JourneyTimeCheck own = check_journey_time(24, 15, 20);
  EXPECT_EQ(own.limit_minutes, 20);
  EXPECT_FALSE(own.within);
  EXPECT_EQ(own.basis, "the child's own limit");
  EXPECT_TRUE(check_journey_time(50, 6, 60).within);  // over the guidance, within their own
}

TEST(TravelPounds, ThousandsSeparators) {
  EXPECT_EQ(pounds_text(0), "£0");
  EXPECT_EQ(pounds_text(999), "£999");
  EXPECT_EQ(pounds_text(1000), "£1,000");
  EXPECT_EQ(pounds_text(61200), "£61,200");
  EXPECT_EQ(pounds_text(1234567), "£1,234,567");
  EXPECT_EQ(pounds_text(-5), "-£5");
  EXPECT_EQ(pounds_text(-123456), "-£123,456");
  EXPECT_EQ(pounds_text(std::numeric_limits<std::int64_t>::min()), "-£9,223,372,036,854,775,808");
}

}  // namespace
}  // namespace sendplan::placements
