// The matching tool (see matching.h for the rules, the ranking and an example).
#include "placements/matching.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>

namespace sendplan::placements {

namespace {

bool valid_position(geo::LatLon position) {
  return std::isfinite(position.latitude) && std::isfinite(position.longitude) &&
         position.latitude >= -90 && position.latitude <= 90 && position.longitude >= -180 &&
         position.longitude <= 180;
}

std::string upper_need_code(Need need) {
  std::string code = need_code(need);
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

// Median of `fees` (not empty), an even count's two middle fees averaged, half up.
std::int64_t median(std::vector<std::int64_t> fees) {
  std::sort(fees.begin(), fees.end());
  const std::size_t middle = fees.size() / 2;
  if (fees.size() % 2 == 1) return fees[middle];
  return (fees[middle - 1] + fees[middle] + 1) / 2;
}

struct FeeMedians {
  std::map<ProviderType, std::vector<std::int64_t>> by_type;
  std::vector<std::int64_t> all;
};

FeeMedians collect_fees(const std::vector<Provider>& providers,
                        const std::map<std::int64_t, std::int64_t>& annual_fees) {
  FeeMedians fees;
  for (const Provider& provider : providers) {
    const auto fee = annual_fees.find(provider.id);
    if (fee == annual_fees.end()) continue;
    fees.by_type[provider.type].push_back(fee->second);
    fees.all.push_back(fee->second);
  }
  return fees;
}

void set_fee(ProviderMatch& match, const std::map<std::int64_t, std::int64_t>& annual_fees,
             const FeeMedians& fees) {
  if (const auto own = annual_fees.find(match.provider_id); own != annual_fees.end()) {
    match.annual_fee = own->second;
    match.fee_source = FeeSource::kProvider;
    return;
  }
  if (const auto of_type = fees.by_type.find(match.type); of_type != fees.by_type.end()) {
    match.annual_fee = median(of_type->second);
    match.fee_source = FeeSource::kTypeMedian;
    match.flags.push_back(fmt::format(
        "fee not known: {} is the median fee of the {} listed provider{} of its type ({})",
        pounds_text(match.annual_fee), of_type->second.size(),
        of_type->second.size() == 1 ? "" : "s", provider_type_name(match.type)));
    return;
  }
  if (!fees.all.empty()) {
    match.annual_fee = median(fees.all);
    match.fee_source = FeeSource::kAllMedian;
    match.flags.push_back(fmt::format(
        "fee not known, nor any for its type: {} is the median fee of the {} listed provider{} "
        "with a fee",
        pounds_text(match.annual_fee), fees.all.size(), fees.all.size() == 1 ? "" : "s"));
    return;
  }
  match.annual_fee = 0;
  match.fee_source = FeeSource::kNone;
  match.flags.push_back("no listed provider has a fee: ranked on transport cost alone");
}

bool offers_day(Boarding boarding) {
  return boarding == Boarding::kDay || boarding == Boarding::kBoth;
}
bool offers_residential(Boarding boarding) {
  return boarding == Boarding::kResidential || boarding == Boarding::kBoth;
}

ProviderMatch match_one(const ChildToPlace& child, const Provider& provider,
                        const std::map<std::int64_t, std::int64_t>& annual_fees,
                        const FeeMedians& fees, const travel::LondonModel& model,
                        const TransportRates& rates) {
  ProviderMatch match;
  match.provider_id = provider.id;
  match.name = provider.name;
  match.type = provider.type;
  std::vector<std::string> excluded;
  std::vector<std::string> not_recorded;

  if (provider.vacancies <= 0) excluded.push_back("no vacancy");

  if (provider.needs.empty()) {
    not_recorded.push_back("needs not recorded");
  } else if (provider.needs.count(child.need) == 0) {
    excluded.push_back(fmt::format("need not catered for ({})", upper_need_code(child.need)));
  }

  const bool ages_recorded = provider.age_low != 0 || provider.age_high != 0;
  if (!ages_recorded) {
    not_recorded.push_back("age range not recorded");
  } else {
    match.stay_until_age = provider.age_high;
    match.years_left = std::max(0, provider.age_high - child.age);
    if (child.age < provider.age_low || child.age > provider.age_high) {
      excluded.push_back(fmt::format("age {} outside its range {}–{}", child.age, provider.age_low,
                                     provider.age_high));
    }
  }

  // Day or residential (matching.h): the child's wish, then what the provider offers.
  bool boarding_fits = true;
  bool residential = child.boarding == BoardingWanted::kResidential;
  if (child.boarding == BoardingWanted::kDay && !offers_day(provider.boarding)) {
    boarding_fits = false;
    excluded.push_back("day place wanted; it offers residential places only");
  } else if (child.boarding == BoardingWanted::kResidential &&
             !offers_residential(provider.boarding)) {
    boarding_fits = false;
    excluded.push_back("residential place wanted; it offers day places only");
  } else if (child.boarding == BoardingWanted::kEither) {
    residential = provider.boarding == Boarding::kResidential;
  }

  if (child.wheelchair_user && !provider.wheelchair_accessible) {
    excluded.push_back("not wheelchair accessible");
  }

  if (!provider.location.has_value()) {
    excluded.push_back("no location recorded");
  } else if (!valid_position(*provider.location)) {
    excluded.push_back("location is not a valid position");
  } else {
    const TravelNeeds needs{child.wheelchair_user, child.needs_passenger_assistant,
                            child.must_travel_alone};
    match.journey_check =
        check_journey_time(model.seconds_for(model.road_metres(child.home, *provider.location),
                                             travel::TimeOfDay::kMorningPeak) /
                               60.0,
                           child.age, child.max_journey_minutes, rates);
    // "Either" at a provider with both: a day place when the journey allows it.
    if (child.boarding == BoardingWanted::kEither && provider.boarding == Boarding::kBoth) {
      residential = !match.journey_check.within;
    }
    Result<TravelEstimate> estimate =
        estimate_travel(child.home, *provider.location, needs, residential, model, rates);
    // Positions and rates were checked, so the estimate cannot fail.
    if (estimate.ok()) {
      match.travel = std::move(estimate).value();
      match.journey_minutes = match.journey_check.journey_minutes;
      match.transport_cost = match.travel->annual_cost_pounds;
    }
    if (!match.journey_check.within) {
      const std::string over = fmt::format(
          "journey of {} min is over the {} min limit ({})", match.journey_check.journey_minutes,
          match.journey_check.limit_minutes, match.journey_check.basis);
      if (residential && boarding_fits) {
        match.flags.push_back(over + ": allowed for a residential placement");
      } else {
        excluded.push_back(over);
      }
    }
  }
  match.residential = residential;

  if (provider.ofsted_grade.has_value() && *provider.ofsted_grade >= 1 &&
      *provider.ofsted_grade <= 4) {
    match.ofsted_grade = provider.ofsted_grade;
    match.ofsted_band =
        *provider.ofsted_grade <= 2 ? OfstedBand::kGoodOrBetter : OfstedBand::kBelowGood;
  } else {
    match.ofsted_band = OfstedBand::kNotKnown;
    match.flags.push_back(
        provider.ofsted_grade.has_value()
            ? fmt::format("Ofsted grade {} is not 1–4: treated as not known (neutral)",
                          *provider.ofsted_grade)
            : std::string("Ofsted grade not known: neutral, between good and below good"));
  }

  set_fee(match, annual_fees, fees);
  match.total_annual_cost = match.annual_fee + match.transport_cost;

  if (!excluded.empty()) {
    match.standing = Standing::kNotEligible;
    match.reasons = std::move(excluded);
    match.reasons.insert(match.reasons.end(), not_recorded.begin(), not_recorded.end());
  } else if (!not_recorded.empty()) {
    match.standing = Standing::kNotRecorded;
    match.reasons = std::move(not_recorded);
  } else {
    match.standing = Standing::kEligible;
  }
  return match;
}

// The criteria of the ranking rule, in order.
enum class Criterion { kOfsted, kTotalCost, kJourneyTime, kYearsLeft, kName, kId, kNone };

// The first criterion on which `a` and `b` differ (kNone when they are equal on all).
Criterion deciding_criterion(const ProviderMatch& a, const ProviderMatch& b) {
  if (a.ofsted_band != b.ofsted_band) return Criterion::kOfsted;
  if (a.total_annual_cost != b.total_annual_cost) return Criterion::kTotalCost;
  if (a.journey_minutes != b.journey_minutes) return Criterion::kJourneyTime;
  if (a.years_left != b.years_left) return Criterion::kYearsLeft;
  if (a.name != b.name) return Criterion::kName;
  if (a.provider_id != b.provider_id) return Criterion::kId;
  return Criterion::kNone;
}

const char* criterion_name(Criterion criterion) {
  switch (criterion) {
    case Criterion::kOfsted:
      return "Ofsted grade";
    case Criterion::kTotalCost:
      return "total cost";
    case Criterion::kJourneyTime:
      return "journey time";
    case Criterion::kYearsLeft:
      return "years the child could stay";
    case Criterion::kName:
      return "name";
    case Criterion::kId:
      return "id";
    case Criterion::kNone:
      break;
  }
  return "nothing";
}

std::string grade_text(const ProviderMatch& match) {
  return match.ofsted_grade.has_value() ? ofsted_grade_name(*match.ofsted_grade) : "not known";
}

// "is rated Good" / "has no known Ofsted grade".
std::string rated(const ProviderMatch& match) {
  return match.ofsted_grade.has_value()
             ? fmt::format("is rated {}", ofsted_grade_name(*match.ofsted_grade))
             : std::string("has no known Ofsted grade");
}

std::string same_ofsted_text(const ProviderMatch& a, const ProviderMatch& b) {
  if (a.ofsted_band == OfstedBand::kNotKnown) return "neither has a known Ofsted grade";
  if (a.ofsted_grade == b.ofsted_grade) return fmt::format("both are rated {}", grade_text(a));
  return fmt::format("both are rated {} ({} and {})",
                     a.ofsted_band == OfstedBand::kGoodOrBetter ? "good or better" : "below good",
                     grade_text(a), grade_text(b));
}

std::string fee_text(const ProviderMatch& match) {
  std::string text = pounds_text(match.annual_fee);
  switch (match.fee_source) {
    case FeeSource::kProvider:
      break;
    case FeeSource::kTypeMedian:
      text += " (median for its type)";
      break;
    case FeeSource::kAllMedian:
      text += " (median of all)";
      break;
    case FeeSource::kNone:
      text += " (not known)";
      break;
  }
  return text;
}

std::string years_text(const ProviderMatch& match) {
  if (match.stay_until_age == 0) return "0 years (age range not recorded)";
  return fmt::format("{} year{} (to age {})", match.years_left, match.years_left == 1 ? "" : "s",
                     match.stay_until_age);
}

// What `first` (the one that ranks higher) has over `second` on `criterion`.
std::string deciding_text(Criterion criterion, const ProviderMatch& first,
                          const ProviderMatch& second) {
  switch (criterion) {
    case Criterion::kOfsted:
      return fmt::format(
          "it {} and {} {} (good or better comes first, then not known, then "
          "below good)",
          rated(first), second.name, rated(second));
    case Criterion::kTotalCost:
      return fmt::format(
          "its total cost is {} a year against {} (fee {} vs {}; transport {} vs {})",
          pounds_text(first.total_annual_cost), pounds_text(second.total_annual_cost),
          fee_text(first), fee_text(second), pounds_text(first.transport_cost),
          pounds_text(second.transport_cost));
    case Criterion::kJourneyTime:
      return fmt::format("its journey takes {} min against {} min", first.journey_minutes,
                         second.journey_minutes);
    case Criterion::kYearsLeft:
      return fmt::format("the child could stay {} against {}", years_text(first),
                         years_text(second));
    case Criterion::kName:
      return fmt::format("everything else is equal, so by name: \"{}\" before \"{}\"", first.name,
                         second.name);
    case Criterion::kId:
      return fmt::format("everything else is equal, names too, so by id: {} before {}",
                         first.provider_id, second.provider_id);
    case Criterion::kNone:
      break;
  }
  return "they are equal on every criterion";
}

// What `a` and `b` share on `criterion` (both equal on it).
std::string equal_text(Criterion criterion, const ProviderMatch& a, const ProviderMatch& b) {
  switch (criterion) {
    case Criterion::kOfsted:
      return same_ofsted_text(a, b);
    case Criterion::kTotalCost:
      return fmt::format("both cost {} a year", pounds_text(a.total_annual_cost));
    case Criterion::kJourneyTime:
      return fmt::format("both journeys take {} min", a.journey_minutes);
    case Criterion::kYearsLeft:
      return fmt::format("the child could stay {} year{} at both", a.years_left,
                         a.years_left == 1 ? "" : "s");
    default:
      break;
  }
  return "";
}

}  // namespace

Result<MatchResult> match_providers(const ChildToPlace& child,
                                    const std::vector<Provider>& providers,
                                    const std::map<std::int64_t, std::int64_t>& annual_fees,
                                    const travel::LondonModel& model, const TransportRates& rates) {
  if (Status valid = rates.validate(); !valid.ok()) return valid.error();
  if (child.age < 0) {
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("matching: the child's age is {}, but it must be at least 0", child.age));
  }
  if (!valid_position(child.home)) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("matching: the child's home ({}, {}) is not a position on Earth",
                                  child.home.latitude, child.home.longitude));
  }
  if (child.max_journey_minutes.has_value() && *child.max_journey_minutes <= 0) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("matching: the child's journey limit is {} min, but it must be "
                                  "more than 0",
                                  *child.max_journey_minutes));
  }
  for (const auto& [id, fee] : annual_fees) {
    if (fee < 0) {
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("matching: provider {} has a fee of {}, but a fee must be at "
                                    "least 0",
                                    id, fee));
    }
  }

  const FeeMedians fees = collect_fees(providers, annual_fees);
  MatchResult result;
  for (const Provider& provider : providers) {
    ProviderMatch match = match_one(child, provider, annual_fees, fees, model, rates);
    switch (match.standing) {
      case Standing::kEligible:
        result.eligible.push_back(std::move(match));
        break;
      case Standing::kNotRecorded:
        result.not_recorded.push_back(std::move(match));
        break;
      case Standing::kNotEligible:
        result.not_eligible.push_back(std::move(match));
        break;
    }
  }
  std::stable_sort(result.eligible.begin(), result.eligible.end(), ranks_above);
  std::stable_sort(result.not_recorded.begin(), result.not_recorded.end(), ranks_above);
  std::stable_sort(result.not_eligible.begin(), result.not_eligible.end(),
                   [](const ProviderMatch& a, const ProviderMatch& b) {
                     return std::tie(a.name, a.provider_id) < std::tie(b.name, b.provider_id);
                   });
  return result;
}

