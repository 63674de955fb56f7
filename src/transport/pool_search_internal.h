// The pieces of pooled planning (pool_search.h) its three files share: pool_search.cpp (the
// settings and plan_pool's steps), pool_seams.cpp (step 3's clusters at the seams and step 4's
// solves) and pool_game.cpp (step 5: the cost and routes of any coalition). Internal to the
// transport library; only those files include this.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "transport/pool_search.h"

namespace sendplan::transport::detail {

inline std::int64_t pence(double amount) {
  return static_cast<std::int64_t>(std::llround(amount));
}

inline int run_index(Run run) {
  return run == Run::kMorning ? 0 : 1;
}

// A route's running cost (miles and hours) as build_day_plan counts it.
inline std::int64_t running_pence(const VehicleType& vehicle, const TimedRoute& route) {
  return pence(route.miles * static_cast<double>(vehicle.cost_per_mile_pence)) +
         pence((route.return_time - route.depart) / 60.0 *
               static_cast<double>(vehicle.cost_per_hour_pence));
}

// A place in metres on a local plane (London is small enough for one).
struct Point {
  double x = 0, y = 0;
};

struct RouteFacts {
  std::vector<Point> places;                  // its children's homes and schools
  Point low{1e18, 1e18}, high{-1e18, -1e18};  // their bounding box
  std::vector<int> schools;                   // merged school indices, ascending, unique
  int borough = 0;
  int pupils = 0;
  bool shared_school = false;
  double nearest_other = std::numeric_limits<double>::infinity();  // another borough's route
};

// What each route of the first plans is like, for finding the seams: its places, schools and
// borough, and how close another borough's route on its run comes.
std::vector<RouteFacts> route_facts(const MergedInputs& merged,
                                    const std::vector<TimedRoute>& routes,
                                    const std::vector<int>& route_borough,
                                    const PoolSearchSettings& search);

// Disjoint clusters of one run's routes around the seams (pool_search.h, step 3).
std::vector<PoolGame::Cluster> make_clusters(Run run, const std::vector<TimedRoute>& routes,
                                             const std::vector<RouteFacts>& facts,
                                             const PoolSearchSettings& search);

// Every non-empty set of `boroughs`' bits, smallest first.
std::vector<unsigned> member_subsets(unsigned boroughs);

struct SeamWork {
  const MergedInputs* merged;
  const travel::TravelMatrix* matrix;
  const PlannerSettings* settings;
  const PoolSearchSettings* search;
  const std::vector<TimedRoute>* routes;
  const std::vector<int>* route_borough;
};

// Solves one run's clusters for every non-empty set of their boroughs (step 4).
Status solve_clusters(const SeamWork& work, Run run, std::vector<PoolGame::Cluster>& clusters,
                      int first_cluster_number, const std::function<void()>& solved);

}  // namespace sendplan::transport::detail
