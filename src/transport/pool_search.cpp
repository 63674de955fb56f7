// Pooled planning across boroughs (see pool_search.h): the search's settings, and plan_pool's
// steps in order: the shared travel matrix, each borough alone, the seams (pool_seams.cpp), the
// game (pool_game.cpp) and the boroughs' own and pooled day plans.
#include "transport/pool_search.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>

#include "transport/pool_search_internal.h"
#include "transport/run_planning.h"

namespace sendplan::transport {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
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

}  // namespace

using detail::make_clusters;
using detail::member_subsets;
using detail::route_facts;
using detail::RouteFacts;
using detail::run_index;
using detail::SeamWork;
using detail::solve_clusters;

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
