// Li & Lim PDPTW reader on small in-memory inputs, in particular the pickup/delivery pairing.
#include <gtest/gtest.h>

#include <string>

#include "io/instance_readers.h"
#include "io/reader_test_support.h"

namespace sendplan::io {
namespace {

// Node 1 is the delivery of pickup 2 (deliveries may come first, as in the real files);
// pickup 3 goes to node 4. Tab separated like the real files.
constexpr const char* kTiny =
    "2\t10\t1\n"                      // line 1
    "0\t0\t0\t0\t0\t100\t0\t0\t0\n"   // line 2
    "1\t3\t4\t-5\t10\t60\t5\t2\t0\n"  // line 3
    "2\t6\t8\t5\t0\t50\t5\t0\t1\n"    // line 4
    "3\t1\t1\t3\t0\t80\t5\t0\t4\n"    // line 5
    "4\t2\t2\t-3\t0\t90\t5\t3\t0\n";  // line 6

using test_support::expect_error;
using test_support::replace_line;

TEST(LiLimReader, BuildsOneRequestPerPickup) {
  Result<model::Problem> result = parse_lilim(kTiny, "tiny.txt");
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  const model::Problem& p = result.value();
  EXPECT_EQ(p.name(), "tiny");
  EXPECT_EQ(p.location_count(), 5);
  const model::VehicleType& type = p.vehicle_types().at(0);
  EXPECT_EQ(type.count, 2);
  EXPECT_EQ(type.capacity.amount[0], 10);
  EXPECT_EQ(type.start_location, 0);
  EXPECT_EQ(type.end_location, 0);
  EXPECT_EQ(type.shift_start, 0);
  EXPECT_EQ(type.shift_end, 100);
  EXPECT_EQ(type.max_duration, model::kUnlimited);
  ASSERT_EQ(p.request_count(), 2);
  const model::Request& first = p.request(0);
  EXPECT_EQ(first.name, "2");
  EXPECT_EQ(first.kind, model::RequestKind::kPickupDelivery);
  EXPECT_EQ(first.load.amount[0], 5);
  EXPECT_EQ(first.pickup.location, 2);
  EXPECT_EQ(first.pickup.external_id, 2);
  EXPECT_EQ(first.pickup.due, 50);
  EXPECT_EQ(first.delivery.location, 1);
  EXPECT_EQ(first.delivery.external_id, 1);
  EXPECT_EQ(first.delivery.ready, 10);
  EXPECT_EQ(first.delivery.due, 60);
  EXPECT_EQ(first.delivery.service, 5);
  EXPECT_EQ(first.max_ride_time, model::kUnlimited);
  EXPECT_EQ(p.request(1).name, "3");
  EXPECT_EQ(p.request(1).delivery.location, 4);
  EXPECT_DOUBLE_EQ(p.distance(0, 1), 5.0);
}

TEST(LiLimReader, AcceptsSpacesAndCrLf) {
  std::string text;
  for (char c : std::string(kTiny)) {
    if (c == '\t')
      text += "  ";
    else if (c == '\n')
      text += "\r\n";
    else
      text += c;
  }
  Result<model::Problem> result = parse_lilim(text, "tiny.txt");
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  EXPECT_EQ(result.value().request_count(), 2);
}

TEST(LiLimReader, BadNumberNamesLineAndColumn) {
  // Columns count bytes: a tab is one column.
  expect_error(parse_lilim(replace_line(kTiny, 4, "2\t6\t8\t5\t0\t5O\t5\t0\t1"), "tiny.txt"),
               ErrorCode::kParse, 4, 11, "'5O'");
  expect_error(parse_lilim(replace_line(kTiny, 1, "2\tten\t1"), "tiny.txt"), ErrorCode::kParse, 1,
               3, "'ten'");
}

TEST(LiLimReader, MissingFieldAndGarbage) {
  expect_error(parse_lilim(replace_line(kTiny, 5, "3\t1\t1\t3\t0\t80\t5\t0"), "tiny.txt"),
               ErrorCode::kParse, 5, 17, "delivery id is missing");
  expect_error(parse_lilim(std::string(kTiny) + "# the end\n", "tiny.txt"), ErrorCode::kParse, 7, 1,
               "'#'");
  expect_error(parse_lilim("2 10 1\n", "tiny.txt"), ErrorCode::kParse, 2, 1, "depot");
}

TEST(LiLimReader, DeliveryNamingTheWrongPickup) {
  // Node 1 claims pickup 3, but pickup 3 delivers to node 4.
  expect_error(parse_lilim(replace_line(kTiny, 3, "1\t3\t4\t-5\t10\t60\t5\t3\t0"), "tiny.txt"),
               ErrorCode::kInvalidInput, 3, 18, "names delivery 4");
}

TEST(LiLimReader, PickupWhoseDeliveryDoesNotPointBack) {
  // Node 4 claims pickup 2; pickup 3 (line 5, first in file order) is reported.
  expect_error(parse_lilim(replace_line(kTiny, 6, "4\t2\t2\t-3\t0\t90\t5\t2\t0"), "tiny.txt"),
               ErrorCode::kInvalidInput, 5, 18, "names pickup 2");
}

TEST(LiLimReader, UnpairedAndDanglingNodes) {
  expect_error(parse_lilim(replace_line(kTiny, 5, "3\t1\t1\t3\t0\t80\t5\t0\t0"), "tiny.txt"),
               ErrorCode::kInvalidInput, 5, 16, "unpaired");
  expect_error(parse_lilim(replace_line(kTiny, 5, "3\t1\t1\t3\t0\t80\t5\t0\t9"), "tiny.txt"),
               ErrorCode::kInvalidInput, 5, 18, "not a customer node");
  expect_error(parse_lilim(replace_line(kTiny, 5, "3\t1\t1\t3\t0\t80\t5\t0\t3"), "tiny.txt"),
               ErrorCode::kInvalidInput, 5, 18, "itself");
  expect_error(parse_lilim(replace_line(kTiny, 5, "3\t1\t1\t3\t0\t80\t5\t2\t4"), "tiny.txt"),
               ErrorCode::kInvalidInput, 5, 16, "both");
}

TEST(LiLimReader, DemandSignsMustMatch) {
  expect_error(parse_lilim(replace_line(kTiny, 6, "4\t2\t2\t3\t0\t90\t5\t3\t0"), "tiny.txt"),
               ErrorCode::kInvalidInput, 6, 7, "expected -3");
  expect_error(parse_lilim(replace_line(replace_line(kTiny, 5, "3\t1\t1\t-3\t0\t80\t5\t0\t4"), 6,
                                        "4\t2\t2\t3\t0\t90\t5\t3\t0"),
                           "tiny.txt"),
               ErrorCode::kInvalidInput, 5, 7, "negative demand");
}

TEST(LiLimReader, ImpossibleData) {
  expect_error(parse_lilim(replace_line(kTiny, 1, "2\t-10\t1"), "tiny.txt"),
               ErrorCode::kInvalidInput, 1, 3, "capacity");
  expect_error(parse_lilim(replace_line(kTiny, 5, "3\t1\t1\t3\t90\t80\t5\t0\t4"), "tiny.txt"),
               ErrorCode::kInvalidInput, 5, 9, "ready after due");
  expect_error(parse_lilim(replace_line(kTiny, 2, "0\t0\t0\t1\t0\t100\t0\t0\t0"), "tiny.txt"),
               ErrorCode::kInvalidInput, 2, 7, "depot");
  expect_error(parse_lilim(replace_line(kTiny, 3, "7\t3\t4\t-5\t10\t60\t5\t2\t0"), "tiny.txt"),
               ErrorCode::kParse, 3, 1, "out of sequence");
}

}  // namespace
}  // namespace sendplan::io
