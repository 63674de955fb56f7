// The OSRM table protocol without a server: addresses, blocks, request targets and answers.
#include "travel/osrm_protocol.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sendplan::travel {
namespace {

OsrmAddress address_of(const std::string& url) {
  Result<OsrmAddress> address = parse_osrm_address(url);
  EXPECT_TRUE(address.ok()) << address.error().to_string();
  return address.ok() ? address.value() : OsrmAddress{};
}

std::string address_error(const std::string& url) {
  Result<OsrmAddress> address = parse_osrm_address(url);
  EXPECT_FALSE(address.ok()) << url;
  if (address.ok()) return {};
  EXPECT_EQ(address.error().code, ErrorCode::kInvalidArgument);
  return address.error().message;
}

TEST(OsrmAddress, AcceptsHttpAddressesWithOrWithoutSchemePortAndPath) {
  OsrmAddress address = address_of("http://localhost:5000");
  EXPECT_EQ(address.url, "http://localhost:5000");
  EXPECT_EQ(address.scheme_host_port, "http://localhost:5000");
  EXPECT_EQ(address.base_path, "");
  address = address_of("  localhost:5000/ ");
  EXPECT_EQ(address.url, "http://localhost:5000");
  address = address_of("HTTP://osrm.example.org/routing/london//");
  EXPECT_EQ(address.scheme_host_port, "http://osrm.example.org");
  EXPECT_EQ(address.base_path, "/routing/london");
  EXPECT_EQ(address.url, "http://osrm.example.org/routing/london");
  EXPECT_EQ(address_of("http://[::1]:5000").scheme_host_port, "http://[::1]:5000");
}

TEST(OsrmAddress, RejectsHttpsOtherSchemesAndMalformedAddresses) {
  EXPECT_EQ(address_error("https://router.example.org"),
            "OSRM server address 'https://router.example.org': https is not supported; give the "
            "server's plain http address, e.g. http://localhost:5000");
  EXPECT_NE(address_error("ftp://host").find("only http:// addresses"), std::string::npos);
  EXPECT_NE(address_error("http://").find("no host name"), std::string::npos);
  EXPECT_NE(address_error("http://:5000").find("no host name"), std::string::npos);
  EXPECT_NE(address_error("http://host:0").find("port"), std::string::npos);
  EXPECT_NE(address_error("http://host:99999").find("port"), std::string::npos);
  EXPECT_NE(address_error("http://host:50a0").find("port"), std::string::npos);
  EXPECT_NE(address_error("http://host:5000/table?x=1").find("query"), std::string::npos);
  EXPECT_NE(address_error("http://host/my path").find("path"), std::string::npos);
}

TEST(OsrmBlocks, AllPlacesInOneRequestWhenTheyFit) {
  EXPECT_TRUE(plan_osrm_blocks(0, 100).empty());
  EXPECT_TRUE(plan_osrm_blocks(1, 100).empty());
  const std::vector<OsrmBlock> blocks = plan_osrm_blocks(100, 100);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_TRUE(blocks[0].same_places());
  EXPECT_EQ(blocks[0].coordinates(), 100);
}

TEST(OsrmBlocks, LargerMatricesInChunksOfHalfTheBlockSize) {
  const std::vector<OsrmBlock> blocks = plan_osrm_blocks(101, 100);
  ASSERT_EQ(blocks.size(), 9u);  // 50 + 50 + 1 sources, the same destinations
  EXPECT_EQ(blocks[1].source_begin, 0);
  EXPECT_EQ(blocks[1].destination_begin, 50);
  EXPECT_EQ(blocks[1].coordinates(), 100);
  EXPECT_EQ(blocks[8].source_count, 1);
  EXPECT_EQ(blocks[8].coordinates(), 1);
}

TEST(OsrmBlocks, EveryPairIsCoveredExactlyOnceWithinTheBlockSize) {
  for (int places = 0; places <= 31; ++places) {
    for (int block_size = 2; block_size <= 13; ++block_size) {
      std::vector<int> covered(static_cast<std::size_t>(places * places), 0);
      for (const OsrmBlock& block : plan_osrm_blocks(places, block_size)) {
        ASSERT_LE(block.coordinates(), block_size);
        ASSERT_GE(block.source_count, 1);
        ASSERT_GE(block.destination_count, 1);
        for (int s = 0; s < block.source_count; ++s) {
          for (int d = 0; d < block.destination_count; ++d) {
            ++covered[static_cast<std::size_t>((block.source_begin + s) * places +
                                               block.destination_begin + d)];
          }
        }
      }
      if (places <= 1) continue;  // nothing to ask
      for (int count : covered)
        ASSERT_EQ(count, 1) << places << " places, blocks of " << block_size;
    }
  }
}

TEST(OsrmTarget, TheDocumentedRequestForm) {
  const std::vector<Place> places = {{"a", {51.5, -0.1}},
                                     {"b", {51.123456789, 0.25}},
                                     {"c", {51.6, -0.000001}},
                                     {"d", {51.7, 0.1}}};
  EXPECT_EQ(osrm_table_target("", places, {0, 3, 0, 3}),
            "/table/v1/driving/-0.100000,51.500000;0.250000,51.123457;-0.000001,51.600000"
            "?annotations=duration,distance&sources=0;1;2&destinations=0;1;2");
  EXPECT_EQ(osrm_table_target("/osrm", places, {0, 2, 2, 2}),
            "/osrm/table/v1/driving/-0.100000,51.500000;0.250000,51.123457;"
            "-0.000001,51.600000;0.100000,51.700000"
            "?annotations=duration,distance&sources=0;1&destinations=2;3");
}

// The shape of OSRM's documented example answer (docs/http.md), with our own numbers.
constexpr const char* kAnswer = R"({
  "code": "Ok",
  "sources": [
    {"location": [-0.1, 51.5], "hint": "PAMAgEVJAoAUAAAAIAAA", "name": "Kennington Road", "distance": 2.1},
    {"location": [-0.12, 51.52], "hint": "WIQBgL6mAoAEAAAABgAA", "name": "Euston Road", "distance": 0.4}
  ],
  "destinations": [
    {"location": [-0.1, 51.5], "hint": "PAMAgEVJAoAUAAAAIAAA", "name": "Kennington Road", "distance": 2.1},
    {"location": [-0.12, 51.52], "hint": "WIQBgL6mAoAEAAAABgAA", "name": "Euston Road", "distance": 0.4},
    {"location": [-0.08, 51.54], "hint": "7UcAgP___38fAAAAUQAA", "name": "Essex Road", "distance": 7}
  ],
  "durations": [[0, 412.5, 630], [398.1, 0, null]],
  "distances": [[0, 3100.2, 4800], [2988, 0, null]],
  "fallback_speed_cells": [[0, 1]]
})";

