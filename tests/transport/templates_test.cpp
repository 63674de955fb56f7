// Each input template parses cleanly without a postcode directory, and they agree with each
// other (every pupil's school exists).
#include "transport/templates.h"

#include <gtest/gtest.h>

#include "test_helpers.h"
#include "transport/readers.h"

namespace sendplan::transport {
namespace {

using testing::dump;

TEST(Templates, EachParsesCleanly) {
  auto pupils = parse_pupils(pupils_template(), "pupils.csv", {}, nullptr);
  ASSERT_TRUE(pupils.ok()) << dump(pupils.problems());
  EXPECT_EQ(pupils.value().size(), 2u);
  EXPECT_EQ(pupils.value()[1].boarding_minutes, 5);  // wheelchair default
  auto schools = parse_schools(schools_template(), "schools.csv", {}, nullptr);
  ASSERT_TRUE(schools.ok()) << dump(schools.problems());
  EXPECT_EQ(schools.value().size(), 2u);
  auto fleet = parse_fleet(fleet_template(), "fleet.csv", {}, nullptr);
  ASSERT_TRUE(fleet.ok()) << dump(fleet.problems());
  EXPECT_EQ(fleet.value().size(), 2u);
  EXPECT_TRUE(validate_references(pupils.value(), schools.value(), "pupils.csv").empty());
}

}  // namespace
}  // namespace sendplan::transport
