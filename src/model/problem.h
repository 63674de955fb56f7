// Problem: a validated, immutable heterogeneous dial-a-ride instance. VRPTW and PDPTW are special
// cases (single-stop jobs; no ride-time limit). Units are the instance's own: benchmarks use
// minutes and Euclidean distance; the transport planner uses seconds and metres. Times are
// doubles because benchmark costs are unrounded Euclidean lengths. Thread-safe to share (const).
#pragma once

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/load.h"

namespace sendplan::model {

inline constexpr double kUnlimited = std::numeric_limits<double>::infinity();

struct Point {
  double x = 0;
  double y = 0;
};

// One place a vehicle stops at, with the window in which service must start.
struct StopSpec {
  int location = 0;     // row/column in the travel matrices
  double ready = 0;     // earliest start of service
  double due = 0;       // latest start of service
  double service = 0;   // how long service takes
  int external_id = 0;  // the node id in the input file, reported in the output
};

enum class RequestKind {
  kPickupDelivery,  // picked up at `pickup`, delivered at `delivery`, same vehicle, pickup first
  kDelivery,        // loaded at the start depot, delivered at `delivery` (VRPTW customer)
  kPickup,          // collected at `pickup`, carried to the end depot
};

struct Request {
  std::string name;  // how users know it (e.g. "3" or a pupil id)
  RequestKind kind = RequestKind::kPickupDelivery;
  StopSpec pickup;    // unused for kDelivery
  StopSpec delivery;  // unused for kPickup
  Load load;
  // Ride time: from the end of service at pickup to the start of service at delivery.
  double max_ride_time = kUnlimited;
  bool ride_alone = false;  // nobody else may be on board while this request is
  // The vehicle types that may carry it (indices, sorted); empty = every type (e.g. VROOM skills).
  std::vector<int> allowed_vehicle_types;
  bool has_pickup() const { return kind != RequestKind::kDelivery; }
  bool has_delivery() const { return kind != RequestKind::kPickup; }
};

struct VehicleType {
  std::string name;
  int count = 1;  // how many vehicles of this type are available
  Load capacity;
  int start_location = 0;                           // depot the vehicle leaves from
  int end_location = 0;                             // depot it returns to
  double shift_start = 0;                           // earliest departure from the start depot
  double shift_end = kUnlimited;                    // latest arrival at the end depot
  double max_duration = kUnlimited;                 // from departure to return
  int max_stops = std::numeric_limits<int>::max();  // stops on one route (a pickup-delivery is 2)
  double max_travel_time = kUnlimited;              // sum of travel times (no service, no waiting)
  double max_distance = kUnlimited;                 // sum of distances
  double fixed_cost = 0;                            // per vehicle used
  double cost_per_distance = 1;
  double cost_per_time = 0;  // per unit of route duration (departure to return)
};

// A cap on the vehicles used across a group of vehicle types that draw on the same real vehicles
// (e.g. a minibus with or without a passenger assistant: two types, one pool of 6 minibuses).
// A type belongs to at most one group; a type in no group is limited only by its own count.
struct FleetLimit {
  std::string name;                // how users know the pool (e.g. "minibus")
  int limit = 0;                   // at most this many vehicles of the group's types are used
  std::vector<int> vehicle_types;  // indices into ProblemData::vehicle_types
};

// Plain data a parser fills in; Problem::create validates it.
struct ProblemData {
  std::string name;
  // How the reader read the file when that is worth saying (e.g. which dialect of a format);
  // "" = nothing to say.
  std::string source_note;
  int load_dimensions = 1;
  // Optional names of the load dimensions for messages (e.g. "seats", "wheelchair spaces").
  std::vector<std::string> load_dimension_names;
  std::vector<Point> coordinates;    // optional: one per location, for maps and Euclidean matrices
  std::vector<double> distances;     // row-major n×n
  std::vector<double> travel_times;  // row-major n×n
  std::vector<Request> requests;
  std::vector<VehicleType> vehicle_types;
  std::vector<FleetLimit> fleet_limits;           // optional caps on vehicles used across types
  std::vector<std::pair<int, int>> not_together;  // request index pairs that must not share a ride
};

// Fills distances and travel_times with Euclidean lengths between data.coordinates.
void fill_euclidean_matrices(ProblemData& data);

class Problem {
 public:
  // Checks every invariant (windows ready ≤ due, non-negative capacity, service and load,
  // locations in range, matrix sizes, fleet limits naming known types at most once, ...). Errors
  // name the request, vehicle type or fleet limit.
  static Result<Problem> create(ProblemData data);

  const std::string& name() const { return data_.name; }
  const std::string& source_note() const { return data_.source_note; }
  int location_count() const { return location_count_; }
  int load_dimensions() const { return data_.load_dimensions; }
  // The name of load dimension d ("load", or "load 2" when unnamed).
  std::string load_dimension_name(int d) const;
  const std::vector<Point>& coordinates() const { return data_.coordinates; }
  const std::vector<Request>& requests() const { return data_.requests; }
  const Request& request(int r) const { return data_.requests[r]; }
  int request_count() const { return static_cast<int>(data_.requests.size()); }
  const std::vector<VehicleType>& vehicle_types() const { return data_.vehicle_types; }
  const std::vector<FleetLimit>& fleet_limits() const { return data_.fleet_limits; }
  // The index of the fleet limit vehicle type t belongs to, or -1 when it is in none.
  int fleet_of_type(int t) const { return fleet_of_type_[t]; }
  const std::vector<std::pair<int, int>>& not_together() const { return data_.not_together; }
  // Vehicle type t may carry request r (its allowed_vehicle_types is empty or lists t).
  bool type_allowed(int r, int t) const;

  double distance(int from, int to) const { return data_.distances[from * location_count_ + to]; }
  double travel_time(int from, int to) const {
    return data_.travel_times[from * location_count_ + to];
  }

  // Requests r and s must never be on board the same vehicle at the same time.
  bool must_not_share(int r, int s) const;
  // The indices of requests that r must not share with (sorted).
  const std::vector<int>& not_together_with(int r) const { return not_together_index_[r]; }

 private:
  explicit Problem(ProblemData data);
  ProblemData data_;
  int location_count_ = 0;
  std::vector<std::vector<int>> not_together_index_;
  std::vector<int> fleet_of_type_;
};

}  // namespace sendplan::model
