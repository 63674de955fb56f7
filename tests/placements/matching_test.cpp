// The matching tool: each exclusion reason, the "not recorded" list, day or residential and the
// journey limit, the vehicle the child gets, fees and their fallbacks, each step of the ranking
// rule with its explanation, determinism, and broken input. Hand-made providers on the meridian
// 0.1° W north of a home in Kennington, so journeys are the London model's reference journeys.
#include "placements/matching.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>

namespace sendplan::placements {
namespace {

constexpr geo::LatLon kHome{51.5000, -0.1000};

// Journeys north of home (London model defaults, morning run):
//   0.045° → 6,755 m, 24 min (23.9);  0.1° → 15,011 m, 52 min (51.9);
//   0.16° → 24,018 m, 82 min (82.4).
constexpr double kNear = 0.045;
constexpr double kMiddle = 0.1;
constexpr double kFar = 0.16;

travel::LondonModel london_model() {
  return travel::LondonModel(travel::LondonModelSettings{});
}

// An independent special school for autism, ages 5–19, day, wheelchair accessible, rated Good,
// with two vacancies, `north` degrees north of home.
Provider provider(std::int64_t id, const std::string& name, double north = kNear) {
  Provider p;
  p.id = id;
  p.name = name;
  p.type = ProviderType::kIndependentSpecial;
  p.location = geo::LatLon{kHome.latitude + north, kHome.longitude};
  p.age_low = 5;
  p.age_high = 19;
  p.needs = {Need::kAsd};
  p.boarding = Boarding::kDay;
  p.wheelchair_accessible = true;
  p.capacity = 60;
  p.vacancies = 2;
  p.ofsted_grade = 2;
  return p;
}

// A 12-year-old with autism who wants a day place and can share a taxi.
ChildToPlace child() {
  ChildToPlace c;
  c.need = Need::kAsd;
  c.age = 12;
  c.home = kHome;
  return c;
}

MatchResult match(const ChildToPlace& c, const std::vector<Provider>& providers,
                  const std::map<std::int64_t, std::int64_t>& fees = {}) {
  Result<MatchResult> result = match_providers(c, providers, fees, london_model());
  EXPECT_TRUE(result.ok()) << result.error().to_string();
  return result.ok() ? std::move(result).value() : MatchResult{};
}

// The annual transport cost the travel estimate gives for `north` degrees (checked by hand in
// travel_estimate_test.cpp).
std::int64_t transport(double north, const TravelNeeds& needs = {}, bool residential = false) {
  Result<TravelEstimate> e = estimate_travel(kHome, {kHome.latitude + north, kHome.longitude},
                                             needs, residential, london_model());
  EXPECT_TRUE(e.ok());
  return e.ok() ? e.value().annual_cost_pounds : 0;
}

std::vector<std::int64_t> ids(const std::vector<ProviderMatch>& list) {
  std::vector<std::int64_t> out;
  for (const ProviderMatch& m : list) out.push_back(m.provider_id);
  return out;
}

// The reasons of the one provider in `result.not_eligible`, after checking nothing else got in.
std::vector<std::string> only_exclusion(const MatchResult& result) {
  EXPECT_TRUE(result.eligible.empty());
  EXPECT_TRUE(result.not_recorded.empty());
  EXPECT_EQ(result.not_eligible.size(), 1u);
  if (result.not_eligible.size() != 1) return {};
  EXPECT_EQ(result.not_eligible[0].standing, Standing::kNotEligible);
  return result.not_eligible[0].reasons;
}

using Reasons = std::vector<std::string>;

TEST(MatchEligibility, AFittingProviderIsEligible) {
  const MatchResult result = match(child(), {provider(1, "Riverside School")}, {{1, 52000}});
  ASSERT_EQ(result.eligible.size(), 1u);
  const ProviderMatch& m = result.eligible[0];
  EXPECT_EQ(m.standing, Standing::kEligible);
  EXPECT_TRUE(m.reasons.empty());
  EXPECT_TRUE(m.flags.empty());
  EXPECT_FALSE(m.residential);
  EXPECT_EQ(m.years_left, 7);  // 19 − 12
  EXPECT_EQ(m.stay_until_age, 19);
  EXPECT_EQ(m.annual_fee, 52000);
  EXPECT_EQ(m.fee_source, FeeSource::kProvider);
  EXPECT_EQ(m.ofsted_band, OfstedBand::kGoodOrBetter);
  ASSERT_TRUE(m.travel.has_value());
  // Distance straight from the London model; cost from the shared-taxi rule: £5,286 a year.
  EXPECT_DOUBLE_EQ(m.travel->road_km,
                   london_model().road_metres(kHome, *provider(1, "x").location) / 1000.0);
  EXPECT_EQ(m.journey_minutes, 24);
  EXPECT_EQ(m.transport_cost, 5286);
  EXPECT_EQ(m.total_annual_cost, 57286);
  EXPECT_EQ(m.journey_check.limit_minutes, 75);
}

TEST(MatchEligibility, NoVacancy) {
  Provider p = provider(1, "Full School");
  p.vacancies = 0;
  EXPECT_EQ(only_exclusion(match(child(), {p})), Reasons{"no vacancy"});
}

TEST(MatchEligibility, NeedNotCateredFor) {
  Provider p = provider(1, "SEMH School");
  p.needs = {Need::kSemh, Need::kMld};
  EXPECT_EQ(only_exclusion(match(child(), {p})), Reasons{"need not catered for (ASD)"});
}

TEST(MatchEligibility, AgeOutsideRangeAtBothEnds) {
  Provider primary = provider(1, "Primary School");
  primary.age_low = 4;
  primary.age_high = 11;
  EXPECT_EQ(only_exclusion(match(child(), {primary})), Reasons{"age 12 outside its range 4–11"});
  Provider college = provider(2, "College");
  college.age_low = 16;
  college.age_high = 25;
  EXPECT_EQ(only_exclusion(match(child(), {college})), Reasons{"age 12 outside its range 16–25"});
  // The range's ends are inside it.
  primary.age_high = 12;
  EXPECT_EQ(match(child(), {primary}).eligible.size(), 1u);
  EXPECT_EQ(match(child(), {primary}).eligible[0].years_left, 0);
}

TEST(MatchEligibility, DayOrResidentialMismatch) {
  Provider boarding = provider(1, "Boarding School");
  boarding.boarding = Boarding::kResidential;
  EXPECT_EQ(only_exclusion(match(child(), {boarding})),
            Reasons{"day place wanted; it offers residential places only"});

  ChildToPlace boarder = child();
  boarder.boarding = BoardingWanted::kResidential;
  EXPECT_EQ(only_exclusion(match(boarder, {provider(2, "Day School")})),
            Reasons{"residential place wanted; it offers day places only"});

  Provider both = provider(3, "Both School");
  both.boarding = Boarding::kBoth;
  EXPECT_EQ(match(child(), {both}).eligible.size(), 1u);
  EXPECT_EQ(match(boarder, {both}).eligible.size(), 1u);
}

TEST(MatchEligibility, NotWheelchairAccessibleForAWheelchairUser) {
  Provider p = provider(1, "Steps School");
  p.wheelchair_accessible = false;
  ChildToPlace wheelchair = child();
  wheelchair.wheelchair_user = true;
  EXPECT_EQ(only_exclusion(match(wheelchair, {p})), Reasons{"not wheelchair accessible"});
  EXPECT_EQ(match(child(), {p}).eligible.size(), 1u);  // no matter for a child who walks
}

TEST(MatchEligibility, NoLocation) {
  Provider nowhere = provider(1, "Nowhere School");
  nowhere.location.reset();
  const MatchResult result = match(child(), {nowhere});
  EXPECT_EQ(only_exclusion(result), Reasons{"no location recorded"});
  EXPECT_FALSE(result.not_eligible[0].travel.has_value());

  Provider off_earth = provider(2, "Off School");
  off_earth.location = geo::LatLon{200, 0};
  EXPECT_EQ(only_exclusion(match(child(), {off_earth})),
            Reasons{"location is not a valid position"});
}

// 52 min: over the primary guidance (45) at 10, within the secondary (75) at 11.
TEST(MatchEligibility, JourneyOverTheDfeGuidanceByAge) {
  ChildToPlace ten = child();
  ten.age = 10;
  EXPECT_EQ(only_exclusion(match(ten, {provider(1, "Middle School", kMiddle)})),
            Reasons{"journey of 52 min is over the 45 min limit (DfE guidance for primary age, "
                    "10 or under)"});
  ChildToPlace eleven = child();
  eleven.age = 11;
  EXPECT_EQ(match(eleven, {provider(1, "Middle School", kMiddle)}).eligible.size(), 1u);
  EXPECT_EQ(only_exclusion(match(eleven, {provider(2, "Far School", kFar)})),
            Reasons{"journey of 82 min is over the 75 min limit (DfE guidance for secondary "
                    "age, 11 or over)"});
}

TEST(MatchEligibility, JourneyOverTheChildsOwnLimit) {
  ChildToPlace limited = child();
  limited.max_journey_minutes = 20;
  EXPECT_EQ(only_exclusion(match(limited, {provider(1, "Near School")})),
            Reasons{"journey of 24 min is over the 20 min limit (the child's own limit)"});
  limited.max_journey_minutes = 24;
  EXPECT_EQ(match(limited, {provider(1, "Near School")}).eligible.size(), 1u);
  // Their own limit replaces the guidance, both ways.
  limited.max_journey_minutes = 90;
  EXPECT_EQ(match(limited, {provider(2, "Far School", kFar)}).eligible.size(), 1u);
}

TEST(MatchEligibility, EveryFailingRuleIsListed) {
  Provider p = provider(1, "Bad Fit School", kFar);
  p.vacancies = 0;
  p.needs = {Need::kPd};
  p.wheelchair_accessible = false;
  ChildToPlace wheelchair = child();
  wheelchair.wheelchair_user = true;
  EXPECT_EQ(only_exclusion(match(wheelchair, {p})),
            (Reasons{"no vacancy", "need not catered for (ASD)", "not wheelchair accessible",
                     "journey of 82 min is over the 75 min limit (DfE guidance for secondary "
                     "age, 11 or over)"}));
}

TEST(MatchNotRecorded, UnknownNeedsOrAgesAreListedApart) {
  Provider needs = provider(1, "Needs Unknown");
  needs.needs.clear();
  Provider ages = provider(2, "Ages Unknown");
  ages.age_low = 0;
  ages.age_high = 0;
  const MatchResult result = match(child(), {needs, ages}, {{1, 40000}, {2, 40000}});
  EXPECT_TRUE(result.eligible.empty());
  EXPECT_TRUE(result.not_eligible.empty());
  ASSERT_EQ(result.not_recorded.size(), 2u);
  // Ranked by the same rule: equal cost and journey; 7 years to stay against not recorded (0).
  EXPECT_EQ(result.not_recorded[0].reasons, Reasons{"needs not recorded"});
  EXPECT_EQ(result.not_recorded[1].reasons, Reasons{"age range not recorded"});
  EXPECT_EQ(result.not_recorded[0].standing, Standing::kNotRecorded);
  EXPECT_EQ(result.not_recorded[0].total_annual_cost, 45286);  // costed all the same
  EXPECT_EQ(explain_ranking(result.not_recorded, 0),
            "Needs Unknown ranks above Ages Unknown on years the child could stay: both are "
            "rated Good; both cost £45,286 a year; both journeys take 24 min; the child could "
            "stay 7 years (to age 19) against 0 years (age range not recorded)");
}

TEST(MatchNotRecorded, ADefiniteReasonStillExcludes) {
  Provider p = provider(1, "Full, Needs Unknown");
  p.needs.clear();
  p.vacancies = 0;
  EXPECT_EQ(only_exclusion(match(child(), {p})), (Reasons{"no vacancy", "needs not recorded"}));
}

TEST(MatchResidential, ResidentialIsNotHeldToTheJourneyLimit) {
  ChildToPlace boarder = child();
  boarder.boarding = BoardingWanted::kResidential;
  Provider far = provider(1, "Far Boarding School", kFar);
  far.boarding = Boarding::kResidential;
  const MatchResult result = match(boarder, {far}, {{1, 90000}});
  ASSERT_EQ(result.eligible.size(), 1u);
  const ProviderMatch& m = result.eligible[0];
  EXPECT_TRUE(m.residential);
  EXPECT_EQ(m.journey_minutes, 82);
  EXPECT_FALSE(m.journey_check.within);
  EXPECT_EQ(m.flags, Reasons{"journey of 82 min is over the 75 min limit (DfE guidance for "
                             "secondary age, 11 or over): allowed for a residential placement"});
  // Costed as a weekly boarder: a fifth of the day placement's transport.
  EXPECT_TRUE(m.travel->residential);
  EXPECT_EQ(m.transport_cost, transport(kFar, {}, true));
  EXPECT_LT(m.transport_cost * 4, transport(kFar));
  EXPECT_EQ(m.total_annual_cost, 90000 + m.transport_cost);
}

TEST(MatchResidential, EitherTakesADayPlaceWhenTheJourneyAllows) {
  ChildToPlace either = child();
  either.boarding = BoardingWanted::kEither;
  Provider near_both = provider(1, "Near Both", kNear);
  near_both.boarding = Boarding::kBoth;
  Provider far_both = provider(2, "Far Both", kFar);
  far_both.boarding = Boarding::kBoth;
  Provider near_boarding = provider(3, "Near Boarding", kNear);
  near_boarding.boarding = Boarding::kResidential;
  Provider far_day = provider(4, "Far Day", kFar);
  const MatchResult result = match(either, {near_both, far_both, near_boarding, far_day});
  ASSERT_EQ(result.eligible.size(), 3u);
  auto find = [&](std::int64_t id) {
    return *std::find_if(result.eligible.begin(), result.eligible.end(),
                         [id](const ProviderMatch& m) { return m.provider_id == id; });
  };
  EXPECT_FALSE(find(1).residential);
  EXPECT_EQ(find(1).transport_cost, transport(kNear));
  EXPECT_TRUE(find(2).residential);
  EXPECT_EQ(find(2).transport_cost, transport(kFar, {}, true));
  EXPECT_TRUE(find(3).residential);
  EXPECT_EQ(find(3).transport_cost, transport(kNear, {}, true));
  ASSERT_EQ(result.not_eligible.size(), 1u);  // a day school is held to the limit
  EXPECT_EQ(result.not_eligible[0].provider_id, 4);
}

TEST(MatchTravel, VehicleFollowsTheChildsNeeds) {
  ChildToPlace c = child();
  c.wheelchair_user = true;
  const ProviderMatch wav = match(c, {provider(1, "A")}).eligible.at(0);
  EXPECT_EQ(wav.travel->vehicle, Vehicle::kWav);
  EXPECT_EQ(wav.transport_cost, 11099);  // hand-worked in travel_estimate_test.cpp

  c = child();
  c.must_travel_alone = true;
  const ProviderMatch solo = match(c, {provider(1, "A")}).eligible.at(0);
  EXPECT_EQ(solo.travel->children_sharing, 1);
  EXPECT_EQ(solo.transport_cost, 15859);

  c = child();
  c.needs_passenger_assistant = true;
  const ProviderMatch assisted = match(c, {provider(1, "A")}).eligible.at(0);
  EXPECT_TRUE(assisted.travel->with_assistant);
  EXPECT_EQ(assisted.transport_cost, 22386);
}

TEST(MatchFees, OwnFeeThenTypeMedianThenAllMedianFlagged) {
  Provider a = provider(1, "A");
  Provider b = provider(2, "B");
  Provider c = provider(3, "C");
  c.vacancies = 0;  // not eligible, but its fee still counts in the median
  Provider unknown = provider(4, "D");
  Provider academy = provider(5, "E");
  academy.type = ProviderType::kAcademySpecial;
  const MatchResult result =
      match(child(), {a, b, c, unknown, academy}, {{1, 40000}, {2, 50000}, {3, 90000}});
  auto find = [&](std::int64_t id) {
    for (const auto* list : {&result.eligible, &result.not_eligible}) {
      for (const ProviderMatch& m : *list)
        if (m.provider_id == id) return m;
    }
    ADD_FAILURE() << "no provider " << id;
    return ProviderMatch{};
  };
  EXPECT_EQ(find(1).fee_source, FeeSource::kProvider);
  EXPECT_EQ(find(1).annual_fee, 40000);
  EXPECT_TRUE(find(1).flags.empty());

  // Median of the independent special schools' 40,000, 50,000 and 90,000.
  EXPECT_EQ(find(4).fee_source, FeeSource::kTypeMedian);
  EXPECT_EQ(find(4).annual_fee, 50000);
  EXPECT_EQ(find(4).flags,
            Reasons{"fee not known: £50,000 is the median fee of the 3 listed providers of its "
                    "type (Independent special school)"});
  EXPECT_EQ(find(4).total_annual_cost, 50000 + 5286);

  // No academy has a fee: the median of all fees given.
  EXPECT_EQ(find(5).fee_source, FeeSource::kAllMedian);
  EXPECT_EQ(find(5).annual_fee, 50000);
  EXPECT_EQ(find(5).flags, Reasons{"fee not known, nor any for its type: £50,000 is the median "
                                   "fee of the 3 listed providers with a fee"});
}

TEST(MatchFees, EvenCountMedianRoundsHalfUp) {
  const MatchResult result = match(child(), {provider(1, "A"), provider(2, "B"), provider(3, "C")},
                                   {{1, 40000}, {2, 50001}});
  const ProviderMatch& c = *std::find_if(result.eligible.begin(), result.eligible.end(),
                                         [](const ProviderMatch& m) { return m.provider_id == 3; });
  EXPECT_EQ(c.fee_source, FeeSource::kTypeMedian);
  EXPECT_EQ(c.annual_fee, 45001);  // (40,000 + 50,001) / 2 = 45,000.5
}

TEST(MatchFees, NoFeesAtAll) {
  const MatchResult result = match(child(), {provider(1, "A")});
  ASSERT_EQ(result.eligible.size(), 1u);
  EXPECT_EQ(result.eligible[0].fee_source, FeeSource::kNone);
  EXPECT_EQ(result.eligible[0].annual_fee, 0);
  EXPECT_EQ(result.eligible[0].total_annual_cost, 5286);
  EXPECT_EQ(result.eligible[0].flags,
            Reasons{"no listed provider has a fee: ranked on transport cost alone"});
}

TEST(MatchRanking, OfstedBandBeforeCost) {
  Provider outstanding = provider(1, "Outstanding School");
  outstanding.ofsted_grade = 1;
  Provider unknown = provider(2, "New School");
  unknown.ofsted_grade.reset();
  Provider improving = provider(3, "Improving School");
  improving.ofsted_grade = 3;
  Provider inadequate = provider(4, "Inadequate School");
  inadequate.ofsted_grade = 4;
  // The cheaper, the worse the grade.
  const MatchResult result = match(child(), {inadequate, improving, unknown, outstanding},
                                   {{1, 80000}, {2, 70000}, {3, 60000}, {4, 50000}});
  EXPECT_EQ(ids(result.eligible), (std::vector<std::int64_t>{1, 2, 4, 3}));
  EXPECT_EQ(result.eligible[1].ofsted_band, OfstedBand::kNotKnown);
  EXPECT_EQ(result.eligible[1].flags,
            Reasons{"Ofsted grade not known: neutral, between good and below good"});
  EXPECT_EQ(explain_ranking(result.eligible, 0),
            "Outstanding School ranks above New School on Ofsted grade: it is rated Outstanding "
            "and New School has no known Ofsted grade (good or better comes first, then not "
            "known, then below good)");
  EXPECT_EQ(explain_ranking(result.eligible, 1),
            "New School ranks above Inadequate School on Ofsted grade: it has no known Ofsted "
            "grade and Inadequate School is rated Inadequate (good or better comes first, then "
            "not known, then below good)");
  // Inadequate and requires improvement share the band below good: the cheaper first.
  EXPECT_EQ(explain_ranking(result.eligible, 2),
            "Inadequate School ranks above Improving School on total cost: both are rated below "
            "good (Inadequate and Requires improvement); its total cost is £55,286 a year "
            "against £65,286 (fee £50,000 vs £60,000; transport £5,286 vs £5,286)");
}

TEST(MatchRanking, OutOfRangeGradeIsNotKnown) {
  Provider odd = provider(1, "Odd Grade");
  odd.ofsted_grade = 7;
  const ProviderMatch m = match(child(), {odd}, {{1, 50000}}).eligible.at(0);
  EXPECT_EQ(m.ofsted_band, OfstedBand::kNotKnown);
  EXPECT_FALSE(m.ofsted_grade.has_value());
  EXPECT_EQ(m.flags, Reasons{"Ofsted grade 7 is not 1–4: treated as not known (neutral)"});
}

TEST(MatchRanking, TotalCostWithinABandWithFeeAndTransport) {
  Provider riverside = provider(1, "Riverside School", kNear);
  Provider oak = provider(2, "Oak School", kMiddle);
  Provider outstanding = provider(3, "Dear Outstanding", kNear);
  outstanding.ofsted_grade = 1;
  const std::int64_t near_cost = transport(kNear);
  const std::int64_t middle_cost = transport(kMiddle);
  ASSERT_EQ(near_cost, 5286);
  const MatchResult result =
      match(child(), {oak, outstanding, riverside}, {{1, 52000}, {2, 58000}, {3, 70000}});
  // Outstanding does not beat Good: both are good or better, and cost decides.
  EXPECT_EQ(ids(result.eligible), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(result.eligible[1].total_annual_cost, 58000 + middle_cost);
  EXPECT_EQ(explain_ranking(result.eligible, 0),
            fmt::format("Riverside School ranks above Oak School on total cost: both are rated "
                        "Good; its total cost is £57,286 a year against {} (fee £52,000 vs "
                        "£58,000; transport £5,286 vs {})",
                        pounds_text(58000 + middle_cost), pounds_text(middle_cost)));
  EXPECT_EQ(explain_ranking(result.eligible, 1),
            fmt::format("Oak School ranks above Dear Outstanding on total cost: both are rated "
                        "good or better (Good and Outstanding); its total cost is {} a year "
                        "against £75,286 (fee £58,000 vs £70,000; transport {} vs £5,286)",
                        pounds_text(58000 + middle_cost), pounds_text(middle_cost)));
}

TEST(MatchRanking, FeeFallbackIsNamedInTheExplanation) {
  const MatchResult result =
      match(child(), {provider(1, "Known Fee"), provider(2, "Median Fee")}, {{1, 40000}});
  ASSERT_EQ(ids(result.eligible), (std::vector<std::int64_t>{1, 2}));  // 40,000 = 40,000
  // Equal cost (the median of one fee is that fee), equal journeys and years: the name decides.
  EXPECT_EQ(explain_ranking(result.eligible, 0),
            "Known Fee ranks above Median Fee on name: both are rated Good; both cost £45,286 a "
            "year; both journeys take 24 min; the child could stay 7 years at both; everything "
            "else is equal, so by name: \"Known Fee\" before \"Median Fee\"");
  const MatchResult cheaper =
      match(child(), {provider(1, "Known Fee"), provider(2, "Median Fee"), provider(3, "Dear")},
            {{1, 40000}, {3, 60000}});
  EXPECT_EQ(ids(cheaper.eligible), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(explain_ranking(cheaper.eligible, 1),
            "Median Fee ranks above Dear on total cost: both are rated Good; its total cost is "
            "£55,286 a year against £65,286 (fee £50,000 (median for its type) vs £60,000; "
            "transport £5,286 vs £5,286)");
}

// Equal total cost, different journeys: the fees are set so the totals match.
TEST(MatchRanking, JourneyTimeBreaksACostTie) {
  const std::int64_t near_cost = transport(kNear);
  const std::int64_t middle_cost = transport(kMiddle);
  const MatchResult result =
      match(child(), {provider(1, "Far Cheap", kMiddle), provider(2, "Near Dear", kNear)},
            {{1, 50000}, {2, 50000 + middle_cost - near_cost}});
  ASSERT_EQ(result.eligible.size(), 2u);
  EXPECT_EQ(result.eligible[0].total_annual_cost, result.eligible[1].total_annual_cost);
  EXPECT_EQ(ids(result.eligible), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(explain_ranking(result.eligible, 0),
            fmt::format("Near Dear ranks above Far Cheap on journey time: both are rated Good; "
                        "both cost {} a year; its journey takes 24 min against 52 min",
                        pounds_text(50000 + middle_cost)));
}

TEST(MatchRanking, YearsTheChildCouldStayBreaksAJourneyTie) {
  Provider to16 = provider(1, "Alpha to 16");
  to16.age_high = 16;
  Provider to19 = provider(2, "Beta to 19");
  const MatchResult result = match(child(), {to16, to19}, {{1, 50000}, {2, 50000}});
  EXPECT_EQ(ids(result.eligible), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(explain_ranking(result.eligible, 0),
            "Beta to 19 ranks above Alpha to 16 on years the child could stay: both are rated "
            "Good; both cost £55,286 a year; both journeys take 24 min; the child could stay 7 "
            "years (to age 19) against 4 years (to age 16)");
}

TEST(MatchRanking, NameThenIdForEqualProviders) {
  const MatchResult result =
      match(child(), {provider(9, "Same"), provider(3, "Same"), provider(5, "Aardvark")});
  EXPECT_EQ(ids(result.eligible), (std::vector<std::int64_t>{5, 3, 9}));
  EXPECT_EQ(explain_ranking(result.eligible, 1),
            "Same ranks above Same on id: both are rated Good; both cost £5,286 a year; both "
            "journeys take 24 min; the child could stay 7 years at both; everything else is "
            "equal, names too, so by id: 3 before 9");
}

TEST(MatchRanking, ExplainingAPairOutOfOrderSaysSo) {
  Provider cheap = provider(1, "Cheap");
  Provider dear = provider(2, "Dear");
  const MatchResult result = match(child(), {cheap, dear}, {{1, 10000}, {2, 20000}});
  ASSERT_EQ(ids(result.eligible), (std::vector<std::int64_t>{1, 2}));
  EXPECT_TRUE(ranks_above(result.eligible[0], result.eligible[1]));
  EXPECT_FALSE(ranks_above(result.eligible[1], result.eligible[0]));
  EXPECT_FALSE(ranks_above(result.eligible[0], result.eligible[0]));
  EXPECT_EQ(explain_ranking(result.eligible[1], result.eligible[0]),
            "Dear does not rank above Cheap: Cheap ranks above Dear on total cost: both are "
            "rated Good; its total cost is £15,286 a year against £25,286 (fee £10,000 vs "
            "£20,000; transport £5,286 vs £5,286)");
  EXPECT_EQ(explain_ranking(result.eligible[0], result.eligible[0]),
            "Cheap and Cheap are equal on every criterion");
}

TEST(MatchRanking, NotEligibleListedByNameThenId) {
  std::vector<Provider> full;
  for (const auto& [id, name] : std::vector<std::pair<std::int64_t, std::string>>{
           {4, "Zebra"}, {2, "Mole"}, {1, "Mole"}, {3, "Ant"}}) {
    Provider p = provider(id, name);
    p.vacancies = 0;
    full.push_back(p);
  }
  EXPECT_EQ(ids(match(child(), full).not_eligible), (std::vector<std::int64_t>{3, 1, 2, 4}));
}

TEST(MatchDeterminism, SameOrderWhateverTheInputOrder) {
  std::vector<Provider> providers;
  std::map<std::int64_t, std::int64_t> fees;
  const double norths[] = {kNear, kMiddle, 0.02, 0.07};
  for (std::int64_t id = 1; id <= 24; ++id) {
    Provider p =
        provider(id, "School " + std::to_string(id % 5), norths[static_cast<std::size_t>(id % 4)]);
    if (id % 3 == 0) p.ofsted_grade = 1;
    if (id % 7 == 0) p.ofsted_grade.reset();
    if (id % 6 == 0) p.vacancies = 0;
    providers.push_back(p);
    if (id % 4 != 1) fees[id] = 40000 + 1000 * (id % 3);  // many exact ties
  }
  const MatchResult first = match(child(), providers, fees);
  ASSERT_EQ(first.eligible.size() + first.not_eligible.size(), providers.size());
  for (std::size_t i = 0; i + 1 < first.eligible.size(); ++i) {
    EXPECT_TRUE(ranks_above(first.eligible[i], first.eligible[i + 1])) << i;
  }
  std::mt19937 shuffle(12345);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(providers.begin(), providers.end(), shuffle);
    const MatchResult again = match(child(), providers, fees);
    EXPECT_EQ(ids(again.eligible), ids(first.eligible));
    EXPECT_EQ(ids(again.not_eligible), ids(first.not_eligible));
    for (std::size_t i = 0; i + 1 < again.eligible.size(); ++i) {
      EXPECT_EQ(explain_ranking(again.eligible, i), explain_ranking(first.eligible, i));
    }
  }
}

TEST(MatchInput, BrokenInputIsRejected) {
  const travel::LondonModel model = london_model();
  const std::vector<Provider> providers = {provider(1, "A")};
  ChildToPlace negative_age = child();
  negative_age.age = -1;
  ChildToPlace off_earth = child();
  off_earth.home = {0, std::numeric_limits<double>::quiet_NaN()};
  ChildToPlace zero_limit = child();
  zero_limit.max_journey_minutes = 0;
  for (const ChildToPlace& c : {negative_age, off_earth, zero_limit}) {
    Result<MatchResult> result = match_providers(c, providers, {}, model);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  }
  Result<MatchResult> negative_fee = match_providers(child(), providers, {{1, -1}}, model);
  ASSERT_FALSE(negative_fee.ok());
  EXPECT_NE(negative_fee.error().message.find("provider 1 has a fee of -1"), std::string::npos);
  TransportRates rates;
  rates.taxi_children_sharing = 0;
  EXPECT_FALSE(match_providers(child(), providers, {}, model, rates).ok());
  // No providers: empty lists, not an error.
  Result<MatchResult> none = match_providers(child(), {}, {}, model);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().eligible.empty());
}

}  // namespace
}  // namespace sendplan::placements
