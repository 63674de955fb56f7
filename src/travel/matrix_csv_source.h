// Travel times from a matrix file (format in matrix_csv.h), e.g. exported from a borough's own
// routing system. Pairs of places the file does not give fall back to the London model, and so
// does the distance of a journey without miles; TravelMatrix::fallback_pairs, unknown_ids and
// notes say how much, so that the caller can warn. The file's minutes are used as they are, for
// every time of day and with no overhead added. Immutable; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "travel/london_model.h"
#include "travel/matrix_csv.h"
#include "travel/travel_source.h"

namespace sendplan::travel {

class MatrixCsvSource final : public TravelSource {
 public:
  // `fallback` must be valid (LondonModelSettings::validate).
  MatrixCsvSource(MatrixCsv csv, const LondonModelSettings& fallback);

  Result<TravelMatrix> matrix(const std::vector<Place>& places, TimeOfDay when,
                              const MatrixProgress& progress = {}) const override;
  std::string description() const override;

 private:
  MatrixCsv csv_;
  LondonModel fallback_;
};

// Reads the file at `path`: kNotFound when it does not exist, kIo when it cannot be read,
// kParse listing every problem in it (see parse_matrix_csv), kInvalidArgument for bad
// fallback settings.
Result<std::unique_ptr<TravelSource>> read_matrix_csv(const std::string& path,
                                                      const LondonModelSettings& fallback = {});
// The same from text already in memory; `file_name` is used in messages.
Result<std::unique_ptr<TravelSource>> matrix_csv_from_text(
    std::string_view text, const std::string& file_name, const LondonModelSettings& fallback = {});

}  // namespace sendplan::travel
