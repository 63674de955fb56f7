// The vocabularies and the evidence scale: the 9 categories in the programme's order, stable
// kebab-case keys, the DfE need codes, and lookups that miss cleanly.
#include "practice/categories.h"

#include <gtest/gtest.h>

#include <set>

#include "practice/evidence.h"

namespace sendplan::practice {
namespace {

bool kebab_case(const std::string& key) {
  if (key.empty() || key.front() == '-' || key.back() == '-') return false;
  for (const char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return key.find("--") == std::string::npos;
}

TEST(Categories, AreTheNineSpotlightCategoriesInOrder) {
  const std::vector<std::string> titles = {"Reducing racial disparities",
                                           "Impact for children with SEND",
                                           "Building safety for young Londoners",
                                           "Supporting the workforce",
                                           "Care leavers",
                                           "Complex needs in or on the edge of care",
                                           "Delivering with health services",
                                           "Making data speak for children",
                                           "Early intervention"};
  ASSERT_EQ(categories().size(), titles.size());
  for (std::size_t i = 0; i < titles.size(); ++i) {
    EXPECT_EQ(categories()[i].title, titles[i]);
    EXPECT_TRUE(kebab_case(categories()[i].key)) << categories()[i].key;
    EXPECT_FALSE(categories()[i].description.empty());
    EXPECT_EQ(categories()[i].description.back(), '.');
  }
  EXPECT_EQ(categories()[0].key, "racial-disparities");
  EXPECT_EQ(categories()[8].key, "early-intervention");
}

TEST(Categories, KeysAreUniqueInEveryVocabulary) {
  for (const auto* terms : {&categories(), &settings(), &needs(), &criteria()}) {
    std::set<std::string> keys;
    for (const Term& term : *terms) {
      EXPECT_TRUE(keys.insert(term.key).second) << term.key;
      EXPECT_FALSE(term.title.empty());
    }
  }
}

TEST(Categories, SettingsAndCriteriaAreTheDocumentedKeys) {
  std::vector<std::string> keys;
  for (const Term& term : settings()) keys.push_back(term.key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"early-years", "mainstream", "resourced-provision", "special",
                                      "alternative", "post-16", "home-community", "health-care"}));
  keys.clear();
  for (const Term& term : criteria()) keys.push_back(term.key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"innovation", "impact", "evidence", "transferability"}));
}

TEST(Categories, NeedsAreTheDfeCodesWithTheirNames) {
  std::vector<std::string> codes;
  for (const Term& term : needs()) codes.push_back(term.key);
  EXPECT_EQ(codes, (std::vector<std::string>{"SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI",
                                             "VI", "MSI", "PD", "ASD", "OTH", "NSA"}));
  EXPECT_EQ(find_term(needs(), "ASD")->title, "Autistic spectrum disorder");
  EXPECT_EQ(find_term(needs(), "SEMH")->title, "Social, emotional and mental health");
  EXPECT_EQ(find_term(needs(), "SLCN")->title, "Speech, language and communication needs");
}

TEST(Categories, FindTermIsExact) {
  EXPECT_NE(find_term(categories(), "care-leavers"), nullptr);
  EXPECT_EQ(find_term(categories(), "Care-Leavers"), nullptr);
  EXPECT_EQ(find_term(categories(), ""), nullptr);
  EXPECT_EQ(find_term(needs(), "asd"), nullptr);  // need codes are upper case
  EXPECT_EQ(find_term(settings(), "mainstream "), nullptr) << "keys are not trimmed";
}

TEST(Evidence, ScaleHasFiveLevelsWeakestFirst) {
  ASSERT_EQ(evidence_scale().size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(evidence_scale()[i].level, static_cast<int>(i) + 1);
    EXPECT_FALSE(evidence_scale()[i].description.empty());
  }
  EXPECT_EQ(evidence_name(1), "Described");
  EXPECT_EQ(evidence_name(2), "Outputs counted");
  EXPECT_EQ(evidence_name(3), "Before/after measured");
  EXPECT_EQ(evidence_name(4), "Compared");
  EXPECT_EQ(evidence_name(5), "Controlled or evaluated");
}

TEST(Evidence, NotRatedAndOutOfRange) {
  EXPECT_EQ(evidence_name(0), "Not rated yet");
  EXPECT_EQ(evidence_name(6), "");
  EXPECT_EQ(evidence_name(-1), "");
}

}  // namespace
}  // namespace sendplan::practice
