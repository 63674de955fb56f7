// TravelMatrix helpers, time-of-day periods and the place check shared by every source.
#include "travel/travel_matrix.h"

#include <fmt/format.h>

#include <cmath>

namespace sendplan::travel {

namespace {

constexpr double kMorningPeakStart = 7 * 60;          // 07:00
constexpr double kMorningPeakEnd = 9 * 60 + 30;       // 09:30
constexpr double kAfternoonPeakStart = 14 * 60 + 30;  // 14:30
constexpr double kAfternoonPeakEnd = 17 * 60;         // 17:00

}  // namespace

TimeOfDay time_of_day_at(double minutes_since_midnight) {
  if (minutes_since_midnight >= kMorningPeakStart && minutes_since_midnight < kMorningPeakEnd) {
    return TimeOfDay::kMorningPeak;
  }
  if (minutes_since_midnight >= kAfternoonPeakStart && minutes_since_midnight < kAfternoonPeakEnd) {
    return TimeOfDay::kAfternoonPeak;
  }
  return TimeOfDay::kOffPeak;
}

const char* time_of_day_name(TimeOfDay when) {
  switch (when) {
    case TimeOfDay::kMorningPeak:
      return "morning peak";
    case TimeOfDay::kAfternoonPeak:
      return "afternoon peak";
    case TimeOfDay::kOffPeak:
      return "off-peak";
  }
  return "off-peak";
}

TravelMatrix TravelMatrix::zeros(int size) {
  TravelMatrix matrix;
  matrix.size = size;
  const std::size_t cells = static_cast<std::size_t>(size) * static_cast<std::size_t>(size);
  matrix.metres.assign(cells, 0.0);
  matrix.seconds.assign(cells, 0.0);
  return matrix;
}

Status check_places(const std::vector<Place>& places) {
  for (const Place& place : places) {
    const double latitude = place.location.latitude;
    const double longitude = place.location.longitude;
    if (!std::isfinite(latitude) || latitude < -90 || latitude > 90) {
      return make_error(
          ErrorCode::kInvalidArgument,
          fmt::format("place '{}': latitude {} is not within -90..90", place.id, latitude));
    }
    if (!std::isfinite(longitude) || longitude < -180 || longitude > 180) {
      return make_error(
          ErrorCode::kInvalidArgument,
          fmt::format("place '{}': longitude {} is not within -180..180", place.id, longitude));
    }
  }
  return Status::success();
}

}  // namespace sendplan::travel
