// Cordeau DARP reader on small in-memory inputs: the built Problem and the exact place of errors.
#include <gtest/gtest.h>

#include <string>

#include "io/instance_readers.h"
#include "io/reader_test_support.h"

namespace sendplan::io {
namespace {

// 2 vehicles, 2 requests: pickups 1, 2 and drop-offs 3, 4; line numbers are 1-based (header = 1).
constexpr const char* kTiny =
    "2 2 480 3 30\n"           // line 1
    "0 0.0 0.0 0 0 0 480\n"    // line 2
    "1 1.0 0.0 3 1 0 1440\n"   // line 3
    "2 0.0 2.0 3 1 10 40\n"    // line 4
    "3 3.0 4.0 3 -1 0 1440\n"  // line 5
    "4 -1.0 0.0 3 -1 50 90\n"  // line 6
    "5 0.0 0.0 0 0 0 480\n";   // line 7

using test_support::expect_error;
using test_support::replace_line;

std::string remove_line(const std::string& text, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  return text.substr(0, start) + text.substr(text.find('\n', start) + 1);
}

TEST(CordeauReader, BuildsTheProblem) {
  Result<model::Problem> result = parse_cordeau(kTiny, "/some/dir/tiny.txt");
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  const model::Problem& p = result.value();
  EXPECT_EQ(p.name(), "tiny");
  EXPECT_EQ(p.load_dimensions(), 1);
  EXPECT_EQ(p.location_count(), 6);
  ASSERT_EQ(p.vehicle_types().size(), 1u);
  const model::VehicleType& type = p.vehicle_types()[0];
  EXPECT_EQ(type.name, "vehicle");
  EXPECT_EQ(type.count, 2);
  EXPECT_EQ(type.capacity.amount[0], 3);
  EXPECT_EQ(type.start_location, 0);
  EXPECT_EQ(type.end_location, 5);
  EXPECT_EQ(type.shift_start, 0);
  EXPECT_EQ(type.shift_end, 480);
  EXPECT_EQ(type.max_duration, 480);
  EXPECT_EQ(type.cost_per_distance, 1);
  EXPECT_EQ(type.cost_per_time, 0);
  EXPECT_EQ(type.fixed_cost, 0);

  ASSERT_EQ(p.request_count(), 2);
  const model::Request& r = p.request(1);
  EXPECT_EQ(r.name, "2");
  EXPECT_EQ(r.kind, model::RequestKind::kPickupDelivery);
  EXPECT_EQ(r.load.amount[0], 1);
  EXPECT_EQ(r.max_ride_time, 30);
  EXPECT_EQ(r.pickup.location, 2);
  EXPECT_EQ(r.pickup.external_id, 2);
  EXPECT_EQ(r.pickup.ready, 10);
  EXPECT_EQ(r.pickup.due, 40);
  EXPECT_EQ(r.pickup.service, 3);
  EXPECT_EQ(r.delivery.location, 4);
  EXPECT_EQ(r.delivery.external_id, 4);
  EXPECT_EQ(r.delivery.ready, 50);
  EXPECT_EQ(r.delivery.due, 90);
  EXPECT_EQ(p.coordinates()[3].x, 3.0);
  EXPECT_EQ(p.coordinates()[3].y, 4.0);
  EXPECT_DOUBLE_EQ(p.distance(0, 3), 5.0);
  EXPECT_DOUBLE_EQ(p.travel_time(3, 0), 5.0);
}

TEST(CordeauReader, AcceptsTabsCrLfAndBlankLines) {
  std::string text;
  for (char c : std::string(kTiny)) {
    if (c == ' ')
      text += '\t';
    else if (c == '\n')
      text += "\r\n";
    else
      text += c;
  }
  text = "\r\n" + text + "\r\n\r\n";
  Result<model::Problem> result = parse_cordeau(text, "tiny.txt");
  ASSERT_TRUE(result.ok()) << result.error().to_string();
  EXPECT_EQ(result.value().request_count(), 2);
  EXPECT_DOUBLE_EQ(result.value().distance(0, 3), 5.0);
}

TEST(CordeauReader, BadNumberNamesLineAndColumn) {
  expect_error(parse_cordeau(replace_line(kTiny, 4, "2 0.0 2.o 3 1 10 40"), "tiny.txt"),
               ErrorCode::kParse, 4, 7, "'2.o'");
  expect_error(parse_cordeau(replace_line(kTiny, 1, "2 2 48O 3 30"), "tiny.txt"), ErrorCode::kParse,
               1, 5, "'48O'");
  expect_error(parse_cordeau(replace_line(kTiny, 3, "1.5 1.0 0.0 3 1 0 1440"), "tiny.txt"),
               ErrorCode::kParse, 3, 1, "whole number");
  expect_error(parse_cordeau(replace_line(kTiny, 3, "1 nan 0.0 3 1 0 1440"), "tiny.txt"),
               ErrorCode::kParse, 3, 3, "'nan'");
}

// The same instance in Cordeau & Laporte's 2003 dialect: the header gives 2n = 4 nodes besides
// the depot, and there is no end-depot line (routes end at node 0).
constexpr const char* kTiny2003 =
    "2 4 480 3 30\n"
    "0 0.0 0.0 0 0 0 480\n"
    "1 1.0 0.0 3 1 0 1440\n"
    "2 0.0 2.0 3 1 10 40\n"
    "3 3.0 4.0 3 -1 0 1440\n"
    "4 -1.0 0.0 3 -1 50 90\n";

TEST(CordeauReader, ReadsThe2003DialectAsTheSameInstance) {
  Result<model::Problem> old = parse_cordeau(kTiny2003, "tiny2003.txt");
  ASSERT_TRUE(old.ok()) << old.error().to_string();
  Result<model::Problem> now = parse_cordeau(kTiny, "tiny.txt");
  ASSERT_TRUE(now.ok()) << now.error().to_string();
  EXPECT_NE(old.value().source_note().find("2003"), std::string::npos);
  EXPECT_NE(now.value().source_note().find("2006"), std::string::npos);
  ASSERT_EQ(old.value().request_count(), 2);
  EXPECT_EQ(old.value().location_count(), 5);
  const model::VehicleType& type = old.value().vehicle_types()[0];
  EXPECT_EQ(type.start_location, 0);
  EXPECT_EQ(type.end_location, 0);
  EXPECT_EQ(type.shift_end, 480);
  EXPECT_EQ(type.count, 2);
  for (int r = 0; r < 2; ++r) {
    const model::Request& a = old.value().request(r);
    const model::Request& b = now.value().request(r);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.pickup.location, b.pickup.location);
    EXPECT_EQ(a.delivery.location, b.delivery.location);
    EXPECT_EQ(a.delivery.ready, b.delivery.ready);
    EXPECT_EQ(a.delivery.due, b.delivery.due);
    EXPECT_EQ(a.load.amount[0], b.load.amount[0]);
    EXPECT_EQ(a.max_ride_time, b.max_ride_time);
  }
  // Travel from the last drop-off back to the depot is the same in both.
  EXPECT_DOUBLE_EQ(old.value().distance(4, 0), now.value().distance(4, 5));
}

TEST(CordeauReader, AFileThatFitsNeitherDialectSaysWhatIsMissing) {
  // 2n = 4 in the header but only 3 node lines: neither 2n+2 (10) nor 2n+1 (5) lines.
  const std::string short_2003 = remove_line(kTiny2003, 6);
  expect_error(parse_cordeau(short_2003, "tiny2003.txt"), ErrorCode::kParse, 6, 1,
               "nor is it the 2003 dialect");
  // An odd node count is never the 2003 dialect.
  expect_error(parse_cordeau(replace_line(kTiny2003, 1, "2 3 480 3 30"), "odd.txt"),
               ErrorCode::kParse, 7, 1, "node 5 is missing");
}

TEST(CordeauReader, MissingLastLineIsReportedWhereItShouldBe) {
  expect_error(parse_cordeau(remove_line(kTiny, 7), "tiny.txt"), ErrorCode::kParse, 7, 1,
               "node 5 is missing");
}

TEST(CordeauReader, MissingMiddleLineBreaksTheIdSequence) {
  expect_error(parse_cordeau(remove_line(kTiny, 4), "tiny.txt"), ErrorCode::kParse, 4, 1,
               "out of sequence");
}

TEST(CordeauReader, ExtraGarbageAfterTheNodes) {
  expect_error(parse_cordeau(std::string(kTiny) + "  garbage here\n", "tiny.txt"),
               ErrorCode::kParse, 8, 3, "unexpected line");
}

TEST(CordeauReader, WrongNumberOfFieldsOnALine) {
  expect_error(parse_cordeau(replace_line(kTiny, 3, "1 1.0 0.0 3 1 0 1440 99"), "tiny.txt"),
               ErrorCode::kParse, 3, 22, "'99'");
  expect_error(parse_cordeau(replace_line(kTiny, 3, "1 1.0 0.0 3 1 0"), "tiny.txt"),
               ErrorCode::kParse, 3, 16, "due time l is missing");
  expect_error(parse_cordeau(replace_line(kTiny, 1, "2 2 480 3"), "tiny.txt"), ErrorCode::kParse, 1,
               10, "L (maximum ride time) is missing");
}

TEST(CordeauReader, DropOffLoadMustMirrorThePickup) {
  expect_error(parse_cordeau(replace_line(kTiny, 6, "4 -1.0 0.0 3 -2 50 90"), "tiny.txt"),
               ErrorCode::kInvalidInput, 6, 14, "expected -1");
}

TEST(CordeauReader, NegativeCapacityAndOtherImpossibleHeaders) {
  expect_error(parse_cordeau(replace_line(kTiny, 1, "2 2 480 -3 30"), "tiny.txt"),
               ErrorCode::kInvalidInput, 1, 9, "capacity");
  expect_error(parse_cordeau(replace_line(kTiny, 1, "0 2 480 3 30"), "tiny.txt"),
               ErrorCode::kInvalidInput, 1, 1, "positive");
  expect_error(parse_cordeau(replace_line(kTiny, 1, "2 2 480 3 -30"), "tiny.txt"),
               ErrorCode::kInvalidInput, 1, 11, "ride time");
}

TEST(CordeauReader, ReadyAfterDue) {
  expect_error(parse_cordeau(replace_line(kTiny, 4, "2 0.0 2.0 3 1 50 40"), "tiny.txt"),
               ErrorCode::kInvalidInput, 4, 15, "ready after due");
}

TEST(CordeauReader, NegativeServiceAndDepotLoad) {
  expect_error(parse_cordeau(replace_line(kTiny, 3, "1 1.0 0.0 -3 1 0 1440"), "tiny.txt"),
               ErrorCode::kInvalidInput, 3, 11, "negative");
  expect_error(parse_cordeau(replace_line(kTiny, 7, "5 0.0 0.0 0 1 0 480"), "tiny.txt"),
               ErrorCode::kInvalidInput, 7, 13, "depot load");
}

TEST(CordeauReader, EmptyText) {
  expect_error(parse_cordeau("", "tiny.txt"), ErrorCode::kParse, 1, 1, "empty");
  expect_error(parse_cordeau("\n  \n", "tiny.txt"), ErrorCode::kParse, 1, 1, "empty");
}

TEST(CordeauReader, HugeRequestCountDoesNotAllocate) {
  expect_error(parse_cordeau("2 2000000000 480 3 30\n0 0 0 0 0 0 480\n", "tiny.txt"),
               ErrorCode::kParse, 3, 1, "node 1 is missing");
}

}  // namespace
}  // namespace sendplan::io
