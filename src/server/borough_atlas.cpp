#include "server/borough_atlas.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "core/text.h"

namespace sendplan::server {
namespace {

// Lower case, "&" as "and", runs of spaces as one: "Kensington & Chelsea" ~ "kensington and
// chelsea".
std::string comparable(const std::string& name) {
  std::string out;
  for (char c : to_lower(trim(name))) {
    if (c == '&') {
      out += "and";
    } else if (c == ' ' || c == '\t' || c == '-') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string text_property(const nlohmann::json& properties, const char* key) {
  const auto it = properties.find(key);
  return it != properties.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<BoroughAtlas> BoroughAtlas::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(ErrorCode::kNotFound,
                      fmt::format("no borough boundaries at {} (pass --shared DIR: the shared/ "
                                  "folder holding data/boundaries)",
                                  path),
                      {path});
  nlohmann::json document = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.contains("features") || !document["features"].is_array())
    return make_error(ErrorCode::kParse, "not a GeoJSON FeatureCollection", {path});
  BoroughAtlas atlas;
  for (nlohmann::json& feature : document["features"]) {
    if (!feature.is_object() || !feature.contains("properties") ||
        !feature["properties"].is_object())
      return make_error(ErrorCode::kParse, "a feature without properties", {path});
    const nlohmann::json& properties = feature["properties"];
    BoroughInfo info{text_property(properties, "name"), text_property(properties, "gss_code"),
                     text_property(properties, "inner_outer"),
                     text_property(properties, "sub_regional_partnership"),
                     text_property(properties, "dfe_la_code")};
    if (info.name.empty() || info.gss_code.empty())
      return make_error(ErrorCode::kParse, "a feature without name or gss_code", {path});
    atlas.boroughs_.push_back(std::move(info));
    atlas.features_.push_back(std::move(feature));
  }
  if (atlas.boroughs_.empty()) return make_error(ErrorCode::kParse, "no boroughs", {path});
  return atlas;
}

std::optional<std::string> BoroughAtlas::canonical(const std::string& name) const {
  const std::string wanted = comparable(name);
  if (wanted.empty()) return std::nullopt;
  for (const BoroughInfo& borough : boroughs_) {
    if (comparable(borough.name) == wanted || comparable(borough.gss_code) == wanted)
      return borough.name;
  }
  return std::nullopt;
}

const nlohmann::json& BoroughAtlas::feature(const std::string& canonical_name) const {
  static const nlohmann::json kNone;
  for (size_t i = 0; i < boroughs_.size(); ++i) {
    if (boroughs_[i].name == canonical_name) return features_[i];
  }
  return kNone;
}

}  // namespace sendplan::server
