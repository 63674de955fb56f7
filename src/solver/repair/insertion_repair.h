// Repair operators: insert every unassigned request back, one at a time, each time choosing
//   greedy   — the request with the cheapest best insertion, or
//   regret-k — the request that would lose most if its best route were taken (sum over the k best
//              routes of the cost above the best; requests with fewer than k feasible routes
//              first).
// Optional noise perturbs insertion costs by up to ±noise·(largest distance) to diversify.
//
// Only the candidate routes are tried (Solution::candidate_routes: non-empty routes and one empty
// vehicle per type, as empty vehicles of a type are interchangeable), and no empty vehicle of a
// group whose fleet limit is reached: opening the last allowed vehicle of a group withdraws the
// other types' empty candidates (a repair only adds requests, so a group never frees up during
// one). Requests that fit nowhere stay unassigned.
//
// Best insertions are cached per (request, candidate route), and each request keeps its k best
// routes up to date as columns change: after an insertion only the changed route's column is
// re-evaluated (plus, when it was empty, a new column for the next empty vehicle of its type),
// and a request's k best are rescanned only when one of them got worse. One step thus costs
// O(pending) insertion evaluations instead of O(pending × routes) cache reads.
// Every request tries every candidate route: restricting repair to the routes near a request
// (granular, as local search does) was tried and made large plans much worse, because requests
// whose near routes were full opened new vehicles.
#pragma once

#include <array>
#include <functional>
#include <limits>
#include <vector>

#include "core/random.h"
#include "solver/solution.h"

namespace sendplan::solver {

struct RepairKind {
  int regret = 1;      // 1 = greedy; k >= 2 = regret-k
  bool noise = false;  // perturb insertion costs
};

// Which routes a repair may use and how far it goes (the ALNS uses the defaults; keeping a given
// plan and adding to it uses the others, see warm_start.h).
struct RepairScope {
  bool open_vehicles = true;  // false: only the routes that already have stops are tried
  int max_insertions = std::numeric_limits<int>::max();  // stop after this many insertions
};

class InsertionRepair {
 public:
  static constexpr int kMaxRegret = 4;
  // Called during a repair with the solution so far, after every `observe_every` insertions.
  using Observer = std::function<void(const Solution&)>;

  explicit InsertionRepair(InsertionEvaluator& inserter);
  void repair(Solution& solution, RepairKind kind, Random& random, double noise_amount,
              const Observer& observer = {}, int observe_every = 100, RepairScope scope = {});

 private:
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();
  struct Entry {
    Insertion insertion;
    double cost = kInfinity;  // with noise, at least 0; infinite when infeasible
    double noise = 0;
  };
  struct Column {
    int vehicle = -1;
    bool open = true;            // false once withdrawn (its group's fleet limit was reached)
    std::vector<Entry> entries;  // per row
  };
  // A row's k best open columns by (cost, vehicle), feasible ones only. Exact unless `stale`.
  struct Best {
    std::array<double, kMaxRegret> cost;
    std::array<int, kMaxRegret> column;
    int count = 0;       // entries in use: min(k, feasible) when not stale
    int feasible = 0;    // open columns with a finite cost
    bool stale = false;  // some entry got worse: rescan before reading
  };

  int add_column(int vehicle);
  // Evaluates row's entry in column c and keeps the row's best in step.
  void evaluate(const Solution& solution, int row, int c);
  void set_cost(int row, int c, double cost);
  // Keeps row's Best in step with column c's cost going from `before` to `after`.
  void update_best(int row, int c, double before, double after);
  bool before_in_order(double cost_a, int column_a, double cost_b, int column_b) const;
  void insert_best(Best& best, double cost, int c) const;
  void rescan(int row);
  // Withdraws every empty vehicle of the group's types from the candidates.
  void close_fleet(const Solution& solution, int fleet);

  InsertionEvaluator* inserter_;
  const SearchModel* model_;
  int regret_ = 1;
  bool noise_ = false;
  double noise_amount_ = 0;
  Random* random_ = nullptr;
  std::vector<int> requests_;  // per row: the request
  std::vector<int> row_of_;    // per request: its row, or -1 when not pending
  std::vector<int> alive_;     // rows still pending
  std::vector<Column> columns_;
  int column_count_ = 0;     // columns_ in use (the rest keep their storage for the next repair)
  std::vector<Best> best_;   // per row
  std::vector<int> routes_;  // scratch
};

}  // namespace sendplan::solver
