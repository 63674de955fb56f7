#include "solver/alns.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sendplan::solver {

namespace {

constexpr std::array<RepairKind, kRepairKindCount> kRepairs = {
    RepairKind{1, false}, RepairKind{1, true},  RepairKind{2, false},
    RepairKind{2, true},  RepairKind{3, false}, RepairKind{3, true}};
constexpr double kNoiseFraction = 0.025;  // of the largest distance (Ropke & Pisinger)
constexpr double kImprovementEpsilon = 1e-9;

std::unique_ptr<NearestRequests> granular(const SearchModel& model,
                                          const SolverParameters& parameters) {
  if (parameters.granular_neighbours <= 0 ||
      model.request_count() < std::max(1, parameters.granular_min_requests))
    return nullptr;
  return std::make_unique<NearestRequests>(model, parameters.granular_neighbours);
}

}  // namespace

OperatorWeights::OperatorWeights() {
  destroy_.weight.fill(1.0);
  repair_.weight.fill(1.0);
}

template <int N>
void OperatorWeights::Table<N>::end_segment(double reaction) {
  for (int i = 0; i < N; ++i) {
    if (uses[i] > 0)
      weight[i] = std::max(0.05, (1 - reaction) * weight[i] + reaction * score[i] / uses[i]);
    score[i] = 0;
    uses[i] = 0;
  }
}

void OperatorWeights::record(int destroy_index, int repair_index, double score, int64_t offered,
                             const SolverParameters& parameters) {
  destroy_.score[destroy_index] += score;
  ++destroy_.uses[destroy_index];
  repair_.score[repair_index] += score;
  ++repair_.uses[repair_index];
  if (offered % parameters.segment_length == 0) {
    destroy_.end_segment(parameters.reaction);
    repair_.end_segment(parameters.reaction);
  }
}

double unserved_penalty(const SearchModel& model, const SolverParameters& parameters) {
  return parameters.unserved_penalty_factor * model.max_distance();
}

Alns::Alns(const SearchModel& model, const SolverParameters& parameters, uint64_t seed)
    : model_(&model),
      parameters_(parameters),
      nearest_(granular(model, parameters)),
      random_(seed),
      evaluator_(model),
      inserter_(evaluator_),
      repair_(inserter_),
      relocate_(inserter_, nearest_.get()),
      two_opt_(evaluator_, nearest_.get()),
      context_{evaluator_, random_, {}} {
  if (parameters_.exchange_neighbours > 0 && model.request_count() > 1) {
    exchange_nearest_ = std::make_unique<NearestRequests>(model, parameters_.exchange_neighbours);
    exchange_ = std::make_unique<ExchangeSearch>(inserter_, *exchange_nearest_);
  }
}

double Alns::progress(Clock::time_point started, int64_t iteration) const {
  double p = 0;
  if (parameters_.max_iterations > 0)
    p = static_cast<double>(iteration) / static_cast<double>(parameters_.max_iterations);
  if (parameters_.time_limit_seconds > 0) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    p = std::max(p, elapsed / parameters_.time_limit_seconds);
  }
  return std::min(p, 1.0);
}

bool Alns::out_of_time(Clock::time_point started) const {
  if (parameters_.stop != nullptr && parameters_.stop->load(std::memory_order_relaxed)) return true;
  return parameters_.time_limit_seconds > 0 &&
         std::chrono::duration<double>(Clock::now() - started).count() >=
             parameters_.time_limit_seconds;
}

int Alns::removal_count(int served) {
  const int n = model_->request_count();
  int lo = std::max(parameters_.min_removed,
                    static_cast<int>(std::lround(parameters_.min_removal_fraction * n)));
  int hi = std::min(parameters_.max_removed,
                    static_cast<int>(std::lround(parameters_.max_removal_fraction * n)));
  hi = std::min(hi, served);
  lo = std::min(lo, hi);
  if (hi <= 0) return 0;
  return random_.between(lo, hi);
}

int Alns::roulette(const double* weights, int count) {
  double total = 0;
  for (int i = 0; i < count; ++i) total += weights[i];
  double x = random_.unit() * total;
  for (int i = 0; i < count; ++i) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return count - 1;
}

