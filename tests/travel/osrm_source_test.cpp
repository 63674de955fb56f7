// The OSRM source against a real HTTP server in this process (FakeOsrmServer; there is no OSRM
// package in Debian 12, so the protocol is tested against this stand-in): whole and chunked
// matrices equal to the server's formula everywhere, progress, and every kind of failure.
#include "travel/osrm_source.h"

#include <gtest/gtest.h>

#include <cmath>

#include "travel/fake_osrm_server.h"
#include "travel/travel_test_support.h"

namespace sendplan::travel {
namespace {

using testing::FakeOsrmServer;

// Random London places, rounded to the 6 decimals the requests carry.
std::vector<Place> places(int count, uint64_t seed) {
  std::vector<Place> result = testing::random_london_places(count, seed);
  for (Place& place : result) {
    place.location.latitude = std::round(place.location.latitude * 1e6) / 1e6;
    place.location.longitude = std::round(place.location.longitude * 1e6) / 1e6;
  }
  return result;
}

std::unique_ptr<TravelSource> source_for(const std::string& url, int block_size = 100) {
  Result<std::unique_ptr<TravelSource>> source = make_osrm_source(url, block_size);
  EXPECT_TRUE(source.ok()) << source.error().to_string();
  return source.ok() ? std::move(source).value() : nullptr;
}

void expect_formula_everywhere(const TravelMatrix& matrix, const std::vector<Place>& places) {
  ASSERT_EQ(matrix.size, static_cast<int>(places.size()));
  for (int i = 0; i < matrix.size; ++i) {
    for (int j = 0; j < matrix.size; ++j) {
      const geo::LatLon from = places[i].location;
      const geo::LatLon to = places[j].location;
      const double metres = i == j ? 0 : FakeOsrmServer::metres(from, to);
      const double seconds = i == j ? 0 : FakeOsrmServer::seconds(from, to);
      ASSERT_NEAR(matrix.metres_between(i, j), metres, 1e-6) << i << " -> " << j;
      ASSERT_NEAR(matrix.seconds_between(i, j), seconds, 1e-6) << i << " -> " << j;
    }
  }
}

Error error_of(const TravelSource& source, const std::vector<Place>& places) {
  Result<TravelMatrix> matrix = source.matrix(places, TimeOfDay::kMorningPeak);
  EXPECT_FALSE(matrix.ok());
  return matrix.ok() ? Error{} : matrix.error();
}

TEST(OsrmSource, SmallMatrixInOneRequest) {
  FakeOsrmServer server;
  const std::unique_ptr<TravelSource> source = source_for(server.url());
  ASSERT_TRUE(source);
  const std::vector<Place> group = places(7, 1);
  std::vector<std::pair<int, int>> progress;
  Result<TravelMatrix> matrix =
      source->matrix(group, TimeOfDay::kMorningPeak,
                     [&](int done, int total) { progress.emplace_back(done, total); });
  ASSERT_TRUE(matrix.ok()) << matrix.error().to_string();
  expect_formula_everywhere(matrix.value(), group);
  EXPECT_EQ(server.requests(), 1);
  EXPECT_EQ(server.largest_request(), 7);
  EXPECT_EQ(progress, (std::vector<std::pair<int, int>>{{1, 1}}));
  EXPECT_EQ(matrix.value().fallback_pairs, 0);
  EXPECT_NE(matrix.value().seconds_between(0, 1), matrix.value().seconds_between(1, 0));
}

TEST(OsrmSource, ChunksMorePlacesThanTheBlockSizeAndAssemblesTheWholeMatrix) {
  FakeOsrmServer server(/*max_table_size=*/10);
  const std::unique_ptr<TravelSource> source = source_for(server.url(), /*block_size=*/10);
  ASSERT_TRUE(source);
  const std::vector<Place> group = places(23, 2);
  std::vector<int> done_counts;
  Result<TravelMatrix> matrix =
      source->matrix(group, TimeOfDay::kOffPeak, [&](int done, int total) {
        EXPECT_EQ(total, 25);  // ⌈23 / 5⌉² blocks of 5 sources × 5 destinations
        done_counts.push_back(done);
      });
  ASSERT_TRUE(matrix.ok()) << matrix.error().to_string();
  expect_formula_everywhere(matrix.value(), group);
  EXPECT_EQ(server.requests(), 25);
  EXPECT_LE(server.largest_request(), 10);
  ASSERT_EQ(done_counts.size(), 25u);
  for (int i = 0; i < 25; ++i) EXPECT_EQ(done_counts[static_cast<std::size_t>(i)], i + 1);
}

TEST(OsrmSource, ABasePathAndTheTimeOfDayMakeNoDifferenceToTheAnswer) {
  FakeOsrmServer server;
  const std::vector<Place> group = places(4, 3);
  // The server's normal answer is also served below /island when no place is on an island.
  const std::unique_ptr<TravelSource> source = source_for(server.url() + "/island/");
  ASSERT_TRUE(source);
  Result<TravelMatrix> am = source->matrix(group, TimeOfDay::kMorningPeak);
  Result<TravelMatrix> off = source->matrix(group, TimeOfDay::kOffPeak);
  ASSERT_TRUE(am.ok() && off.ok());
  EXPECT_EQ(am.value().seconds, off.value().seconds);
  expect_formula_everywhere(am.value(), group);
}

TEST(OsrmSource, NoRequestForFewerThanTwoPlaces) {
  FakeOsrmServer server;
  const std::unique_ptr<TravelSource> source = source_for(server.url());
  ASSERT_TRUE(source);
  Result<TravelMatrix> one = source->matrix({{"only", {51.5, -0.1}}}, TimeOfDay::kOffPeak);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one.value().size, 1);
  EXPECT_EQ(server.requests(), 0);
}

TEST(OsrmSource, UnroutablePairsNameBothPlaces) {
  FakeOsrmServer server;
  const std::unique_ptr<TravelSource> source = source_for(server.url() + "/island");
  ASSERT_TRUE(source);
  std::vector<Place> group = places(3, 4);
  group.push_back({"P-SHETLAND", {60.15, -1.15}});
  const Error error = error_of(*source, group);
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.message,
            "the OSRM server at " + server.url() +
                "/island found no route for 6 journeys (is a place off the road network, or in "
                "the wrong place?):\n"
                "from 'P0' to 'P-SHETLAND'\nfrom 'P1' to 'P-SHETLAND'\n"
                "from 'P2' to 'P-SHETLAND'\nfrom 'P-SHETLAND' to 'P0'\n"
                "from 'P-SHETLAND' to 'P1'\nfrom 'P-SHETLAND' to 'P2'");
}

