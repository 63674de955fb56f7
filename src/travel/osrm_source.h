// Travel times from an OSRM server's table service (plain http), e.g. `osrm-routed` on
// http://localhost:5000 with a London extract. OSRM refuses tables larger than its
// --max-table-size (100 locations by default), so the matrix is asked for in blocks of at most
// `block_size` coordinates, one request after another, with progress reported per block.
// OSRM has no time of day: its durations (from the profile's road speeds) are used for every
// TimeOfDay, unchanged. Immutable; thread-safe (each matrix() call has its own connection).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "travel/osrm_protocol.h"
#include "travel/travel_source.h"

namespace sendplan::travel {

class OsrmSource final : public TravelSource {
 public:
  OsrmSource(OsrmAddress address, int block_size);

  // Fails with kIo naming the server when it cannot be reached, answers with an HTTP status
  // other than 200, or answers with an OSRM code other than "Ok" (its message is included), and
  // with kInvalidInput naming the places when OSRM finds no route between some of them
  // (every such pair is counted; the first ten are named).
  Result<TravelMatrix> matrix(const std::vector<Place>& places, TimeOfDay when,
                              const MatrixProgress& progress = {}) const override;
  std::string description() const override;

 private:
  OsrmAddress address_;
  int block_size_;
};

// An OSRM source for `url` (see parse_osrm_address); kInvalidArgument for a bad address or a
// block size below 2. Nothing is sent until matrix() is called.
Result<std::unique_ptr<TravelSource>> make_osrm_source(const std::string& url,
                                                       int block_size = 100);

}  // namespace sendplan::travel