Alns::Clock::time_point Alns::deadline(Clock::time_point started) const {
  if (parameters_.time_limit_seconds <= 0) return Clock::time_point::max();
  return started + std::chrono::duration_cast<Clock::duration>(
                       std::chrono::duration<double>(parameters_.time_limit_seconds));
}

void Alns::polish(Solution& solution, const Solution* reference, Clock::time_point started) {
  const Clock::time_point until = deadline(started);
  // Round 1 works on the routes that differ from `reference`; each later round only on those the
  // round before changed (the others are already at a local optimum of these moves).
  seen_version_.resize(solution.routes().size());
  for (int round = 0; round < 10 && !out_of_time(started); ++round) {
    touched_.clear();
    for (int v : solution.used_routes()) {
      const uint64_t before = round > 0              ? seen_version_[v]
                              : reference != nullptr ? reference->route_version(v)
                                                     : ~uint64_t{0};
      if (solution.route_version(v) != before) touched_.push_back(v);
    }
    if (touched_.empty()) break;
    for (int v : solution.used_routes()) seen_version_[v] = solution.route_version(v);
    std::sort(touched_.begin(), touched_.end());
    int moves = two_opt_.improve_routes(solution, touched_);
    moves += two_opt_.improve_tails(solution, touched_, 1000, until);
    if (out_of_time(started)) break;
    touched_.erase(std::remove_if(touched_.begin(), touched_.end(),
                                  [&](int v) { return solution.route(v).empty(); }),
                   touched_.end());
    moves += relocate_.improve(solution, random_, 1, &touched_);
    if (exchange_ != nullptr && !out_of_time(started))
      moves += exchange_->improve(solution, random_, touched_, 1);
    if (moves == 0) break;
  }
}

Solution Alns::construct(Clock::time_point started, const Report& report, const Solution* start) {
  const double penalty = unserved_penalty(*model_, parameters_);
  const double noise = kNoiseFraction * model_->max_distance();
  assert(start == nullptr || (&start->model() == model_ && start->unserved_penalty() == penalty));
  Solution first = start != nullptr ? *start : Solution(*model_, penalty);
  auto last_report = Clock::time_point{};  // the first construction report goes out at once
  InsertionRepair::Observer observer;
  if (report) {
    observer = [&](const Solution& partial) {
      if (Clock::now() - last_report < std::chrono::milliseconds(250)) return;
      last_report = Clock::now();
      report(0, partial);
    };
  }
  repair_.repair(first, RepairKind{2, false}, random_, noise, observer);
  polish(first, nullptr, started);
  return first;
}

void Alns::propose(const Solution& base, Solution& candidate, int destroy_index, int repair_index,
                   Clock::time_point started) {
  candidate = base;
  const int served = model_->request_count() - static_cast<int>(candidate.unassigned().size());
  destroy(static_cast<DestroyKind>(destroy_index), candidate, removal_count(served), context_);
  repair_.repair(candidate, kRepairs[repair_index], random_,
                 kNoiseFraction * model_->max_distance());
  // Polish promising candidates: those that beat the solution they came from.
  if (parameters_.local_search && candidate.cost() < base.cost() - kImprovementEpsilon)
    polish(candidate, &base, started);
}

double Alns::accept(const Solution& candidate, Solution& current, Solution& best,
                    double temperature) {
  if (candidate.cost() < best.cost() - kImprovementEpsilon) {
    best = candidate;
    current = candidate;
    return parameters_.score_new_best;
  }
  if (candidate.cost() < current.cost() - kImprovementEpsilon) {
    current = candidate;
    return parameters_.score_better;
  }
  if (random_.unit() < std::exp((current.cost() - candidate.cost()) / temperature)) {
    current = candidate;
    return parameters_.score_accepted;
  }
  return 0;
}

double Alns::start_temperature(const Solution& first) const {
  return std::max(
      1e-9, parameters_.start_worse_fraction * std::max(first.routes_cost(), 1.0) / std::log(2.0));
}

double Alns::temperature(double start, double epoch_progress) const {
  return start * std::pow(parameters_.end_temperature_ratio, epoch_progress);
}

