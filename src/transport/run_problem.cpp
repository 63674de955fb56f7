#include "transport/run_problem.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "travel/london_model.h"

namespace sendplan::transport {

namespace {

constexpr int kSeats = 0;
constexpr int kWheelchairSpaces = 1;
constexpr int kAssisted = 2;

model::Load pupil_load(const Pupil& pupil) {
  model::Load load;
  load.amount[pupil.wheelchair ? kWheelchairSpaces : kSeats] = 1;
  if (pupil.needs_passenger_assistant) load.amount[kAssisted] = 1;
  return load;
}

model::VehicleType engine_type(const VehicleType& fleet, bool with_assistant, int depot,
                               const RunSettings& settings, Run run) {
  model::VehicleType type;
  type.name = with_assistant ? fleet.name + " with assistant" : fleet.name;
  type.count = fleet.available;
  type.capacity.amount[kSeats] = with_assistant ? fleet.seats - 1 : fleet.seats;
  type.capacity.amount[kWheelchairSpaces] = fleet.wheelchair_spaces;
  type.capacity.amount[kAssisted] = with_assistant ? fleet.seats + fleet.wheelchair_spaces : 0;
  type.start_location = depot;
  type.end_location = depot;
  const bool morning = run == Run::kMorning;
  type.shift_start = morning ? settings.morning_shift_start : settings.afternoon_shift_start;
  type.shift_end = morning ? settings.morning_shift_end : settings.afternoon_shift_end;
  type.fixed_cost = static_cast<double>(fleet.fixed_cost_per_day_pence) +
                    (with_assistant ? static_cast<double>(fleet.assistant_cost_per_day_pence) : 0);
  type.cost_per_distance = static_cast<double>(fleet.cost_per_mile_pence);
  type.cost_per_time = static_cast<double>(fleet.cost_per_hour_pence) / 60.0;
  return type;
}

// Narrows a stop's window to within `shift` of the time it had, when the two overlap.
void anchor(model::StopSpec& stop, const std::optional<double>& time, double shift) {
  if (!time) return;
  const double ready = std::max(stop.ready, *time - shift);
  const double due = std::min(stop.due, *time + shift);
  if (ready > due) return;
  stop.ready = ready;
  stop.due = due;
}

}  // namespace

DayPlaces day_places(const TransportInputs& inputs) {
  DayPlaces day;
  day.places.reserve(inputs.pupils.size() + inputs.schools.size() + inputs.fleet.size());
  for (const Pupil& pupil : inputs.pupils) day.places.push_back({pupil.id, pupil.home});
  day.school_offset = static_cast<int>(day.places.size());
  for (const School& school : inputs.schools) day.places.push_back({school.id, school.location});
  day.depot_offset = static_cast<int>(day.places.size());
  for (const VehicleType& type : inputs.fleet) day.places.push_back({type.name, type.depot});
  return day;
}

Result<RunProblem> build_run_problem(const TransportInputs& inputs, Run run,
                                     const travel::TravelMatrix& matrix, const Policy& policy,
                                     const RunSettings& settings, const TimeAnchors* anchors) {
  const DayPlaces places = day_places(inputs);
  const int n = static_cast<int>(places.places.size());
  if (matrix.size != n)
    return make_error(ErrorCode::kInternal,
                      fmt::format("travel matrix has {} places, expected {}", matrix.size, n));
  std::unordered_map<std::string, int> school_index;
  for (size_t s = 0; s < inputs.schools.size(); ++s)
    school_index.emplace(inputs.schools[s].id, static_cast<int>(s));
  std::unordered_map<std::string, int> pupil_index;
  for (size_t p = 0; p < inputs.pupils.size(); ++p)
    pupil_index.emplace(inputs.pupils[p].id, static_cast<int>(p));

  model::ProblemData data;
  data.name = fmt::format("{} run", run_name(run));
  data.load_dimensions = 3;
  data.load_dimension_names = {"seats", "wheelchair spaces", "passenger assistant places"};
  data.distances.resize(static_cast<size_t>(n) * n);
  data.travel_times.resize(static_cast<size_t>(n) * n);
  for (size_t i = 0; i < data.distances.size(); ++i) {
    data.distances[i] = matrix.metres[i] / travel::kMetresPerMile;
    data.travel_times[i] = matrix.seconds[i] / 60.0;
  }

  std::vector<int> request_pupil;
  std::vector<RideLimit> limits;
  std::vector<VehicleVariant> variants;
  bool anyone_assisted = false;
  for (size_t p = 0; p < inputs.pupils.size(); ++p) {
    const Pupil& pupil = inputs.pupils[p];
    const auto found = school_index.find(pupil.school_id);
    if (found == school_index.end())
      return make_error(ErrorCode::kInvalidInput,
                        fmt::format("pupil {} names unknown school {}", pupil.id, pupil.school_id));
    const School& school = inputs.schools[found->second];
    const int home = static_cast<int>(p);
    const int school_place = places.school_offset + found->second;
    const double board = pupil.boarding_minutes;
    const bool morning = run == Run::kMorning;
    const double direct = (morning ? matrix.seconds_between(home, school_place)
                                   : matrix.seconds_between(school_place, home)) /
                          60.0;
    const RideLimit limit = ride_limit(pupil, direct, policy);
    const double ride = engine_ride_limit(pupil, limit, policy);
    model::Request request;
    request.name = pupil.id;
    request.load = pupil_load(pupil);
    request.max_ride_time = ride;
    request.ride_alone = pupil.must_travel_alone;
    anyone_assisted = anyone_assisted || pupil.needs_passenger_assistant;
    const int external = static_cast<int>(p) + 1;
    if (morning) {
      const double school_open = school.start_minutes - school.earliest_arrival_minutes;
      const double off_by = std::max(school_open, school.start_minutes - board);
      // Getting on: early enough to ride at most `ride` and still be off by the bell.
      request.pickup = {home, std::max(0.0, school_open - ride - board), off_by, board, external};
      request.delivery = {school_place, school_open, off_by, board, external};
    } else {
      const double collected_by = school.finish_minutes + settings.afternoon_pickup_window_minutes;
      request.pickup = {school_place, static_cast<double>(school.finish_minutes), collected_by,
                        board, external};
      request.delivery = {home, static_cast<double>(school.finish_minutes),
                          collected_by + board + ride, board, external};
    }
    if (anchors != nullptr) {
      anchor(request.pickup, anchors->pickup[p], anchors->max_shift);
      anchor(request.delivery, anchors->dropoff[p], anchors->max_shift);
    }
    data.requests.push_back(std::move(request));
    request_pupil.push_back(static_cast<int>(p));
    limits.push_back(limit);
  }
  for (size_t p = 0; p < inputs.pupils.size(); ++p) {
    for (const std::string& other : inputs.pupils[p].not_with) {
      const auto found = pupil_index.find(other);
      if (found == pupil_index.end() || found->second <= static_cast<int>(p)) continue;
      data.not_together.emplace_back(static_cast<int>(p), found->second);
    }
  }
  for (size_t f = 0; f < inputs.fleet.size(); ++f) {
    const VehicleType& fleet = inputs.fleet[f];
    const int depot = places.depot_offset + static_cast<int>(f);
    model::FleetLimit limit{fleet.name, fleet.available, {}};
    for (const bool with_assistant : {false, true}) {
      if (with_assistant && !anyone_assisted) continue;
      limit.vehicle_types.push_back(static_cast<int>(data.vehicle_types.size()));
      data.vehicle_types.push_back(engine_type(fleet, with_assistant, depot, settings, run));
      variants.push_back({static_cast<int>(f), with_assistant});
    }
    data.fleet_limits.push_back(std::move(limit));
  }
  Result<model::Problem> problem = model::Problem::create(std::move(data));
  if (!problem) return problem.error();
  return RunProblem{run, std::move(problem).value(), std::move(request_pupil), std::move(limits),
                    std::move(variants)};
}

}  // namespace sendplan::transport
