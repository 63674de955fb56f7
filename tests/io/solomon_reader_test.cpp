// Solomon VRPTW reader on small in-memory inputs.
#include <gtest/gtest.h>

#include <string>

#include "io/instance_readers.h"
#include "io/reader_test_support.h"

namespace sendplan::io {
namespace {

constexpr const char* kTiny =
    "TINY\n"                                                                           // line 1
    "\n"                                                                               // line 2
    "VEHICLE\n"                                                                        // line 3
    "NUMBER     CAPACITY\n"                                                            // line 4
    "  3         50\n"                                                                 // line 5
    "\n"                                                                               // line 6
    "CUSTOMER\n"                                                                       // line 7
    "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n"  // line 8
    " \n"                                                                              // line 9
    "0 0 0 0 0 100 0\n"                                                                // line 10
    "1 3 4 10 5 50 10\n"                                                               // line 11
    "2 6 8 20 20 60 10\n";                                                             // line 12

using test_support::expect_error;
using test_support::replace_line;

TEST(SolomonReader, BuildsDeliveriesFromTheDepot) {
  Result<model::Problem> result = parse_solomon(kTiny, "dir/TINY.txt");
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  const model::Problem& p = result.value();
  EXPECT_EQ(p.name(), "TINY");
  EXPECT_EQ(p.location_count(), 3);
  ASSERT_EQ(p.vehicle_types().size(), 1u);
  const model::VehicleType& type = p.vehicle_types()[0];
  EXPECT_EQ(type.count, 3);
  EXPECT_EQ(type.capacity.amount[0], 50);
  EXPECT_EQ(type.start_location, 0);
  EXPECT_EQ(type.end_location, 0);
  EXPECT_EQ(type.shift_start, 0);
  EXPECT_EQ(type.shift_end, 100);
  EXPECT_EQ(type.max_duration, model::kUnlimited);
  EXPECT_EQ(type.cost_per_distance, 1);
  ASSERT_EQ(p.request_count(), 2);
  const model::Request& r = p.request(0);
  EXPECT_EQ(r.name, "1");
  EXPECT_EQ(r.kind, model::RequestKind::kDelivery);
  EXPECT_FALSE(r.has_pickup());
  EXPECT_EQ(r.load.amount[0], 10);
  EXPECT_EQ(r.delivery.location, 1);
  EXPECT_EQ(r.delivery.external_id, 1);
  EXPECT_EQ(r.delivery.ready, 5);
  EXPECT_EQ(r.delivery.due, 50);
  EXPECT_EQ(r.delivery.service, 10);
  EXPECT_EQ(r.max_ride_time, model::kUnlimited);
  EXPECT_DOUBLE_EQ(p.distance(0, 1), 5.0);
  EXPECT_DOUBLE_EQ(p.distance(1, 2), 5.0);
}

TEST(SolomonReader, AcceptsCrLfAndKeywordCase) {
  std::string text;
  for (char c : std::string(kTiny)) {
    if (c == '\n')
      text += "\r\n";
    else
      text += c;
  }
  text = replace_line(text, 3, "vehicle\r");
  Result<model::Problem> result = parse_solomon(text, "TINY.txt");
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  EXPECT_EQ(result.value().request_count(), 2);
}

TEST(SolomonReader, BadNumberNamesLineAndColumn) {
  expect_error(parse_solomon(replace_line(kTiny, 12, "2 6 8 2x 20 60 10"), "TINY.txt"),
               ErrorCode::kParse, 12, 7, "'2x'");
  expect_error(parse_solomon(replace_line(kTiny, 5, "  3         5O"), "TINY.txt"),
               ErrorCode::kParse, 5, 13, "'5O'");
}

TEST(SolomonReader, MissingSectionsAndTruncation) {
  expect_error(parse_solomon(replace_line(kTiny, 3, "VEHICLES"), "TINY.txt"), ErrorCode::kParse, 3,
               1, "'VEHICLE'");
  expect_error(parse_solomon("TINY\n\nVEHICLE\nNUMBER CAPACITY\n3 50\n", "TINY.txt"),
               ErrorCode::kParse, 6, 1, "CUSTOMER");
  expect_error(
      parse_solomon("TINY\nVEHICLE\nNUMBER CAPACITY\n3 50\nCUSTOMER\nCUST NO.\n", "TINY.txt"),
      ErrorCode::kParse, 7, 1, "depot");
  expect_error(parse_solomon("", "TINY.txt"), ErrorCode::kParse, 1, 1, "empty");
}

TEST(SolomonReader, ExtraFieldsAndGarbageRows) {
  expect_error(parse_solomon(replace_line(kTiny, 11, "1 3 4 10 5 50 10 7"), "TINY.txt"),
               ErrorCode::kParse, 11, 18, "'7'");
  expect_error(parse_solomon(std::string(kTiny) + "end of file\n", "TINY.txt"), ErrorCode::kParse,
               13, 1, "'end'");
  expect_error(parse_solomon(replace_line(kTiny, 12, "3 6 8 20 20 60 10"), "TINY.txt"),
               ErrorCode::kParse, 12, 1, "out of sequence");
}

TEST(SolomonReader, ImpossibleData) {
  expect_error(parse_solomon(replace_line(kTiny, 5, "3 -50"), "TINY.txt"), ErrorCode::kInvalidInput,
               5, 3, "capacity");
  expect_error(parse_solomon(replace_line(kTiny, 5, "0 50"), "TINY.txt"), ErrorCode::kInvalidInput,
               5, 1, "positive");
  expect_error(parse_solomon(replace_line(kTiny, 11, "1 3 4 10 55 50 10"), "TINY.txt"),
               ErrorCode::kInvalidInput, 11, 10, "ready after due");
  expect_error(parse_solomon(replace_line(kTiny, 11, "1 3 4 -10 5 50 10"), "TINY.txt"),
               ErrorCode::kInvalidInput, 11, 7, "negative");
}

}  // namespace
}  // namespace sendplan::io
