// The pool as a game (pool_search.h, step 5): the day's cost and routes of any coalition of the
// pool's boroughs, from their first plans and the clusters' results, with every split of a
// coalition weighed.
#include <algorithm>
#include <bit>

#include "transport/pool_search_internal.h"

namespace sendplan::transport {

using detail::run_index;
using detail::running_pence;

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

}  // namespace sendplan::transport
