// Random DARP instances by Cordeau & Laporte's recipe (darp_generator.h).
#include "io/darp_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/random.h"

namespace sendplan::io {
namespace {

struct Point {
  double x = 0, y = 0;
};

double distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// A uniform draw in [low, high] (low when the range is empty).
double draw(Random& random, double low, double high) {
  return high <= low ? low : low + random.unit() * (high - low);
}

// To two decimals, as the published files give times and coordinates.
double two_decimals(double value) {
  return std::round(value * 100) / 100;
}

}  // namespace

Result<std::string> generate_darp(const DarpRecipe& recipe) {
  const auto invalid = [](const std::string& message) {
    return make_error(ErrorCode::kInvalidArgument, message);
  };
  if (recipe.requests < 2 || recipe.requests > 1000)
    return invalid(fmt::format("requests must be 2 to 1000, got {}", recipe.requests));
  if (recipe.vehicles < 0) return invalid("vehicles must be 0 (derived) or more");
  if (recipe.half_side <= 0) return invalid("the square's half side must be positive");
  if (recipe.capacity < 1) return invalid("capacity must be at least 1");
  if (recipe.service < 0 || recipe.window <= 0)
    return invalid("service must be 0 or more and the window positive");
  // The longest request served alone: out to the far corner, across, and back.
  const double diagonal = 2 * std::sqrt(2.0) * recipe.half_side;
  if (recipe.max_ride < diagonal + recipe.service)
    return invalid(
        fmt::format("the ride limit {} is shorter than a ride across the square ({:.1f})",
                    recipe.max_ride, diagonal + recipe.service));
  if (recipe.horizon < 2 * diagonal + 2 * recipe.service + recipe.window)
    return invalid("the horizon is too short to serve a request from the depot and back");

  const int n = recipe.requests;
  const int m = recipe.vehicles > 0 ? recipe.vehicles : n / 12 + 1;
  Random random(recipe.seed);
  std::vector<Point> points(2 * static_cast<std::size_t>(n) + 1);
  for (std::size_t i = 1; i < points.size(); ++i)
    points[i] = {two_decimals(draw(random, -recipe.half_side, recipe.half_side)),
                 two_decimals(draw(random, -recipe.half_side, recipe.half_side))};
  struct Window {
    double ready = 0, due = 0;
  };
  std::vector<Window> windows(points.size(), Window{0, recipe.horizon});
  const Point depot{0, 0};
  for (int i = 1; i <= n; ++i) {
    const Point pickup = points[static_cast<std::size_t>(i)];
    const Point dropoff = points[static_cast<std::size_t>(n + i)];
    const double out = distance(depot, pickup);
    const double ride = distance(pickup, dropoff);
    const double back = distance(dropoff, depot);
    if (i <= n / 2) {
      // Outbound: arrive at the drop-off in a tight window, reachable from the depot (pickup
      // served first) and leaving time to return.
      const double earliest = out + recipe.service + ride;
      const double latest = recipe.horizon - recipe.service - back - recipe.window;
      const double ready = two_decimals(draw(random, std::max(earliest, 60.0), latest));
      windows[static_cast<std::size_t>(n + i)] = {ready, ready + recipe.window};
    } else {
      // Inbound: be picked up in a tight window, reachable from the depot, and still deliver
      // and return within the horizon.
      const double earliest = out;
      const double latest = recipe.horizon - recipe.window - 2 * recipe.service - ride - back;
      const double ready =
          two_decimals(draw(random, earliest, std::min(latest, recipe.horizon - 60)));
      windows[static_cast<std::size_t>(i)] = {ready, ready + recipe.window};
    }
  }
  std::string text = fmt::format("{} {} {:g} {} {:g}\n", m, n, recipe.max_duration, recipe.capacity,
                                 recipe.max_ride);
  const auto node = [&](int id, Point at, double service, int load, Window w) {
    text += fmt::format("{:3} {:8.3f} {:8.3f} {:g} {:2} {:g} {:g}\n", id, at.x, at.y, service, load,
                        w.ready, w.due);
  };
  node(0, depot, 0, 0, {0, recipe.horizon});
  for (int id = 1; id <= 2 * n; ++id)
    node(id, points[static_cast<std::size_t>(id)], recipe.service, id <= n ? 1 : -1,
         windows[static_cast<std::size_t>(id)]);
  node(2 * n + 1, depot, 0, 0, {0, recipe.horizon});
  return text;
}

}  // namespace sendplan::io
