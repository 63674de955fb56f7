// fuzz_csv_inputs: the planner's CSV readers on arbitrary text. The first byte picks the reader
// (low 3 bits, modulo 6) and whether a postcode directory is given (bit 0x80); the rest is the
// file:
//   0 pupils.csv   1 schools.csv   2 fleet.csv   3 current routes.csv (then resolved against a
//   generated Hackney)   4 travel matrix CSV (then used as a travel source)   5 postcode directory
// Every reader must return data or a non-empty list of problems (each naming the file and saying
// why), and never crash, leak or hang. A broken promise aborts with the details.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fixtures.h"
#include "geo/postcode.h"
#include "report/routes_csv_reader.h"
#include "transport/readers.h"
#include "travel/matrix_csv.h"
#include "travel/matrix_csv_source.h"

namespace {

using namespace sendplan;

[[noreturn]] void broken(const char* reader, const std::string& what) {
  std::fprintf(stderr, "fuzz_csv_inputs: %s: %s\n", reader, what.c_str());
  std::abort();
}

// Problems: at least one, each about `file`, with a reason and a sane row.
void check_problems(const char* reader, const std::vector<transport::Problem>& problems,
                    const std::string& file) {
  if (problems.empty()) broken(reader, "failed with an empty problem list");
  for (const transport::Problem& p : problems) {
    if (p.file != file) broken(reader, "a problem names file '" + p.file + "'");
    if (p.reason.empty()) broken(reader, "a problem without a reason: " + p.to_string());
    if (p.row < 0) broken(reader, "a problem at a negative row: " + p.to_string());
  }
  if (transport::format_problems(problems).empty()) broken(reader, "format_problems is empty");
}

template <typename T>
void check_input_result(const char* reader, const Checked<T, transport::Problem>& result,
                        const std::string& file) {
  if (!result.ok()) check_problems(reader, result.problems(), file);
}

void check_error(const char* reader, const Error& error) {
  if (error.message.empty()) broken(reader, "an error without a message");
  if (error.to_string().empty()) broken(reader, "an error that prints as nothing");
}

void pupils(std::string_view text, const geo::PostcodeDirectory* postcodes) {
  auto read = transport::parse_pupils(text, "pupils.csv", transport::Policy{}, postcodes);
  check_input_result("pupils", read, "pupils.csv");
  if (!read) return;
  for (const transport::Pupil& p : read.value()) {
    if (p.id.empty()) broken("pupils", "a pupil without an id");
    if (p.max_ride_minutes < 1) broken("pupils", "a pupil with max_ride_minutes < 1");
  }
  // The cross-file check against the generated schools must hold the same promise.
  const std::vector<transport::Problem> refs =
      transport::validate_references(read.value(), fuzz::hackney_inputs().schools, "pupils.csv");
  for (const transport::Problem& p : refs)
    if (p.reason.empty()) broken("pupils", "a reference problem without a reason");
}

void schools(std::string_view text, const geo::PostcodeDirectory* postcodes) {
  auto read = transport::parse_schools(text, "schools.csv", transport::Policy{}, postcodes);
  check_input_result("schools", read, "schools.csv");
  if (!read) return;
  for (const transport::School& s : read.value())
    if (s.finish_minutes <= s.start_minutes) broken("schools", "a school finishing at its start");
}

void fleet(std::string_view text, const geo::PostcodeDirectory* postcodes) {
  auto read = transport::parse_fleet(text, "fleet.csv", transport::Policy{}, postcodes);
  check_input_result("fleet", read, "fleet.csv");
  if (!read) return;
  for (const transport::VehicleType& v : read.value())
    if (v.seats < 1) broken("fleet", "a vehicle type with no seats");
}

void current_routes(std::string_view text) {
  auto read = report::parse_current_routes(text, "routes.csv");
  check_input_result("current routes", read, "routes.csv");
  if (!read) return;
  if (read.value().empty()) broken("current routes", "no routes and no problem");
  for (const report::CurrentRoute& route : read.value())
    if (route.stops.empty()) broken("current routes", "a route without stops");
  auto resolved =
      report::resolve_current_routes(read.value(), fuzz::hackney_inputs(), "routes.csv");
  check_input_result("current routes (resolved)", resolved, "routes.csv");
}

void travel_matrix(std::string_view text) {
  Result<travel::MatrixCsv> read = travel::parse_matrix_csv(text, "matrix.csv");
  if (!read) return check_error("travel matrix", read.error());
  const travel::MatrixCsv& csv = read.value();
  for (const travel::MatrixCsvEntry& e : csv.entries) {
    if (e.from < 0 || e.to < 0 || size_t(e.from) >= csv.ids.size() ||
        size_t(e.to) >= csv.ids.size())
      broken("travel matrix", "an entry with an id index out of range");
    if (!std::isfinite(e.seconds) || e.seconds < 0) broken("travel matrix", "bad seconds");
    if (!(e.metres == -1 || (std::isfinite(e.metres) && e.metres >= 0)))
      broken("travel matrix", "bad metres");
  }
  // Used as a travel source for (at most) its first six places, placed around Hackney.
  Result<std::unique_ptr<travel::TravelSource>> source =
      travel::matrix_csv_from_text(text, "matrix.csv");
  if (!source) return check_error("travel matrix source", source.error());
  std::vector<travel::Place> places;
  for (size_t i = 0; i < csv.ids.size() && i < 6; ++i)
    places.push_back({csv.ids[i], geo::LatLon{51.545 + 0.004 * double(i), -0.055}});
  Result<travel::TravelMatrix> matrix =
      source.value()->matrix(places, travel::TimeOfDay::kMorningPeak);
  if (!matrix) check_error("travel matrix source", matrix.error());
}

void postcode_directory(std::string_view text) {
  static const std::string path = fuzz::scratch_path("postcodes.csv");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), std::streamsize(text.size()));
  }
  Result<geo::PostcodeDirectory> read = geo::PostcodeDirectory::read_csv(path);
  std::filesystem::remove(path);
  if (!read) return check_error("postcode directory", read.error());
  (void)read.value().find("E8 1AA");
  (void)read.value().local_authority("e81aa");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)fuzz::hackney_inputs();
  (void)fuzz::postcodes();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return -1;  // not worth keeping
  const std::uint8_t selector = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const geo::PostcodeDirectory* postcodes = (selector & 0x80) ? &fuzz::postcodes() : nullptr;
  switch ((selector & 0x07) % 6) {
    case 0:
      pupils(text, postcodes);
      break;
    case 1:
      schools(text, postcodes);
      break;
    case 2:
      fleet(text, postcodes);
      break;
    case 3:
      current_routes(text);
      break;
    case 4:
      travel_matrix(text);
      break;
    default:
      postcode_directory(text);
      break;
  }
  return 0;
}
