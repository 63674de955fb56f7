// Metric closure: Floyd–Warshall over every pivot, updating only the candidate pairs.
//
// Why it is exact: Floyd–Warshall keeps, after pivots 0..j, the quickest chain through those
// pivots. A pair left out is already as quick as any chain, so its value is right at every stage,
// and the candidate pairs are relaxed as usual. Only the upper triangle is relaxed, and each cut
// is mirrored at once; within one pivot's pass no thread reads what another writes (row and
// column j do not change during pivot j: i → j → j is i → j).
//
// Pruning: a chain i → j → k costs at least time(i, j) plus the quickest journey out of j, so
// for row i the candidates k are kept in order of their original time, longest first, and the
// pass stops at the first that could not be beaten.
#include "travel/metric_closure.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <limits>
#include <thread>

namespace sendplan::travel {

MetricClosureStats make_metric(TravelMatrix& matrix, const std::vector<std::uint8_t>& may_shorten,
                               unsigned threads) {
  MetricClosureStats stats;
  const int n = matrix.size;
  if (n < 3) return stats;
  const bool all = may_shorten.empty();

  // candidates[i]: the k > i to relax, with their original times, longest first.
  struct Candidate {
    int k;
    double original;
  };
  std::vector<std::vector<Candidate>> candidates(static_cast<std::size_t>(n));
  std::vector<int> rows;  // rows with candidates
  for (int i = 0; i < n; ++i) {
    std::vector<Candidate>& row = candidates[static_cast<std::size_t>(i)];
    for (int k = i + 1; k < n; ++k) {
      if (all || may_shorten[matrix.index(i, k)])
        row.push_back({k, matrix.seconds[matrix.index(i, k)]});
    }
    std::sort(row.begin(), row.end(),
              [](const Candidate& a, const Candidate& b) { return a.original > b.original; });
    stats.candidate_pairs += static_cast<long long>(row.size());
    if (!row.empty()) rows.push_back(i);
  }
  if (stats.candidate_pairs == 0) return stats;

  double* seconds = matrix.seconds.data();
  double* metres = matrix.metres.data();
  const auto at = [&](int a, int b) { return matrix.index(a, b); };
  // The quickest journey out of the pivot: recomputed once per pivot, before its pass.
  double quickest_from_pivot = 0;
  auto relax_rows = [&](int pivot, std::size_t first, std::size_t step) {
    const double* pivot_row = seconds + at(pivot, 0);
    const double* pivot_metres = metres + at(pivot, 0);
    for (std::size_t r = first; r < rows.size(); r += step) {
      const int i = rows[r];
      if (i == pivot) continue;
      const double to_pivot = seconds[at(i, pivot)];
      const double bound = to_pivot + quickest_from_pivot;
      const double metres_to_pivot = metres[at(i, pivot)];
      for (const Candidate& candidate : candidates[static_cast<std::size_t>(i)]) {
        // Times only fall, so once an original time is within the bound no chain through this
        // pivot beats it, nor any candidate after it.
        if (candidate.original <= bound) break;
        const int k = candidate.k;
        const double current = seconds[at(i, k)];
        if (k == pivot || current <= bound) continue;
        const double via = to_pivot + pivot_row[k];
        if (via < current) {
          seconds[at(i, k)] = via;
          seconds[at(k, i)] = via;
          const double chain_metres = metres_to_pivot + pivot_metres[k];
          metres[at(i, k)] = chain_metres;
          metres[at(k, i)] = chain_metres;
        }
      }
    }
  };
  auto quickest_out_of = [&](int pivot) {
    double quickest = std::numeric_limits<double>::infinity();
    const double* row = seconds + at(pivot, 0);
    for (int k = 0; k < n; ++k) {
      if (k != pivot) quickest = std::min(quickest, row[k]);
    }
    return quickest;
  };

  const unsigned workers = std::max(1u, std::min(threads, static_cast<unsigned>(rows.size())));
  if (workers == 1) {
    for (int pivot = 0; pivot < n; ++pivot) {
      quickest_from_pivot = quickest_out_of(pivot);
      relax_rows(pivot, 0, 1);
    }
  } else {
    int pivot = 0;
    quickest_from_pivot = quickest_out_of(0);
    // After every pass the completion step moves to the next pivot (run by one thread while the
    // others wait), so all threads see the same pivot and its quickest journey.
    std::barrier sync(static_cast<std::ptrdiff_t>(workers), [&]() noexcept {
      ++pivot;
      if (pivot < n) quickest_from_pivot = quickest_out_of(pivot);
    });
    auto work = [&](unsigned worker) {
      while (pivot < n) {
        relax_rows(pivot, worker, workers);
        sync.arrive_and_wait();
      }
    };
    std::vector<std::thread> helpers;
    for (unsigned w = 1; w < workers; ++w) helpers.emplace_back(work, w);
    work(0);
    for (std::thread& helper : helpers) helper.join();
  }

  for (int i : rows) {
    for (const Candidate& candidate : candidates[static_cast<std::size_t>(i)]) {
      const double cut = candidate.original - seconds[at(i, candidate.k)];
      if (cut > 0) {
        ++stats.pairs_shortened;
        stats.largest_cut_seconds = std::max(stats.largest_cut_seconds, cut);
      }
    }
  }
  return stats;
}

}  // namespace sendplan::travel
