// The provider vocabulary: need, provider type and boarding codes and names, and their parsers.
#include "placements/provider.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "core/text.h"

namespace sendplan::placements {
namespace {

struct NeedInfo {
  Need need;
  const char* code;
  const char* name;
};

// In enum order, so kNeeds[static_cast<int>(need)] is `need`'s entry.
constexpr std::array<NeedInfo, kNeedCount> kNeeds = {{
    {Need::kAsd, "asd", "Autistic spectrum disorder"},
    {Need::kSlcn, "slcn", "Speech, language and communication needs"},
    {Need::kSemh, "semh", "Social, emotional and mental health"},
    {Need::kMld, "mld", "Moderate learning difficulty"},
    {Need::kSld, "sld", "Severe learning difficulty"},
    {Need::kPmld, "pmld", "Profound and multiple learning difficulty"},
    {Need::kSpld, "spld", "Specific learning difficulty"},
    {Need::kPd, "pd", "Physical disability"},
    {Need::kHi, "hi", "Hearing impairment"},
    {Need::kVi, "vi", "Visual impairment"},
    {Need::kMsi, "msi", "Multi-sensory impairment"},
    {Need::kOth, "oth", "Other difficulty or disability"},
}};

struct ProviderTypeInfo {
  ProviderType type;
  const char* code;
  const char* name;
};

constexpr std::array<ProviderTypeInfo, 6> kProviderTypes = {{
    {ProviderType::kIndependentSpecial, "independent-special", "Independent special school"},
    {ProviderType::kNonMaintainedSpecial, "non-maintained-special",
     "Non-maintained special school"},
    {ProviderType::kSpecialPost16, "special-post-16", "Special post-16 institution"},
    {ProviderType::kMaintainedSpecial, "maintained-special", "Maintained special school"},
    {ProviderType::kAcademySpecial, "academy-special", "Special academy or free school"},
    {ProviderType::kResourcedProvision, "resourced-provision", "Resourced provision or SEN unit"},
}};

constexpr std::array<std::pair<Boarding, const char*>, 3> kBoardings = {{
    {Boarding::kDay, "day"},
    {Boarding::kResidential, "residential"},
    {Boarding::kBoth, "both"},
}};

}  // namespace

const char* need_code(Need need) {
  return kNeeds[static_cast<std::size_t>(need)].code;
}

const char* need_name(Need need) {
  return kNeeds[static_cast<std::size_t>(need)].name;
}

std::optional<Need> parse_need(const std::string& text) {
  std::string_view value = trim(text);
  // A GIAS SEN provision name is the code, " - ", then the description: match on the code.
  const std::size_t dash = value.find(" - ");
  if (dash != std::string_view::npos) value = trim(value.substr(0, dash));
  const std::string lower = to_lower(value);
  for (const NeedInfo& info : kNeeds) {
    if (lower == info.code || lower == to_lower(info.name)) return info.need;
  }
  // Behavioural, emotional and social difficulties: the name SEMH replaced in 2014, still seen
  // in older files.
  if (lower == "besd") return Need::kSemh;
  return std::nullopt;
}

const std::vector<Need>& all_needs() {
  static const std::vector<Need> needs = [] {
    std::vector<Need> all;
    for (const NeedInfo& info : kNeeds) all.push_back(info.need);
    return all;
  }();
  return needs;
}

const char* provider_type_code(ProviderType type) {
  return kProviderTypes[static_cast<std::size_t>(type)].code;
}

const char* provider_type_name(ProviderType type) {
  return kProviderTypes[static_cast<std::size_t>(type)].name;
}

std::optional<ProviderType> parse_provider_type(const std::string& code) {
  const std::string lower = to_lower(trim(code));
  for (const ProviderTypeInfo& info : kProviderTypes) {
    if (lower == info.code || lower == to_lower(info.name)) return info.type;
  }
  return std::nullopt;
}

bool is_independent_sector(ProviderType type) {
  return type == ProviderType::kIndependentSpecial || type == ProviderType::kNonMaintainedSpecial ||
         type == ProviderType::kSpecialPost16;
}

const char* boarding_code(Boarding boarding) {
  return kBoardings[static_cast<std::size_t>(boarding)].second;
}

std::optional<Boarding> parse_boarding(const std::string& code) {
  const std::string lower = to_lower(trim(code));
  for (const auto& [boarding, name] : kBoardings) {
    if (lower == name) return boarding;
  }
  return std::nullopt;
}

}  // namespace sendplan::placements
