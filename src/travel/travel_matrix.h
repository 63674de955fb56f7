// Travel between places: the places (caller's id + WGS84 position), the time of day a journey
// is made, and the all-pairs TravelMatrix that every travel source produces. Units: metres and
// seconds. A TravelMatrix is plain data (row-major, from × to), safe to read from any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/coordinates.h"

namespace sendplan::travel {

// A place a vehicle goes to: a pupil's home, a school, a depot. `id` is the caller's id
// (pupil id, school id, depot id); matrix files and error messages refer to places by it.
struct Place {
  std::string id;
  geo::LatLon location;
};

// When a journey is made, which sets the London model's speed. The school runs are
// 07:00–09:30 (morning) and 14:30–17:00 (afternoon); every other time is off-peak.
enum class TimeOfDay { kMorningPeak, kAfternoonPeak, kOffPeak };

// The period a time of day falls in, from minutes since midnight (07:00 = 420): morning peak is
// [420, 570), afternoon peak [870, 1020), anything else off-peak.
TimeOfDay time_of_day_at(double minutes_since_midnight);
// "morning peak", "afternoon peak" or "off-peak".
const char* time_of_day_name(TimeOfDay when);

// Distances (metres) and times (seconds) from every place to every place, in the order of the
// places given. The diagonal is 0. Not necessarily symmetric (matrix files and OSRM may differ
// by direction).
struct TravelMatrix {
  int size = 0;
  std::vector<double> metres;   // size × size, row-major: [from * size + to]
  std::vector<double> seconds;  // size × size, row-major

  // Ordered pairs of different places that the source had no value for and that were filled in
  // by the London model instead (a matrix file that lacks them). The caller should warn.
  int fallback_pairs = 0;
  // Place ids the source named that are not among the places (e.g. rows of a matrix file for
  // other pupils); they were ignored.
  int unknown_ids = 0;
  // One sentence each about the above, ready to show as warnings; empty when all is well.
  std::vector<std::string> notes;

  // A size × size matrix of zeros.
  static TravelMatrix zeros(int size);

  std::size_t index(int from, int to) const {
    return static_cast<std::size_t>(from) * static_cast<std::size_t>(size) +
           static_cast<std::size_t>(to);
  }
  double metres_between(int from, int to) const { return metres[index(from, to)]; }
  double seconds_between(int from, int to) const { return seconds[index(from, to)]; }
};

// Called after each part of a matrix is done (`done` of `total`, 1 ≤ done ≤ total), so that a
// long OSRM download can show progress. May be empty.
using MatrixProgress = std::function<void(int done, int total)>;

// kInvalidArgument naming the first place whose latitude/longitude is not a finite position on
// Earth (latitude −90..90, longitude −180..180). Every source checks its places with this.
Status check_places(const std::vector<Place>& places);

}  // namespace sendplan::travel
