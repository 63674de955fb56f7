#include "solver/repair/insertion_repair.h"

#include <algorithm>
#include <array>
#include <limits>

namespace sendplan::solver {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr int kMaxRegret = 4;
}  // namespace

InsertionRepair::InsertionRepair(InsertionEvaluator& inserter)
    : inserter_(&inserter), model_(&inserter.model()) {}

bool InsertionRepair::is_candidate_route(const Solution& solution, int v) const {
  const Route& route = solution.route(v);
  if (!route.empty()) return true;
  return solution.first_empty_vehicle_of_type(model_->vehicle(v).type) == v;
}

void InsertionRepair::close_fleet(const Solution& solution, int fleet) {
  for (int t : model_->problem().fleet_limits()[fleet].vehicle_types) {
    for (int u = model_->first_vehicle_of_type()[t]; u < model_->vehicle_end_of_type(t); ++u)
      if (solution.route(u).empty()) candidate_route_[u] = 0;
  }
}

void InsertionRepair::evaluate_route(const Solution& solution, int v) {
  const int vehicles = model_->vehicle_count();
  for (size_t i = 0; i < pending_.size(); ++i)
    cache_[i * vehicles + v] = inserter_->best(pending_[i], solution.route(v));
}

void InsertionRepair::repair(Solution& solution, RepairKind kind, Random& random,
                             double noise_amount) {
  const int vehicles = model_->vehicle_count();
  pending_ = solution.unassigned();
  if (pending_.empty()) return;
  cache_.assign(pending_.size() * vehicles, Insertion{});
  noise_.assign(cache_.size(), 0.0);
  if (kind.noise) {
    for (double& n : noise_) n = (2 * random.unit() - 1) * noise_amount;
  }
  candidate_route_.assign(vehicles, 0);
  for (int v = 0; v < vehicles; ++v) {
    candidate_route_[v] = is_candidate_route(solution, v) ? 1 : 0;
    if (candidate_route_[v]) evaluate_route(solution, v);
  }
  const int regret = std::clamp(kind.regret, 1, kMaxRegret);

  while (!pending_.empty()) {
    int chosen = -1, chosen_route = -1;
    double chosen_score = -kInfinity, chosen_best = kInfinity;
    for (size_t i = 0; i < pending_.size(); ++i) {
      std::array<double, kMaxRegret> smallest;
      smallest.fill(kInfinity);
      int feasible = 0, best_route = -1;
      for (int v = 0; v < vehicles; ++v) {
        if (!candidate_route_[v]) continue;
        const Insertion& ins = cache_[i * vehicles + v];
        if (!ins.feasible()) continue;
        ++feasible;
        const double cost = std::max(0.0, ins.cost + noise_[i * vehicles + v]);
        if (cost < smallest[regret - 1]) {
          int h = regret - 1;
          while (h > 0 && smallest[h - 1] > cost) {
            smallest[h] = smallest[h - 1];
            --h;
          }
          smallest[h] = cost;
          if (h == 0) best_route = v;
        }
      }
      if (feasible == 0) continue;
      double score;
      if (regret == 1) {
        score = -smallest[0];
      } else {
        // Fewer feasible routes than k: most urgent, ordered by how few they have.
        score = feasible < regret ? 1e18 * (regret - feasible) : 0.0;
        for (int h = 1; h < std::min(feasible, regret); ++h) score += smallest[h] - smallest[0];
      }
      if (score > chosen_score || (score == chosen_score && smallest[0] < chosen_best)) {
        chosen = static_cast<int>(i);
        chosen_route = best_route;
        chosen_score = score;
        chosen_best = smallest[0];
      }
    }
    if (chosen < 0) break;  // nothing left fits anywhere

    const int r = pending_[chosen];
    const int v = chosen_route;
    const bool was_empty = solution.route(v).empty();
    solution.insert(r, v, cache_[chosen * vehicles + v], *inserter_);

    // Drop the chosen row (swap with the last).
    const size_t last = pending_.size() - 1;
    if (static_cast<size_t>(chosen) != last) {
      pending_[chosen] = pending_[last];
      std::copy_n(cache_.begin() + static_cast<std::ptrdiff_t>(last * vehicles), vehicles,
                  cache_.begin() + static_cast<std::ptrdiff_t>(chosen * vehicles));
      std::copy_n(noise_.begin() + static_cast<std::ptrdiff_t>(last * vehicles), vehicles,
                  noise_.begin() + static_cast<std::ptrdiff_t>(chosen * vehicles));
    }
    pending_.pop_back();
    cache_.resize(pending_.size() * vehicles);
    noise_.resize(pending_.size() * vehicles);
    if (pending_.empty()) break;

    if (was_empty) {
      // The next empty vehicle of this type stands in for "a new vehicle": same answers.
      const int next = solution.first_empty_vehicle_of_type(model_->vehicle(v).type);
      if (next >= 0) {
        candidate_route_[next] = 1;
        for (size_t i = 0; i < pending_.size(); ++i) {
          cache_[i * vehicles + next] = cache_[i * vehicles + v];
          noise_[i * vehicles + next] = noise_[i * vehicles + v];
        }
      }
      const int fleet = model_->vehicle(v).fleet;
      if (fleet >= 0 && solution.fleet_full(fleet)) close_fleet(solution, fleet);
    }
    evaluate_route(solution, v);
  }
}

}  // namespace sendplan::solver
