// Planning several boroughs together so that pooling can only pay: each borough is planned alone
// first, and the pooled plan starts from the union of those plans (which costs exactly their sum:
// every vehicle type stays its borough's own). The search then works only where pooling can save,
// at the seams between boroughs, one cluster of nearby routes at a time:
//
// 1. One travel matrix for the whole pool (day_places of the merged inputs), so that every plan
//    below — alone, pooled, any coalition — is timed and costed alike.
// 2. First plans: each borough's children on its own fleet (the planner's settings, as
//    `sendplan plan`).
// 3. Clusters, per run: a route is at a seam when a child on it goes to a school another borough
//    also uses, or when a home or school of another borough's route is within `seam_metres` of
//    one of its own. From each
//    seam route not yet taken (shared-school routes first), with the nearest free route of
//    another borough (one going to the same school first), the free routes nearest the pair
//    (those going to one of its schools first; none beyond twice `seam_metres`) are added until
//    the cluster holds about `cluster_pupils` children of at most `max_cluster_boroughs`
//    boroughs. Clusters are disjoint and each holds two boroughs or more.
// 4. For each cluster and each set T of its boroughs (one borough alone too), the engine
//    re-plans the children of T's routes in the cluster, warm-started from those routes
//    (solver::solve_from), with T's vehicles: the ones the routes use plus a share of each type's
//    spare vehicles on that run (so a borough's idle vehicles may carry another's children). A
//    fixed iteration budget and seed per cluster make every result reproducible.
// 5. The plan of a coalition S: its members' first plans, with the results for (a cluster's
//    boroughs ∩ S) that lower the day's cost, chosen in two passes in cluster order (adding each
//    that lowers it; taking all, then dropping each whose removal lowers it), the cheaper
//    kept: vehicles are paid per day, by the busier run, so a morning cluster's saving may only
//    show with an afternoon one's. Then, as any coalition can run the plans of a split of itself
//    side by side (every vehicle type is one borough's), S takes the cheapest of its own plan and
//    every split's (up to kEverySplitUpTo boroughs; beyond, its lowest member alone beside the
//    rest). So a borough's stand-alone cost has had the same search as any coalition's, from the
//    same start; cost(S) <= cost(A) + cost(S \ A) for every split (the pooled plan is never dearer
//    than planning alone, nor than any smaller pools side by side); and shares computed from it
//    (pool.h) are not noise. Costing a coalition is arithmetic over the cluster results, so
//    every coalition of a pool can be costed.
//
// Units: pence per school day; times in minutes since midnight.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "transport/planner.h"
#include "transport/pool.h"

namespace sendplan::transport {

struct PoolSearchSettings {
  int cluster_pupils = 200;      // children per seam cluster, about (>= 2)
  double seam_metres = 5000;     // routes whose homes or schools come this close are at a seam
  int max_cluster_boroughs = 4;  // 2 to 6: a cluster of n boroughs needs 2^n - 1 solves
  std::int64_t cluster_iterations = 2000;  // engine iterations per cluster solve (> 0)
  std::uint64_t seed = 1;                  // cluster c's solves use seed + c

  Status validate() const;
};

// What the long steps report: the step ("travel matrix", "croydon alone", "seams"), and how far.
struct PoolProgress {
  std::string step;
  int done = 0;
  int total = 0;
};
using PoolProgressCallback = std::function<void(const PoolProgress&)>;

// The routes and cost of any coalition of the pool's boroughs (bit i = borough i), from the
// cluster results. Immutable once built; thread-safe.
class PoolGame {
 public:
  struct ClusterResult {
    unsigned members = 0;  // the cluster's boroughs this result is for
    std::vector<TimedRoute> routes;
  };
  struct Cluster {
    Run run = Run::kMorning;
    unsigned boroughs = 0;    // boroughs with a start route in the cluster
    std::vector<int> routes;  // indices into start_routes
    int pupils = 0;
    std::vector<ClusterResult> results;  // one per set of its boroughs that was solved
  };

  PoolGame() = default;
  PoolGame(std::vector<VehicleType> fleet, std::vector<int> fleet_borough,
           std::vector<TimedRoute> start_routes, std::vector<int> route_borough,
           std::vector<Cluster> clusters, int boroughs);

  int boroughs() const { return boroughs_; }
  // The day's cost of coalition `mask`'s plan (0 for the empty coalition).
  std::int64_t cost(unsigned mask) const;
  // Coalition `mask`'s routes (AM first), ids from the first plans ("label/AM-001") or "" for
  // routes a cluster plan opened.
  std::vector<TimedRoute> routes(unsigned mask) const;
  const std::vector<Cluster>& clusters() const { return clusters_; }
  // The clusters where `mask`'s plan pools: a result for two or more boroughs is in it.
  std::vector<int> clusters_used(unsigned mask) const;

  // Up to this many boroughs every split of every coalition is weighed (3^k steps).
  static constexpr int kEverySplitUpTo = 12;

 private:
  struct Tally;
  // Adds mask's first routes to `tally`, then the cluster results that lower the day's cost
  // (step 5's two passes); returns those clusters.
  std::vector<int> accepted(unsigned mask, Tally& tally) const;
  // The cost of mask's own plan (no split).
  std::int64_t own_cost(unsigned mask) const;
  // The part of `mask` whose plan runs beside the rest's (0: mask's own plan); its cost.
  unsigned split_of(unsigned mask, std::int64_t* cost) const;

  std::vector<VehicleType> fleet_;
  std::vector<int> fleet_borough_;
  std::vector<TimedRoute> start_routes_;
  std::vector<int> route_borough_;
  std::vector<Cluster> clusters_;
  int boroughs_ = 0;
  // Up to kEverySplitUpTo boroughs, per coalition: its cost and its best split (0: none).
  std::vector<std::int64_t> best_;
  std::vector<unsigned> split_;
};

// The day's cost of routes over `fleet` as build_day_plan counts it: each type's vehicles and
// assistants paid per day by the busier run, each route's miles and hours.
std::int64_t routes_cost_pence(const std::vector<VehicleType>& fleet,
                               const std::vector<TimedRoute>& routes);

struct PoolOutcome {
  MergedInputs merged;
  DayMatrices matrices;  // over day_places(merged.inputs)
  // Per borough, over its own inputs: its first plan with the clusters' results for it alone.
  std::vector<DayPlan> alone;
  DayPlan pooled;  // over merged.inputs
  PoolGame game;
  // The boroughs' first plans added up: what they pay planning alone as `sendplan plan` plans
  // (before the clusters' search, which their stand-alone costs in `alone` have had too).
  std::int64_t first_plans_pence = 0;
  int cluster_solves = 0;
  int clusters_improved = 0;  // clusters whose joint result is in the pooled plan
  double matrix_seconds = 0, alone_seconds = 0, seam_seconds = 0;
};

// Plans the pool. Errors: invalid settings (kInvalidArgument), travel matrix failures, and the
// engine's errors. `settings` are the planner's (policy, runs, the alone plans' engine limits).
Result<PoolOutcome> plan_pool(const std::vector<BoroughInputs>& boroughs,
                              const travel::TravelSource& travel, const PlannerSettings& settings,
                              const PoolSearchSettings& search,
                              const PoolProgressCallback& progress = {});

}  // namespace sendplan::transport
