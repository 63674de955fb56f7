#include "solver/nearest_requests.h"

#include <algorithm>
#include <utility>

namespace sendplan::solver {

NearestRequests::NearestRequests(const SearchModel& model, int count) {
  const int n = model.request_count();
  count_ = std::clamp(count, 0, std::max(0, n - 1));
  nearest_.resize(static_cast<size_t>(n));
  std::vector<std::pair<double, int>> ranked;
  for (int r = 0; r < n; ++r) {
    ranked.clear();
    for (int s = 0; s < n; ++s)
      if (s != r) ranked.emplace_back(model.relatedness(r, s), s);
    const auto end = ranked.begin() + count_;
    std::nth_element(ranked.begin(), end, ranked.end());
    std::sort(ranked.begin(), end);
    for (auto it = ranked.begin(); it != end; ++it) nearest_[r].push_back(it->second);
  }
}

void near_candidate_routes(const Solution& solution, const NearestRequests& nearest, int r,
                           int also, std::vector<int>& out) {
  out.clear();
  for (int near : nearest.of(r)) {
    const int v = solution.route_of(near);
    if (v >= 0) out.push_back(v);
  }
  if (also >= 0 && !solution.route(also).empty()) out.push_back(also);
  const int types = static_cast<int>(solution.model().first_vehicle_of_type().size());
  for (int t = 0; t < types; ++t) {
    const int v = solution.first_empty_vehicle_of_type(t);
    if (v >= 0) out.push_back(v);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace sendplan::solver
