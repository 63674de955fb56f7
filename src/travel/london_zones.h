// Central, inner and outer London as a raster for fast point lookup, made once from the GLA
// borough boundaries (geo::read_geojson_areas on london_boroughs_gla.geojson, read by path at run
// time). Cells are about 200 m square (degrees: 200 m of latitude, 200 m of longitude at the
// box's mid-latitude); a cell's zone is the zone of the borough holding its centre. Immutable;
// thread-safe.
//
// - central: the City of London (E09000001) and Westminster (E09000033). An approximation of
//   TfL's "central London" sector of its traffic-speed statistics (roughly the congestion
//   charging zone, which also takes in parts of Camden, Islington, Southwark, Lambeth and Tower
//   Hamlets and leaves out north Westminster): whole boroughs, because the file has no finer
//   areas.
// - inner: the other boroughs whose `inner_outer` property is "Inner" (the GLA/ONS statistical
//   definition: Camden, Hackney, Hammersmith and Fulham, Haringey, Islington, Kensington and
//   Chelsea, Lambeth, Lewisham, Newham, Southwark, Tower Hamlets, Wandsworth).
// - outer: the "Outer" boroughs, and anywhere outside Greater London (a school just over the
//   border drives like outer London).
//
// The GLA polygons exclude the tidal Thames. Cells in no borough that lie within
// kRiverFillCells cells of one (the river, up to about 1.2 km wide, and docks) take the zone of
// a neighbouring cell, the slower zone where the banks differ; further out is outer London.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/boundaries.h"
#include "geo/coordinates.h"

namespace sendplan::travel {

// Ordered from slowest to fastest traffic (the order ties are broken in).
enum class LondonZone : std::uint8_t { kCentral = 0, kInner = 1, kOuter = 2 };
inline constexpr int kLondonZoneCount = 3;

// "central", "inner" or "outer".
const char* london_zone_name(LondonZone zone);

// Where the GLA boundaries are in the shared data folder: <shared>/kLondonBoundariesFile.
inline constexpr const char* kLondonBoundariesFile = "data/boundaries/london_boroughs_gla.geojson";

class LondonZoneMap {
 public:
  static constexpr double kDefaultCellMetres = 200;
  static constexpr int kRiverFillCells = 3;

  // The zones of `boroughs`: features with string properties `gss_code` and `inner_outer`
  // ("Inner"/"Outer", any case, "Inner London" too). kInvalidInput when a feature's
  // inner_outer is neither or no borough is central; kInvalidArgument for a cell size outside
  // 20–2,000 m. `source` names the file in description().
  static Result<LondonZoneMap> from_boroughs(const std::vector<geo::GeoJsonArea>& boroughs,
                                             std::string source,
                                             double cell_metres = kDefaultCellMetres);
  // Reads the GLA GeoJSON at `path` (errors as geo::read_geojson_areas) and rasterises it.
  static Result<LondonZoneMap> read(const std::string& path,
                                    double cell_metres = kDefaultCellMetres);

  LondonZone zone_at(geo::LatLon position) const {
    return zone_at_grid(column_of(position.longitude), row_of(position.latitude));
  }

  // Fractional grid coordinates (cell (c, r) spans [c, c+1) × [r, r+1)), for stepping along a
  // line without converting every sample from degrees.
  double column_of(double longitude) const { return (longitude - west_) / cell_longitude_; }
  double row_of(double latitude) const { return (latitude - south_) / cell_latitude_; }
  LondonZone zone_at_grid(double column, double row) const {
    // Compared as doubles first: far-away points must not overflow the int conversion.
    if (!(column >= 0 && row >= 0 && column < columns_ && row < rows_)) return LondonZone::kOuter;
    const std::size_t cell =
        static_cast<std::size_t>(static_cast<int>(row)) * static_cast<std::size_t>(columns_) +
        static_cast<std::size_t>(static_cast<int>(column));
    return static_cast<LondonZone>(cells_[cell]);
  }

  // Chebyshev distance in cells (king's moves) from the cell at a grid point to the nearest cell
  // of `zone`: 0 in such a cell. A lower bound, 0, outside the grid.
  int cells_to(LondonZone zone, double column, double row) const {
    if (!(column >= 0 && row >= 0 && column < columns_ && row < rows_)) return 0;
    const std::size_t cell =
        static_cast<std::size_t>(static_cast<int>(row)) * static_cast<std::size_t>(columns_) +
        static_cast<std::size_t>(static_cast<int>(column));
    return cells_to_[static_cast<std::size_t>(zone)][cell];
  }
  // Latitude of the grid's northern edge, degrees (where its cells are narrowest in metres).
  double north() const { return south_ + rows_ * cell_latitude_; }
  // Latitude at which a column is cell_metres() wide.
  double middle_latitude() const { return middle_latitude_; }

  double cell_metres() const { return cell_metres_; }
  int columns() const { return columns_; }
  int rows() const { return rows_; }
  // Cells of each zone, indexed by LondonZone (for tests and the description).
  std::array<int, kLondonZoneCount> cell_counts() const;
  const std::string& source() const { return source_; }

 private:
  LondonZoneMap() = default;

  std::string source_;
  double cell_metres_ = kDefaultCellMetres;
  double south_ = 0;           // latitude of the grid's southern edge, degrees
  double west_ = 0;            // longitude of its western edge
  double cell_latitude_ = 1;   // degrees of latitude a cell spans
  double cell_longitude_ = 1;  // degrees of longitude a cell spans
  int columns_ = 0;
  int rows_ = 0;
  double middle_latitude_ = 0;
  std::vector<std::uint8_t> cells_;  // rows_ × columns_, row-major from the south-west
  std::array<std::vector<std::uint16_t>, kLondonZoneCount> cells_to_;  // per zone, like cells_
};

}  // namespace sendplan::travel