TEST(OsrmSource, ManyUnroutablePairsAreCountedAndTheFirstTenNamed) {
  FakeOsrmServer server(/*max_table_size=*/6);
  const std::unique_ptr<TravelSource> source = source_for(server.url() + "/island", 6);
  ASSERT_TRUE(source);
  std::vector<Place> group = places(8, 5);
  group.push_back({"ISLAND-1", {60.1, -1.1}});
  group.push_back({"ISLAND-2", {60.2, -1.2}});
  const Error error = error_of(*source, group);
  // Each island to and from the 9 other places: 2 × 2 × 9 − 2 (island to island counted once
  // each way) = 34 journeys.
  EXPECT_NE(error.message.find("found no route for 34 journeys"), std::string::npos)
      << error.message;
  EXPECT_NE(error.message.find("\n... and 24 more"), std::string::npos) << error.message;
}

TEST(OsrmSource, TooBigNamesTheServerAndQuotesOsrm) {
  FakeOsrmServer server(/*max_table_size=*/5);
  const std::unique_ptr<TravelSource> source = source_for(server.url(), /*block_size=*/8);
  ASSERT_TRUE(source);
  const Error error = error_of(*source, places(6, 6));
  EXPECT_EQ(error.code, ErrorCode::kIo);
  EXPECT_EQ(error.message, "the OSRM server at " + server.url() +
                               " answered HTTP 400 (TooBig: Too many table coordinates)");
}

TEST(OsrmSource, ErrorCodesFromTheServer) {
  FakeOsrmServer server;
  const std::vector<Place> group = places(3, 7);
  const std::unique_ptr<TravelSource> no_segment = source_for(server.url() + "/nosegment");
  ASSERT_TRUE(no_segment);
  EXPECT_EQ(error_of(*no_segment, group).message,
            "the OSRM server at " + server.url() +
                "/nosegment answered HTTP 400 (NoSegment: Could not find a matching segment for "
                "coordinate 0)");
  const std::unique_ptr<TravelSource> not_ok = source_for(server.url() + "/notok");
  ASSERT_TRUE(not_ok);
  EXPECT_EQ(error_of(*not_ok, group).message,
            "the OSRM server at " + server.url() +
                "/notok: the server refused the table request (NoTable: No table found)");
  const std::unique_ptr<TravelSource> broken = source_for(server.url() + "/broken");
  ASSERT_TRUE(broken);
  EXPECT_EQ(error_of(*broken, group).message,
            "the OSRM server at " + server.url() +
                "/broken: the answer is not a JSON object: '<html>502 Bad Gateway</html>'");
  const std::unique_ptr<TravelSource> fail = source_for(server.url() + "/fail");
  ASSERT_TRUE(fail);
  const Error failed = error_of(*fail, group);
  EXPECT_EQ(failed.code, ErrorCode::kIo);
  EXPECT_EQ(failed.message, "the OSRM server at " + server.url() + "/fail answered HTTP 500");
}

TEST(OsrmSource, UnreachableServerNamesTheUrl) {
  std::string url;
  {
    FakeOsrmServer server;  // a port that was free a moment ago, and is closed again
    url = server.url();
  }
  const std::unique_ptr<TravelSource> source = source_for(url);
  ASSERT_TRUE(source);
  const Error error = error_of(*source, places(2, 8));
  EXPECT_EQ(error.code, ErrorCode::kIo);
  EXPECT_EQ(error.message.rfind("cannot reach the OSRM server at " + url + " (", 0), 0u)
      << error.message;
  EXPECT_NE(error.message.find("is osrm-routed running there?"), std::string::npos);
}

TEST(OsrmSource, BadArgumentsAreRejectedBeforeAnyRequest) {
  Result<std::unique_ptr<TravelSource>> source = make_osrm_source("https://osrm.example.org");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(source.error().message.find("https is not supported"), std::string::npos);
  source = make_osrm_source("http://localhost:5000", 1);
  ASSERT_FALSE(source.ok());
  EXPECT_NE(source.error().message.find("block size is 1"), std::string::npos);

  FakeOsrmServer server;
  const std::unique_ptr<TravelSource> osrm = source_for(server.url());
  ASSERT_TRUE(osrm);
  EXPECT_EQ(error_of(*osrm, {{"P1", {51.5, -0.1}}, {"P2", {91, 0}}}).code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(server.requests(), 0);
  EXPECT_EQ(osrm->description(),
            "OSRM server " + server.url() + " (table service, up to 100 coordinates a request)");
}

}  // namespace
}  // namespace sendplan::travel
