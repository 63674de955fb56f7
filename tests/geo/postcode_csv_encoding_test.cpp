// The postcode directory through the one CSV reader: what changed with it (old Mac line ends and
// quoted line ends are read; a UTF-16 or Latin-1 file is refused saying so, where the old reader
// read it as bytes and failed on the header or a cell) and a large gzipped file read as it
// streams.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "geo/postcode.h"
#include "support/temp_dir.h"

namespace sendplan::geo {
namespace {

using namespace std::string_literals;

// Files in one folder per test process, removed when it exits.
std::string write_temp(const std::string& name, const std::string& bytes) {
  static const sendplan::testing::TempDir folder("postcode-test");
  const std::string path = folder.file(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(PostcodeCsvEncoding, ReadsOldMacLineEndsAndQuotedLineEnds) {
  const std::string path =
      write_temp("cr.csv",
                 "pcd,\"note\",oseast1m,osnrth1m\rSW1A 1AA,\"two\rlines\",529090,179645\r"
                 "E1 0AA,x,535267,181084\r");
  Result<PostcodeDirectory> read = PostcodeDirectory::read_csv(path);
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  EXPECT_EQ(read.value().size(), 2u);
  ASSERT_TRUE(read.value().find("E1 0AA").has_value());
}

TEST(PostcodeCsvEncoding, RefusesUtf16AndLatin1Clearly) {
  std::string utf16 = "\xFF\xFE";
  for (const char c : "pcd,oseast1m,osnrth1m\nSW1A 1AA,529090,179645\n"s) utf16 += {c, '\0'};
  Result<PostcodeDirectory> wide = PostcodeDirectory::read_csv(write_temp("utf16.csv", utf16));
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.error().message, "file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");

  Result<PostcodeDirectory> latin1 = PostcodeDirectory::read_csv(
      write_temp("latin1.csv", "pcd,oseast1m,osnrth1m,name\nSW1A 1AA,529090,179645,Caf\xE9\n"));
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.error().where.line, 2);
  EXPECT_EQ(latin1.error().where.column, 27);
}

TEST(PostcodeCsvEncoding, ReadsALargeGzippedFileAsItStreams) {
  constexpr std::string_view kLetters = "ABDEFGHJLNPQRSTUWXYZ";  // those an inward code uses
  std::string text = "\xEF\xBB\xBFpcds,lat,long\r\n";
  int rows = 0;
  for (char district = 'A'; district <= 'Z'; ++district) {
    for (int unit = 0; unit < 400; ++unit, ++rows) {
      text += "N" + std::to_string(district - 'A' + 1) + " " + std::to_string(unit % 10) +
              kLetters[static_cast<std::size_t>(unit / 20)] +
              kLetters[static_cast<std::size_t>(unit % 20)] + ",51.5,-0.1\r\n";
    }
  }
  const std::string path = write_temp("large.csv.gz", "");
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
  gzclose(out);
  Result<PostcodeDirectory> read = PostcodeDirectory::read_csv(path);
  ASSERT_TRUE(read.ok()) << read.error().to_string();
  EXPECT_EQ(read.value().size(), static_cast<std::size_t>(rows));
}

}  // namespace
}  // namespace sendplan::geo
