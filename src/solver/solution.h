// Solution: the mutable search state — one Route per vehicle, where each request is, and which are
// unassigned. Its cost adds a penalty per unassigned request so that the search can pass through
// partial solutions. It counts the vehicles used per fleet limit (O(1) to read) and never offers
// an empty vehicle of a full group. It keeps the candidate routes of every move at hand: the
// non-empty routes, and per vehicle type its first empty vehicle (O(1) to read), so that no move
// needs to scan the whole fleet (a borough has ~1,550 vehicle slots, of which ~300 are used).
// Copyable (the search copies it to try a change); assigning one solution to another copies
// only the routes that differ (each route carries a version, renewed on every change).
#pragma once

#include <cstdint>
#include <vector>

#include "solver/insertion.h"
#include "solver/route.h"

namespace sendplan::solver {

class Solution {
 public:
  Solution(const SearchModel& model, double unserved_penalty);
  Solution(const Solution&) = default;
  Solution(Solution&&) = default;
  Solution& operator=(Solution&&) = default;
  // Copies `other` (of the same model), skipping the routes whose version is the same.
  Solution& operator=(const Solution& other);

  const SearchModel& model() const { return *model_; }
  const std::vector<Route>& routes() const { return routes_; }
  const Route& route(int v) const { return routes_[v]; }
  int route_of(int r) const { return route_of_[r]; }
  int request_count() const { return static_cast<int>(route_of_.size()); }
  const std::vector<int>& unassigned() const { return unassigned_; }
  double routes_cost() const { return routes_cost_; }
  double unserved_penalty() const { return unserved_penalty_; }
  double cost() const {
    return routes_cost_ + unserved_penalty_ * static_cast<double>(unassigned_.size());
  }
  int vehicles_used() const { return vehicles_used_; }
  // The routes with stops, in no particular order (the order is deterministic).
  const std::vector<int>& used_routes() const { return used_routes_; }
  // Vehicles in use whose type belongs to fleet limit g, and whether that reaches its limit.
  int fleet_used(int g) const { return fleet_used_[g]; }
  bool fleet_full(int g) const { return fleet_used_[g] >= model_->fleet_limit(g); }

  // Removes request r from its route (it becomes unassigned). Removing stops from a feasible
  // route keeps it feasible when travel times obey the triangle inequality; if not, the whole
  // route is emptied (its requests become unassigned) so the state stays feasible.
  void remove(int r, RouteEvaluator& evaluator);
  // Inserts unassigned request r into route `v` as `insertion` describes. An empty `v` must be
  // one first_empty_vehicle_of_type offers (its fleet limit not reached).
  void insert(int r, int v, const Insertion& insertion, InsertionEvaluator& inserter);

  // Puts `stops` on the empty route `v` (a start given by the user): every request on it must be
  // unassigned and have each of its stops listed exactly once; `v` must be one
  // first_empty_vehicle_of_type offers. Returns false and changes nothing when the sequence is
  // infeasible (then evaluator.last_violation() says why).
  bool assign_route(int v, const std::vector<int>& stops, RouteEvaluator& evaluator);

  // Moves the stops after position `cut` (1..size-1) of route `v` to the empty route `target`;
  // requests with one stop on each side become unassigned. If either part is then infeasible
  // (travel without the triangle inequality), the moved part's requests become unassigned.
  void split(int v, int cut, int target, RouteEvaluator& evaluator);

  // Replaces the stops of routes `a` and `b` (a != b, or b < 0 for one route) when the new
  // sequences are feasible and cheaper in total by more than `epsilon`; returns whether it did.
  // The requests on them must stay the same set overall.
  bool replace_if_better(int a, const std::vector<int>& stops_a, int b,
                         const std::vector<int>& stops_b, RouteEvaluator& evaluator,
                         double epsilon);

  // The vehicle to open for "a new vehicle of this type": its first empty vehicle, or -1 when all
  // are in use or the type's fleet limit is reached. Every way of opening a vehicle goes here.
  // O(1).
  int first_empty_vehicle_of_type(int type) const;

  // The routes a request may be inserted into: every non-empty route and, per type, the vehicle
  // first_empty_vehicle_of_type offers (empty vehicles of one type are interchangeable). Written
  // to `out` in ascending vehicle order.
  void candidate_routes(std::vector<int>& out) const;

  // A number that changes whenever route v changes, unique across all solutions of a process:
  // equal in two solutions only when the route was copied from one to the other since its last
  // change (or both never changed it), so then the routes are alike.
  uint64_t route_version(int v) const { return route_version_[v]; }

 private:
  // Empties route v; each of its requests becomes unassigned once.
  void unassign_route(int v, RouteEvaluator& evaluator);
  // Records that route v changed: renews its version and updates the used-vehicle counters, the
  // used-route list and the first empty vehicle of its type; `was_empty` is how it was before.
  // Every public change calls it once per route it touched (not unassign_route, which is inside).
  void note_change(int v, bool was_empty);

  const SearchModel* model_;
  std::vector<Route> routes_;
  std::vector<int> route_of_;
  std::vector<int> unassigned_;
  double routes_cost_ = 0;
  double unserved_penalty_;
  int vehicles_used_ = 0;
  std::vector<int> fleet_used_;     // per fleet limit: its vehicles that have stops
  std::vector<int> used_routes_;    // the non-empty routes
  std::vector<int> used_position_;  // per vehicle: its index in used_routes_, or -1 when empty
  std::vector<int> first_empty_;    // per type: its first empty vehicle, or its end when none
  std::vector<uint64_t> route_version_;
};

}  // namespace sendplan::solver
