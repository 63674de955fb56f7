// The GIAS extract reader on a hand-made file in GIAS's own layout and encoding (Windows-1252,
// CRLF): which establishments are kept and as what, their needs, boarding, Ofsted grade and
// place on the map; every bad cell of a broken extract; and the Windows-1252 → UTF-8 converter.
#include "placements/gias_extract.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "placements/problem_expectations.h"

namespace sendplan::placements {
namespace {

using testing::expect_problems;
using testing::Expected;
using testing::read_file;

const std::string kData = SENDPLAN_TEST_DATA_DIR;

// The columns the reader requires, in GIAS's order; a row gives some of them by name.
const std::vector<std::string> kRequired = {"URN",
                                            "LA (code)",
                                            "LA (name)",
                                            "EstablishmentName",
                                            "TypeOfEstablishment (code)",
                                            "EstablishmentStatus (name)",
                                            "StatutoryLowAge",
                                            "StatutoryHighAge",
                                            "Boarders (name)",
                                            "SchoolCapacity",
                                            "NumberOfPupils",
                                            "OfstedLastInsp",
                                            "Postcode",
                                            "SEN1 (name)",
                                            "TypeOfResourcedProvision (name)",
                                            "ResourcedProvisionOnRoll",
                                            "ResourcedProvisionCapacity",
                                            "Easting",
                                            "Northing",
                                            "OfstedRating (name)"};

std::string extract(const std::vector<std::map<std::string, std::string>>& rows) {
  std::string text;
  for (std::size_t i = 0; i < kRequired.size(); ++i) text += (i ? "," : "") + kRequired[i];
  text += "\r\n";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < kRequired.size(); ++i) {
      const auto cell = row.find(kRequired[i]);
      text += (i ? "," : "") + (cell == row.end() ? std::string() : cell->second);
    }
    text += "\r\n";
  }
  return text;
}

// Great-circle metres, enough for "within a few metres" checks.
double metres_between(geo::LatLon a, geo::LatLon b) {
  return geo::haversine_metres(a, b);
}

// ---- Windows-1252 -----------------------------------------------------------------------------

TEST(GiasEncoding, Windows1252BytesBecomeUtf8) {
  EXPECT_EQ(windows1252_to_utf8("St Mary\x92s"), "St Mary\xE2\x80\x99s");  // right quote
  EXPECT_EQ(windows1252_to_utf8("Caf\xE9"), "Caf\xC3\xA9");                // é
  EXPECT_EQ(windows1252_to_utf8("\x80"), "\xE2\x82\xAC");                  // €
  EXPECT_EQ(windows1252_to_utf8("\x96"), "\xE2\x80\x93");                  // en dash
  EXPECT_EQ(windows1252_to_utf8("\x9F"), "\xC5\xB8");                      // Ÿ
  EXPECT_EQ(windows1252_to_utf8("\xA0\xFF"), "\xC2\xA0\xC3\xBF");          // nbsp, ÿ
  EXPECT_EQ(windows1252_to_utf8("\x81\x9D"), "\xC2\x81\xC2\x9D");          // undefined: C1 controls
  EXPECT_EQ(windows1252_to_utf8("plain, ASCII\r\n"), "plain, ASCII\r\n");
}

TEST(GiasEncoding, EveryByteBecomesOneDistinctCharacter) {
  std::string all;
  for (int byte = 0; byte < 256; ++byte) all += static_cast<char>(byte);
  const std::string utf8 = windows1252_to_utf8(all);
  EXPECT_TRUE(is_valid_utf8(utf8));
  std::set<std::string> characters;
  for (int byte = 0; byte < 256; ++byte) {
    characters.insert(windows1252_to_utf8(std::string(1, static_cast<char>(byte))));
  }
  EXPECT_EQ(characters.size(), 256u);
}

