// Facets: every facet of an entry, sub-regions from the borough map, age bands at their
// edges, and the year from submission (else creation).
#include "practice/facets.h"

#include <gtest/gtest.h>

#include "practice_test_support.h"

namespace sendplan::practice {
namespace {

using Values = std::vector<std::string>;

const std::map<std::string, std::string> kSubregions = {{"Hackney", "Central London Forward"},
                                                        {"Camden", "Central London Forward"},
                                                        {"Sutton", "South London Partnership"},
                                                        {"Islington", "Central London Forward"}};

TEST(Facets, EveryFacetOfAnEntry) {
  store::PracticeEntry entry = testing::valid_entry();
  entry.partner_boroughs = {"Camden", "Sutton", "Gotham"};
  entry.call_id = 7;
  entry.state = "winner";
  entry.winner_category = "send-impact";
  entry.example = true;
  entry.created_at = "2023-11-02T10:00:00Z";
  entry.submitted_at = "2024-03-31T21:00:00Z";
  entry.age_from = 11;
  entry.age_to = 16;
  const store::PracticeFacets facets = facets_of(entry, kSubregions);
  EXPECT_EQ(facets.at("category"), (Values{"send-impact", "data-for-children"}));
  EXPECT_EQ(facets.at("borough"), (Values{"Hackney", "Camden", "Sutton", "Gotham"}));
  EXPECT_EQ(facets.at("subregion"), (Values{"Central London Forward", "South London Partnership"}));
  EXPECT_EQ(facets.at("need"), (Values{"ASD", "SEMH"}));
  EXPECT_EQ(facets.at("age"), (Values{"11-15", "16-18"}));
  EXPECT_EQ(facets.at("evidence"), (Values{"3"}));
  EXPECT_EQ(facets.at("year"), (Values{"2024"}));
  EXPECT_EQ(facets.at("call"), (Values{"7"}));
  EXPECT_EQ(facets.at("winner"), (Values{"yes"}));
  EXPECT_EQ(facets.at("state"), (Values{"winner"}));
  EXPECT_EQ(facets.at("example"), (Values{"yes"}));
  EXPECT_EQ(facets.at("setting"), (Values{"mainstream", "special"}));
  EXPECT_EQ(facets.at("indicator"), (Values{"timeliness-20-weeks", "ehc-plans"}));
  EXPECT_EQ(facets.size(), 13u);
}

TEST(Facets, EmptyValuesAndDefaults) {
  store::PracticeEntry entry;
  entry.title = "Draft";
  const store::PracticeFacets facets = facets_of(entry, {});
  EXPECT_TRUE(facets.at("category").empty());
  EXPECT_TRUE(facets.at("borough").empty());
  EXPECT_TRUE(facets.at("subregion").empty());
  EXPECT_TRUE(facets.at("year").empty()) << "no dates yet";
  EXPECT_TRUE(facets.at("call").empty()) << "not in a call";
  EXPECT_EQ(facets.at("winner"), (Values{"no"}));
  EXPECT_EQ(facets.at("state"), (Values{"draft"}));
  EXPECT_EQ(facets.at("example"), (Values{"no"}));
  EXPECT_EQ(facets.at("evidence"), (Values{"0"}));
  EXPECT_EQ(facets.at("age"), (Values{"0-4", "5-10", "11-15", "16-18", "19-25"}));
}

TEST(Facets, YearFromCreationWhenNotSubmitted) {
  store::PracticeEntry entry = testing::valid_entry();
  entry.created_at = "2023-11-02T10:00:00Z";
  EXPECT_EQ(facets_of(entry, kSubregions).at("year"), (Values{"2023"}));
  entry.created_at = "soon";
  EXPECT_TRUE(facets_of(entry, kSubregions).at("year").empty());
}

TEST(Facets, APublishedWinnerIsStillAWinner) {
  store::PracticeEntry entry = testing::valid_entry();
  entry.state = "published";
  entry.winner_category = "send-impact";
  EXPECT_EQ(facets_of(entry, kSubregions).at("winner"), (Values{"yes"}));
  entry.winner_category.clear();
  EXPECT_EQ(facets_of(entry, kSubregions).at("winner"), (Values{"no"}));
}

TEST(Facets, RepeatedValuesAppearOnce) {
  store::PracticeEntry entry = testing::valid_entry();
  entry.partner_boroughs = {"Hackney", "Camden", "Camden"};
  entry.needs = {"ASD", "ASD"};
  const store::PracticeFacets facets = facets_of(entry, kSubregions);
  EXPECT_EQ(facets.at("borough"), (Values{"Hackney", "Camden"}));
  EXPECT_EQ(facets.at("subregion"), (Values{"Central London Forward"}));
  EXPECT_EQ(facets.at("need"), (Values{"ASD"}));
}

TEST(Facets, AgeBandsAtTheirEdges) {
  EXPECT_EQ(age_bands(0, 0), (Values{"0-4"}));
  EXPECT_EQ(age_bands(4, 5), (Values{"0-4", "5-10"}));
  EXPECT_EQ(age_bands(5, 10), (Values{"5-10"}));
  EXPECT_EQ(age_bands(10, 11), (Values{"5-10", "11-15"}));
  EXPECT_EQ(age_bands(16, 18), (Values{"16-18"}));
  EXPECT_EQ(age_bands(18, 19), (Values{"16-18", "19-25"}));
  EXPECT_EQ(age_bands(25, 25), (Values{"19-25"}));
  EXPECT_EQ(age_bands(0, 25), (Values{"0-4", "5-10", "11-15", "16-18", "19-25"}));
  EXPECT_TRUE(age_bands(12, 11).empty());
  EXPECT_TRUE(age_bands(26, 30).empty());
  EXPECT_EQ(age_bands(-3, 2), (Values{"0-4"}));
}

}  // namespace
}  // namespace sendplan::practice