TEST(OsrmAnswer, ReadsDurationsAndDistancesWithNullAsNaN) {
  Result<OsrmTable> table = parse_osrm_table(kAnswer, 2, 3);
  ASSERT_TRUE(table.ok()) << table.error().to_string();
  EXPECT_EQ(table.value().rows, 2);
  EXPECT_EQ(table.value().columns, 3);
  EXPECT_EQ(table.value().seconds[1], 412.5);
  EXPECT_EQ(table.value().seconds[3], 398.1);
  EXPECT_EQ(table.value().metres[2], 4800);
  EXPECT_TRUE(std::isnan(table.value().seconds[5]));
  EXPECT_TRUE(std::isnan(table.value().metres[5]));
}

std::string answer_error(const std::string& body, int rows = 1, int columns = 2) {
  Result<OsrmTable> table = parse_osrm_table(body, rows, columns);
  EXPECT_FALSE(table.ok());
  if (table.ok()) return {};
  EXPECT_EQ(table.error().code, ErrorCode::kIo);
  return table.error().message;
}

TEST(OsrmAnswer, ErrorsSayWhatIsWrong) {
  EXPECT_EQ(
      answer_error(R"({"code": "NoSegment", "message": "Could not find a matching segment"})"),
      "the server refused the table request (NoSegment: Could not find a matching segment)");
  EXPECT_EQ(answer_error(R"({"code": "TooBig"})"), "the server refused the table request (TooBig)");
  EXPECT_EQ(answer_error(R"({"message": "?"})"),
            "the server refused the table request ((no code): ?)");
  EXPECT_EQ(answer_error("<html>Bad Gateway</html>"),
            "the answer is not a JSON object: '<html>Bad Gateway</html>'");
  EXPECT_EQ(answer_error(R"({"code": "Ok", "durations": [[0, 1]]})"),
            "the table answer is malformed: the answer has no 'distances' (this OSRM server may "
            "not support annotations=distance)");
  EXPECT_EQ(answer_error(R"({"code": "Ok", "durations": [[0, 1], [1, 0]], "distances": []})"),
            "the table answer is malformed: 'durations' should be an array of 1 rows");
  EXPECT_EQ(answer_error(R"({"code": "Ok", "durations": [[0]], "distances": [[0, 1]]})"),
            "the table answer is malformed: 'durations' row 0 should be an array of 2 values");
  EXPECT_EQ(answer_error(R"({"code": "Ok", "durations": [[0, -1]], "distances": [[0, 1]]})"),
            "the table answer is malformed: 'durations' row 0 has a value that is not a number "
            ">= 0: -1");
  EXPECT_EQ(answer_error(R"({"code": "Ok", "durations": [[0, 1]], "distances": [[0, "far"]]})"),
            "the table answer is malformed: 'distances' row 0 has a value that is not a number "
            ">= 0: \"far\"");
  EXPECT_EQ(answer_error(R"({"code": "Ok", "durations": [[0, 1]], "distances": [[0, 1]],
                             "sources": [{}, {}]})"),
            "the table answer is malformed: 'sources' should be an array of 1 waypoints");
}

TEST(OsrmAnswer, ErrorSummaryOfAnErrorBody) {
  EXPECT_EQ(osrm_error_summary(R"({"code":"TooBig","message":"Too many table coordinates"})"),
            "TooBig: Too many table coordinates");
  EXPECT_EQ(osrm_error_summary("internal error"), "");
  EXPECT_EQ(osrm_error_summary(R"({"error": 1})"), "");
}

}  // namespace
}  // namespace sendplan::travel