TEST(GiasEncoding, ValidUtf8IsLeftAlone) {
  bool converted = true;
  EXPECT_EQ(text_as_utf8("Caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80", &converted),
            "Caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80");
  EXPECT_FALSE(converted);
  EXPECT_EQ(text_as_utf8("St Mary\x92s", &converted), "St Mary\xE2\x80\x99s");
  EXPECT_TRUE(converted);
  // Windows-1252 text that is not UTF-8: a lone high byte, or one followed by a letter.
  EXPECT_FALSE(is_valid_utf8("Caf\xE9"));
  EXPECT_FALSE(is_valid_utf8("Caf\xE9 House"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));          // cut short
  EXPECT_TRUE(is_valid_utf8(""));
}

// ---- the sample extract -----------------------------------------------------------------------

class GiasSample : public ::testing::Test {
 protected:
  void SetUp() override {
    const Checked<GiasExtract> read = load_gias_extract(kData + "/gias_extract_sample.csv");
    ASSERT_TRUE(read.ok()) << read.error().message;
    extract_ = read.value();
    for (const Provider& provider : extract_.providers) by_urn_[provider.urn] = provider;
  }
  const Provider& urn(const std::string& number) { return by_urn_.at(number); }

  GiasExtract extract_;
  std::map<std::string, Provider> by_urn_;
};

TEST_F(GiasSample, KeepsOpenSpecialSchoolsAndResourcedProvisions) {
  EXPECT_TRUE(extract_.converted_from_windows1252);
  EXPECT_EQ(extract_.rows, 13);
  EXPECT_EQ(extract_.not_open, 2);     // closed 100003, proposed to open 100012
  EXPECT_EQ(extract_.not_special, 2);  // no provision 100006, provision of 0 places 100007
  std::vector<std::string> urns;
  for (const Provider& provider : extract_.providers) urns.push_back(provider.urn);
  EXPECT_EQ(urns, (std::vector<std::string>{"100001", "100002", "100004", "100005", "100008",
                                            "100009", "100010", "100011", "100013"}));
}

TEST_F(GiasSample, TypesFollowTheEstablishmentTypeCodes) {
  EXPECT_EQ(urn("100001").type, ProviderType::kMaintainedSpecial);     // 7 community special
  EXPECT_EQ(urn("100002").type, ProviderType::kIndependentSpecial);    // 10 other independent
  EXPECT_EQ(urn("100004").type, ProviderType::kResourcedProvision);    // 1 community, RP
  EXPECT_EQ(urn("100005").type, ProviderType::kResourcedProvision);    // 34 academy, SEN unit
  EXPECT_EQ(urn("100008").type, ProviderType::kAcademySpecial);        // 44 special converter
  EXPECT_EQ(urn("100009").type, ProviderType::kSpecialPost16);         // 32
  EXPECT_EQ(urn("100010").type, ProviderType::kNonMaintainedSpecial);  // 8
  EXPECT_EQ(urn("100011").type, ProviderType::kAcademySpecial);        // 36 free school special
  EXPECT_EQ(urn("100013").type, ProviderType::kAcademySpecial);        // 33 sponsor led
}

TEST_F(GiasSample, NamesAreConvertedFromWindows1252) {
  EXPECT_EQ(urn("100001").name, "St Mary\xE2\x80\x99s Special School");
  EXPECT_EQ(urn("100002").name, "Caf\xC3\xA9 House School");
}

TEST_F(GiasSample, DetailsOfASpecialSchool) {
  const Provider& school = urn("100001");
  EXPECT_EQ(school.la_number, "204");
  EXPECT_EQ(school.local_authority, "Hackney");
  EXPECT_EQ(school.postcode, "E8 1AA");
  EXPECT_EQ(school.age_low, 3);
  EXPECT_EQ(school.age_high, 19);
  EXPECT_EQ(school.needs, (std::set<Need>{Need::kAsd, Need::kSlcn}));
  EXPECT_EQ(school.boarding, Boarding::kDay);
  EXPECT_EQ(school.capacity, 120);
  EXPECT_EQ(school.vacancies, 20);  // 120 places, 100 pupils
  EXPECT_EQ(school.ofsted_grade, 2);
  EXPECT_EQ(school.ofsted_date, "2019-03-12");
  EXPECT_FALSE(school.section41);
  EXPECT_EQ(school.source, "GIAS");

  const Provider& independent = urn("100002");
  EXPECT_EQ(independent.postcode, "SE11 5AA");  // normalised from "se11 5aa"
  EXPECT_EQ(independent.boarding, Boarding::kBoth);
  EXPECT_EQ(independent.vacancies, 0);  // 45 pupils in 40 places: none free, not -5
  EXPECT_EQ(independent.ofsted_grade, 1);
  EXPECT_EQ(independent.ofsted_date, "2021-11-05");
  EXPECT_TRUE(independent.section41);
}

