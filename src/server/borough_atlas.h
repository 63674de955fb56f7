// The 33 London boroughs the server knows: names, codes, sub-regions and boundary polygons, from
// the GLA boundary file (shared/data/boundaries/london_boroughs_gla.geojson). Read once at start;
// immutable afterwards, so thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace sendplan::server {

struct BoroughInfo {
  std::string name;  // canonical, e.g. "Kensington and Chelsea"
  std::string gss_code;
  std::string inner_outer;  // "Inner" / "Outer"
  std::string sub_region;   // sub-regional partnership
  std::string la_number;    // DfE LA number, e.g. "204" ("" when the file has none)
};

class BoroughAtlas {
 public:
  // kNotFound (no file), kParse (not the GLA layout).
  static Result<BoroughAtlas> read(const std::string& path);

  const std::vector<BoroughInfo>& boroughs() const { return boroughs_; }
  // The canonical name for `name` (any case, extra spaces, "&" for "and", or the GSS code).
  std::optional<std::string> canonical(const std::string& name) const;
  // The borough's GeoJSON Feature (geometry and properties); null json when unknown.
  const nlohmann::json& feature(const std::string& canonical_name) const;

 private:
  std::vector<BoroughInfo> boroughs_;
  std::vector<nlohmann::json> features_;
};

}  // namespace sendplan::server
