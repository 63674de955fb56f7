// Format names, instance names and reading instance files from disk (not found, unreadable).
#include "io/instance_readers.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "io/test_paths.h"

namespace sendplan::io {
namespace {

using test_support::test_data;

TEST(InstanceFormat, ParsesNamesCaseInsensitively) {
  for (const char* name : {"cordeau", "Cordeau", "CORDEAU"}) {
    Result<InstanceFormat> f = parse_instance_format(name);
    ASSERT_TRUE(f.ok()) << name;
    EXPECT_EQ(f.value(), InstanceFormat::kCordeau);
  }
  EXPECT_EQ(parse_instance_format("Solomon").value(), InstanceFormat::kSolomon);
  EXPECT_EQ(parse_instance_format("LiLim").value(), InstanceFormat::kLiLim);
}

TEST(InstanceFormat, UnknownFormatIsAnInvalidArgument) {
  Result<InstanceFormat> f = parse_instance_format("tsplib");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(f.error().message,
            "unknown format 'tsplib' (expected cordeau, solomon, lilim or vroom)");
  EXPECT_FALSE(parse_instance_format("").ok());
  EXPECT_FALSE(parse_instance_format("li-lim").ok());
}

TEST(InstanceFormat, NamesRoundTrip) {
  for (InstanceFormat f : {InstanceFormat::kCordeau, InstanceFormat::kSolomon,
                           InstanceFormat::kLiLim, InstanceFormat::kVroom}) {
    Result<InstanceFormat> back = parse_instance_format(instance_format_name(f));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), f);
  }
  EXPECT_STREQ(instance_format_name(InstanceFormat::kLiLim), "lilim");
}

TEST(InstanceName, IsTheFileNameWithoutDirectoryAndExtension) {
  EXPECT_EQ(instance_name_from_path("/x/y/a2-16.txt"), "a2-16");
  EXPECT_EQ(instance_name_from_path("C101.txt"), "C101");
  EXPECT_EQ(instance_name_from_path("lc101"), "lc101");
  EXPECT_EQ(instance_name_from_path("rel/dir/b8-96.txt"), "b8-96");
}

TEST(ReadInstance, ReadsAFile) {
  const std::string path = test_data("tiny-cordeau.txt");
  Result<model::Problem> p = read_instance(InstanceFormat::kCordeau, path);
  ASSERT_TRUE(p.ok()) << p.error().to_string();
  EXPECT_EQ(p.value().name(), "tiny-cordeau");
  EXPECT_EQ(p.value().request_count(), 2);
}

TEST(ReadInstance, ParseErrorsNameTheFile) {
  const std::string path = test_data("bad-number-cordeau.txt");
  Result<model::Problem> p = read_instance(InstanceFormat::kCordeau, path);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kParse);
  EXPECT_EQ(p.error().where.file, path);
  EXPECT_EQ(p.error().where.line, 4);
  EXPECT_EQ(p.error().where.column, 7);
  EXPECT_EQ(p.error().to_string().rfind(path + ":4:7: ", 0), 0u) << p.error().to_string();
}

TEST(ReadInstance, MissingFileIsNotFound) {
  const std::string path = test_data("no-such-instance.txt");
  for (InstanceFormat f : {InstanceFormat::kCordeau, InstanceFormat::kSolomon,
                           InstanceFormat::kLiLim, InstanceFormat::kVroom}) {
    Result<model::Problem> p = read_instance(f, path);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(p.error().where.file, path);
  }
}

TEST(ReadInstance, DirectoryIsAnIoError) {
  Result<model::Problem> p = read_instance(InstanceFormat::kCordeau, SENDPLAN_TEST_DATA_DIR);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kIo);
}

TEST(ReadInstance, WrongFormatForTheFileFailsCleanly) {
  // A Cordeau file read as Solomon: the first line is taken as the name, then 'VEHICLE' is missing.
  Result<model::Problem> p = read_instance(InstanceFormat::kSolomon, test_data("tiny-cordeau.txt"));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kParse);
  EXPECT_EQ(p.error().where.line, 2);
}

}  // namespace
}  // namespace sendplan::io
