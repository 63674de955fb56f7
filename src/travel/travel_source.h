// TravelSource: where travel distances and times come from (the London model, a matrix file or
// an OSRM server). A source is immutable once made; matrix() may be called from several threads
// at once.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "travel/travel_matrix.h"

namespace sendplan::travel {

class TravelSource {
 public:
  virtual ~TravelSource() = default;

  // Distance and time from every place to every place, for journeys at `when`. Fails with
  // kInvalidArgument for a place that is not a position on Earth, and as each source says.
  virtual Result<TravelMatrix> matrix(const std::vector<Place>& places, TimeOfDay when,
                                      const MatrixProgress& progress = {}) const = 0;

  // One line for summaries, e.g. "London model (circuity 1.35, AM 11 mph, PM 12 mph, ...)".
  virtual std::string description() const = 0;
};

}  // namespace sendplan::travel
