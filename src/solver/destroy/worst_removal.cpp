// Worst removal: rank served requests by what removing them saves (route cost with minus without),
// then remove `count` of them, choosing rank floor(y^3 * remaining) for uniform y — mostly the
// costliest, sometimes others (Ropke & Pisinger 2006). Savings are computed once per call.
#include <algorithm>
#include <cmath>

#include "solver/destroy/removal.h"

namespace sendplan::solver {

void worst_removal(Solution& solution, int count, DestroyContext& context) {
  collect_served(solution, context.served);
  struct Saving {
    double saving;
    int request;
  };
  std::vector<Saving> savings;
  savings.reserve(context.served.size());
  std::vector<int> sequence;
  RouteSchedule schedule;
  for (int r : context.served) {
    const Route& route = solution.route(solution.route_of(r));
    sequence.clear();
    for (int s : route.stops)
      if (request_of(s) != r) sequence.push_back(s);
    double without = 0;
    if (!sequence.empty()) {
      context.evaluator.evaluate(route.vehicle, sequence.data(), static_cast<int>(sequence.size()),
                                 schedule);
      without = schedule.feasible ? schedule.cost : route.cost();
    }
    savings.push_back({route.cost() - without, r});
  }
  std::sort(savings.begin(), savings.end(), [](const Saving& a, const Saving& b) {
    return a.saving > b.saving || (a.saving == b.saving && a.request < b.request);
  });
  for (int k = 0; k < count && !savings.empty(); ++k) {
    const double y = context.random.unit();
    const size_t pick = static_cast<size_t>(std::pow(y, 3.0) * static_cast<double>(savings.size()));
    solution.remove(savings[pick].request, context.evaluator);
    savings.erase(savings.begin() + static_cast<std::ptrdiff_t>(pick));
  }
}

}  // namespace sendplan::solver
