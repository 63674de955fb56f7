// SearchModel: the Problem flattened for fast search. Request r owns stop ids 2r (pickup) and
// 2r+1 (delivery); single-stop jobs use only one of them. Vehicles are expanded from types
// (vehicle index = types in order, `count` each); fleet limits cap the used vehicles over groups
// of types (the Solution counts them). Stop windows are tightened to what any feasible
// schedule must keep (the Problem keeps the originals). Immutable once built; shared by threads.
#pragma once

#include <vector>

#include "model/problem.h"

namespace sendplan::solver {

inline int pickup_stop(int request) {
  return 2 * request;
}
inline int delivery_stop(int request) {
  return 2 * request + 1;
}
inline int request_of(int stop) {
  return stop / 2;
}
inline bool is_pickup(int stop) {
  return (stop & 1) == 0;
}

struct StopData {
  int location = 0;
  double ready = 0;
  double due = 0;
  double service = 0;
  model::Load delta;  // load change when service ends (+ pickup, - delivery)
};

struct VehicleData {
  int type = 0;
  int start_location = 0;
  int end_location = 0;
  double shift_start = 0;
  double shift_end = 0;
  double max_duration = 0;
  int max_stops = 0;
  double max_travel_time = 0;
  double max_distance = 0;
  model::Load capacity;
  double fixed_cost = 0;
  double cost_per_distance = 0;
  double cost_per_time = 0;
  int fleet = -1;  // the fleet limit its type belongs to, or -1
};

class SearchModel {
 public:
  explicit SearchModel(const model::Problem& problem);

  const model::Problem& problem() const { return *problem_; }
  int request_count() const { return problem_->request_count(); }
  int vehicle_count() const { return static_cast<int>(vehicles_.size()); }
  const VehicleData& vehicle(int v) const { return vehicles_[v]; }
  const StopData& stop(int s) const { return stops_[s]; }
  const model::Request& request(int r) const { return problem_->request(r); }
  model::RequestKind kind(int r) const { return problem_->request(r).kind; }
  // Writes request r's stop ids (pickup first) to `out`; returns how many (1 or 2).
  int stops_of(int r, int out[2]) const {
    int count = 0;
    if (request(r).has_pickup()) out[count++] = pickup_stop(r);
    if (request(r).has_delivery()) out[count++] = delivery_stop(r);
    return count;
  }

  double distance(int from_location, int to_location) const {
    return problem_->distance(from_location, to_location);
  }
  double travel_time(int from_location, int to_location) const {
    return problem_->travel_time(from_location, to_location);
  }
  // The same values, read from the destination's row when the matrices are symmetric: for a
  // fixed destination and many origins (a request's stop against every position of a route)
  // that is one short run of memory instead of one cache line per origin.
  double distance_into(int from_location, int to_location) const {
    return symmetric_ ? problem_->distance(to_location, from_location)
                      : problem_->distance(from_location, to_location);
  }
  double travel_time_into(int from_location, int to_location) const {
    return symmetric_ ? problem_->travel_time(to_location, from_location)
                      : problem_->travel_time(from_location, to_location);
  }

  // True when some request rides alone or some pair must not share: the scheduler then tracks
  // who is on board.
  bool has_sharing_rules() const { return has_sharing_rules_; }
  // True when some request may only go on some vehicle types, or some type limits its stops,
  // travel time or distance: the evaluator then checks these rules.
  bool has_vehicle_rules() const { return has_vehicle_rules_; }
  // Vehicle v may carry request r (its type is allowed).
  bool allowed(int r, int v) const { return problem_->type_allowed(r, vehicles_[v].type); }
  // True when any vehicle type prices time: insertion then needs exact durations.
  bool prices_time() const { return prices_time_; }
  // True when travel times obey the triangle inequality between the locations used (checked
  // exactly up to 300 locations, on a large sample above). Window tightening and the
  // direct-journey filters assume it; without it they are switched off (results stay exact).
  bool travel_times_metric() const { return travel_times_metric_; }
  // True when taking stops out of a feasible route always leaves it feasible: travel times are
  // metric and no vehicle limits its distance (distances are not checked for the inequality).
  // Then a request that fits nowhere on a route cannot fit after more stops are added to it.
  bool removal_keeps_feasible() const { return travel_times_metric_ && !has_distance_limit_; }
  // The largest distance between any two locations used (scales penalties and noise).
  double max_distance() const { return max_distance_; }
  // The first vehicle of each type, used to represent "a new empty vehicle of this type".
  const std::vector<int>& first_vehicle_of_type() const { return first_vehicle_of_type_; }
  // One past the last vehicle of type t (its vehicles are first_vehicle_of_type()[t] up to this).
  int vehicle_end_of_type(int t) const {
    return t + 1 < static_cast<int>(first_vehicle_of_type_.size()) ? first_vehicle_of_type_[t + 1]
                                                                   : vehicle_count();
  }
  // Fleet limits: at most fleet_limit(g) vehicles whose VehicleData::fleet is g may be used.
  int fleet_count() const { return static_cast<int>(problem_->fleet_limits().size()); }
  int fleet_limit(int g) const { return problem_->fleet_limits()[g].limit; }

  // A symmetric measure of how alike two requests are (lower = more related), for related removal.
  double relatedness(int r, int s) const;

 private:
  void tighten_windows();
  bool check_triangle_inequality(const std::vector<int>& locations) const;
  bool check_symmetric(const std::vector<int>& locations) const;

  const model::Problem* problem_;
  std::vector<StopData> stops_;
  std::vector<VehicleData> vehicles_;
  std::vector<int> first_vehicle_of_type_;
  bool has_sharing_rules_ = false;
  bool has_vehicle_rules_ = false;
  bool prices_time_ = false;
  bool travel_times_metric_ = true;
  bool has_distance_limit_ = false;
  bool symmetric_ = false;  // distance and travel time both, exactly, between used locations
  double max_distance_ = 1;
  double max_time_ = 1;
};

}  // namespace sendplan::solver