bool ranks_above(const ProviderMatch& a, const ProviderMatch& b) {
  switch (deciding_criterion(a, b)) {
    case Criterion::kOfsted:
      return a.ofsted_band < b.ofsted_band;
    case Criterion::kTotalCost:
      return a.total_annual_cost < b.total_annual_cost;
    case Criterion::kJourneyTime:
      return a.journey_minutes < b.journey_minutes;
    case Criterion::kYearsLeft:
      return a.years_left > b.years_left;
    case Criterion::kName:
      return a.name < b.name;
    case Criterion::kId:
      return a.provider_id < b.provider_id;
    case Criterion::kNone:
      break;
  }
  return false;
}

std::string explain_ranking(const ProviderMatch& above, const ProviderMatch& below) {
  const Criterion decides = deciding_criterion(above, below);
  if (decides == Criterion::kNone) {
    return fmt::format("{} and {} are equal on every criterion", above.name, below.name);
  }
  if (!ranks_above(above, below)) {
    return fmt::format("{} does not rank above {}: ", above.name, below.name) +
           explain_ranking(below, above);
  }
  std::string text =
      fmt::format("{} ranks above {} on {}: ", above.name, below.name, criterion_name(decides));
  for (int c = 0; c < static_cast<int>(decides); ++c) {
    const std::string equal = equal_text(static_cast<Criterion>(c), above, below);
    if (!equal.empty()) text += equal + "; ";
  }
  return text + deciding_text(decides, above, below);
}

std::string explain_ranking(const std::vector<ProviderMatch>& ranked, std::size_t i) {
  return explain_ranking(ranked.at(i), ranked.at(i + 1));
}

const char* ofsted_grade_name(int grade) {
  switch (grade) {
    case 1:
      return "Outstanding";
    case 2:
      return "Good";
    case 3:
      return "Requires improvement";
    case 4:
      return "Inadequate";
    default:
      break;
  }
  return "not known";
}

}  // namespace sendplan::placements
