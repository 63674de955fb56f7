// The London zone raster: scan-line filling of the borough polygons, then the river fill.
#include "travel/london_zones.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numbers>

namespace sendplan::travel {

namespace {

// The sphere geo::haversine_metres uses.
constexpr double kMetresPerDegree = 6371008.8 * std::numbers::pi / 180.0;
constexpr std::uint8_t kNoBorough = 255;

std::string lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<LondonZone> zone_of(const geo::GeoJsonArea& borough) {
  const std::string* code = borough.property("gss_code");
  const std::string* inner_outer = borough.property("inner_outer");
  if (*code == "E09000001" || *code == "E09000033") return LondonZone::kCentral;
  const std::string kind = lower(*inner_outer);
  if (kind.starts_with("inner")) return LondonZone::kInner;
  if (kind.starts_with("outer")) return LondonZone::kOuter;
  const std::string* name = borough.property("name");
  return make_error(ErrorCode::kInvalidInput,
                    fmt::format("borough {} ({}) has inner_outer '{}'; expected Inner or Outer",
                                name != nullptr ? *name : "?", *code, *inner_outer));
}

}  // namespace

const char* london_zone_name(LondonZone zone) {
  switch (zone) {
    case LondonZone::kCentral:
      return "central";
    case LondonZone::kInner:
      return "inner";
    case LondonZone::kOuter:
      return "outer";
  }
  return "outer";
}

Result<LondonZoneMap> LondonZoneMap::read(const std::string& path, double cell_metres) {
  Result<std::vector<geo::GeoJsonArea>> boroughs =
      geo::read_geojson_areas(path, {"gss_code", "inner_outer"});
  if (!boroughs) return boroughs.error();
  return from_boroughs(boroughs.value(), path, cell_metres);
}

Result<LondonZoneMap> LondonZoneMap::from_boroughs(const std::vector<geo::GeoJsonArea>& boroughs,
                                                   std::string source, double cell_metres) {
  if (!(cell_metres >= 20 && cell_metres <= 2000))
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("London zones: the cell size is {} m; it must be 20 to 2000 m", cell_metres));
  std::vector<LondonZone> zones;
  geo::LatLonBox box = geo::polygons_bounding_box({});
  for (const geo::GeoJsonArea& borough : boroughs) {
    if (borough.property("gss_code") == nullptr || borough.property("inner_outer") == nullptr)
      return make_error(ErrorCode::kInvalidInput,
                        "London zones: every borough needs gss_code and inner_outer properties",
                        {source});
    Result<LondonZone> zone = zone_of(borough);
    if (!zone) return make_error(zone.error().code, zone.error().message, {source});
    zones.push_back(zone.value());
    const geo::LatLonBox part = geo::polygons_bounding_box(borough.polygons);
    box.south_west.latitude = std::min(box.south_west.latitude, part.south_west.latitude);
    box.south_west.longitude = std::min(box.south_west.longitude, part.south_west.longitude);
    box.north_east.latitude = std::max(box.north_east.latitude, part.north_east.latitude);
    box.north_east.longitude = std::max(box.north_east.longitude, part.north_east.longitude);
  }
  if (std::find(zones.begin(), zones.end(), LondonZone::kCentral) == zones.end())
    return make_error(ErrorCode::kInvalidInput,
                      "London zones: no central London borough (City of London E09000001 or "
                      "Westminster E09000033) in the boundaries",
                      {source});
  if (!std::isfinite(box.south_west.latitude) || !std::isfinite(box.north_east.longitude) ||
      box.north_east.latitude - box.south_west.latitude > 5 ||
      box.north_east.longitude - box.south_west.longitude > 5)
    return make_error(ErrorCode::kInvalidInput,
                      "London zones: the boroughs do not fit in a 5-degree box", {source});

  LondonZoneMap map;
  map.source_ = std::move(source);
  map.cell_metres_ = cell_metres;
  const double middle_latitude = 0.5 * (box.south_west.latitude + box.north_east.latitude);
  map.middle_latitude_ = middle_latitude;
  map.cell_latitude_ = cell_metres / kMetresPerDegree;
  map.cell_longitude_ =
      cell_metres / (kMetresPerDegree * std::cos(middle_latitude * std::numbers::pi / 180.0));
  // A margin of river-fill cells (and one more) round the boroughs, so that the fill can reach
  // beyond the outermost vertices and the outermost cells are never a borough's.
  const int margin = kRiverFillCells + 1;
  map.south_ = box.south_west.latitude - margin * map.cell_latitude_;
  map.west_ = box.south_west.longitude - margin * map.cell_longitude_;
  map.rows_ = static_cast<int>(std::ceil((box.north_east.latitude - box.south_west.latitude) /
                                         map.cell_latitude_)) +
              2 * margin;
  map.columns_ = static_cast<int>(std::ceil((box.north_east.longitude - box.south_west.longitude) /
                                            map.cell_longitude_)) +
                 2 * margin;
  const auto columns = static_cast<std::size_t>(map.columns_);
  map.cells_.assign(static_cast<std::size_t>(map.rows_) * columns, kNoBorough);

