// normalise_postcode: the canonical form, and what is not a postcode.
#include "geo/postcode.h"

#include <gtest/gtest.h>

namespace sendplan::geo {
namespace {

TEST(NormalisePostcode, UpperCasesAndPutsOneSpaceBeforeTheInwardCode) {
  EXPECT_EQ(normalise_postcode(" sw1a 1aa"), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("SW1A1AA"), "SW1A 1AA");
  EXPECT_EQ(normalise_postcode("E1 0AA"), "E1 0AA");
  EXPECT_EQ(normalise_postcode("E1  0AA"), "E1 0AA");  // the ONS 7-character form
  EXPECT_EQ(normalise_postcode("e10aa"), "E1 0AA");
  EXPECT_EQ(normalise_postcode("\tN1C 4QP "), "N1C 4QP");
  EXPECT_EQ(normalise_postcode("w1a 0ax"), "W1A 0AX");
  EXPECT_EQ(normalise_postcode("SE10 8XJ"), "SE10 8XJ");
  EXPECT_EQ(normalise_postcode("TW6 1AP"), "TW6 1AP");
}

TEST(NormalisePostcode, EveryOutwardShapeIsAccepted) {
  EXPECT_EQ(normalise_postcode("M1 1AE"), "M1 1AE");      // A9
  EXPECT_EQ(normalise_postcode("B33 8TH"), "B33 8TH");    // A99
  EXPECT_EQ(normalise_postcode("CR2 6XH"), "CR2 6XH");    // AA9
  EXPECT_EQ(normalise_postcode("DN55 1PT"), "DN55 1PT");  // AA99
  EXPECT_EQ(normalise_postcode("W1A 1HQ"), "W1A 1HQ");    // A9A
  EXPECT_EQ(normalise_postcode("EC1A 1BB"), "EC1A 1BB");  // AA9A
}

TEST(NormalisePostcode, RejectsWhatIsNotShapedLikeAPostcode) {
  EXPECT_EQ(normalise_postcode(""), "");
  EXPECT_EQ(normalise_postcode("   "), "");
  EXPECT_EQ(normalise_postcode("SW1A"), "");       // outward code only
  EXPECT_EQ(normalise_postcode("E10A"), "");       // too short
  EXPECT_EQ(normalise_postcode("SW1A 1AAA"), "");  // too long
  EXPECT_EQ(normalise_postcode("SW1A 1A1"), "");   // inward must be digit-letter-letter
  EXPECT_EQ(normalise_postcode("SW1A AAA"), "");
  EXPECT_EQ(normalise_postcode("1W1A 1AA"), "");   // outward starts with a letter
  EXPECT_EQ(normalise_postcode("SWAA 1AA"), "");   // outward needs a digit
  EXPECT_EQ(normalise_postcode("S-W1A 1AA"), "");  // punctuation
  EXPECT_EQ(normalise_postcode("SW1A\n1AA"), "");  // only spaces and tabs are dropped
  EXPECT_EQ(normalise_postcode("SW1\xC3\x81"
                               "1AA"),
            "");  // non-ASCII
}

}  // namespace
}  // namespace sendplan::geo