Solution Alns::run(Clock::time_point started, const Report& report, const Solution* start,
                   const Exchange& exchange) {
  Solution current = construct(started, report, start);
  Solution best = current;
  Solution candidate = current;
  auto last_report = Clock::now();

  const double start_temp = start_temperature(current);
  OperatorWeights weights;

  const int epochs = parameters_.restarts + 1;
  int epoch = 0;
  int64_t iteration = 0;
  while (true) {
    const double p = progress(started, iteration);
    if (p >= 1.0) break;
    // A new epoch (or several, after a long step): go on from the best, at the start temperature.
    const int now_epoch = std::min(epochs - 1, static_cast<int>(p * epochs));
    while (epoch < now_epoch) {
      ++epoch;
      const Solution* shared = exchange ? exchange(epoch, best) : nullptr;
      if (shared != nullptr && shared->cost() < best.cost() - kImprovementEpsilon) best = *shared;
      current = best;
    }
    const double epoch_progress = p * epochs - epoch;
    if (parameters_.stop != nullptr && parameters_.stop->load(std::memory_order_relaxed)) break;
    if (parameters_.max_iterations > 0 && iteration >= parameters_.max_iterations) break;
    ++iteration;

    const int destroy_index = roulette(weights.destroy().data(), kDestroyKindCount);
    const int repair_index = roulette(weights.repair().data(), kRepairKindCount);
    propose(current, candidate, destroy_index, repair_index, started);
    const double score = accept(candidate, current, best, temperature(start_temp, epoch_progress));
    weights.record(destroy_index, repair_index, score, iteration, parameters_);
    if (report && Clock::now() - last_report > std::chrono::milliseconds(250)) {
      last_report = Clock::now();
      report(iteration, best);
    }
  }
  statistics_.iterations = iteration;
  if (report) report(iteration, best);
  return best;
}

Solution Alns::run_shared(Clock::time_point started, const Report& report, const Solution* start,
                          SharedTrajectory& shared) {
  // Every thread builds a first solution (from its own seed); the best of them is the start.
  Solution base = construct(started, report, start);
  {
    std::lock_guard lock(shared.mutex_);
    if (!shared.best_ || base.cost() < shared.best_->cost() - kImprovementEpsilon) {
      shared.best_ = base;
      shared.current_ = base;
      shared.start_temperature_ = start_temperature(base);
    }
  }
  Solution candidate = base;
  auto last_report = Clock::now();
  const int epochs = parameters_.restarts + 1;
  int64_t iterations = 0;
  OperatorWeights weights;  // a copy of the shared weights, to choose from
  while (true) {
    double temp = 0;
    {
      std::lock_guard lock(shared.mutex_);
      const double p = progress(started, shared.started_iterations_);
      if (p >= 1.0) break;
      if (parameters_.stop != nullptr && parameters_.stop->load(std::memory_order_relaxed)) break;
      if (parameters_.max_iterations > 0 &&
          shared.started_iterations_ >= parameters_.max_iterations)
        break;
      const int now_epoch = std::min(epochs - 1, static_cast<int>(p * epochs));
      if (shared.epoch_ < now_epoch) {  // a restart: go on from the best, at the start temperature
        shared.epoch_ = now_epoch;
        *shared.current_ = *shared.best_;
      }
      ++shared.started_iterations_;
      temp = temperature(shared.start_temperature_, p * epochs - shared.epoch_);
      base = *shared.current_;
      weights = shared.weights_;
    }
    ++iterations;
    const int destroy_index = roulette(weights.destroy().data(), kDestroyKindCount);
    const int repair_index = roulette(weights.repair().data(), kRepairKindCount);
    propose(base, candidate, destroy_index, repair_index, started);

    std::lock_guard lock(shared.mutex_);
    // Against the current solution as it is now: another thread may have moved it meanwhile.
    const double score = accept(candidate, *shared.current_, *shared.best_, temp);
    shared.weights_.record(destroy_index, repair_index, score, ++shared.offered_iterations_,
                           parameters_);
    if (report && Clock::now() - last_report > std::chrono::milliseconds(250)) {
      last_report = Clock::now();
      report(iterations, *shared.best_);
    }
  }
  statistics_.iterations = iterations;
  std::lock_guard lock(shared.mutex_);
  if (report) report(iterations, *shared.best_);
  return *shared.best_;
}

}  // namespace sendplan::solver
