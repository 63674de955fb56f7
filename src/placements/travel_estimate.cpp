// One child's journey and transport cost (see travel_estimate.h for the rules and an example).
#include "placements/travel_estimate.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

namespace sendplan::placements {

namespace {

Error out_of_range(const char* name, double value, const char* rule) {
  return make_error(ErrorCode::kInvalidArgument,
                    fmt::format("transport rates: {} is {}, but it must be {}", name, value, rule));
}

bool valid_position(geo::LatLon position) {
  return std::isfinite(position.latitude) && std::isfinite(position.longitude) &&
         position.latitude >= -90 && position.latitude <= 90 && position.longitude >= -180 &&
         position.longitude <= 180;
}

// The planner's cost model for one vehicle type (pence).
struct VehicleRates {
  std::int64_t fixed_per_day = 0;
  std::int64_t per_mile = 0;
  std::int64_t per_hour = 0;
};

VehicleRates rates_of(Vehicle vehicle, const TransportRates& rates) {
  if (vehicle == Vehicle::kWav) {
    return {rates.wav_fixed_cost_per_day_pence, rates.wav_cost_per_mile_pence,
            rates.wav_cost_per_hour_pence};
  }
  return {rates.taxi_fixed_cost_per_day_pence, rates.taxi_cost_per_mile_pence,
          rates.taxi_cost_per_hour_pence};
}

std::string vehicle_text(const TravelEstimate& estimate) {
  std::string text = estimate.children_sharing > 1
                         ? fmt::format("{} shared by {:g}", vehicle_name(estimate.vehicle),
                                       estimate.children_sharing)
                         : fmt::format("solo {}", vehicle_name(estimate.vehicle));
  if (estimate.with_assistant) text += " + assistant";
  return text;
}

}  // namespace

Status TransportRates::validate() const {
  const struct {
    const char* name;
    std::int64_t pence;
  } costs[] = {{"the taxi's cost per day (pence)", taxi_fixed_cost_per_day_pence},
               {"the taxi's cost per mile (pence)", taxi_cost_per_mile_pence},
               {"the taxi's cost per hour (pence)", taxi_cost_per_hour_pence},
               {"the WAV's cost per day (pence)", wav_fixed_cost_per_day_pence},
               {"the WAV's cost per mile (pence)", wav_cost_per_mile_pence},
               {"the WAV's cost per hour (pence)", wav_cost_per_hour_pence},
               {"the assistant's cost per day (pence)", assistant_cost_per_day_pence}};
  for (const auto& cost : costs) {
    if (cost.pence < 0) {
      return out_of_range(cost.name, static_cast<double>(cost.pence), "at least 0");
    }
  }
  if (!std::isfinite(taxi_children_sharing) || taxi_children_sharing < 1) {
    return out_of_range("the children sharing a taxi", taxi_children_sharing, "at least 1");
  }
  if (!std::isfinite(wav_children_sharing) || wav_children_sharing < 1) {
    return out_of_range("the children sharing a WAV", wav_children_sharing, "at least 1");
  }
  const struct {
    const char* name;
    int value;
  } counts[] = {{"the school days a year", school_days_per_year},
                {"the residential weeks a year", residential_weeks_per_year},
                {"the primary journey limit (minutes)", primary_max_journey_minutes},
                {"the secondary journey limit (minutes)", secondary_max_journey_minutes}};
  for (const auto& count : counts) {
    if (count.value <= 0) return out_of_range(count.name, count.value, "more than 0");
  }
  return Status::success();
}

const char* vehicle_name(Vehicle vehicle) {
  return vehicle == Vehicle::kWav ? "WAV" : "taxi";
}

Result<TravelEstimate> estimate_travel(geo::LatLon home, geo::LatLon provider,
                                       const TravelNeeds& needs, bool residential,
                                       const travel::LondonModel& model,
                                       const TransportRates& rates) {
  if (Status valid = rates.validate(); !valid.ok()) return valid.error();
  if (!valid_position(home) || !valid_position(provider)) {
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("travel estimate: ({}, {}) → ({}, {}) is not a pair of "
                    "positions on Earth",
                    home.latitude, home.longitude, provider.latitude, provider.longitude));
  }

