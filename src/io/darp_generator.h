// Random dial-a-ride instances by Cordeau & Laporte's published recipe (Transportation Research
// B 37, 2003, the "pr" sets; the same as Cordeau 2006's, looser), written in Cordeau's 2006
// dialect ("m n T Q L", 2n+2 node lines) so `sendplan solve --format cordeau` and the checker
// read them. The recipe:
//   - 2n+1 points uniform in the square [-10, 10]², the depot at its centre (0, 0);
//   - the first half of the requests outbound (a 15-minute window on the drop-off), the second
//     half inbound (a 15-minute window on the pickup); the other end open, [0, horizon];
//   - every request one seat, 10 minutes of service at each end, vehicles of 6 seats, a 90-minute
//     ride limit, an 8-hour horizon and route duration, and m = n/12 + 1 vehicles
//     (3, 5, 7, ..., 13 for 24, 48, ..., 144 requests);
//   - each tight window placed so that the request can be served on its own from the depot and
//     back within the horizon.
// The same recipe and seed always give the same file.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace sendplan::io {

struct DarpRecipe {
  int requests = 48;  // n, 2 to 1000
  int vehicles = 0;   // m; 0 = n/12 + 1
  double half_side = 10;
  double horizon = 480;  // minutes: depot window, and the open windows
  double max_duration = 480;
  double service = 10;
  int capacity = 6;
  double max_ride = 90;
  double window = 15;  // width of the tight windows
  std::uint64_t seed = 1;
};

// The instance file's text; kInvalidArgument naming the setting when the recipe cannot make one.
Result<std::string> generate_darp(const DarpRecipe& recipe);

}  // namespace sendplan::io
