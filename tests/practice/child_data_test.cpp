// child_data_reasons: Unique Pupil Numbers, NHS numbers (with their check digit), dates of
// birth and a child's name are found; ordinary service language is not; reasons never repeat
// the personal data.
#include <gtest/gtest.h>

#include "practice/entry_checks.h"

namespace sendplan::practice {
namespace {

bool flags(const std::string& text, const std::string& part) {
  for (const std::string& reason : child_data_reasons(text))
    if (reason.find(part) != std::string::npos) return true;
  return false;
}

std::string reasons_of(const std::string& text) {
  std::string all;
  for (const std::string& reason : child_data_reasons(text)) all += reason + "\n";
  return all;
}

TEST(ChildData, UniquePupilNumbers) {
  for (const std::string text :
       {"A123456789012", "UPN: A123456789012.", "pupil (B987654321098) moved", "z123456789012",
        "temporary UPN H12345678901A"}) {
    EXPECT_TRUE(flags(text, "Unique Pupil Number")) << text;
  }
  for (const std::string text : {"A12345678901", "A1234567890123", "AB123456789012",
                                 "1A123456789012", "A123456789012B3", "£123,456,789,012"}) {
    EXPECT_FALSE(flags(text, "Unique Pupil Number")) << text;
  }
}

TEST(ChildData, NhsNumbersWithAValidCheckDigit) {
  // 943 476 5919 is valid: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299;
  // 299 mod 11 = 2; 11 − 2 = 9.
  for (const std::string text :
       {"9434765919", "NHS no. 943 476 5919", "943-476-5919 on file", "(9434765919)"}) {
    EXPECT_TRUE(flags(text, "NHS number")) << text;
  }
  for (const std::string text : {
           "9434765918",            // wrong check digit
           "943 476 591",           // too short
           "94347659190",           // 11 digits
           "943 4765 919",          // not 3-3-4
           "943 476-5919",          // mixed separators
           "0.9434765919",          // a decimal
           "020 7946 0958",         // a London phone number
           "budget of £9434765919"  // money, not a number on its own
       }) {
    EXPECT_FALSE(flags(text, "NHS number")) << text;
  }
  // A first nine digits whose check would be 10 has no valid NHS number at all.
  // 1×10 + 0 + ... : choose 100000001x: 10 + 2 = 12; 12 mod 11 = 1; 11 − 1 = 10.
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_FALSE(flags(std::string("100000001") + last, "NHS number"));
  }
}

TEST(ChildData, DatesOfBirth) {
  for (const std::string text :
       {"date of birth 03/05/2015", "Date of Birth: 3 May 2015", "DOB: 3rd May 2015",
        "D.O.B. 3.5.15", "dob 2015-05-03", "born on 3 May 2015", "born in 2015",
        "who was born 03-05-2015", "born on the 3rd of May 2015", "03/05/2015 (DOB)",
        "born May 3, 2015", "birth date: May 2015", "DOB: unknown"}) {
    EXPECT_TRUE(flags(text, "date of birth")) << text;
  }
  for (const std::string text :
       {"started on 3 May 2015", "the date of birth field was removed from our forms",
        "first-born families", "newborn hearing screening", "reviewed 03/05/2015",
        "a birth to five service", "in May 2015 we began", "born out of a parent's idea"}) {
    EXPECT_FALSE(flags(text, "date of birth")) << text << ": " << reasons_of(text);
  }
}

TEST(ChildData, AChildsName) {
  for (const std::string text :
       {"the child, Amara Okafor, was supported", "pupil Jayden Cole moved school",
        "our son Tom O'Brien", "the young person (Leah Smith-Jones) said",
        "a student called Priya Patel", "Pupil Amara Okafor joined in Year 7",
        "her daughter – Zoë Martin – attends", "the child: Amara Okafor",
        "one pupil named Kwame Mensah", "a child known as Ali Hassan"}) {
    EXPECT_TRUE(flags(text, "a child's name")) << text;
  }
  for (const std::string text : {"the Child Health Team supports schools",
                                 "a Young Person's Plan",
                                 "Child and Adolescent Mental Health Services",
                                 "each child Attends",
                                 "a Looked After Child Review",
                                 "Student Support Services",
                                 "the pupil Premium Plus",
                                 "every child In Need Plan",
                                 "the daughter's school",
                                 "pupil Amara",
                                 "the child SEND Team",
                                 "Children and Young People's Plan",
                                 "the child EHC Plan",
                                 "pupils Amara Okafor",
                                 "Childminder Network Meetings",
                                 "a person Amara Okafor",
                                 "Son Heung-min",
                                 "the Pupil Referral Unit",
                                 "Young Person Transitions Panel",
                                 "each child. Parents Said",
                                 "our student Mental Health First Aid course"}) {
    EXPECT_FALSE(flags(text, "a child's name")) << text << ": " << reasons_of(text);
  }
}

TEST(ChildData, ReasonsNameTheTriggerButNotThePerson) {
  const std::vector<std::string> reasons = child_data_reasons(
      "the child, Amara Okafor, NHS 9434765919, UPN A123456789012, "
      "born on 3 May 2015");
  ASSERT_EQ(reasons.size(), 4u);
  EXPECT_EQ(reasons[0], "a Unique Pupil Number (a letter and 12 digits)");
  EXPECT_EQ(reasons[1], "an NHS number (10 digits with a valid check digit)");
  EXPECT_EQ(reasons[2], "a date of birth (a date next to 'born', 'date of birth' or 'DOB')");
  EXPECT_EQ(reasons[3], "a child's name after 'child' (a capitalised first name and surname)");
  for (const std::string& reason : reasons) {
    for (const std::string secret : {"Amara", "Okafor", "9434765919", "A123456789012", "2015"})
      EXPECT_EQ(reason.find(secret), std::string::npos) << reason;
  }
}

TEST(ChildData, OneReasonPerKindOfFinding) {
  EXPECT_EQ(child_data_reasons("A123456789012 and B123456789012").size(), 1u);
  EXPECT_EQ(child_data_reasons("pupil Amara Okafor and son Tom Brown").size(), 2u);
}

TEST(ChildData, ServiceLanguageIsClean) {
  for (const std::string text :
       {"", "Timeliness rose from 41% to 78% in 2022 to 2024.",
        "We phoned 020 7946 0958 and spent £1,250,000.",
        "The Child Health Team and the Young Person's Plan helped 146 young people.",
        "Children missing education officers visit within 5 days."}) {
    EXPECT_TRUE(child_data_reasons(text).empty()) << text << ": " << reasons_of(text);
  }
}

TEST(ChildData, HostileInputNeverCrashes) {
  // Long runs of the characters the scanners look for, and truncated patterns at the end.
  for (const std::string& text :
       {std::string(20000, '9'), std::string(20000, 'A'), std::string(20000, ' '),
        std::string(20000, '/'), std::string("born ") + std::string(5000, '1'), std::string("A"),
        std::string("9"), std::string("born"), std::string("pupil "), std::string("date of birth"),
        std::string("child, A"), std::string("3 May"), std::string("943 476 59"),
        std::string("\xE2\x80"), std::string("child \xE2\x80\x93")}) {
    (void)child_data_reasons(text);
  }
  std::string mixed;
  for (int i = 0; i < 4000; ++i) mixed += "child A 1/2/ born May ";
  (void)child_data_reasons(mixed);
  SUCCEED();
}

}  // namespace
}  // namespace sendplan::practice
