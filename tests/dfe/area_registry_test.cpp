// The area registry: ONS codes, DfE LA numbers and loosely matched names all lead to one code.
#include "dfe/area_registry.h"

#include <gtest/gtest.h>

#include <string>

#include "dfe_test_support.h"

namespace sendplan::dfe {
namespace {

using testing::registry_with_boroughs;

// The code `name` resolves to, or "" when it resolves to nothing.
std::string code_of_name(const AreaRegistry& areas, std::string_view name) {
  const store::StatArea* area = areas.by_name(name);
  return area == nullptr ? "" : area->code;
}

TEST(AreaRegistryTest, KnowsEnglandAndTheRegionsFromTheStart) {
  const AreaRegistry areas;
  ASSERT_NE(areas.by_code(kEnglandCode), nullptr);
  EXPECT_EQ(areas.by_code(kEnglandCode)->name, "England");
  EXPECT_EQ(areas.by_code(kEnglandCode)->level, "national");
  ASSERT_NE(areas.by_code(kLondonCode), nullptr);
  EXPECT_EQ(areas.by_code(kLondonCode)->name, "London");
  EXPECT_EQ(areas.by_code(kLondonCode)->level, "regional");
  EXPECT_EQ(code_of_name(areas, "England"), kEnglandCode);
  EXPECT_EQ(code_of_name(areas, "London"), kLondonCode);
  EXPECT_EQ(code_of_name(areas, "LONDON"), kLondonCode);
  EXPECT_EQ(code_of_name(areas, "North East"), "E12000001");
  EXPECT_EQ(code_of_name(areas, "South West"), "E12000009");
  // No local authority is known yet.
  for (const store::StatArea& area : areas.areas()) EXPECT_NE(area.level, "la") << area.code;
  EXPECT_EQ(areas.by_code("E09000012"), nullptr);
  EXPECT_EQ(areas.by_name("Hackney"), nullptr);
}

TEST(AreaRegistryTest, InnerAndOuterLondonUnderEveryName) {
  const AreaRegistry areas;
  EXPECT_EQ(code_of_name(areas, "London (Inner)"), "E13000001");
  EXPECT_EQ(code_of_name(areas, "Inner London"), "E13000001");
  EXPECT_EQ(code_of_name(areas, "INNER LONDON"), "E13000001");
  EXPECT_EQ(code_of_name(areas, "London (Outer)"), "E13000002");
  EXPECT_EQ(code_of_name(areas, "Outer London"), "E13000002");
}

TEST(AreaRegistryTest, RegionNamesAsPublishersSpellThem) {
  const AreaRegistry areas;
  EXPECT_EQ(code_of_name(areas, "Yorkshire and The Humber"), "E12000003");
  EXPECT_EQ(code_of_name(areas, "Yorkshire and the Humber"), "E12000003");
  EXPECT_EQ(code_of_name(areas, "Yorkshire & the Humber"), "E12000003");
  EXPECT_EQ(code_of_name(areas, "YORKSHIRE AND THE HUMBER"), "E12000003");
  EXPECT_EQ(code_of_name(areas, "East of England"), "E12000006");
  EXPECT_EQ(code_of_name(areas, "East"), "E12000006");
}

TEST(AreaRegistryTest, ByCodeAndByLaNumber) {
  const AreaRegistry areas = registry_with_boroughs();
  const store::StatArea* hackney = areas.by_code("E09000012");
  ASSERT_NE(hackney, nullptr);
  EXPECT_EQ(hackney->la_number, "204");
  EXPECT_EQ(hackney->name, "Hackney");
  EXPECT_EQ(hackney->region_code, kLondonCode);
  const store::StatArea* by_number = areas.by_la_number("204");
  ASSERT_NE(by_number, nullptr);
  EXPECT_EQ(by_number->code, "E09000012");
  ASSERT_NE(areas.by_la_number("801"), nullptr);
  EXPECT_EQ(areas.by_la_number("801")->code, "E06000023");
  EXPECT_EQ(areas.by_la_number("999"), nullptr);
  EXPECT_EQ(areas.by_la_number(""), nullptr);  // England and the regions have no number
  EXPECT_EQ(areas.by_code("E09000099"), nullptr);
}

TEST(AreaRegistryTest, CityOfPrefixAndSuffixAreTheSameArea) {
  const AreaRegistry areas = registry_with_boroughs();
  EXPECT_EQ(code_of_name(areas, "Bristol, City of"), "E06000023");
  EXPECT_EQ(code_of_name(areas, "Bristol"), "E06000023");
  EXPECT_EQ(code_of_name(areas, "City of Bristol"), "E06000023");
  EXPECT_EQ(code_of_name(areas, "bristol city of"), "E06000023");
  EXPECT_EQ(AreaRegistry::name_key("Bristol, City of"), AreaRegistry::name_key("City of Bristol"));
  EXPECT_EQ(AreaRegistry::name_key("Herefordshire, County of"),
            AreaRegistry::name_key("Herefordshire"));
  EXPECT_EQ(AreaRegistry::name_key("Kingston Upon Hull, City of"),
            AreaRegistry::name_key("Kingston upon Hull"));
}

TEST(AreaRegistryTest, CityOfLondonIsNotTheLondonRegion) {
  const AreaRegistry areas = registry_with_boroughs();
  EXPECT_EQ(code_of_name(areas, "City of London"), "E09000001");
  EXPECT_EQ(code_of_name(areas, "city of london"), "E09000001");
  EXPECT_EQ(code_of_name(areas, "London"), kLondonCode);
  EXPECT_NE(AreaRegistry::name_key("City of London"), AreaRegistry::name_key("London"));
  // Even before the City is known, its name does not fall back to the region.
  const AreaRegistry regions_only;
  EXPECT_EQ(code_of_name(regions_only, "City of London"), "");
}

// Regression (fixed): name_key drops a trailing ", City of" before it protects the City of London,
// so the ONS-style name "London, City of" (written like "Bristol, City of") resolves to the London
// region E12000007 instead of the City of London E09000001.
TEST(AreaRegistryTest, LondonCityOfIsTheCityOfLondon) {
  const AreaRegistry areas = registry_with_boroughs();
  EXPECT_EQ(code_of_name(areas, "London, City of"), "E09000001");
}

TEST(AreaRegistryTest, AmpersandIsAnd) {
  AreaRegistry areas;
  areas.add({"E06000043", "846", "Brighton and Hove", "la", "E12000008", "South East"});
  EXPECT_EQ(code_of_name(areas, "Brighton & Hove"), "E06000043");
  EXPECT_EQ(code_of_name(areas, "Brighton&Hove"), "E06000043");
  EXPECT_EQ(code_of_name(areas, "brighton and hove"), "E06000043");
  EXPECT_EQ(AreaRegistry::name_key("Hammersmith & Fulham"),
            AreaRegistry::name_key("Hammersmith and Fulham"));
}

TEST(AreaRegistryTest, CaseAndPunctuationAreIgnored) {
  AreaRegistry areas;
  areas.add({"E08000013", "342", "St. Helens", "la", "E12000002", "North West"});
  areas.add({"E06000004", "808", "Stockton-on-Tees", "la", "E12000001", "North East"});
  EXPECT_EQ(code_of_name(areas, "St Helens"), "E08000013");
  EXPECT_EQ(code_of_name(areas, "ST. HELENS"), "E08000013");
  EXPECT_EQ(code_of_name(areas, "Stockton on Tees"), "E06000004");
  EXPECT_EQ(code_of_name(areas, "  stockton-on-tees "), "E06000004");
  EXPECT_EQ(code_of_name(areas, "Stockton"), "");
}

TEST(AreaRegistryTest, EmptyFieldsDoNotOverwriteKnownOnes) {
  AreaRegistry areas = registry_with_boroughs();
  areas.add({"E09000012", "", "", "", "", ""});
  const store::StatArea* hackney = areas.by_code("E09000012");
  ASSERT_NE(hackney, nullptr);
  EXPECT_EQ(hackney->la_number, "204");
  EXPECT_EQ(hackney->name, "Hackney");
  EXPECT_EQ(hackney->level, "la");
  EXPECT_EQ(hackney->region_code, kLondonCode);
  // A filled field does update it.
  areas.add({"E09000012", "", "", "", "E13000001", "Inner London"});
  EXPECT_EQ(areas.by_code("E09000012")->region_code, "E13000001");
  EXPECT_EQ(areas.by_code("E09000012")->la_number, "204");
  // An area without a code is ignored.
  const std::size_t count = areas.areas().size();
  areas.add({"", "123", "Nowhere", "la", "", ""});
  EXPECT_EQ(areas.areas().size(), count);
  EXPECT_EQ(areas.by_la_number("123"), nullptr);
}

TEST(AreaRegistryTest, StartsFromTheStoresAreas) {
  const AreaRegistry areas(
      std::vector<store::StatArea>{{"E09000012", "204", "Hackney", "la", kLondonCode, "London"},
                                   {"E09000007", "202", "Camden", "la", kLondonCode, "London"}});
  EXPECT_NE(areas.by_code(kEnglandCode), nullptr);  // and still knows England and the regions
  ASSERT_NE(areas.by_la_number("202"), nullptr);
  EXPECT_EQ(areas.by_la_number("202")->code, "E09000007");
  EXPECT_EQ(code_of_name(areas, "camden"), "E09000007");
  int local_authorities = 0;
  for (const store::StatArea& area : areas.areas()) local_authorities += area.level == "la";
  EXPECT_EQ(local_authorities, 2);
}

}  // namespace
}  // namespace sendplan::dfe