  TravelEstimate estimate;
  const double road_metres = model.road_metres(home, provider);
  const double am_seconds = model.seconds_for(road_metres, travel::TimeOfDay::kMorningPeak);
  const double pm_seconds = model.seconds_for(road_metres, travel::TimeOfDay::kAfternoonPeak);
  estimate.road_km = road_metres / 1000.0;
  estimate.minutes = am_seconds / 60.0;
  estimate.pm_minutes = pm_seconds / 60.0;
  estimate.residential = residential;
  estimate.with_assistant = needs.needs_passenger_assistant;
  estimate.vehicle = needs.wheelchair_user ? Vehicle::kWav : Vehicle::kTaxi;
  if (!needs.must_travel_alone) {
    estimate.children_sharing =
        needs.wheelchair_user ? rates.wav_children_sharing : rates.taxi_children_sharing;
  }

  // One school day: the AM and the PM journey, as the planner prices a vehicle's day.
  const VehicleRates vehicle = rates_of(estimate.vehicle, rates);
  const double day_miles = 2.0 * road_metres / travel::kMetresPerMile;
  const double day_hours = (am_seconds + pm_seconds) / 3600.0;
  const double vehicle_day_pence = static_cast<double>(vehicle.fixed_per_day) +
                                   day_miles * static_cast<double>(vehicle.per_mile) +
                                   day_hours * static_cast<double>(vehicle.per_hour);
  double child_day_pence = vehicle_day_pence / estimate.children_sharing;
  if (estimate.with_assistant) {
    child_day_pence += static_cast<double>(rates.assistant_cost_per_day_pence);
  }

  const int journey_minutes = static_cast<int>(std::lround(estimate.minutes));
  if (residential) {
    // A week of boarding = one morning run there and one afternoon run back = one school day.
    const double annual_pence = child_day_pence * rates.residential_weeks_per_year;
    estimate.annual_cost_pounds = std::llround(annual_pence / 100.0);
    estimate.daily_cost_pounds = std::round(annual_pence / rates.school_days_per_year) / 100.0;
    estimate.explanation = fmt::format(
        "weekly boarder: {}, {:.1f} km, {} min, {} return trips a year, {}/year (£{:.2f}/school "
        "day)",
        vehicle_text(estimate), estimate.road_km, journey_minutes, rates.residential_weeks_per_year,
        pounds_text(estimate.annual_cost_pounds), estimate.daily_cost_pounds);
  } else {
    estimate.daily_cost_pounds = std::round(child_day_pence) / 100.0;
    estimate.annual_cost_pounds =
        std::llround(child_day_pence * rates.school_days_per_year / 100.0);
    estimate.explanation =
        fmt::format("{}, {:.1f} km, {} min, £{:.2f}/day", vehicle_text(estimate), estimate.road_km,
                    journey_minutes, estimate.daily_cost_pounds);
  }
  return estimate;
}

JourneyTimeCheck check_journey_time(double minutes, int age, std::optional<int> own_limit_minutes,
                                    const TransportRates& rates) {
  JourneyTimeCheck check;
  check.journey_minutes = static_cast<int>(std::lround(minutes));
  if (own_limit_minutes.has_value()) {
    check.limit_minutes = *own_limit_minutes;
    check.basis = "the child's own limit";
  } else if (age <= rates.primary_max_age) {
    check.limit_minutes = rates.primary_max_journey_minutes;
    check.basis = fmt::format("DfE guidance for primary age, {} or under", rates.primary_max_age);
  } else {
    check.limit_minutes = rates.secondary_max_journey_minutes;
    check.basis =
        fmt::format("DfE guidance for secondary age, {} or over", rates.primary_max_age + 1);
  }
  check.within = check.journey_minutes <= check.limit_minutes;
  return check;
}

std::string pounds_text(std::int64_t pounds) {
  const bool negative = pounds < 0;
  // Through unsigned so that the most negative value has a magnitude too.
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(pounds) : static_cast<std::uint64_t>(pounds);
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  const std::size_t length = digits.size();
  for (std::size_t i = 0; i < length; ++i) {
    if (i > 0 && (length - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (negative ? "-£" : "£") + grouped;
}

}  // namespace sendplan::placements
