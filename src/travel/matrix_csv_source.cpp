// MatrixCsvSource: the file's journeys laid over the London model.
#include "travel/matrix_csv_source.h"

#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

#include "core/text.h"
#include "io/file_text.h"

namespace sendplan::travel {

namespace {

// Up to three ids, quoted, for a note: "'P9', 'P12', 'S4'".
std::string examples(const std::vector<std::string>& ids) {
  std::string text;
  for (std::size_t i = 0; i < ids.size() && i < 3; ++i) {
    if (i > 0) text += ", ";
    text += quoted_excerpt(ids[i]);
  }
  return text;
}

std::string plural(long long count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

}  // namespace

MatrixCsvSource::MatrixCsvSource(MatrixCsv csv, const LondonModelSettings& fallback)
    : csv_(std::move(csv)), fallback_(fallback) {}

Result<TravelMatrix> MatrixCsvSource::matrix(const std::vector<Place>& places, TimeOfDay when,
                                             const MatrixProgress& progress) const {
  // Start from the model everywhere (it is fast), then overwrite what the file gives.
  Result<TravelMatrix> model = fallback_.matrix(places, when);
  if (!model.ok()) return model.error();
  TravelMatrix matrix = std::move(model).value();
  const int n = matrix.size;

  // The places each file id names (usually one; several when the caller repeats an id).
  std::unordered_map<std::string_view, int> file_index;
  file_index.reserve(csv_.ids.size());
  for (std::size_t k = 0; k < csv_.ids.size(); ++k) {
    file_index.emplace(csv_.ids[k], static_cast<int>(k));
  }
  std::vector<std::vector<int>> places_of(csv_.ids.size());
  for (int i = 0; i < n; ++i) {
    const auto found = file_index.find(places[static_cast<std::size_t>(i)].id);
    if (found != file_index.end()) places_of[static_cast<std::size_t>(found->second)].push_back(i);
  }

  std::vector<char> from_file(matrix.metres.size(), 0);
  long long pairs_from_file = 0;
  long long pairs_without_miles = 0;
  for (const MatrixCsvEntry& entry : csv_.entries) {
    for (int from : places_of[static_cast<std::size_t>(entry.from)]) {
      for (int to : places_of[static_cast<std::size_t>(entry.to)]) {
        if (from == to) continue;
        const std::size_t cell = matrix.index(from, to);
        matrix.seconds[cell] = entry.seconds;
        if (entry.metres >= 0) {
          matrix.metres[cell] = entry.metres;
        } else {
          ++pairs_without_miles;
        }
        if (!from_file[cell]) ++pairs_from_file;
        from_file[cell] = 1;
      }
    }
  }

  const long long all_pairs = static_cast<long long>(n) * (n - 1);
  const long long fallback_pairs = all_pairs - pairs_from_file;
  matrix.fallback_pairs = static_cast<int>(fallback_pairs);
  std::vector<std::string> unknown;
  for (std::size_t k = 0; k < csv_.ids.size(); ++k) {
    if (places_of[k].empty()) unknown.push_back(csv_.ids[k]);
  }
  matrix.unknown_ids = static_cast<int>(unknown.size());

  if (fallback_pairs > 0) {
    matrix.notes.push_back(fmt::format(
        "{}: {} of {} are not in the file; the London model ({}) gives their times", csv_.file,
        plural(fallback_pairs, "journey", "journeys"), all_pairs, time_of_day_name(when)));
  }
  if (pairs_without_miles > 0) {
    matrix.notes.push_back(
        fmt::format("{}: {} in the file have no miles; the London model gives their distance",
                    csv_.file, plural(pairs_without_miles, "journey", "journeys")));
  }
  if (!unknown.empty()) {
    matrix.notes.push_back(
        fmt::format("{}: {} in the file {} not among the places and {} ignored (e.g. {})",
                    csv_.file, plural(static_cast<long long>(unknown.size()), "id", "ids"),
                    unknown.size() == 1 ? "is" : "are", unknown.size() == 1 ? "was" : "were",
                    examples(unknown)));
  }
  if (progress) progress(1, 1);
  return matrix;
}

std::string MatrixCsvSource::description() const {
  return fmt::format("travel matrix {} ({}); other journeys: {}", csv_.file,
                     plural(static_cast<long long>(csv_.entries.size()), "journey", "journeys"),
                     fallback_.description());
}

Result<std::unique_ptr<TravelSource>> matrix_csv_from_text(std::string_view text,
                                                           const std::string& file_name,
                                                           const LondonModelSettings& fallback) {
  Status valid = fallback.validate();
  if (!valid.ok()) return valid.error();
  Result<MatrixCsv> csv = parse_matrix_csv(text, file_name);
  if (!csv.ok()) return csv.error();
  return std::unique_ptr<TravelSource>(
      std::make_unique<MatrixCsvSource>(std::move(csv).value(), fallback));
}

Result<std::unique_ptr<TravelSource>> read_matrix_csv(const std::string& path,
                                                      const LondonModelSettings& fallback) {
  Result<std::string> text = io::detail::read_text_file(path);
  if (!text.ok()) return text.error();
  return matrix_csv_from_text(text.value(), path, fallback);
}

}  // namespace sendplan::travel
