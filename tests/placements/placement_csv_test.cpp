// The placements register CSV: fee histories grouped from rows, the canonical file written back
// byte for byte, written placements read back equal, child references that cannot be names,
// and every problem of a broken file at its line and column.
#include "placements/placement_csv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "placements/problem_expectations.h"

namespace sendplan::placements {
namespace {

using testing::expect_problems;
using testing::Expected;
using testing::read_file;

const std::string kData = SENDPLAN_TEST_DATA_DIR;

const std::string kHeader =
    "placement_id,borough,child_ref,need,age,provider_id,provider_urn,start_date,end_date,"
    "residential,fee_from,fee_education,fee_care,fee_therapy,fee_other,transport_cost,"
    "distance_km\n";

TEST(PlacementCsv, RowsOfOnePlacementAreItsFeeHistory) {
  const Checked<std::vector<Placement>> read = load_placement_csv(kData + "/placements.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  const std::vector<Placement>& placements = read.value();
  ASSERT_EQ(placements.size(), 4u);

  const Placement& first = placements[0];
  EXPECT_EQ(first.id, 1);
  EXPECT_EQ(first.borough, "Hackney");
  EXPECT_EQ(first.child_ref, "HK-0001");
  EXPECT_EQ(first.need, Need::kAsd);
  EXPECT_EQ(first.age, 12);
  EXPECT_EQ(first.provider_id, 3);
  EXPECT_EQ(first.provider_urn, "");
  EXPECT_EQ(first.start_date, "2022-09-01");
  EXPECT_EQ(first.end_date, "");
  EXPECT_FALSE(first.residential);
  ASSERT_EQ(first.fees.size(), 3u);
  EXPECT_EQ(first.fees[0].from, "2022-09-01");
  EXPECT_EQ(first.fees[0].fees.total(), 55000 + 0 + 8000 + 1200);
  EXPECT_EQ(first.fees[1].from, "2023-09-01");
  EXPECT_EQ(first.fees[1].fees.education, 57750);
  EXPECT_EQ(first.fees[2].from, "2024-09-01");
  EXPECT_EQ(first.fees[2].fees.therapy, 9000);
  EXPECT_EQ(first.fees[2].fees.other, 1500);
  EXPECT_EQ(first.transport_cost, 9500);
  EXPECT_DOUBLE_EQ(first.distance_km, 12.4);

  const Placement& residential = placements[1];
  EXPECT_EQ(residential.provider_id, 0);
  EXPECT_EQ(residential.provider_urn, "100001");
  EXPECT_EQ(residential.end_date, "2025-07-18");
  EXPECT_TRUE(residential.residential);
  ASSERT_EQ(residential.fees.size(), 1u);
  EXPECT_EQ(residential.fees[0].fees.care, 95000);

  const Placement& no_fee = placements[2];  // a new placement with no fee recorded yet
  EXPECT_EQ(no_fee.id, 0);
  EXPECT_EQ(no_fee.need, Need::kPmld);
  EXPECT_TRUE(no_fee.fees.empty());
  EXPECT_DOUBLE_EQ(no_fee.distance_km, 3.0);

  const Placement& grouped = placements[3];  // new: grouped by borough, child, provider, start
  EXPECT_EQ(grouped.id, 0);
  EXPECT_EQ(grouped.child_ref, "ME7732");
  ASSERT_EQ(grouped.fees.size(), 2u);
  EXPECT_EQ(grouped.fees[1].from, "2025-04-01");
  EXPECT_EQ(grouped.fees[1].fees.education, 72500);
}

TEST(PlacementCsv, CanonicalFileWritesBackByteForByte) {
  const std::string text = read_file(kData + "/placements.csv");
  const Checked<std::vector<Placement>> read = read_placement_csv(text, "placements.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(write_placement_csv(read.value()), text);
}

TEST(PlacementCsv, WrittenPlacementsReadBackEqual) {
  Placement placement;
  placement.id = 77;
  placement.borough = "Kensington and Chelsea";
  placement.child_ref = "KC_2024_0193";
  placement.need = Need::kSlcn;
  placement.age = 17;
  placement.provider_id = 12;
  placement.provider_urn = "654321";
  placement.start_date = "2021-01-04";
  placement.end_date = "2026-07-31";
  placement.residential = true;
  placement.fees = {{"2021-01-04", {61000, 42000, 15500, 700}, "", ""},
                    {"2022-04-01", {63000, 43000, 16000, 700}, "", ""},
                    {"2026-07-31", {64000, 44000, 16500, 0}, "", ""}};
  placement.transport_cost = 0;
  placement.distance_km = 87.30000000000001;  // written with every digit it needs
  Placement other;
  other.borough = "Barnet";
  other.child_ref = "B1";
  other.provider_urn = "100001";
  other.start_date = "2025-09-01";

  const std::string text = write_placement_csv({placement, other});
  const Checked<std::vector<Placement>> read = read_placement_csv(text, "written.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 2u);
  const Placement& back = read.value()[0];
  EXPECT_EQ(back.id, placement.id);
  EXPECT_EQ(back.borough, placement.borough);
  EXPECT_EQ(back.child_ref, placement.child_ref);
  EXPECT_EQ(back.need, placement.need);
  EXPECT_EQ(back.age, placement.age);
  EXPECT_EQ(back.provider_id, placement.provider_id);
  EXPECT_EQ(back.provider_urn, placement.provider_urn);
  EXPECT_EQ(back.start_date, placement.start_date);
  EXPECT_EQ(back.end_date, placement.end_date);
  EXPECT_EQ(back.residential, placement.residential);
  ASSERT_EQ(back.fees.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back.fees[i].from, placement.fees[i].from);
    EXPECT_EQ(back.fees[i].fees.education, placement.fees[i].fees.education);
    EXPECT_EQ(back.fees[i].fees.care, placement.fees[i].fees.care);
    EXPECT_EQ(back.fees[i].fees.therapy, placement.fees[i].fees.therapy);
    EXPECT_EQ(back.fees[i].fees.other, placement.fees[i].fees.other);
  }
  EXPECT_EQ(back.transport_cost, placement.transport_cost);
  EXPECT_EQ(back.distance_km, placement.distance_km);
  EXPECT_TRUE(read.value()[1].fees.empty());
  EXPECT_EQ(write_placement_csv(read.value()), text);
}

TEST(PlacementCsv, BlankFeeFromMeansTheStartDate) {
  const Checked<std::vector<Placement>> read = read_placement_csv(
      kHeader + ",Barnet,BA-12,asd,9,4,,2024-09-02,,no,,41000,,,,,\n", "blank.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value()[0].fees.size(), 1u);
  EXPECT_EQ(read.value()[0].fees[0].from, "2024-09-02");
  EXPECT_EQ(read.value()[0].fees[0].fees.total(), 41000);
}

TEST(PlacementCsv, ChildReferencesCannotBeNames) {
  EXPECT_TRUE(is_child_reference("HK-0001"));
  EXPECT_TRUE(is_child_reference("a1"));
  EXPECT_TRUE(is_child_reference("KC_2024_0193"));
  EXPECT_TRUE(is_child_reference(std::string(31, 'x') + "1"));
  EXPECT_FALSE(is_child_reference(std::string(32, 'x') + "1"));  // 33 characters
  EXPECT_FALSE(is_child_reference("Jane Smith"));
  EXPECT_FALSE(is_child_reference("JaneSmith"));  // no digit: a name, not a reference
  EXPECT_FALSE(is_child_reference("O'Brien1"));
  EXPECT_FALSE(
      is_child_reference("Zo\xC3\xAB"
                         "1"));  // letters beyond ASCII
  EXPECT_FALSE(is_child_reference(""));
}

TEST(PlacementCsv, BrokenFileReportsEveryProblem) {
  const std::string file = kData + "/placements_broken.csv";
  const Checked<std::vector<Placement>> read = load_placement_csv(file);
  ASSERT_FALSE(read.ok());
  expect_problems(
      read.problems(), file,
      {
          {3, 23, "age: '13' differs from line 2, this placement's first row, which has '12'"},
          {4, 44, "fee_from: fee_from 2022-08-01 is before the placement's start_date 2022-09-01"},
          {5, 44,
           "fee_from: fee_from 2022-09-01 is not after the previous fee period's 2022-09-01 "
           "(line 2): list a placement's fee periods oldest first"},
          {6, 9, "child_ref: 'Jane Smith' is not a child reference"},
          {7, 9, "child_ref: 'ABCDEF' is not a child reference"},
          {7, 16, "need: unknown need 'autism' (the need codes are asd, slcn"},
          {7, 26, "provider_id: give the provider: provider_id or provider_urn"},
          {7, 39, "end_date: end_date 2022-12-31 is before start_date 2023-01-09"},
          {7, 50, "residential: expected yes or no, got 'maybe'"},
          {7, 67, "fee_education: must not be negative, got -5"},
          {7, 70, "fee_care: expected a whole number, got 'x'"},
          {8, 2, "borough: required value is empty"},
          {8, 12, "age: required value is empty"},
          {8, 14, "provider_urn: expected a URN of up to 8 digits, got '12X'"},
          {8, 18, "start_date: no such date '2023-13-01'"},
          {8, 38, "transport_cost: must not be negative, got -1"},
          {8, 41, "distance_km: -2 is outside the distances allowed (0 to 2000)"},
          {9, 18, "age: must be at most 25, got 30"},
          {9, 49, "fee_from: fee_from 2023-07-01 is after the placement's end_date 2023-06-30"},
          {11, 39,
           "fee_from: a row with no fee_from and no fees must be its placement's only row (this "
           "placement also has line 10)"},
          {12, 24, "start_date: expected a date YYYY-MM-DD, got '09/01/2023'"},
      });
  // The reason a reference must not be a name is given where it is refused.
  EXPECT_NE(read.problems()[3].message.find("references only: never a child's name"),
            std::string::npos);
}

TEST(PlacementCsv, HeaderProblemsAreAllReported) {
  const Checked<std::vector<Placement>> read = read_placement_csv(
      "borough,child,need,age,start_date,fee_from,fee_education\nHackney,HK1,asd,9,2024-09-02,,1\n",
      "header.csv");
  ASSERT_FALSE(read.ok());
  expect_problems(read.problems(), "header.csv",
                  {
                      {1, 1, "missing column 'child_ref' (the placements register needs"},
                      {1, 1, "missing column 'provider_id' or 'provider_urn'"},
                      {1, 9, "unknown column 'child' (the columns are placement_id, borough"},
                  });
}

TEST(PlacementCsv, RowsOfANewPlacementMustAgree) {
  // Same id, different provider: the second row is refused where it differs.
  const Checked<std::vector<Placement>> read =
      read_placement_csv(kHeader +
                             "5,Hackney,HK-9,asd,9,4,,2024-09-02,,no,2024-09-02,100,0,0,0,0,1.5\n"
                             "5,Hackney,HK-9,asd,9,6,,2024-09-02,,no,2025-09-01,110,0,0,0,0,2\n",
                         "agree.csv");
  ASSERT_FALSE(read.ok());
  expect_problems(read.problems(), "agree.csv",
                  {{3, 22, "provider_id: '6' differs from line 2"},
                   {3, 63, "distance_km: '2' differs from line 2"}});
}

// Regression (security review): text cells that a spreadsheet would run are neutralised in the
// export, and the register still reads its own export back exactly.
TEST(PlacementCsv, FormulaBoroughIsNeutralisedAndReadBackExactly) {
  Placement placement;
  placement.borough = "=cmd|' /C calc'!A0";
  placement.child_ref = "-AB1";  // a reference may start with '-', and reads back unchanged
  placement.need = Need::kAsd;
  placement.age = 9;
  placement.provider_id = 4;
  placement.start_date = "2024-09-02";
  placement.fees = {{"2024-09-02", {41000, 0, 0, 0}, "", ""}};
  const std::string text = write_placement_csv({placement});
  EXPECT_NE(text.find("\n,\"'=cmd|' /C calc'!A0\",\"'-AB1\",asd,9,4,"), std::string::npos) << text;
  const Checked<std::vector<Placement>> read = read_placement_csv(text, "placements.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 1u);
  EXPECT_EQ(read.value()[0].borough, placement.borough);
  EXPECT_EQ(read.value()[0].child_ref, placement.child_ref);
  EXPECT_EQ(write_placement_csv(read.value()), text);
}

// Regression: a huge cell was quoted whole in the problem (and the API's 422 body).
TEST(PlacementCsv, AHugeCellIsQuotedShort) {
  const Checked<std::vector<Placement>> read = read_placement_csv(
      kHeader + ",Barnet," + std::string(1 << 20, 'Q') + ",asd,9,4,,2024-09-02,,no,,41000,,,,,\n",
      "big.csv");
  ASSERT_FALSE(read.ok());
  ASSERT_EQ(read.problems().size(), 1u);
  EXPECT_LT(read.problems()[0].message.size(), 400u);
  EXPECT_EQ(read.problems()[0].message.find("child_ref: '" + std::string(80, 'Q') +
                                            "\xE2\x80\xA6' (1048576 characters) is not a child "
                                            "reference"),
            0u)
      << read.problems()[0].message;
}

// Regression: a register saved from a spreadsheet as UTF-16, Latin-1 or with old Mac line ends.
TEST(PlacementCsv, EncodingsAndLineEnds) {
  const std::string row = ",Barnet,BA-12,asd,9,4,,2024-09-02,,no,,41000,,,,,\n";
  std::string utf16;
  for (char c : kHeader + row) utf16 += std::string{c, '\0'};
  const Checked<std::vector<Placement>> wide = read_placement_csv(utf16, "p.csv");
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.problems()[0].to_string(),
            "p.csv: file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");

  const Checked<std::vector<Placement>> latin1 =
      read_placement_csv(kHeader +
                             ",Barnet,BA-12,asd,9,4,,2024-09-02,,no,,41000,,,,,\n"
                             ",Br\xF6mley,BR-1,asd,9,4,,2024-09-02,,no,,41000,,,,,\n",
                         "p.csv");
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.problems()[0].to_string(),
            "p.csv:3:4: file is not UTF-8 (byte 0xF6 at line 3, column 4; looks like "
            "Latin-1/Windows-1252: save it as CSV UTF-8)");

  std::string mac = kHeader + row;
  for (char& c : mac) {
    if (c == '\n') c = '\r';
  }
  const Checked<std::vector<Placement>> read = read_placement_csv(mac, "p.csv");
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read.value().size(), 1u);
  EXPECT_EQ(read.value()[0].child_ref, "BA-12");
}

}  // namespace
}  // namespace sendplan::placements