TEST_F(GiasSample, ResourcedProvisionsCountTheirOwnPlaces) {
  const Provider& provision = urn("100004");
  EXPECT_EQ(provision.capacity, 20);  // not the school's 420
  EXPECT_EQ(provision.vacancies, 6);  // 14 on roll
  EXPECT_EQ(provision.needs, (std::set<Need>{Need::kHi}));
  EXPECT_EQ(provision.ofsted_grade, 3);
  const Provider& unit = urn("100005");
  EXPECT_EQ(unit.capacity, 10);  // SenUnitCapacity
  EXPECT_EQ(unit.vacancies, 0);
  EXPECT_FALSE(unit.ofsted_grade);
  EXPECT_EQ(unit.ofsted_date, "");
}

TEST_F(GiasSample, BoardingOfstedAndNeeds) {
  const Provider& closing = urn("100008");  // open, but proposed to close: still kept
  EXPECT_EQ(closing.boarding, Boarding::kResidential);
  EXPECT_EQ(closing.ofsted_grade, 4);  // Special Measures
  EXPECT_EQ(closing.capacity, 0);      // blank: unknown
  EXPECT_EQ(closing.vacancies, 0);
  EXPECT_EQ(closing.needs, (std::set<Need>{Need::kPmld, Need::kSld}));
  EXPECT_EQ(closing.age_low, 2);

  const Provider& college = urn("100009");
  EXPECT_EQ(college.needs, (std::set<Need>{Need::kMsi, Need::kPd}));
  EXPECT_TRUE(college.section41);
  EXPECT_FALSE(college.ofsted_grade);
  EXPECT_EQ(college.age_high, 25);
  EXPECT_EQ(college.vacancies, 8);

  const Provider& non_maintained = urn("100010");
  EXPECT_EQ(non_maintained.boarding, Boarding::kDay);  // "Not applicable"
  EXPECT_EQ(non_maintained.ofsted_grade, 4);           // Inadequate
  EXPECT_EQ(non_maintained.needs, (std::set<Need>{Need::kSpld, Need::kOth}));

  const Provider& all = urn("100011");
  EXPECT_EQ(all.needs.size(), static_cast<std::size_t>(kNeedCount));
  EXPECT_EQ(all.ofsted_grade, 4);  // Serious Weaknesses
  EXPECT_EQ(urn("100013").ofsted_grade, 3);
}

TEST_F(GiasSample, LocationsComeFromTheNationalGrid) {
  // E 530000 N 180000 is 51.50399 N 0.12835 W by the OS guide's formulas (inverse transverse
  // Mercator on Airy 1830, then the OSGB36 → WGS84 Helmert shift), worked out apart from the
  // library: a few metres from Downing Street, not 600 m north-east at Charing Cross.
  ASSERT_TRUE(urn("100001").location);
  EXPECT_LT(metres_between(*urn("100001").location, {51.503991, -0.128354}), 5.0);
  // The Royal Observatory, the reference point of tests/geo/coordinates_test.cpp.
  ASSERT_TRUE(urn("100013").location);
  EXPECT_LT(metres_between(*urn("100013").location, {51.4780161357, -0.0015938564}), 5.0);
  EXPECT_FALSE(urn("100009").location);  // no Easting/Northing
}

// ---- names, layouts and broken files ----------------------------------------------------------

