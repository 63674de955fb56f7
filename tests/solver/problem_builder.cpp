#include "solver/problem_builder.h"

#include <string>

namespace sendplan::testing {

model::ProblemData paired_problem(const std::vector<PointRequest>& requests, int vehicles,
                                  int capacity, double shift_end, double max_duration) {
  model::ProblemData data;
  data.name = "test";
  data.coordinates.push_back({0, 0});  // depot
  for (size_t r = 0; r < requests.size(); ++r) {
    const PointRequest& q = requests[r];
    data.coordinates.push_back({q.px, q.py});
    data.coordinates.push_back({q.dx, q.dy});
    model::Request request;
    request.name = std::to_string(r + 1);
    request.kind = model::RequestKind::kPickupDelivery;
    const int pickup_location = static_cast<int>(1 + 2 * r);
    request.pickup = {pickup_location, q.pick_ready, q.pick_due, q.service,
                      static_cast<int>(r + 1)};
    request.delivery = {pickup_location + 1, q.drop_ready, q.drop_due, q.service,
                        static_cast<int>(r + 1 + requests.size())};
    request.load.amount[0] = q.load;
    request.max_ride_time = q.max_ride;
    data.requests.push_back(request);
  }
  model::VehicleType type;
  type.name = "bus";
  type.count = vehicles;
  type.capacity.amount[0] = capacity;
  type.start_location = type.end_location = 0;
  type.shift_start = 0;
  type.shift_end = shift_end;
  type.max_duration = max_duration;
  data.vehicle_types.push_back(type);
  model::fill_euclidean_matrices(data);
  return data;
}

model::ProblemData random_problem(Random& random, int n, double horizon, double max_ride) {
  std::vector<PointRequest> requests;
  for (int r = 0; r < n; ++r) {
    PointRequest q;
    q.px = random.unit() * 20 - 10;
    q.py = random.unit() * 20 - 10;
    q.dx = random.unit() * 20 - 10;
    q.dy = random.unit() * 20 - 10;
    const double centre = random.unit() * horizon;
    const double width = 5 + random.unit() * 30;
    q.pick_ready = 0;
    q.pick_due = horizon;
    q.drop_ready = 0;
    q.drop_due = horizon;
    if (r % 2 == 0) {
      q.pick_ready = centre;
      q.pick_due = centre + width;
    } else {
      q.drop_ready = centre;
      q.drop_due = centre + width;
    }
    q.service = 1 + random.below(3);
    q.load = 1 + static_cast<int>(random.below(2));
    q.max_ride = max_ride;
    requests.push_back(q);
  }
  return paired_problem(requests, 2, 3, horizon, horizon * 0.6);
}

}  // namespace sendplan::testing