  // Scan lines through the cell centres: where each row's centre line crosses a borough's rings,
  // sorted, bounds the runs of cells inside it (the even-odd rule of geo::polygons_contain,
  // applied to a whole row at once).
  std::vector<std::vector<double>> crossings(static_cast<std::size_t>(map.rows_));
  for (std::size_t b = 0; b < boroughs.size(); ++b) {
    for (std::vector<double>& row : crossings) row.clear();
    for (const geo::Polygon& polygon : boroughs[b].polygons) {
      for (const std::vector<geo::LatLon>& ring : polygon.rings) {
        const std::size_t n = ring.size();
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
          const double xi = ring[i].longitude, yi = ring[i].latitude;
          const double xj = ring[j].longitude, yj = ring[j].latitude;
          const double low = std::min(yi, yj);
          const double high = std::max(yi, yj);
          int r = std::max(0, static_cast<int>(std::floor(map.row_of(low) - 0.5)));
          for (; r < map.rows_; ++r) {
            const double y = map.south_ + (r + 0.5) * map.cell_latitude_;
            if (y >= high) break;
            if ((yi > y) != (yj > y)) {
              crossings[static_cast<std::size_t>(r)].push_back((xj - xi) * (y - yi) / (yj - yi) +
                                                               xi);
            }
          }
        }
      }
    }
    const auto label = static_cast<std::uint8_t>(zones[b]);
    for (std::size_t r = 0; r < crossings.size(); ++r) {
      std::vector<double>& row = crossings[r];
      std::sort(row.begin(), row.end());
      for (std::size_t k = 0; k + 1 < row.size(); k += 2) {
        // Cells whose centre x has row[k] <= x < row[k + 1].
        int c = std::max(0, static_cast<int>(std::ceil(map.column_of(row[k]) - 0.5)));
        for (; c < map.columns_; ++c) {
          const double x = map.west_ + (c + 0.5) * map.cell_longitude_;
          if (x < row[k]) continue;
          if (x >= row[k + 1]) break;
          map.cells_[r * columns + static_cast<std::size_t>(c)] = label;
        }
      }
    }
  }

  // The river fill: a cell in no borough takes the slowest zone among its eight neighbours,
  // kRiverFillCells times over; what is left is outside London.
  std::vector<std::uint8_t> next = map.cells_;
  for (int pass = 0; pass < kRiverFillCells; ++pass) {
    for (int r = 1; r + 1 < map.rows_; ++r) {
      for (int c = 1; c + 1 < map.columns_; ++c) {
        const std::size_t cell =
            static_cast<std::size_t>(r) * columns + static_cast<std::size_t>(c);
        if (map.cells_[cell] != kNoBorough) continue;
        std::uint8_t best = kNoBorough;
        for (int dr = -1; dr <= 1; ++dr) {
          for (int dc = -1; dc <= 1; ++dc) {
            const std::size_t neighbour =
                static_cast<std::size_t>(r + dr) * columns + static_cast<std::size_t>(c + dc);
            best = std::min(best, map.cells_[neighbour]);
          }
        }
        next[cell] = best;
      }
    }
    map.cells_ = next;
  }
  for (std::uint8_t& cell : map.cells_) {
    if (cell == kNoBorough) cell = static_cast<std::uint8_t>(LondonZone::kOuter);
  }

  // Chebyshev distance transforms, one per zone: two raster passes, each cell taking one more
  // than the least of the neighbours already passed (exact for king's-move distance).
  for (std::size_t z = 0; z < kLondonZoneCount; ++z) {
    std::vector<std::uint16_t>& distance = map.cells_to_[z];
    constexpr std::uint16_t kFar = 65535;
    distance.assign(map.cells_.size(), kFar);
    for (std::size_t cell = 0; cell < map.cells_.size(); ++cell) {
      if (map.cells_[cell] == z) distance[cell] = 0;
    }
    auto relax = [&](int r, int c, int dr, int dc) {
      const int nr = r + dr;
      const int nc = c + dc;
      if (nr < 0 || nc < 0 || nr >= map.rows_ || nc >= map.columns_) return;
      std::uint16_t& here =
          distance[static_cast<std::size_t>(r) * columns + static_cast<std::size_t>(c)];
      const std::uint16_t there =
          distance[static_cast<std::size_t>(nr) * columns + static_cast<std::size_t>(nc)];
      if (there != kFar && there + 1 < here) here = static_cast<std::uint16_t>(there + 1);
    };
    for (int r = 0; r < map.rows_; ++r) {
      for (int c = 0; c < map.columns_; ++c) {
        relax(r, c, -1, -1);
        relax(r, c, -1, 0);
        relax(r, c, -1, 1);
        relax(r, c, 0, -1);
      }
    }
    for (int r = map.rows_ - 1; r >= 0; --r) {
      for (int c = map.columns_ - 1; c >= 0; --c) {
        relax(r, c, 1, 1);
        relax(r, c, 1, 0);
        relax(r, c, 1, -1);
        relax(r, c, 0, 1);
      }
    }
  }
  return map;
}

std::array<int, kLondonZoneCount> LondonZoneMap::cell_counts() const {
  std::array<int, kLondonZoneCount> counts{};
  for (std::uint8_t cell : cells_) ++counts[cell];
  return counts;
}

}  // namespace sendplan::travel
