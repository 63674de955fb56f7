// Pooled planning across boroughs (see pool_search.h).
#include "transport/pool_search.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "transport/run_planning.h"

namespace sendplan::transport {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::int64_t pence(double amount) {
  return static_cast<std::int64_t>(std::llround(amount));
}

int run_index(Run run) {
  return run == Run::kMorning ? 0 : 1;
}

// A route's running cost (miles and hours) as build_day_plan counts it.
std::int64_t running_pence(const VehicleType& vehicle, const TimedRoute& route) {
  return pence(route.miles * static_cast<double>(vehicle.cost_per_mile_pence)) +
         pence((route.return_time - route.depart) / 60.0 *
               static_cast<double>(vehicle.cost_per_hour_pence));
}

// The matrix over `places` (indices into the big matrix's places).
travel::TravelMatrix sub_matrix(const travel::TravelMatrix& all, const std::vector<int>& places) {
  const int n = static_cast<int>(places.size());
  travel::TravelMatrix out = travel::TravelMatrix::zeros(n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      out.metres[out.index(i, j)] = all.metres_between(places[i], places[j]);
      out.seconds[out.index(i, j)] = all.seconds_between(places[i], places[j]);
    }
  return out;
}

// Borough b's day places (homes, schools, depots of its own inputs) in the merged day's places.
std::vector<int> borough_places(const MergedInputs& merged, const TransportInputs& own, int b) {
  const DayPlaces all = day_places(merged.inputs);
  std::vector<int> places;
  for (size_t p = 0; p < own.pupils.size(); ++p)
    places.push_back(merged.pupil_offset[b] + static_cast<int>(p));
  for (int s : merged.school_index[b]) places.push_back(all.school_offset + s);
  for (size_t f = 0; f < own.fleet.size(); ++f)
    places.push_back(all.depot_offset + merged.fleet_offset[b] + static_cast<int>(f));
  return places;
}

CurrentRoute as_current(const TimedRoute& route) {
  CurrentRoute current;
  current.run = route.run;
  current.route_id = route.route_id;
  current.fleet_index = route.fleet_index;
  for (const TimedStop& stop : route.stops) current.stops.emplace_back(stop.pupil, stop.pickup);
  return current;
}

// A place in metres on a local plane (London is small enough for one).
struct Point {
  double x = 0, y = 0;
};
constexpr double kMetresPerDegree = 111'195.0;

Point plane(geo::LatLon at, double cos_latitude) {
  return {at.longitude * kMetresPerDegree * cos_latitude, at.latitude * kMetresPerDegree};
}

double distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

struct RouteFacts {
  std::vector<Point> places;                  // its children's homes and schools
  Point low{1e18, 1e18}, high{-1e18, -1e18};  // their bounding box
  std::vector<int> schools;                   // merged school indices, ascending, unique
  int borough = 0;
  int pupils = 0;
  bool shared_school = false;
  double nearest_other = std::numeric_limits<double>::infinity();  // another borough's route
};

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

bool share_a_school(const std::vector<int>& a, const std::vector<int>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
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

}  // namespace

Status PoolSearchSettings::validate() const {
  if (cluster_pupils < 2)
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("cluster size must be at least 2 children, got {}", cluster_pupils));
  if (!(seam_metres > 0) || !std::isfinite(seam_metres))
    return make_error(ErrorCode::kInvalidArgument, "the seam distance must be positive");
  if (max_cluster_boroughs < 2 || max_cluster_boroughs > 6)
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("boroughs per cluster must be 2 to 6, got {}", max_cluster_boroughs));
  if (cluster_iterations <= 0)
    return make_error(ErrorCode::kInvalidArgument,
                      "iterations per cluster must be positive (they make the shares repeatable)");
  return Status::success();
}

// ---- The game ----------------------------------------------------------------------------

std::int64_t routes_cost_pence(const std::vector<VehicleType>& fleet,
                               const std::vector<TimedRoute>& routes) {
  std::vector<int> used[2], assisted[2];
  for (int r = 0; r < 2; ++r) {
    used[r].assign(fleet.size(), 0);
    assisted[r].assign(fleet.size(), 0);
  }
  std::int64_t total = 0;
  for (const TimedRoute& route : routes) {
    const int r = run_index(route.run);
    ++used[r][route.fleet_index];
    if (route.with_assistant) ++assisted[r][route.fleet_index];
    total += running_pence(fleet[route.fleet_index], route);
  }
  for (size_t f = 0; f < fleet.size(); ++f)
    total += std::max(used[0][f], used[1][f]) * fleet[f].fixed_cost_per_day_pence +
             std::max(assisted[0][f], assisted[1][f]) * fleet[f].assistant_cost_per_day_pence;
  return total;
}

