// RouteEvaluator: the one place that decides whether a route is feasible and what it costs.
// For a fixed stop sequence it computes the least (earliest) schedule satisfying time windows,
// the shift, maximum ride times (end of pickup service -> start of delivery service) and the
// maximum route duration; such a schedule exists iff the route is feasible. Ride-time and duration
// constraints only ever delay earlier stops; processed by descending pickup position one pass is
// exact, because a delay propagates forward non-increasingly (a pickup is delayed at least as much
// as its later delivery). Also checks capacity in every load dimension, pickup-before-delivery,
// ride-alone and not-together rules. Not thread-safe (holds scratch space): one per search thread.
#pragma once

#include <vector>

#include "solver/search_model.h"

namespace sendplan::solver {

inline constexpr double kTimeEpsilon = 1e-9;

// Positions 0 and count+1 are the start and end depots; 1..count the stops.
struct RouteSchedule {
  bool feasible = false;
  double distance = 0;
  double departure = 0;       // the latest departure from the start depot that keeps these times
  double duration = 0;        // arrival at the end depot minus `departure`
  double cost = 0;            // fixed (if any stop) + per distance + per time
  std::vector<double> start;  // start of service per position: the least (earliest) schedule
};

// kAlreadyChecked: the caller has proved every load fits (insertion filters do), so skip it.
enum class LoadCheck { kCheck, kAlreadyChecked };

class RouteEvaluator {
 public:
  explicit RouteEvaluator(const SearchModel& model);

  // Evaluates `count` stops in order on `vehicle`. Returns schedule.feasible.
  bool evaluate(int vehicle, const int* stops, int count, RouteSchedule& schedule,
                LoadCheck load_check = LoadCheck::kCheck);

  const SearchModel& model() const { return *model_; }

 private:
  bool check_loads(int vehicle, const int* stops, int count);
  bool check_sharing(const int* stops, int count);
  bool propagate(int from, int last, std::vector<double>& start) const;

  const SearchModel* model_;
  // Scratch, per position: location, ready, due, service, travel time to the next position.
  std::vector<int> location_;
  std::vector<double> ready_, due_, service_, travel_;
  // Scratch, per request: the position of its delivery in the current sequence, valid when
  // stamp_ == epoch_.
  std::vector<int> delivery_position_;
  std::vector<unsigned> stamp_;
  unsigned epoch_ = 0;
  struct RideLimit {
    int pickup_position;
    int delivery_position;
    double limit;
  };
  std::vector<RideLimit> ride_limits_;
  std::vector<int> on_board_;
};

}  // namespace sendplan::solver
