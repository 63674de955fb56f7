#include "cli/travel_check_command.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "cli/install_paths.h"
#include "cli/planner_setup.h"
#include "cli/terminal.h"
#include "core/text.h"
#include "io/csv_columns.h"
#include "io/csv_reader.h"
#include "travel/london_model.h"
#include "travel/london_zone_model.h"

namespace sendplan::cli {
namespace {

struct Journey {
  std::string name;
  geo::LatLon from;
  geo::LatLon to;
  std::optional<double> checked_minutes;
  std::optional<double> checked_miles;
};

std::optional<double> number(std::string_view text) {
  const std::string cell(trim(text));
  if (cell.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(cell.c_str(), &end);
  if (end != cell.c_str() + cell.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Every problem in the file, or the journeys.
Result<std::vector<Journey>> read_journeys(const std::string& path,
                                           const geo::PostcodeDirectory* postcodes) {
  Result<std::unique_ptr<csv::ByteSource>> source = csv::open_file_source(path);
  if (!source) return make_error(ErrorCode::kNotFound, fmt::format("cannot open {}", path));
  csv::Reader reader(std::move(source).value(), path);
  std::vector<std::string> problems;
  std::vector<Journey> journeys;
  std::optional<csv::Columns> columns;
  csv::Record record;
  auto problem = [&](int at_column, const std::string& reason) {
    problems.push_back(fmt::format("{}:{}:{}: {}", path, record.line, at_column, reason));
  };
  for (;;) {
    const Result<bool> more = reader.next(record);
    if (!more) {
      problems.push_back(more.error().to_string());
      break;
    }
    if (!more.value()) break;
    if (!columns) {
      columns.emplace(record, path);
      const auto has = [&](const char* name) { return columns->has(name); };
      const bool by_postcode = has("from_postcode") && has("to_postcode");
      const bool by_position = has("from_lat") && has("from_lon") && has("to_lat") && has("to_lon");
      if (!has("journey") || (!by_postcode && !by_position))
        return make_error(ErrorCode::kInvalidInput,
                          "the columns are journey, then from_postcode and to_postcode, or "
                          "from_lat, from_lon, to_lat and to_lon (optional: checked_minutes, "
                          "checked_miles)",
                          {path, record.line, 1});
      continue;
    }
    auto cell = [&](const char* name) { return trim(columns->cell(record, name)); };
    auto column_of = [&](const char* name) {
      const std::optional<std::size_t> found = columns->find(name);
      return found ? static_cast<int>(*found) + 1 : 1;
    };
    Journey journey;
    journey.name = std::string(cell("journey"));
    bool ok = true;
    auto place = [&](const char* side, geo::LatLon& into) {
      const std::string postcode_column = std::string(side) + "_postcode";
      const std::string_view postcode = cell(postcode_column.c_str());
      if (!postcode.empty()) {
        if (postcodes == nullptr) {
          problem(column_of(postcode_column.c_str()),
                  "a postcode needs --postcodes (the ONS Postcode Directory)");
          ok = false;
          return;
        }
        const auto grid = postcodes->find(postcode);
        if (!grid) {
          problem(column_of(postcode_column.c_str()),
                  fmt::format("postcode '{}' is not in the directory", postcode.substr(0, 12)));
          ok = false;
          return;
        }
        into = geo::grid_to_wgs84(*grid);
        return;
      }
      const std::string lat_column = std::string(side) + "_lat";
      const std::string lon_column = std::string(side) + "_lon";
      const auto lat = number(cell(lat_column.c_str()));
      const auto lon = number(cell(lon_column.c_str()));
      if (!lat || !lon || *lat < 49 || *lat > 61 || *lon < -9 || *lon > 2) {
        problem(column_of(lat_column.c_str()),
                fmt::format("the {} place needs a postcode or a latitude and longitude in Great "
                            "Britain",
                            side));
        ok = false;
        return;
      }
      into = {*lat, *lon};
    };
    place("from", journey.from);
    place("to", journey.to);
    for (const char* name : {"checked_minutes", "checked_miles"}) {
      const std::string_view text = cell(name);
      if (text.empty()) continue;
      const auto value = number(text);
      if (!value || *value <= 0) {
        problem(column_of(name), fmt::format("{} must be a number above 0", name));
        ok = false;
      } else {
        (std::string_view(name) == "checked_minutes" ? journey.checked_minutes
                                                     : journey.checked_miles) = value;
      }
    }
    if (ok) journeys.push_back(std::move(journey));
  }
  if (!columns) return make_error(ErrorCode::kInvalidInput, "the file is empty", {path});
  if (!problems.empty()) {
    std::string text = fmt::format("{} problem(s) in the journeys:", problems.size());
    for (const std::string& p : problems) text += "\n" + p;
    return make_error(ErrorCode::kInvalidInput, text);
  }
  return journeys;
}

// TfL's speed for a journey's mix of zones: the harmonic mean weighted by distance share (the
// speed at which the whole journey would take the sum of its parts' times).
double tfl_mph(const travel::ZoneJourney& journey, const travel::PerZone& mph) {
  double hours_per_mile = 0;
  for (int z = 0; z < travel::kLondonZoneCount; ++z)
    hours_per_mile += journey.shares[size_t(z)] / mph.of(static_cast<travel::LondonZone>(z));
  return 1 / hours_per_mile;
}

}  // namespace

int run_travel_check(const TravelCheckOptions& options) {
  Result<std::optional<geo::PostcodeDirectory>> postcodes = load_postcodes(options.postcodes);
  if (!postcodes) return report_error(postcodes.error());
  const geo::PostcodeDirectory* directory = postcodes.value() ? &*postcodes.value() : nullptr;
  Result<std::vector<Journey>> journeys = read_journeys(options.journeys, directory);
  if (!journeys) return report_error(journeys.error());

  const std::string boundaries =
      options.travel.boundaries.empty() ? default_boundaries_path() : options.travel.boundaries;
  Result<travel::LondonZoneMap> zones = travel::LondonZoneMap::read(boundaries);
  if (!zones) return report_error(zones.error());
  travel::LondonZoneModelSettings settings;
  settings.circuity = {options.travel.circuity, options.travel.circuity, options.travel.circuity};
  settings.speed_factor = options.travel.speed_factor;
  if (Status valid = settings.validate(); !valid) return report_error(valid.error());
  const travel::LondonZoneModel model(
      std::make_shared<const travel::LondonZoneMap>(std::move(zones).value()), settings);
  travel::LondonModelSettings uniform_settings;
  uniform_settings.circuity = options.travel.circuity;
  uniform_settings.morning_mph = options.travel.morning_mph;
  uniform_settings.afternoon_mph = options.travel.afternoon_mph;
  if (Status valid = uniform_settings.validate(); !valid) return report_error(valid.error());
  const travel::LondonModel uniform(uniform_settings);

  constexpr double kMile = travel::kMetresPerMile;
  std::string csv =
      "journey,straight_miles,central_share,inner_share,outer_share,road_miles,am_minutes,"
      "pm_minutes,uniform_am_minutes,am_door_to_door_mph,tfl_am_mph,checked_minutes,"
      "checked_miles,am_minus_checked_minutes\n";
  std::printf("%-40s %6s %13s %6s %6s %6s %7s %7s %7s %8s\n", "journey", "line", "zones c/i/o %",
              "road", "AM", "PM", "uniform", "AM mph", "TfL mph", "checked");
  std::printf("%-40s %6s %13s %6s %6s %6s %7s %7s %7s %8s\n", "", "miles", "", "miles", "min",
              "min", "AM min", "door", "AM", "min");
  for (const Journey& journey : journeys.value()) {
    const travel::ZoneJourney am =
        model.journey(journey.from, journey.to, travel::TimeOfDay::kMorningPeak);
    const travel::ZoneJourney pm =
        model.journey(journey.from, journey.to, travel::TimeOfDay::kAfternoonPeak);
    const double uniform_seconds = uniform.seconds_for(
        uniform.road_metres(journey.from, journey.to), travel::TimeOfDay::kMorningPeak);
    const double driving_hours = (am.seconds - settings.overhead_seconds) / 3600;
    const double door_mph = driving_hours > 0 ? am.road_metres / kMile / driving_hours : 0;
    const double tfl = tfl_mph(am, settings.morning_mph);
    const std::string shares = fmt::format("{:.0f}/{:.0f}/{:.0f}", am.shares[0] * 100,
                                           am.shares[1] * 100, am.shares[2] * 100);
    const std::string checked =
        journey.checked_minutes ? fmt::format("{:.0f}", *journey.checked_minutes) : "";
    std::printf("%-40s %6.1f %13s %6.1f %6.1f %6.1f %7.1f %7.1f %7.1f %8s\n",
                journey.name.substr(0, 40).c_str(), am.great_circle_metres / kMile, shares.c_str(),
                am.road_metres / kMile, am.seconds / 60, pm.seconds / 60, uniform_seconds / 60,
                door_mph, tfl, checked.c_str());
    csv += fmt::format(
        "{},{:.2f},{:.2f},{:.2f},{:.2f},{:.2f},{:.1f},{:.1f},{:.1f},{:.1f},{:.1f},{},{},{}\n",
        csv_cell(journey.name), am.great_circle_metres / kMile, am.shares[0], am.shares[1],
        am.shares[2], am.road_metres / kMile, am.seconds / 60, pm.seconds / 60,
        uniform_seconds / 60, door_mph, tfl, checked,
        journey.checked_miles ? fmt::format("{:.1f}", *journey.checked_miles) : "",
        journey.checked_minutes ? fmt::format("{:.1f}", am.seconds / 60 - *journey.checked_minutes)
                                : "");
  }
  std::printf("\n%s\n", model.description().c_str());
  if (!options.csv_out.empty()) {
    std::ofstream out(options.csv_out, std::ios::binary);
    out << csv;
    if (!out.flush())
      return report_error(
          make_error(ErrorCode::kIo, fmt::format("cannot write {}", options.csv_out)));
  }
  return 0;
}

}  // namespace sendplan::cli