// Vehicles and assistants per run and type, and the running cost, of a set of routes, kept up to
// date as cluster results come and go.
struct PoolGame::Tally {
  const std::vector<VehicleType>* fleet;
  std::vector<int> used[2], assisted[2];
  std::int64_t running = 0;

  explicit Tally(const std::vector<VehicleType>& f) : fleet(&f) {
    for (int r = 0; r < 2; ++r) {
      used[r].assign(f.size(), 0);
      assisted[r].assign(f.size(), 0);
    }
  }
  void add(const TimedRoute& route, int sign) {
    const int r = run_index(route.run);
    used[r][route.fleet_index] += sign;
    if (route.with_assistant) assisted[r][route.fleet_index] += sign;
    running += sign * running_pence((*fleet)[route.fleet_index], route);
  }
  std::int64_t cost() const {
    std::int64_t total = running;
    for (size_t f = 0; f < fleet->size(); ++f)
      total += std::max(used[0][f], used[1][f]) * (*fleet)[f].fixed_cost_per_day_pence +
               std::max(assisted[0][f], assisted[1][f]) * (*fleet)[f].assistant_cost_per_day_pence;
    return total;
  }
};

PoolGame::PoolGame(std::vector<VehicleType> fleet, std::vector<int> fleet_borough,
                   std::vector<TimedRoute> start_routes, std::vector<int> route_borough,
                   std::vector<Cluster> clusters, int boroughs)
    : fleet_(std::move(fleet)),
      fleet_borough_(std::move(fleet_borough)),
      start_routes_(std::move(start_routes)),
      route_borough_(std::move(route_borough)),
      clusters_(std::move(clusters)),
      boroughs_(boroughs) {
  if (boroughs_ > kEverySplitUpTo) return;
  // Smallest coalitions first, so a split's parts are final when it is weighed.
  const unsigned all = (1u << boroughs_) - 1;
  best_.assign(static_cast<size_t>(all) + 1, 0);
  split_.assign(static_cast<size_t>(all) + 1, 0);
  for (unsigned mask = 1; mask <= all; ++mask) {
    best_[mask] = own_cost(mask);
    const unsigned lowest = mask & (~mask + 1);
    for (unsigned part = (mask - 1) & mask; part > 0; part = (part - 1) & mask) {
      if ((part & lowest) == 0) continue;  // each split once
      const std::int64_t apart = best_[part] + best_[mask ^ part];
      if (apart < best_[mask]) {
        best_[mask] = apart;
        split_[mask] = part;
      }
    }
  }
}

std::int64_t PoolGame::own_cost(unsigned mask) const {
  Tally tally(fleet_);
  accepted(mask, tally);
  return tally.cost();
}

std::vector<int> PoolGame::accepted(unsigned mask, Tally& tally) const {
  for (size_t r = 0; r < start_routes_.size(); ++r)
    if (mask & (1u << route_borough_[r])) tally.add(start_routes_[r], +1);
  // The clusters with a result for their boroughs in the coalition.
  std::vector<std::pair<int, const ClusterResult*>> options;
  for (size_t c = 0; c < clusters_.size(); ++c) {
    const unsigned members = clusters_[c].boroughs & mask;
    if (members == 0) continue;
    for (const ClusterResult& result : clusters_[c].results)
      if (result.members == members) options.emplace_back(static_cast<int>(c), &result);
  }
  auto swap = [&](Tally& t, size_t option, int sign) {
    const auto& [c, result] = options[option];
    for (int r : clusters_[c].routes)
      if (mask & (1u << route_borough_[r])) t.add(start_routes_[r], -sign);
    for (const TimedRoute& route : result->routes) t.add(route, sign);
  };
  // Vehicles are paid by the busier run, so a morning cluster's saving may only show once an
  // afternoon one's is taken too. Two passes in cluster order, and the cheaper wins: adding
  // each result that lowers the day's cost, and taking every result then dropping each whose
  // removal lowers it.
  std::vector<bool> on_added(options.size(), false), on_dropped(options.size(), true);
  Tally added = tally;
  std::int64_t added_cost = added.cost();
  for (size_t o = 0; o < options.size(); ++o) {
    swap(added, o, +1);
    const std::int64_t with = added.cost();
    if (with < added_cost) {
      added_cost = with;
      on_added[o] = true;
    } else {
      swap(added, o, -1);
    }
  }
  Tally dropped = tally;
  for (size_t o = 0; o < options.size(); ++o) swap(dropped, o, +1);
  std::int64_t dropped_cost = dropped.cost();
  for (size_t o = 0; o < options.size(); ++o) {
    swap(dropped, o, -1);
    const std::int64_t without = dropped.cost();
    if (without < dropped_cost) {
      dropped_cost = without;
      on_dropped[o] = false;
    } else {
      swap(dropped, o, +1);
    }
  }
  const bool drop_wins = dropped_cost < added_cost;
  tally = drop_wins ? std::move(dropped) : std::move(added);
  const std::vector<bool>& on = drop_wins ? on_dropped : on_added;
  std::vector<int> used;
  for (size_t o = 0; o < options.size(); ++o)
    if (on[o]) used.push_back(options[o].first);
  return used;
}

