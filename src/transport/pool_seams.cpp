// Pooled planning at the seams between boroughs (pool_search.h, steps 3 and 4): what each first
// route is like, the disjoint clusters of nearby routes of several boroughs, and each cluster
// re-planned for every set of its boroughs, warm-started from their routes.
#include <algorithm>
#include <bit>
#include <limits>
#include <optional>
#include <unordered_map>

#include "transport/pool_search_internal.h"
#include "transport/run_planning.h"

namespace sendplan::transport::detail {

namespace {

CurrentRoute as_current(const TimedRoute& route) {
  CurrentRoute current;
  current.run = route.run;
  current.route_id = route.route_id;
  current.fleet_index = route.fleet_index;
  for (const TimedStop& stop : route.stops) current.stops.emplace_back(stop.pupil, stop.pickup);
  return current;
}

constexpr double kMetresPerDegree = 111'195.0;

Point plane(geo::LatLon at, double cos_latitude) {
  return {at.longitude * kMetresPerDegree * cos_latitude, at.latitude * kMetresPerDegree};
}

double distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// How close two routes come: the least distance between their places (homes and schools), or
// infinity when their bounding boxes are farther apart than `within`.
double closeness(const RouteFacts& a, const RouteFacts& b, double within) {
  const double gap_x = std::max({0.0, a.low.x - b.high.x, b.low.x - a.high.x});
  const double gap_y = std::max({0.0, a.low.y - b.high.y, b.low.y - a.high.y});
  if (std::hypot(gap_x, gap_y) > within) return std::numeric_limits<double>::infinity();
  double best = std::numeric_limits<double>::infinity();
  for (const Point& p : a.places)
    for (const Point& q : b.places) best = std::min(best, distance(p, q));
  return best;
}

bool share_a_school(const std::vector<int>& a, const std::vector<int>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

// One run's cost of `routes` as the engine counts it: each route's vehicle (and assistant) for
// the day, plus its miles and hours.
std::int64_t run_cost_pence(const std::vector<VehicleType>& fleet,
                            const std::vector<TimedRoute>& routes) {
  std::int64_t total = 0;
  for (const TimedRoute& route : routes) {
    const VehicleType& vehicle = fleet[route.fleet_index];
    total += vehicle.fixed_cost_per_day_pence + running_pence(vehicle, route) +
             (route.with_assistant ? vehicle.assistant_cost_per_day_pence : 0);
  }
  return total;
}

}  // namespace

std::vector<RouteFacts> route_facts(const MergedInputs& merged,
                                    const std::vector<TimedRoute>& routes,
                                    const std::vector<int>& route_borough,
                                    const PoolSearchSettings& search) {
  const TransportInputs& in = merged.inputs;
  std::unordered_map<std::string, int> school_of_id;
  for (size_t s = 0; s < in.schools.size(); ++s) school_of_id.emplace(in.schools[s].id, s);
  // Which boroughs have children at each school.
  std::vector<unsigned> users(in.schools.size(), 0);
  std::vector<int> pupil_school(in.pupils.size());
  for (size_t p = 0; p < in.pupils.size(); ++p) {
    pupil_school[p] = school_of_id.at(in.pupils[p].school_id);
    users[pupil_school[p]] |= 1u << merged.pupil_borough[p];
  }
  const double cos_latitude = std::cos(51.5 * 3.14159265358979 / 180.0);
  std::vector<RouteFacts> facts(routes.size());
  for (size_t r = 0; r < routes.size(); ++r) {
    RouteFacts& f = facts[r];
    f.borough = route_borough[r];
    for (const TimedStop& stop : routes[r].stops) {
      if (!stop.pickup) continue;  // each child once
      const int s = pupil_school[stop.pupil];
      const Point home = plane(in.pupils[stop.pupil].home, cos_latitude);
      const Point school = plane(in.schools[s].location, cos_latitude);
      for (const Point& at : {home, school}) {
        f.places.push_back(at);
        f.low = {std::min(f.low.x, at.x), std::min(f.low.y, at.y)};
        f.high = {std::max(f.high.x, at.x), std::max(f.high.y, at.y)};
      }
      f.schools.push_back(s);
      f.shared_school = f.shared_school || std::popcount(users[s]) > 1;
      ++f.pupils;
    }
    std::sort(f.schools.begin(), f.schools.end());
    f.schools.erase(std::unique(f.schools.begin(), f.schools.end()), f.schools.end());
  }
  for (size_t a = 0; a < facts.size(); ++a)
    for (size_t b = a + 1; b < facts.size(); ++b) {
      if (facts[a].borough == facts[b].borough || routes[a].run != routes[b].run) continue;
      const double d = closeness(facts[a], facts[b], search.seam_metres);
      facts[a].nearest_other = std::min(facts[a].nearest_other, d);
      facts[b].nearest_other = std::min(facts[b].nearest_other, d);
    }
  return facts;
}

// Disjoint clusters of one run's routes around the seams (pool_search.h, step 3).
std::vector<PoolGame::Cluster> make_clusters(Run run, const std::vector<TimedRoute>& routes,
                                             const std::vector<RouteFacts>& facts,
                                             const PoolSearchSettings& search) {
  std::vector<int> seeds;
  for (size_t r = 0; r < routes.size(); ++r)
    if (routes[r].run == run &&
        (facts[r].shared_school || facts[r].nearest_other <= search.seam_metres))
      seeds.push_back(static_cast<int>(r));
  std::stable_sort(seeds.begin(), seeds.end(), [&](int a, int b) {
    if (facts[a].shared_school != facts[b].shared_school) return facts[a].shared_school;
    return facts[a].nearest_other < facts[b].nearest_other;
  });
  std::vector<bool> taken(routes.size(), false);
  std::vector<PoolGame::Cluster> clusters;
  for (int seed : seeds) {
    if (taken[seed]) continue;
    PoolGame::Cluster cluster;
    cluster.run = run;
    // The seam: the seed and the nearest free route of another borough (one going to a school
    // of the seed's first). The cluster grows around the two, so that it holds both boroughs'
    // routes, not just the seed's own neighbours.
    int partner = -1;
    double partner_distance = 2 * search.seam_metres;
    for (size_t r = 0; r < routes.size(); ++r) {
      if (routes[r].run != run || taken[r] || facts[r].borough == facts[seed].borough) continue;
      const double d = share_a_school(facts[r].schools, facts[seed].schools)
                           ? 0.0
                           : closeness(facts[r], facts[seed], partner_distance);
      if (d < partner_distance) {
        partner_distance = d;
        partner = static_cast<int>(r);
      }
    }
    if (partner < 0) {
      taken[seed] = true;  // nothing to pool with nearby
      continue;
    }
    std::vector<int> schools = facts[seed].schools;
    schools.insert(schools.end(), facts[partner].schools.begin(), facts[partner].schools.end());
    std::sort(schools.begin(), schools.end());
    // Candidates by how close they come to the pair: a route going to one of the pair's schools
    // counts as at distance 0; none farther than twice the seam distance.
    std::vector<std::pair<double, int>> near;
    for (size_t r = 0; r < routes.size(); ++r) {
      if (routes[r].run != run || taken[r] || static_cast<int>(r) == seed ||
          static_cast<int>(r) == partner)
        continue;
      const double d = share_a_school(facts[r].schools, schools)
                           ? 0.0
                           : std::min(closeness(facts[r], facts[seed], 2 * search.seam_metres),
                                      closeness(facts[r], facts[partner], 2 * search.seam_metres));
      if (d <= 2 * search.seam_metres) near.emplace_back(d, static_cast<int>(r));
    }
    std::sort(near.begin(), near.end());
    near.insert(near.begin(), {0.0, partner});
    cluster.routes.push_back(seed);
    cluster.boroughs = 1u << facts[seed].borough;
    cluster.pupils = facts[seed].pupils;
    for (const auto& [d, r] : near) {
      if (cluster.pupils >= search.cluster_pupils) break;
      const unsigned bit = 1u << facts[r].borough;
      if ((cluster.boroughs & bit) == 0 &&
          std::popcount(cluster.boroughs) >= search.max_cluster_boroughs)
        continue;
      cluster.routes.push_back(r);
      cluster.boroughs |= bit;
      cluster.pupils += facts[r].pupils;
    }
    for (int r : cluster.routes) taken[r] = true;
    std::sort(cluster.routes.begin(), cluster.routes.end());
    clusters.push_back(std::move(cluster));
  }
  return clusters;
}

// Every non-empty set of `boroughs`' bits, smallest first.
std::vector<unsigned> member_subsets(unsigned boroughs) {
  std::vector<unsigned> subsets;
  for (unsigned s = boroughs; s > 0; s = (s - 1) & boroughs) subsets.push_back(s);
  std::sort(subsets.begin(), subsets.end(), [](unsigned a, unsigned b) {
    return std::popcount(a) != std::popcount(b) ? std::popcount(a) < std::popcount(b) : a < b;
  });
  return subsets;
}

// Solves one run's clusters for every non-empty set of their boroughs (step 4).
Status solve_clusters(const SeamWork& work, Run run, std::vector<PoolGame::Cluster>& clusters,
                      int first_cluster_number, const std::function<void()>& solved) {
  const TransportInputs& in = work.merged->inputs;
  const size_t types = in.fleet.size();
  // Spare vehicles of each type on this run, shared out among the clusters holding a route of
  // the type's borough (in cluster order, the remainder to the first ones).
  std::vector<int> used(types, 0);
  for (const TimedRoute& route : *work.routes)
    if (route.run == run) ++used[route.fleet_index];
  std::vector<std::vector<int>> offered(clusters.size(), std::vector<int>(types, 0));
  for (size_t f = 0; f < types; ++f) {
    const int borough = work.merged->fleet_borough[f];
    std::vector<size_t> holders;
    for (size_t c = 0; c < clusters.size(); ++c) {
      for (int r : clusters[c].routes)
        if ((*work.routes)[r].fleet_index == static_cast<int>(f)) ++offered[c][f];
      if (clusters[c].boroughs & (1u << borough)) holders.push_back(c);
    }
    const int spare = std::max(0, in.fleet[f].available - used[f]);
    for (size_t h = 0; h < holders.size(); ++h)
      offered[holders[h]][f] += spare / static_cast<int>(holders.size()) +
                                (static_cast<int>(h) < spare % static_cast<int>(holders.size()));
  }
  for (size_t c = 0; c < clusters.size(); ++c) {
    PoolGame::Cluster& cluster = clusters[c];
    // The first routes of a set of the cluster's boroughs, and what it has so far: its result,
    // or its first routes.
    auto routes_of_first = [&](unsigned members) {
      std::vector<TimedRoute> first;
      for (int r : cluster.routes)
        if (members & (1u << (*work.route_borough)[r])) first.push_back((*work.routes)[r]);
      return first;
    };
    auto routes_of = [&](unsigned members) {
      for (const PoolGame::ClusterResult& result : cluster.results)
        if (result.members == members) return result.routes;
      return routes_of_first(members);
    };
    for (unsigned members : member_subsets(cluster.boroughs)) {
      detail::RunScope scope;
      scope.everyone = false;
      for (int r : cluster.routes) {
        if ((members & (1u << (*work.route_borough)[r])) == 0) continue;
        for (const TimedStop& stop : (*work.routes)[r].stops)
          if (stop.pickup) scope.only.push_back(stop.pupil);
      }
      std::sort(scope.only.begin(), scope.only.end());
      // The starts: the first routes; and for several boroughs also the cheapest way one
      // member's result can run beside the others' (solved before: smaller sets come first).
      // The search from the first routes can restructure them freely; the one from the results
      // keeps what the members reach apart, so that pooling never has to catch up with it.
      std::vector<std::vector<TimedRoute>> starts = {routes_of_first(members)};
      if (std::popcount(members) > 1) {
        std::vector<TimedRoute> best;
        std::int64_t cheapest = std::numeric_limits<std::int64_t>::max();
        for (unsigned bit = members & (~members + 1); bit != 0 && bit <= members; bit <<= 1) {
          if ((members & bit) == 0) continue;
          std::vector<TimedRoute> apart = routes_of(bit);
          const std::vector<TimedRoute> rest = routes_of(members ^ bit);
          apart.insert(apart.end(), rest.begin(), rest.end());
          const std::int64_t cost = run_cost_pence(in.fleet, apart);
          if (cost < cheapest) {
            cheapest = cost;
            best = std::move(apart);
          }
        }
        starts.push_back(std::move(best));
      }
      scope.vehicles_taken.resize(types);
      for (size_t f = 0; f < types; ++f)
        scope.vehicles_taken[f] = (members & (1u << work.merged->fleet_borough[f])) != 0
                                      ? std::max(0, in.fleet[f].available - offered[c][f])
                                      : in.fleet[f].available;
      PlannerSettings settings = *work.settings;
      settings.solver.time_limit_seconds = 0;
      settings.solver.max_iterations = work.search->cluster_iterations;
      settings.solver.threads = 1;
      settings.solver.seed = work.search->seed + static_cast<std::uint64_t>(first_cluster_number) +
                             static_cast<std::uint64_t>(c);
      std::optional<std::vector<TimedRoute>> kept;
      std::int64_t kept_cost = 0;
      for (const std::vector<TimedRoute>& start : starts) {
        scope.start.clear();
        for (const TimedRoute& route : start) scope.start.push_back(as_current(route));
        Result<detail::RunOutcome> outcome =
            detail::plan_run(in, run, *work.matrix, settings, scope, {});
        if (!outcome) return outcome.error();
        // A result that leaves a child off is not a pooling result (the start carried everyone).
        if (!outcome.value().unserved.empty()) continue;
        const std::int64_t cost = run_cost_pence(in.fleet, outcome.value().routes);
        if (!kept || cost < kept_cost) {
          kept = std::move(outcome.value().routes);
          kept_cost = cost;
        }
      }
      if (kept) cluster.results.push_back({members, std::move(*kept)});
      if (solved) solved();
    }
  }
  return Status::success();
}

}  // namespace sendplan::transport::detail
