#include "solver/two_opt.h"

#include <algorithm>

namespace sendplan::solver {

namespace {
constexpr double kGainEpsilon = 1e-7;
}

TwoOptSearch::TwoOptSearch(RouteEvaluator& evaluator, const NearestRequests* nearest)
    : evaluator_(&evaluator), nearest_(nearest) {}

const TwoOptSearch::Shape& TwoOptSearch::shape(const Solution& solution, int v) {
  if (shapes_.size() != solution.routes().size()) {
    shapes_.resize(solution.routes().size());
    shape_version_.assign(solution.routes().size(), 0);
    shape_known_.assign(solution.routes().size(), 0);
  }
  Shape& shape = shapes_[v];
  if (shape_known_[v] && shape_version_[v] == solution.route_version(v)) return shape;
  shape_known_[v] = 1;
  shape_version_[v] = solution.route_version(v);
  const SearchModel& m = evaluator_->model();
  const Route& route = solution.route(v);
  const int k = route.size();
  shape.distance_to.resize(static_cast<size_t>(k) + 2);
  shape.distance_to[0] = 0;
  for (int p = 0; p <= k; ++p)
    shape.distance_to[p + 1] =
        shape.distance_to[p] + m.distance(route.location[p], route.location[p + 1]);
  const VehicleData& vehicle = m.vehicle(route.vehicle);
  shape.earliest_end.resize(static_cast<size_t>(k) + 1);
  shape.earliest_end[0] = vehicle.shift_start;
  for (int p = 1; p <= k; ++p) {
    const StopData& stop = m.stop(route.stops[p - 1]);
    shape.earliest_end[p] =
        std::max(stop.ready, shape.earliest_end[p - 1] +
                                 m.travel_time(route.location[p - 1], route.location[p])) +
        stop.service;
  }
  shape.cuts.clear();
  shape.cuts.push_back(0);
  int on_board = 0;  // paired requests picked up and not yet delivered
  for (int p = 1; p <= k; ++p) {
    const int s = route.stops[p - 1];
    if (m.kind(request_of(s)) == model::RequestKind::kPickupDelivery)
      on_board += is_pickup(s) ? 1 : -1;
    if (on_board == 0) shape.cuts.push_back(p);
  }
  return shape;
}

// Reverse positions i..j (1-based stop positions) when the distance falls.
bool TwoOptSearch::try_reverse(Solution& solution, int v) {
  const SearchModel& m = evaluator_->model();
  const Route& route = solution.route(v);
  const int k = route.size();
  const std::vector<int>& loc = route.location;
  pickup_position_.resize(static_cast<size_t>(m.request_count()));
  for (int p = 1; p <= k; ++p)
    if (is_pickup(route.stops[p - 1])) pickup_position_[request_of(route.stops[p - 1])] = p;
  for (int i = 1; i < k; ++i) {
    for (int j = i + 1; j <= k; ++j) {
      // A segment holding a request's pickup and delivery would put the delivery first; so would
      // every longer one.
      const int s = route.stops[j - 1];
      if (!is_pickup(s) && m.kind(request_of(s)) == model::RequestKind::kPickupDelivery &&
          pickup_position_[request_of(s)] >= i)
        break;
      const double delta = m.distance(loc[i - 1], loc[j]) + m.distance(loc[i], loc[j + 1]) -
                           m.distance(loc[i - 1], loc[i]) - m.distance(loc[j], loc[j + 1]);
      if (delta >= -kGainEpsilon) continue;
      first_ = route.stops;
      std::reverse(first_.begin() + (i - 1), first_.begin() + j);
      if (solution.replace_if_better(v, first_, -1, second_, *evaluator_, kGainEpsilon))
        return true;
    }
  }
  return false;
}

bool TwoOptSearch::junction_reachable(const Solution& solution, int a, const Shape& shape_a, int i,
                                      int b, int j) const {
  const SearchModel& m = evaluator_->model();
  const Route& ra = solution.route(a);
  const Route& rb = solution.route(b);
  const VehicleData& va = m.vehicle(a);
  const VehicleData& vb = m.vehicle(b);
  if (j == rb.size()) {  // straight back to a's end depot
    return shape_a.earliest_end[i] + m.travel_time(ra.location[i], va.end_location) <=
           va.shift_end + kTimeEpsilon;
  }
  const double arrive = shape_a.earliest_end[i] + m.travel_time(ra.location[i], rb.location[j + 1]);
  const bool alike = va.end_location == vb.end_location && va.shift_end == vb.shift_end;
  const double latest = alike ? rb.latest[j + 1] : m.stop(rb.stops[j]).due;
  return arrive <= latest + kTimeEpsilon;
}

// Route a keeps positions 0..i and takes b's stops after j; b keeps 0..j and takes a's after i.
// Cost change: each route's new distance at its own price per distance, less the fixed cost of a
// route left empty.
bool TwoOptSearch::try_swap_tails(Solution& solution, int a, int b) {
  const SearchModel& m = evaluator_->model();
  const Route& ra = solution.route(a);
  const Route& rb = solution.route(b);
  const int ka = ra.size(), kb = rb.size();
  const VehicleData& va = m.vehicle(a);
  const VehicleData& vb = m.vehicle(b);
  const Shape& shape_a = shape(solution, a);
  const Shape& shape_b = shape(solution, b);
  const std::vector<double>& da = shape_a.distance_to;
  const std::vector<double>& db = shape_b.distance_to;
  const int end_a = ra.location[ka + 1], end_b = rb.location[kb + 1];
  const int last_a = ra.location[ka], last_b = rb.location[kb];
  const double old_a = da[ka + 1], old_b = db[kb + 1];
  for (int i : shape_a.cuts) {
    for (int j : shape_b.cuts) {
      if ((i == ka && j == kb) || (i == 0 && j == 0)) continue;  // nothing or everything swaps
      // New a: a's head, then b's tail (its inner legs unchanged) back to a's end depot.
      double delta = 0;
      if (i == 0 && j == kb) {
        delta -= va.cost_per_distance * old_a + va.fixed_cost;  // a is left empty
      } else {
        const double new_a = da[i] + (j < kb ? m.distance(ra.location[i], rb.location[j + 1]) +
                                                   (db[kb] - db[j + 1]) + m.distance(last_b, end_a)
                                             : m.distance(ra.location[i], end_a));
        delta += va.cost_per_distance * (new_a - old_a);
      }
      if (j == 0 && i == ka) {
        delta -= vb.cost_per_distance * old_b + vb.fixed_cost;  // b is left empty
      } else {
        const double new_b = db[j] + (i < ka ? m.distance(rb.location[j], ra.location[i + 1]) +
                                                   (da[ka] - da[i + 1]) + m.distance(last_a, end_b)
                                             : m.distance(rb.location[j], end_b));
        delta += vb.cost_per_distance * (new_b - old_b);
      }
      if (delta >= -kGainEpsilon) continue;
      if (!(i == 0 && j == kb) && !junction_reachable(solution, a, shape_a, i, b, j)) continue;
      if (!(j == 0 && i == ka) && !junction_reachable(solution, b, shape_b, j, a, i)) continue;
      first_.assign(ra.stops.begin(), ra.stops.begin() + i);
      first_.insert(first_.end(), rb.stops.begin() + j, rb.stops.end());
      second_.assign(rb.stops.begin(), rb.stops.begin() + j);
      second_.insert(second_.end(), ra.stops.begin() + i, ra.stops.end());
      if (solution.replace_if_better(a, first_, b, second_, *evaluator_, kGainEpsilon)) return true;
    }
  }
  return false;
}

void TwoOptSearch::partners(const Solution& solution, int a, std::vector<int>& out) {
  out.clear();
  if (nearest_ == nullptr) {
    out = solution.used_routes();
  } else {
    for (int s : solution.route(a).stops) {
      if (!is_pickup(s) &&
          solution.model().kind(request_of(s)) == model::RequestKind::kPickupDelivery)
        continue;  // each request once
      for (int near : nearest_->of(request_of(s))) {
        const int v = solution.route_of(near);
        if (v >= 0) out.push_back(v);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

int TwoOptSearch::improve_routes(Solution& solution, const std::vector<int>& routes,
                                 int max_moves) {
  int moves = 0;
  for (int v : routes) {
    if (moves >= max_moves) break;
    while (moves < max_moves && solution.route(v).size() >= 3 && try_reverse(solution, v)) ++moves;
  }
  return moves;
}

int TwoOptSearch::improve_tails(Solution& solution, const std::vector<int>& routes, int max_moves,
                                Clock::time_point deadline) {
  queued_.assign(solution.routes().size(), 0);
  queue_.clear();
  auto enqueue = [&](int v) {
    if (queued_[v]) return;
    queued_[v] = 1;
    queue_.push_back(v);
  };
  for (int v : routes) enqueue(v);
  int moves = 0;
  while (!queue_.empty() && moves < max_moves) {
    if (deadline != Clock::time_point::max() && Clock::now() >= deadline) break;
    const int a = queue_.front();
    queue_.pop_front();
    queued_[a] = 0;
    if (solution.route(a).empty()) continue;
    partners(solution, a, partners_);
    for (int b : partners_) {
      if (b == a || solution.route(b).empty()) continue;
      if (try_swap_tails(solution, a, b)) {
        ++moves;
        if (!solution.route(b).empty()) enqueue(b);
        if (!solution.route(a).empty()) enqueue(a);
        break;
      }
    }
  }
  return moves;
}

}  // namespace sendplan::solver
