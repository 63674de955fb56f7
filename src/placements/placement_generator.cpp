// The synthetic London placements register (see placement_generator.h for what it models).
#include "placements/placement_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "core/random.h"

namespace sendplan::placements {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKmPerDegreeLatitude = 111.32;
constexpr double kRoadCircuity = 1.35;
constexpr double kDayDecayKm = 15.0;
constexpr double kResidentialDecayKm = 60.0;
constexpr double kFullProviderWeight = 0.02;
constexpr double kResidentialChance = 0.12;
constexpr double kLondonProviderShare = 0.6;
constexpr double kUpliftChance = 0.30;
constexpr int kSchoolDays = 190;
constexpr int kResidentialJourneys = 76;
constexpr int kStartWindowDays = 3 * 365;

// Weights of the main need of a provider, in Need order (asd, slcn, semh, mld, sld, pmld, spld,
// pd, hi, vi, msi, oth): autism and SEMH dominate London's INMSS placements.
constexpr std::array<double, kNeedCount> kNeedWeights = {38, 10, 25, 5, 5, 3, 4, 3, 2, 1, 1, 3};

struct HomeCounty {
  const char* name;
  const char* la_number;
  double latitude;
  double longitude;
};
// DfE LA numbers and rough centres of the LAs around London.
constexpr std::array<HomeCounty, 8> kHomeCounties = {{
    {"Kent", "886", 51.27, 0.75},
    {"Essex", "881", 51.77, 0.55},
    {"Hertfordshire", "919", 51.81, -0.24},
    {"Surrey", "936", 51.27, -0.40},
    {"Buckinghamshire", "825", 51.78, -0.80},
    {"Thurrock", "883", 51.50, 0.33},
    {"Slough", "871", 51.51, -0.59},
    {"Medway", "887", 51.39, 0.54},
}};

constexpr std::array<const char*, 15> kTrees = {"Oak",   "Ash",   "Birch", "Willow", "Elm",
                                                "Hazel", "Rowan", "Beech", "Maple",  "Cedar",
                                                "Holly", "Larch", "Alder", "Yew",    "Linden"};
constexpr std::array<const char*, 10> kPlaces = {"Lane",  "House", "Park", "Grove", "Meadow",
                                                 "Field", "Court", "Hill", "Green", "Brook"};

struct AgeRange {
  int low;
  int high;
};
constexpr std::array<AgeRange, 5> kSchoolAges = {{{5, 19}, {11, 19}, {5, 16}, {7, 19}, {11, 16}}};
constexpr AgeRange kCollegeAges = {16, 25};

// ---- dates (proleptic Gregorian, days since 1970-01-01; Howard Hinnant's algorithms) ----
struct Date {
  int year;
  int month;
  int day;
};

long days_from_civil(Date date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int month_index = date.month > 2 ? date.month - 3 : date.month + 9;
  const int day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return static_cast<long>(era) * 146097 + day_of_era - 719468;
}

Date civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long day_of_era = days - era * 146097;
  const long year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long month_index = (5 * day_of_year + 2) / 153;
  const long day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const long month = month_index < 10 ? month_index + 3 : month_index - 9;
  const long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

std::string iso(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::optional<Date> parse_iso(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  const Date date{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)),
                  std::stoi(text.substr(8, 2))};
  if (date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  const Date round_trip = civil_from_days(days_from_civil(date));
  if (round_trip.month != date.month || round_trip.day != date.day) return std::nullopt;
  return date;
}

// ---- geometry ----
geo::LatLon offset_km(geo::LatLon centre, double east_km, double north_km) {
  return {centre.latitude + north_km / kKmPerDegreeLatitude,
          centre.longitude +
              east_km / (kKmPerDegreeLatitude * std::cos(centre.latitude * kPi / 180.0))};
}

// A point uniform in the disc of `radius_km` around `centre`.
geo::LatLon point_near(Random& random, geo::LatLon centre, double radius_km) {
  const double radius = radius_km * std::sqrt(random.unit());
  const double angle = 2 * kPi * random.unit();
  return offset_km(centre, radius * std::cos(angle), radius * std::sin(angle));
}

double km_between(geo::LatLon a, geo::LatLon b) {
  return geo::haversine_metres(a, b) / 1000.0;
}

double uniform(Random& random, double low, double high) {
  return low + (high - low) * random.unit();
}

template <std::size_t N>
std::size_t weighted_index(Random& random, const std::array<double, N>& weights) {
  double total = 0;
  for (const double weight : weights) total += weight;
  double pick = random.unit() * total;
  for (std::size_t i = 0; i < N; ++i) {
    if (pick < weights[i]) return i;
    pick -= weights[i];
  }
  return N - 1;
}

// ---- child refs ----
bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
char upper(char c) {
  return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

// Initials of the significant words ("Barking and Dagenham" → "BD"), or the first letter and
// the first following consonant not yet used by another borough ("Hackney" → "HC").
std::string derive_prefix(const std::string& name, const std::set<std::string>& taken) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : name + " ") {
    if (is_letter(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  std::vector<std::string> significant;
  for (const std::string& w : words)
    if (w != "and" && w != "of" && w != "upon" && w != "the") significant.push_back(w);
  if (significant.empty()) return "XX";
  const char first = upper(significant[0][0]);
  if (significant.size() >= 2) {
    std::string prefix{first, upper(significant[1][0])};
    if (taken.count(prefix) == 0) return prefix;
  }
  std::string letters;
  for (const std::string& w : significant) letters += w;
  for (std::size_t i = 1; i < letters.size(); ++i) {
    const char c = upper(letters[i]);
    if (std::string("AEIOU").find(c) != std::string::npos) continue;
    std::string prefix{first, c};
    if (taken.count(prefix) == 0) return prefix;
  }
  for (char c = 'A'; c <= 'Z'; ++c) {
    std::string prefix{first, c};
    if (taken.count(prefix) == 0) return prefix;
  }
  return std::string{first, 'X'};
}

bool valid_prefix(const std::string& prefix) {
  return prefix.size() == 2 && std::isupper(static_cast<unsigned char>(prefix[0])) &&
         std::isupper(static_cast<unsigned char>(prefix[1]));
}

Error invalid(std::string message) {
  return make_error(ErrorCode::kInvalidArgument, std::move(message));
}

// What a provider charges: its fee levels.
struct FeeLevels {
  double day = 0;
  double residential = 0;
};

Fees split_fees(Random& random, std::int64_t total, bool residential) {
  Fees fees;
  const double education_share =
      residential ? uniform(random, 0.30, 0.40) : uniform(random, 0.65, 0.80);
  const double therapy_share =
      residential ? uniform(random, 0.10, 0.15) : uniform(random, 0.10, 0.20);
  fees.education = std::llround(static_cast<double>(total) * education_share);
  fees.therapy = std::llround(static_cast<double>(total) * therapy_share);
  fees.care = std::max<std::int64_t>(0, total - fees.education - fees.therapy);
  fees.other = 0;
  return fees;
}

std::int64_t uplifted(std::int64_t pounds, double uplift) {
  return std::llround(static_cast<double>(pounds) * (1 + uplift));
}

bool takes(const Provider& provider, Need need) {
  return provider.needs.count(need) > 0;
}
bool takes_mode(const Provider& provider, bool residential) {
  if (provider.boarding == Boarding::kBoth) return true;
  return residential == (provider.boarding == Boarding::kResidential);
}

}  // namespace

Result<SyntheticPlacements> generate_placements(const std::vector<GeneratorBorough>& boroughs,
                                                std::uint64_t seed,
                                                const PlacementGeneratorOptions& options) {
  if (boroughs.empty()) return invalid("generate_placements needs at least one borough");
  if (!(options.scale > 0) || !std::isfinite(options.scale))
    return invalid(fmt::format("scale must be positive; got {}", options.scale));
  if (options.provider_count < 0)
    return invalid(fmt::format("provider_count must be 0 or more; got {}", options.provider_count));
  const std::optional<Date> as_of = parse_iso(options.as_of);
  if (!as_of) return invalid(fmt::format("as_of must be an ISO date; got '{}'", options.as_of));
  std::vector<std::string> prefixes;
  std::set<std::string> taken;
  for (const GeneratorBorough& borough : boroughs) {
    for (const int count : borough.children)
      if (count < 0)
        return invalid(fmt::format("{}: a count of children is negative", borough.info.name));
    if (!borough.ref_prefix.empty() && !valid_prefix(borough.ref_prefix))
      return invalid(fmt::format("{}: ref_prefix must be two capital letters; got '{}'",
                                 borough.info.name, borough.ref_prefix));
    if (!borough.ref_prefix.empty()) taken.insert(borough.ref_prefix);
  }
  for (const GeneratorBorough& borough : boroughs) {
    std::string prefix = borough.ref_prefix;
    if (prefix.empty()) {
      prefix = derive_prefix(borough.info.name, taken);
      taken.insert(prefix);
    }
    prefixes.push_back(prefix);
  }

  Random random(seed);
  const long as_of_day = days_from_civil(*as_of);
  SyntheticPlacements result;

  // ---- providers ----
  const int provider_count =
      options.provider_count > 0 ? options.provider_count : random.between(60, 120);
  std::vector<std::pair<std::size_t, std::size_t>> names;
  for (std::size_t t = 0; t < kTrees.size(); ++t)
    for (std::size_t p = 0; p < kPlaces.size(); ++p) names.emplace_back(t, p);
  for (std::size_t i = names.size(); i > 1; --i)
    std::swap(names[i - 1], names[random.below(static_cast<uint32_t>(i))]);
  std::vector<FeeLevels> levels;
  for (int k = 0; k < provider_count; ++k) {
    Provider provider;
    provider.id = k + 1;
    const double type_pick = random.unit();
    provider.type = type_pick < 0.70   ? ProviderType::kIndependentSpecial
                    : type_pick < 0.85 ? ProviderType::kNonMaintainedSpecial
                                       : ProviderType::kSpecialPost16;
    const bool college = provider.type == ProviderType::kSpecialPost16;
    const auto [tree, place] = names[static_cast<std::size_t>(k) % names.size()];
    provider.name = fmt::format("Synthetic {} {} {}", kTrees[tree], kPlaces[place],
                                college ? "College" : "School");
    if (static_cast<std::size_t>(k) >= names.size())
      provider.name += fmt::format(" {}", static_cast<std::size_t>(k) / names.size() + 1);
    if (random.chance(kLondonProviderShare)) {
      const GeneratorBorough& borough =
          boroughs[random.below(static_cast<uint32_t>(boroughs.size()))];
      provider.la_number = borough.info.la_number;
      provider.local_authority = borough.info.name;
      provider.location = point_near(random, borough.centroid, 3.0);
    } else {
      const HomeCounty& county = kHomeCounties[random.below(kHomeCounties.size())];
      provider.la_number = county.la_number;
      provider.local_authority = county.name;
      provider.location = point_near(random, {county.latitude, county.longitude}, 10.0);
    }
    const AgeRange ages = college ? kCollegeAges : kSchoolAges[random.below(kSchoolAges.size())];
    provider.age_low = ages.low;
    provider.age_high = ages.high;
    provider.needs.insert(static_cast<Need>(weighted_index(random, kNeedWeights)));
    if (random.chance(0.5))
      provider.needs.insert(static_cast<Need>(weighted_index(random, kNeedWeights)));
    if (random.chance(0.2))
      provider.needs.insert(static_cast<Need>(weighted_index(random, kNeedWeights)));
    const double boarding_pick = random.unit();
    if (college) {
      provider.boarding = boarding_pick < 0.7 ? Boarding::kDay : Boarding::kBoth;
    } else {
      provider.boarding = boarding_pick < 0.65   ? Boarding::kDay
                          : boarding_pick < 0.75 ? Boarding::kResidential
                                                 : Boarding::kBoth;
    }
    const bool physical =
        provider.needs.count(Need::kPd) > 0 || provider.needs.count(Need::kPmld) > 0;
    provider.wheelchair_accessible = random.chance(physical ? 0.8 : 0.35);
    provider.capacity = random.between(20, 150);
    provider.vacancies = random.between(0, provider.capacity * 15 / 100);
    const double grade_pick = random.unit();
    provider.ofsted_grade = grade_pick < 0.15   ? 1
                            : grade_pick < 0.80 ? 2
                            : grade_pick < 0.95 ? 3
                                                : 4;
    provider.ofsted_date = iso(civil_from_days(as_of_day - random.between(30, 6 * 365)));
    provider.section41 = provider.type == ProviderType::kSpecialPost16        ? random.chance(0.8)
                         : provider.type == ProviderType::kIndependentSpecial ? random.chance(0.5)
                                                                              : false;
    provider.source = "synthetic";
    provider.updated_at = options.as_of;
    levels.push_back({uniform(random, kDayFeeLow, kDayFeeHigh),
                      uniform(random, kResidentialFeeLow, kResidentialFeeHigh)});
    result.providers.push_back(std::move(provider));
  }
  // Every need some borough has children with is catered for somewhere: by a school (not a
  // college, whose ages are narrow) when there is one.
  for (std::size_t n = 0; n < kNeedCount; ++n) {
    const Need need = static_cast<Need>(n);
    bool wanted = false;
    for (const GeneratorBorough& borough : boroughs)
      wanted = wanted || std::lround(borough.children[n] * options.scale) > 0;
    const bool covered = std::any_of(result.providers.begin(), result.providers.end(),
                                     [&](const Provider& p) { return takes(p, need); });
    if (!wanted || covered) continue;
    std::vector<std::size_t> schools;
    for (std::size_t i = 0; i < result.providers.size(); ++i)
      if (result.providers[i].type != ProviderType::kSpecialPost16) schools.push_back(i);
    const std::size_t chosen = schools.empty()
                                   ? random.below(static_cast<uint32_t>(result.providers.size()))
                                   : schools[random.below(static_cast<uint32_t>(schools.size()))];
    result.providers[chosen].needs.insert(need);
  }

  // ---- placements ----
  std::vector<int> placed(result.providers.size(), 0);
  std::int64_t next_id = 1;
  for (std::size_t b = 0; b < boroughs.size(); ++b) {
    const GeneratorBorough& borough = boroughs[b];
    std::optional<transport::BoroughBoundary> boundary;
    if (options.boundaries != nullptr) {
      Result<transport::BoroughBoundary> found =
          transport::find_borough(*options.boundaries, borough.info.name);
      if (found) boundary = std::move(found).value();
    }
    int child_number = 0;
    for (std::size_t n = 0; n < kNeedCount; ++n) {
      const Need need = static_cast<Need>(n);
      const long children = std::lround(borough.children[n] * options.scale);
      for (long child = 0; child < children; ++child) {
        geo::LatLon home = point_near(random, borough.centroid, 4.0);
        if (boundary) {
          const auto [south_west, north_east] = boundary->bounding_box();
          for (int attempt = 0; attempt < 200; ++attempt) {
            const geo::LatLon candidate{
                uniform(random, south_west.latitude, north_east.latitude),
                uniform(random, south_west.longitude, north_east.longitude)};
            if (boundary->contains(candidate)) {
              home = candidate;
              break;
            }
          }
        }
        bool residential = random.chance(kResidentialChance);
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < result.providers.size(); ++i)
          if (takes(result.providers[i], need) && takes_mode(result.providers[i], residential))
            candidates.push_back(i);
        if (candidates.empty()) {
          for (std::size_t i = 0; i < result.providers.size(); ++i)
            if (takes(result.providers[i], need)) candidates.push_back(i);
        }
        std::vector<double> weights;
        double total_weight = 0;
        const double decay = residential ? kResidentialDecayKm : kDayDecayKm;
        for (const std::size_t i : candidates) {
          const Provider& provider = result.providers[i];
          double weight = std::exp(-km_between(home, *provider.location) / decay);
          if (placed[i] >= provider.capacity) weight *= kFullProviderWeight;
          weights.push_back(weight);
          total_weight += weight;
        }
        std::size_t pick = candidates.size() - 1;
        if (total_weight > 0) {
          double target = random.unit() * total_weight;
          for (std::size_t k = 0; k < candidates.size(); ++k) {
            if (target < weights[k]) {
              pick = k;
              break;
            }
            target -= weights[k];
          }
        } else {
          pick = random.below(static_cast<uint32_t>(candidates.size()));
        }
        const std::size_t chosen = candidates[pick];
        Provider& provider = result.providers[chosen];
        ++placed[chosen];
        if (!takes_mode(provider, residential)) residential = !residential;

        Placement placement;
        placement.id = next_id++;
        placement.borough = borough.info.name;
        placement.child_ref = fmt::format("{}-{:05}", prefixes[b], ++child_number);
        placement.need = need;
        placement.age = random.between(provider.age_low, provider.age_high);
        placement.provider_id = provider.id;
        const long start_day = as_of_day - random.between(0, kStartWindowDays);
        placement.start_date = iso(civil_from_days(start_day));
        placement.residential = residential;

        const double level = residential ? levels[chosen].residential : levels[chosen].day;
        const std::int64_t low = residential ? kResidentialFeeLow : kDayFeeLow;
        const std::int64_t high = residential ? kResidentialFeeHigh : kDayFeeHigh;
        const std::int64_t first_total =
            std::clamp<std::int64_t>(std::llround(level * uniform(random, 0.95, 1.05)), low, high);
        FeePeriod first;
        first.from = placement.start_date;
        first.fees = split_fees(random, first_total, residential);
        first.recorded_by = "synthetic";
        first.recorded_at = placement.start_date;
        placement.fees.push_back(first);
        if (random.chance(kUpliftChance)) {
          const Date start = civil_from_days(start_day);
          Date april{start.year, 4, 1};
          if (days_from_civil(april) <= start_day) april.year += 1;
          const double uplift = uniform(random, kUpliftLow, kUpliftHigh);
          if (days_from_civil(april) <= as_of_day) {
            FeePeriod next;
            next.from = iso(april);
            next.fees.education = uplifted(first.fees.education, uplift);
            next.fees.care = uplifted(first.fees.care, uplift);
            next.fees.therapy = uplifted(first.fees.therapy, uplift);
            next.fees.other = uplifted(first.fees.other, uplift);
            next.recorded_by = "synthetic";
            next.recorded_at = next.from;
            placement.fees.push_back(next);
          }
        }
        const double straight_km = km_between(home, *provider.location);
        placement.distance_km = std::round(straight_km * kRoadCircuity * 10) / 10;
        const double journeys = residential ? kResidentialJourneys : 2.0 * kSchoolDays;
        placement.transport_cost =
            std::llround(journeys * placement.distance_km * kTransportPoundsPerKm);
        result.placements.push_back(std::move(placement));
      }
    }
  }
  for (std::size_t i = 0; i < result.providers.size(); ++i) {
    Provider& provider = result.providers[i];
    provider.places_commissioned = placed[i];
    provider.vacancies =
        std::clamp(provider.vacancies, 0, std::max(0, provider.capacity - placed[i]));
  }
  return result;
}

}  // namespace sendplan::placements
