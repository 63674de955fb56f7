#include "core/random.h"

#include <gtest/gtest.h>

namespace sendplan {
namespace {

TEST(Random, SameSeedSameSequence) {
  Random a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    uint32_t x = a.below(1000);
    EXPECT_EQ(x, b.below(1000));
    differs |= x != c.below(1000);
  }
  EXPECT_TRUE(differs);
}

TEST(Random, StaysInRange) {
  Random r(7);
  for (int i = 0; i < 10000; ++i) {
    EXPECT_LT(r.below(5), 5u);
    int v = r.between(-3, 3);
    EXPECT_GE(v, -3);
    EXPECT_LE(v, 3);
    double u = r.unit();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

}  // namespace
}  // namespace sendplan
