// The CSV reader's file source: a plain file, a gzipped one (recognised by its content), a
// truncated gzip stream (a kIo problem, not a short file), and a file that is not there.
#include "io/csv_source.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/csv_reader.h"
#include "support/temp_dir.h"

namespace sendplan::csv {
namespace {

// Files in one folder per test process, removed when it exits.
std::string temp_path(const std::string& name) {
  static const sendplan::testing::TempDir folder("csv-source-test");
  return folder.file(name);
}

std::string gzipped(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size())) + 64;
  std::string out(size, '\0');
  // A gzip wrapper (windowBits 15 + 16) around deflate, as gzopen writes.
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

void write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<std::string> first_fields(const std::string& path) {
  Result<std::unique_ptr<ByteSource>> source = open_file_source(path);
  EXPECT_TRUE(source.ok());
  Reader reader(std::move(source).value(), path);
  Result<std::vector<Record>> records = reader.read_all();
  EXPECT_TRUE(records.ok()) << records.error().to_string();
  std::vector<std::string> out;
  if (records.ok()) {
    for (const Record& record : records.value()) out.push_back(record.fields.front().value);
  }
  return out;
}

TEST(CsvSource, ReadsPlainAndGzippedFiles) {
  std::string text = "pcd,x\n";
  for (int i = 0; i < 20000; ++i) text += "AB" + std::to_string(i) + ",1\n";
  write(temp_path("plain.csv"), text);
  write(temp_path("packed.csv.gz"), gzipped(text));
  write(temp_path("packed_without_suffix"), gzipped(text));
  const std::vector<std::string> plain = first_fields(temp_path("plain.csv"));
  ASSERT_EQ(plain.size(), 20001u);
  EXPECT_EQ(plain.back(), "AB19999");
  EXPECT_EQ(first_fields(temp_path("packed.csv.gz")), plain);
  EXPECT_EQ(first_fields(temp_path("packed_without_suffix")), plain);
}

TEST(CsvSource, ATruncatedGzipStreamIsAnIoProblem) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "row" + std::to_string(i) + "\n";
  const std::string packed = gzipped(text);
  const std::string path = temp_path("truncated.csv.gz");
  write(path, packed.substr(0, packed.size() / 2));
  Reader reader(open_file_source(path).value(), path);
  const Result<std::vector<Record>> records = reader.read_all();
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.error().code, ErrorCode::kIo);
  EXPECT_NE(records.error().message.find("cannot read the file"), std::string::npos);
}

TEST(CsvSource, AMissingFileOrAFolderIsAProblem) {
  const Result<std::unique_ptr<ByteSource>> missing = open_file_source(temp_path("absent.csv"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "file not found");
  const Result<std::unique_ptr<ByteSource>> folder =
      open_file_source(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace sendplan::csv
