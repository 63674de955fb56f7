// Making a symmetric travel matrix metric: every time is cut to the quickest chain of journeys
// through the other places (i → j → k when that is quicker than i → k), so that the triangle
// inequality holds, as the solver needs before it tightens time windows (search_model.cpp). The
// distance of a cut pair becomes the distance of the chain it now stands for. This is the
// shortest-path closure (Floyd–Warshall), restricted to the pairs a caller cannot rule out, so
// that its cost follows the number of such pairs rather than n³. Seconds and metres.
#pragma once

#include <cstdint>
#include <vector>

#include "travel/travel_matrix.h"

namespace sendplan::travel {

struct MetricClosureStats {
  long long candidate_pairs = 0;   // unordered pairs examined (not ruled out by the caller)
  long long pairs_shortened = 0;   // unordered pairs whose time was cut
  double largest_cut_seconds = 0;  // the most any one time was cut by
};

// `matrix` must be symmetric with a zero diagonal, and stays so. `may_shorten` (size × size,
// symmetric, row-major) marks the pairs whose time might be cut by a chain; every pair it does
// not mark must provably be no slower than any chain (the caller's lower bound), and is left as
// it is. Empty means every pair. Runs on up to `threads` threads.
MetricClosureStats make_metric(TravelMatrix& matrix, const std::vector<std::uint8_t>& may_shorten,
                               unsigned threads = 1);

}  // namespace sendplan::travel