TEST(GiasExtract, SourceNamesTheExtractDate) {
  const std::string text = extract({{{"URN", "100001"},
                                     {"EstablishmentName", "Caf\xC3\xA9 School"},
                                     {"TypeOfEstablishment (code)", "7"},
                                     {"EstablishmentStatus (name)", "Open"}}});
  const Checked<GiasExtract> read = read_gias_extract(text, "downloads/edubasealldata20250422.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_FALSE(read.value().converted_from_windows1252);  // already UTF-8
  ASSERT_EQ(read.value().providers.size(), 1u);
  EXPECT_EQ(read.value().providers[0].source, "GIAS 20250422");
  EXPECT_EQ(read.value().providers[0].name, "Caf\xC3\xA9 School");
  // Blank numbers are unknown.
  EXPECT_EQ(read.value().providers[0].capacity, 0);
  EXPECT_EQ(read.value().providers[0].age_high, 0);
  EXPECT_FALSE(read.value().providers[0].location);
}

TEST(GiasExtract, AdultUpperAgesAreReadAsTheEndOfSendSupport) {
  const std::string text = extract({{{"URN", "100001"},
                                     {"EstablishmentName", "Adult College"},
                                     {"TypeOfEstablishment (code)", "32"},
                                     {"EstablishmentStatus (name)", "Open"},
                                     {"StatutoryLowAge", "19"},
                                     {"StatutoryHighAge", "99"}}});
  const Checked<GiasExtract> read = read_gias_extract(text, "ages.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read.value().providers[0].age_low, 19);
  EXPECT_EQ(read.value().providers[0].age_high, 25);
}

TEST(GiasExtract, MissingColumnsAreListedAtOnce) {
  const Checked<GiasExtract> read =
      read_gias_extract("URN,EstablishmentName,Easting\r\n100001,A School,530000\r\n", "x.csv");
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.problems().size(), 1u);
  const Error& error = read.problems()[0];
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 1);
  EXPECT_NE(error.message.find("missing columns 'LA (code)', 'LA (name)', "
                               "'TypeOfEstablishment (code)'"),
            std::string::npos)
      << error.message;
  EXPECT_NE(error.message.find("'OfstedLastInsp' (a GIAS establishment extract needs"),
            std::string::npos)
      << error.message;
}

TEST(GiasExtract, BrokenExtractReportsEveryBadCellOfTheKeptRows) {
  const std::string file = kData + "/gias_extract_broken.csv";
  const Checked<GiasExtract> read = load_gias_extract(file);
  ASSERT_FALSE(read.ok());
  // Line 3 is closed: its nonsense is never looked at.
  expect_problems(
      read.problems(), file,
      {
          {2, 41, "TypeOfEstablishment (code): expected a whole number, got 'x'"},
          {4, 107, "SchoolCapacity: must not be negative, got -5"},
          {4, 148, "Easting: expected a whole number, got 'abc'"},
          {5, 86, "StatutoryLowAge: StatutoryLowAge 16 is above StatutoryHighAge 11"},
          {5, 106, "OfstedLastInsp: expected a date dd-mm-yyyy, got '2019-03-12'"},
          {5, 133,
           "SEN1 (name): unknown type of SEN provision 'ADHD - Attention Deficit Hyperactivity "
           "Disorder'"},
          {5, 205, "Northing: Easting and Northing must be given together"},
          {6, 1, "URN: expected a URN of up to 8 digits, got '12A4'"},
          {6, 104, "OfstedLastInsp: no such date '31-02-2020'"},
          {6, 123, "Postcode: 'NOWHERE' is not shaped like a UK postcode"},
          {7, 148, "ResourcedProvisionCapacity: expected a whole number, got 'twenty'"},
          {9, 1, "URN: repeated URN 100027 (first on line 8)"},
      });
}

TEST(GiasExtract, MissingFileIsNotFound) {
  const Checked<GiasExtract> read = load_gias_extract(kData + "/no_such_extract.csv");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.problems()[0].code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace sendplan::placements
