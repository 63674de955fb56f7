// PostcodeDirectory::read_csv on each accepted layout, on broken files (exact line and column),
// and on the real NSPD London file when ../shared is present.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "geo/postcode.h"

namespace sendplan::geo {
namespace {

std::string data_file(const std::string& name) {
  return std::string(SENDPLAN_TEST_DATA_DIR) + "/" + name;
}

PostcodeDirectory read_ok(const std::string& name) {
  Result<PostcodeDirectory> directory = PostcodeDirectory::read_csv(data_file(name));
  EXPECT_TRUE(directory.ok()) << directory.error().to_string();
  return directory.ok() ? std::move(directory).value() : PostcodeDirectory();
}

Error read_error(const std::string& name) {
  Result<PostcodeDirectory> directory = PostcodeDirectory::read_csv(data_file(name));
  EXPECT_FALSE(directory.ok());
  return directory.ok() ? Error{} : directory.error();
}

void expect_location(const PostcodeDirectory& directory, std::string_view postcode,
                     GridReference expected, double metres = 0.0) {
  const std::optional<GridReference> found = directory.find(postcode);
  ASSERT_TRUE(found.has_value()) << postcode;
  EXPECT_NEAR(found->easting, expected.easting, metres) << postcode;
  EXPECT_NEAR(found->northing, expected.northing, metres) << postcode;
}

TEST(PostcodeDirectory, ReadsTheNspdSevenCharacterLayout) {
  const PostcodeDirectory directory = read_ok("nspd_seven_character.csv");
  EXPECT_EQ(directory.size(), 4u);
  expect_location(directory, "BR1 1AA", {540291, 168873});
  expect_location(directory, "e1 0aa", {535267, 181084});
  expect_location(directory, "SW1A1AA", {529090, 179645});
  EXPECT_EQ(directory.local_authority("sw1a 1aa"), "E09000033");
  EXPECT_EQ(directory.local_authority("BR11AA"), "E09000006");
  EXPECT_FALSE(directory.find("SW1A 2AA").has_value());
  EXPECT_FALSE(directory.find("not a postcode").has_value());
  EXPECT_FALSE(directory.local_authority("SW1A 2AA").has_value());
}

TEST(PostcodeDirectory, ReadsQuotedOnspdPreferringGridColumnsAndSkippingBlankOnes) {
  const PostcodeDirectory directory = read_ok("onspd_quoted.csv");
  EXPECT_EQ(directory.size(), 2u);
  EXPECT_EQ(directory.skipped_without_location(), 1u);
  expect_location(directory, "SW1A 1AA", {529090, 179645});  // oseast1m, not lat/long
  expect_location(directory, "E1 0AA", {535267, 181084});
  EXPECT_FALSE(directory.find("ZE1 0AA").has_value());
  EXPECT_EQ(directory.local_authority("E1 0AA"), "E09000030");  // from oslaua
}

TEST(PostcodeDirectory, ReadsEastingNorthingWithCrlfBlankLinesAndPadding) {
  const PostcodeDirectory directory = read_ok("easting_northing_crlf.csv");
  EXPECT_EQ(directory.size(), 2u);
  expect_location(directory, "SE10 8XJ", {538928, 177271});
  expect_location(directory, "N1C 4QP", {530075, 183055});
  EXPECT_FALSE(directory.local_authority("N1C 4QP").has_value());  // no district column
}

TEST(PostcodeDirectory, ConvertsLatLongToTheGridAndSkipsTheOnsNoLocationMarker) {
  const PostcodeDirectory directory = read_ok("lat_long.csv");
  EXPECT_EQ(directory.size(), 2u);
  EXPECT_EQ(directory.skipped_without_location(), 1u);
  // 51.501009, -0.141588 is grid_to_wgs84(529090, 179645) to 6 decimals (< 0.1 m).
  expect_location(directory, "SW1A 1AA", {529090, 179645}, 0.1);
  EXPECT_EQ(directory.local_authority("SE1 9SG"), "E09000028");
  EXPECT_FALSE(directory.find("ZE1 0AA").has_value());
}

TEST(PostcodeDirectory, ReadsLatitudeLongitudeWithCaseInsensitiveHeaders) {
  const PostcodeDirectory directory = read_ok("latitude_longitude.csv");
  EXPECT_EQ(directory.size(), 1u);
  EXPECT_EQ(directory.skipped_without_location(), 1u);
  expect_location(directory, "WC2N 5DN", {530032, 180569}, 0.1);
}

TEST(PostcodeDirectory, ReadsGzipCompressedFiles) {
  const PostcodeDirectory directory = read_ok("nspd_seven_character.csv.gz");
  EXPECT_EQ(directory.size(), 4u);
  expect_location(directory, "WC2N 5DN", {530032, 180569});
}

TEST(PostcodeDirectory, IdenticalRepeatsAreMergedButConflictingOnesAreErrors) {
  const Error error = read_error("conflicting_duplicate.csv");
  EXPECT_EQ(error.code, ErrorCode::kInvalidInput);
  EXPECT_EQ(error.where.line, 5);
  EXPECT_NE(error.message.find("BR1 1AB"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("line 3"), std::string::npos) << error.message;
}

TEST(PostcodeDirectory, MissingFileIsNotFound) {
  const Error error = read_error("no_such_file.csv");
  EXPECT_EQ(error.code, ErrorCode::kNotFound);
  EXPECT_EQ(error.where.file, data_file("no_such_file.csv"));
}

TEST(PostcodeDirectory, TruncatedGzipIsAnIoError) {
  EXPECT_EQ(read_error("truncated.csv.gz").code, ErrorCode::kIo);
}

TEST(PostcodeDirectory, MalformedNumberGivesLineAndColumn) {
  const Error error = read_error("bad_number.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 3);
  EXPECT_EQ(error.where.column, 9);
  EXPECT_EQ(error.message, "expected a number for 'oseast1m', found '54O262'");
  EXPECT_EQ(error.to_string(), data_file("bad_number.csv") + ":3:9: " + error.message);
}

TEST(PostcodeDirectory, OneBlankCoordinateOfAPairIsAnError) {
  const Error error = read_error("half_blank.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 16);
  EXPECT_EQ(error.message, "blank 'osnrth1m' although 'oseast1m' is given");
}

TEST(PostcodeDirectory, MalformedPostcodeGivesLineAndColumn) {
  const Error error = read_error("bad_postcode.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 3);
  EXPECT_EQ(error.where.column, 1);
  EXPECT_EQ(error.message, "'BR1 AA1' is not a UK postcode");
}

TEST(PostcodeDirectory, MissingPostcodeColumnNamesTheHeaderColumns) {
  const Error error = read_error("no_postcode_column.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 1);
  EXPECT_NE(error.message.find("no postcode column"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("code, oseast1m, osnrth1m"), std::string::npos) << error.message;
}

TEST(PostcodeDirectory, HalfACoordinatePairIsNamed) {
  const Error error = read_error("half_coordinate_pair.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_NE(error.message.find("found 'oseast1m' but not 'osnrth1m'"), std::string::npos)
      << error.message;
  EXPECT_NE(error.message.find("pcds, oseast1m, northing"), std::string::npos) << error.message;
}

TEST(PostcodeDirectory, ShortRowIsAnError) {
  const Error error = read_error("short_row.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 3);
  EXPECT_EQ(error.message, "expected at least 4 fields, found 3");
}

TEST(PostcodeDirectory, OutOfRangeLatitudeIsAnError) {
  const Error error = read_error("out_of_range_latitude.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 10);
  EXPECT_EQ(error.message, "'lat' 151.5 is out of range");
}

TEST(PostcodeDirectory, UnterminatedQuoteIsAnError) {
  const Error error = read_error("unterminated_quote.csv");
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.line, 2);
  EXPECT_EQ(error.where.column, 1);
}

TEST(PostcodeDirectory, EmptyFileIsAnError) {
  EXPECT_EQ(read_error("empty.csv").code, ErrorCode::kParse);
}

TEST(PostcodeDirectory, ResolveReportsUnknownAndMalformedPostcodesAtTheCallersRow) {
  const PostcodeDirectory directory = read_ok("nspd_seven_character.csv");
  const SourceLocation row{"pupils.csv", 12, 3};
  const Result<GridReference> known = directory.resolve("br1 1aa", row);
  ASSERT_TRUE(known.ok());
  EXPECT_EQ(known.value().easting, 540291);

  const Result<GridReference> unknown = directory.resolve("SW1A 2AA", row);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().to_string(),
            "pupils.csv:12:3: unknown postcode 'SW1A 2AA' (not in the postcode file)");

  const Result<GridReference> malformed = directory.resolve("SW1A", row);
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(malformed.error().where.line, 12);
}

// Regression (security review): a 1 MB cell in a postcode column is quoted short.
TEST(PostcodeDirectory, ResolveQuotesAtMostEightyCharacters) {
  const PostcodeDirectory directory = read_ok("nspd_seven_character.csv");
  const Result<GridReference> huge = directory.resolve(std::string(1 << 20, 'W'), {});
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().message,
            "'" + std::string(80, 'W') + "\xE2\x80\xA6' (1048576 characters) is not a UK postcode");
}

// The real NSPD November 2025 London extract (../shared/data/postcodes): 331,981 rows.
TEST(PostcodeDirectory, ReadsTheRealLondonFile) {
  const std::string path =
      std::string(SENDPLAN_SHARED_DIR) + "/data/postcodes/london_postcodes_nspd_nov2025.csv.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "not found: " << path;
  const auto start = std::chrono::steady_clock::now();
  Result<PostcodeDirectory> read = PostcodeDirectory::read_csv(path);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  const PostcodeDirectory& directory = read.value();
  RecordProperty("load_seconds", std::to_string(seconds));
  EXPECT_EQ(directory.size(), 331981u);
  EXPECT_EQ(directory.skipped_without_location(), 0u);

  expect_location(directory, "SW1A 1AA", {529090, 179645});
  EXPECT_EQ(directory.local_authority("SW1A 1AA"), "E09000033");  // Westminster
  expect_location(directory, "E1 0AA", {535267, 181084});
  expect_location(directory, "wd3 8xd", {503978, 193262});  // the last row
  EXPECT_FALSE(directory.find("ZE1 0AA").has_value());      // Lerwick is not in London

  for (const std::string_view postcode : {"SW1A 1AA", "E1 0AA", "BR1 1AA", "TW6 1AP", "N1C 4QP"}) {
    const std::optional<GridReference> grid = directory.find(postcode);
    ASSERT_TRUE(grid.has_value()) << postcode;
    const LatLon position = grid_to_wgs84(*grid);
    EXPECT_GT(position.latitude, 51.28) << postcode;
    EXPECT_LT(position.latitude, 51.70) << postcode;
    EXPECT_GT(position.longitude, -0.52) << postcode;
    EXPECT_LT(position.longitude, 0.34) << postcode;
  }
}

}  // namespace
}  // namespace sendplan::geo