unsigned PoolGame::split_of(unsigned mask, std::int64_t* cost) const {
  if (boroughs_ <= kEverySplitUpTo) {
    if (cost != nullptr) *cost = best_[mask];
    return split_[mask];
  }
  // Many boroughs: the lowest member alone beside the rest, or together, whichever is cheaper.
  const std::int64_t together = own_cost(mask);
  const unsigned lowest = mask & (~mask + 1);
  std::int64_t apart = together;
  if (mask != lowest) {
    std::int64_t rest = 0;
    split_of(mask ^ lowest, &rest);
    apart = own_cost(lowest) + rest;
  }
  if (cost != nullptr) *cost = std::min(together, apart);
  return apart < together ? lowest : 0;
}

std::int64_t PoolGame::cost(unsigned mask) const {
  if (mask == 0) return 0;
  std::int64_t cost = 0;
  split_of(mask, &cost);
  return cost;
}

std::vector<int> PoolGame::clusters_used(unsigned mask) const {
  if (mask == 0) return {};
  const unsigned part = split_of(mask, nullptr);
  if (part == 0) {
    Tally tally(fleet_);
    std::vector<int> used = accepted(mask, tally);
    std::erase_if(used, [&](int c) { return std::popcount(clusters_[c].boroughs & mask) < 2; });
    return used;
  }
  std::vector<int> used = clusters_used(part);
  for (int c : clusters_used(mask ^ part)) used.push_back(c);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  return used;
}

std::vector<TimedRoute> PoolGame::routes(unsigned mask) const {
  if (mask == 0) return {};
  std::vector<TimedRoute> out;
  if (const unsigned part = split_of(mask, nullptr); part != 0) {
    out = routes(part);
    std::vector<TimedRoute> rest = routes(mask ^ part);
    out.insert(out.end(), rest.begin(), rest.end());
  } else {
    Tally tally(fleet_);
    const std::vector<int> used = accepted(mask, tally);
    std::vector<bool> replaced(start_routes_.size(), false);
    for (int c : used)
      for (int r : clusters_[c].routes)
        if (mask & (1u << route_borough_[r])) replaced[r] = true;
    for (size_t r = 0; r < start_routes_.size(); ++r)
      if ((mask & (1u << route_borough_[r])) && !replaced[r]) out.push_back(start_routes_[r]);
    for (int c : used) {
      const unsigned members = clusters_[c].boroughs & mask;
      for (const ClusterResult& result : clusters_[c].results)
        if (result.members == members)
          out.insert(out.end(), result.routes.begin(), result.routes.end());
    }
  }
  // AM routes first, as a day plan lists them.
  std::stable_sort(out.begin(), out.end(), [](const TimedRoute& a, const TimedRoute& b) {
    return run_index(a.run) < run_index(b.run);
  });
  return out;
}

// ---- Planning the pool ----------------------------------------------------------------------

