#include "solver/repair/insertion_repair.h"

#include <algorithm>

namespace sendplan::solver {

InsertionRepair::InsertionRepair(InsertionEvaluator& inserter)
    : inserter_(&inserter), model_(&inserter.model()) {}

// Cost first; equal costs go to the lower vehicle index, so the order does not depend on the
// order in which columns were added or updated.
bool InsertionRepair::before_in_order(double cost_a, int column_a, double cost_b,
                                      int column_b) const {
  return cost_a < cost_b ||
         (cost_a == cost_b && columns_[column_a].vehicle < columns_[column_b].vehicle);
}

void InsertionRepair::insert_best(Best& best, double cost, int c) const {
  if (best.count == regret_) {
    if (!before_in_order(cost, c, best.cost[regret_ - 1], best.column[regret_ - 1])) return;
    --best.count;  // the last one drops out
  }
  int h = best.count++;
  while (h > 0 && before_in_order(cost, c, best.cost[h - 1], best.column[h - 1])) {
    best.cost[h] = best.cost[h - 1];
    best.column[h] = best.column[h - 1];
    --h;
  }
  best.cost[h] = cost;
  best.column[h] = c;
}

void InsertionRepair::update_best(int row, int c, double before, double after) {
  Best& best = best_[row];
  if (before < kInfinity) --best.feasible;
  if (after < kInfinity) ++best.feasible;
  if (best.stale) return;
  int position = -1;
  for (int h = 0; h < best.count; ++h)
    if (best.column[h] == c) position = h;
  if (position < 0) {
    if (after < kInfinity) insert_best(best, after, c);
    return;
  }
  for (int h = position; h + 1 < best.count; ++h) {
    best.cost[h] = best.cost[h + 1];
    best.column[h] = best.column[h + 1];
  }
  --best.count;
  if (after <= before) {  // it can only move up: nothing outside the k best comes before it
    insert_best(best, after, c);
    return;
  }
  // Worse: a column outside the k best may now come before it, unless there is none.
  const int outside = best.feasible - (after < kInfinity ? 1 : 0) - best.count;
  if (outside > 0) {
    best.stale = true;
    return;
  }
  if (after < kInfinity) insert_best(best, after, c);
}

void InsertionRepair::rescan(int row) {
  Best& best = best_[row];
  best.count = 0;
  best.feasible = 0;
  best.stale = false;
  for (int c = 0; c < column_count_; ++c) {
    if (!columns_[c].open) continue;
    const double cost = columns_[c].entries[row].cost;
    if (cost == kInfinity) continue;
    ++best.feasible;
    insert_best(best, cost, c);
  }
}

void InsertionRepair::set_cost(int row, int c, double cost) {
  Column& column = columns_[c];
  const double before = column.entries[row].cost;
  column.entries[row].cost = cost;
  if (column.open && before != cost) update_best(row, c, before, cost);
}

void InsertionRepair::evaluate(const Solution& solution, int row, int c) {
  Entry& entry = columns_[c].entries[row];
  entry.insertion = inserter_->best(requests_[row], solution.route(columns_[c].vehicle));
  set_cost(
      row, c,
      entry.insertion.feasible() ? std::max(0.0, entry.insertion.cost + entry.noise) : kInfinity);
}

int InsertionRepair::add_column(int vehicle) {
  const int c = column_count_++;
  if (c == static_cast<int>(columns_.size())) columns_.emplace_back();
  Column& column = columns_[c];
  column.vehicle = vehicle;
  column.open = true;
  column.entries.assign(requests_.size(), Entry{});
  if (noise_) {
    for (Entry& entry : column.entries) entry.noise = (2 * random_->unit() - 1) * noise_amount_;
  }
  return c;
}

void InsertionRepair::close_fleet(const Solution& solution, int fleet) {
  for (int c = 0; c < column_count_; ++c) {
    Column& column = columns_[c];
    if (!column.open || model_->vehicle(column.vehicle).fleet != fleet ||
        !solution.route(column.vehicle).empty())
      continue;
    for (int row : alive_) update_best(row, c, column.entries[row].cost, kInfinity);
    column.open = false;
  }
}

void InsertionRepair::repair(Solution& solution, RepairKind kind, Random& random,
                             double noise_amount, const Observer& observer, int observe_every,
                             RepairScope scope) {
  requests_ = solution.unassigned();
  if (requests_.empty() || scope.max_insertions <= 0) return;
  regret_ = std::clamp(kind.regret, 1, kMaxRegret);
  noise_ = kind.noise;
  noise_amount_ = noise_amount;
  random_ = &random;
  const int rows = static_cast<int>(requests_.size());
  row_of_.assign(static_cast<size_t>(model_->request_count()), -1);
  alive_.resize(static_cast<size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    row_of_[requests_[row]] = row;
    alive_[row] = row;
  }
  best_.assign(static_cast<size_t>(rows), Best{});
  column_count_ = 0;

  solution.candidate_routes(routes_);
  if (!scope.open_vehicles)
    std::erase_if(routes_, [&](int v) { return solution.route(v).empty(); });
  for (int v : routes_) add_column(v);
  for (int c = 0; c < column_count_; ++c)
    for (int row = 0; row < rows; ++row) evaluate(solution, row, c);

  int inserted = 0;
  while (!alive_.empty()) {
    int chosen = -1;
    double chosen_score = -kInfinity, chosen_best = kInfinity;
    for (int a = 0; a < static_cast<int>(alive_.size()); ++a) {
      Best& best = best_[alive_[a]];
      if (best.stale) rescan(alive_[a]);
      if (best.feasible == 0) continue;
      double score;
      if (regret_ == 1) {
        score = -best.cost[0];
      } else {
        // Fewer feasible routes than k: most urgent, ordered by how few they have.
        score = best.feasible < regret_ ? 1e18 * (regret_ - best.feasible) : 0.0;
        for (int h = 1; h < std::min(best.feasible, regret_); ++h)
          score += best.cost[h] - best.cost[0];
      }
      if (score > chosen_score || (score == chosen_score && best.cost[0] < chosen_best)) {
        chosen = a;
        chosen_score = score;
        chosen_best = best.cost[0];
      }
    }
    if (chosen < 0) break;  // nothing left fits anywhere

    const int row = alive_[chosen];
    const int r = requests_[row];
    const int c = best_[row].column[0];
    const int v = columns_[c].vehicle;
    const bool was_empty = solution.route(v).empty();
    solution.insert(r, v, columns_[c].entries[row].insertion, *inserter_);
    alive_[chosen] = alive_.back();
    alive_.pop_back();
    row_of_[r] = -1;
    ++inserted;
    if (observer && inserted % observe_every == 0) observer(solution);
    if (alive_.empty() || inserted >= scope.max_insertions) break;

    if (was_empty) {
      // The next empty vehicle of this type stands in for "a new vehicle": same answers.
      const int next = solution.first_empty_vehicle_of_type(model_->vehicle(v).type);
      if (next >= 0) {
        const bool noise = noise_;
        noise_ = false;  // the copied entries bring their noise
        const int added = add_column(next);
        noise_ = noise;
        columns_[added].entries = columns_[c].entries;
        for (int a : alive_) update_best(a, added, kInfinity, columns_[added].entries[a].cost);
      }
      const int fleet = model_->vehicle(v).fleet;
      if (fleet >= 0 && solution.fleet_full(fleet)) close_fleet(solution, fleet);
    }
    // Stops were only added to route c: a request that did not fit on it still does not.
    const bool keeps = model_->removal_keeps_feasible();
    for (int a : alive_)
      if (!keeps || columns_[c].entries[a].cost < kInfinity) evaluate(solution, a, c);
  }
  if (observer) observer(solution);
}

}  // namespace sendplan::solver