Result<PoolOutcome> plan_pool(const std::vector<BoroughInputs>& boroughs,
                              const travel::TravelSource& travel, const PlannerSettings& settings,
                              const PoolSearchSettings& search,
                              const PoolProgressCallback& progress) {
  if (Status valid = search.validate(); !valid) return valid.error();
  if (boroughs.size() < 2 || boroughs.size() > 16)
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("a pool needs 2 to 16 boroughs, got {}", boroughs.size()));
  auto report = [&](std::string step, int done, int total) {
    if (progress) progress({std::move(step), done, total});
  };
  PoolOutcome out;
  const int k = static_cast<int>(boroughs.size());
  out.merged = merge_boroughs(boroughs);
  const TransportInputs& in = out.merged.inputs;

  Clock::time_point started = Clock::now();
  report("travel matrix", 0, 1);
  Result<DayMatrices> matrices = day_matrices(in, travel);
  if (!matrices) return matrices.error();
  out.matrices = std::move(matrices).value();
  out.matrix_seconds = seconds_since(started);
  auto matrix_of = [&](Run run) -> const travel::TravelMatrix& {
    return run == Run::kMorning ? out.matrices.morning : out.matrices.afternoon;
  };

  // Each borough alone, on its own fleet, with the shared matrix.
  started = Clock::now();
  std::vector<TimedRoute> start_routes;
  std::vector<int> route_borough;
  std::vector<UnservedPupil> unserved;
  std::vector<std::vector<UnservedPupil>> own_unserved(k);
  for (int b = 0; b < k; ++b) {
    report(boroughs[b].label + " alone", b, k);
    detail::RunScope scope;
    scope.everyone = false;
    const int first = out.merged.pupil_offset[b];
    for (size_t p = 0; p < boroughs[b].inputs.pupils.size(); ++p)
      scope.only.push_back(first + static_cast<int>(p));
    scope.vehicles_taken.resize(in.fleet.size());
    for (size_t f = 0; f < in.fleet.size(); ++f)
      scope.vehicles_taken[f] = out.merged.fleet_borough[f] == b ? 0 : in.fleet[f].available;
    Result<detail::RunOutcome> planned = detail::plan_both_runs(
        settings.runs_in_parallel,
        [&](Run run) { return detail::plan_run(in, run, matrix_of(run), settings, scope, {}); });
    if (!planned) return planned.error();
    // Route ids unique over the pool: the borough's label before the ids it would have alone.
    int numbers[2] = {0, 0};
    for (TimedRoute& route : planned.value().routes) {
      route.route_id = fmt::format("{}/{}-{:03}", boroughs[b].label, run_name(route.run),
                                   ++numbers[run_index(route.run)]);
      start_routes.push_back(std::move(route));
      route_borough.push_back(b);
    }
    own_unserved[b] = planned.value().unserved;
    for (const UnservedPupil& u : planned.value().unserved) unserved.push_back(u);
  }
  report("alone", k, k);
  out.alone_seconds = seconds_since(started);

  out.first_plans_pence = routes_cost_pence(in.fleet, start_routes);

  // The seams: clusters per run, each solved for every set of its boroughs.
  started = Clock::now();
  const std::vector<RouteFacts> facts =
      route_facts(out.merged, start_routes, route_borough, search);
  std::vector<PoolGame::Cluster> clusters[2] = {
      make_clusters(Run::kMorning, start_routes, facts, search),
      make_clusters(Run::kAfternoon, start_routes, facts, search)};
  int total = 0;
  for (const auto& run_clusters : clusters)
    for (const PoolGame::Cluster& c : run_clusters)
      total += static_cast<int>(member_subsets(c.boroughs).size());
  std::atomic<int> solved{0};
  std::mutex report_lock;
  const SeamWork work{&out.merged, nullptr, &settings, &search, &start_routes, &route_borough};
  const Status seams = detail::for_both_runs(settings.runs_in_parallel, [&](Run run) -> Status {
    SeamWork mine = work;
    mine.matrix = &matrix_of(run);
    const int r = run_index(run);
    return solve_clusters(mine, run, clusters[r], r * static_cast<int>(clusters[0].size()), [&] {
      const int done = ++solved;
      std::lock_guard lock(report_lock);
      report("seams", done, total);
    });
  });
  if (!seams) return seams.error();
  out.cluster_solves = solved.load();
  std::vector<PoolGame::Cluster> all_clusters = std::move(clusters[0]);
  for (PoolGame::Cluster& c : clusters[1]) all_clusters.push_back(std::move(c));
  out.seam_seconds = seconds_since(started);

  out.game = PoolGame(in.fleet, out.merged.fleet_borough, std::move(start_routes),
                      std::move(route_borough), std::move(all_clusters), k);
  // Each borough's own plan: its routes with the clusters' results for it alone (the same
  // search effort as any coalition gets), over its own inputs (indices shifted back).
  for (int b = 0; b < k; ++b) {
    std::vector<TimedRoute> routes = out.game.routes(1u << b);
    const std::string prefix = boroughs[b].label + "/";
    for (TimedRoute& route : routes) {
      route.fleet_index -= out.merged.fleet_offset[b];
      for (TimedStop& stop : route.stops) stop.pupil -= out.merged.pupil_offset[b];
      if (route.route_id.rfind(prefix, 0) == 0) route.route_id.erase(0, prefix.size());
    }
    std::vector<UnservedPupil> missing = own_unserved[b];
    for (UnservedPupil& u : missing) u.pupil -= out.merged.pupil_offset[b];
    const std::vector<int> places = borough_places(out.merged, boroughs[b].inputs, b);
    const travel::TravelMatrix am = sub_matrix(out.matrices.morning, places);
    const travel::TravelMatrix pm = sub_matrix(out.matrices.afternoon, places);
    out.alone.push_back(build_day_plan("planned alone", boroughs[b].inputs, std::move(routes),
                                       missing,
                                       day_ride_limits(boroughs[b].inputs, am, pm, settings.policy),
                                       settings.policy, settings.school_days_per_year));
  }
  const unsigned everyone = (1u << k) - 1;
  out.clusters_improved = static_cast<int>(out.game.clusters_used(everyone).size());
  out.pooled = build_day_plan(
      "pooled", in, out.game.routes(everyone), unserved,
      day_ride_limits(in, out.matrices.morning, out.matrices.afternoon, settings.policy),
      settings.policy, settings.school_days_per_year);
  return out;
}

}  // namespace sendplan::transport
