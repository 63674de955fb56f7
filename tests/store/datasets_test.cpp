// Uploaded inputs on both backends: history is kept, the latest of a kind is found, lists are
// newest first, and contents come back byte for byte.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

using StoreDatasetsTest = StoreTest;

TEST_P(StoreDatasetsTest, HistoryIsKeptAndTheLatestIsFound) {
  const std::int64_t user = must(store().add_user(make_user("amina")), "user");
  Dataset first = make_dataset("Hackney", "pupils", "id\nP1\n", user);
  first.rows = 1;
  Dataset second = make_dataset("Hackney", "pupils", "id\nP1\nP2\n", user);
  second.rows = 2;
  second.file_name = "pupils-autumn.csv";
  second.uploaded_at = "2026-11-24T09:00:00Z";
  const std::int64_t first_id = must(store().add_dataset(first), "first");
  const std::int64_t fleet_id =
      must(store().add_dataset(make_dataset("Hackney", "fleet")), "fleet");
  const std::int64_t other_id =
      must(store().add_dataset(make_dataset("Camden", "pupils", "id\nC1\n")), "camden");
  const std::int64_t second_id = must(store().add_dataset(second), "second");
  EXPECT_LT(first_id, second_id);

  const std::optional<Dataset> latest = must(store().latest_dataset("Hackney", "pupils"), "latest");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->id, second_id);
  EXPECT_EQ(latest->content, "id\nP1\nP2\n");
  EXPECT_EQ(latest->rows, 2);
  EXPECT_EQ(latest->file_name, "pupils-autumn.csv");
  EXPECT_EQ(latest->uploaded_by, user);
  EXPECT_EQ(latest->uploaded_at, "2026-11-24T09:00:00Z");
  EXPECT_EQ(must(store().latest_dataset("Camden", "pupils"), "camden")->id, other_id);
  EXPECT_FALSE(must(store().latest_dataset("Camden", "fleet"), "none").has_value());
  EXPECT_FALSE(must(store().latest_dataset("Hackney", "current"), "none").has_value());

  // The old upload is still there.
  const std::optional<Dataset> old = must(store().get_dataset(first_id), "old");
  ASSERT_TRUE(old.has_value());
  EXPECT_EQ(old->content, "id\nP1\n");
  EXPECT_EQ(old->borough, "Hackney");
  EXPECT_EQ(old->kind, "pupils");
  EXPECT_FALSE(must(store().get_dataset(second_id + 10), "missing").has_value());

  const std::vector<DatasetInfo> hackney = must(store().list_datasets("Hackney"), "hackney");
  ASSERT_EQ(hackney.size(), 3u);
  EXPECT_EQ(hackney[0].id, second_id);
  EXPECT_EQ(hackney[0].rows, 2);
  EXPECT_EQ(hackney[0].file_name, "pupils-autumn.csv");
  EXPECT_EQ(hackney[1].id, fleet_id);
  EXPECT_EQ(hackney[1].uploaded_by, 0);  // no uploader recorded
  EXPECT_EQ(hackney[2].id, first_id);
  const std::vector<DatasetInfo> all = must(store().list_datasets(""), "all");
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, second_id);
  EXPECT_EQ(all[1].id, other_id);
  EXPECT_EQ(all[1].borough, "Camden");
  EXPECT_TRUE(must(store().list_datasets("Ealing"), "ealing").empty());
}

TEST_P(StoreDatasetsTest, ContentRoundTripsByteForByte) {
  std::vector<std::string> contents = {
      "",
      "name,school\r\n\"Zoë O'Neill\",\"Ysgol Gymraeg Llundain\"\r\n",
      "quote \"inside\", 'single', back\\slash, tab\there, ? and $1 and %s\n",
      "emoji 🚌, Polish Łódź, Chinese 学校, Arabic مدرسة\n",
      std::string("nul \0 and bytes \xff\xfe\x80 that are not UTF-8", 38),
  };
  // 5 MB with every byte value and CRLF line ends.
  std::string big;
  big.reserve(5 * 1024 * 1024 + 64);
  for (int line = 0; big.size() < 5u * 1024 * 1024; ++line) {
    big += fmt::format("P{},\"Ünïcödé {}\",", line, line % 97);
    for (int b = 0; b < 256; b += 37) big += static_cast<char>((b + line) & 0xff);
    big += "\r\n";
  }
  contents.push_back(big);

  std::vector<std::int64_t> ids;
  for (const std::string& content : contents) {
    ids.push_back(must(store().add_dataset(make_dataset("Hackney", "pupils", content)), "add"));
  }
  store_.reset();  // read back through a new connection
  store_ = must(open_store(url()), "reopen");
  for (std::size_t i = 0; i < contents.size(); ++i) {
    const std::optional<Dataset> back = must(store().get_dataset(ids[i]), "get");
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->content.size(), contents[i].size()) << i;
    EXPECT_TRUE(back->content == contents[i]) << "content " << i << " changed";
  }
  EXPECT_TRUE(must(store().latest_dataset("Hackney", "pupils"), "latest")->content == big);
}

TEST_P(StoreDatasetsTest, UnknownKindAndNegativeRowsAreRejected) {
  Result<std::int64_t> kind = store().add_dataset(make_dataset("Hackney", "secret-kind"));
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(kind.error().message.find("secret-kind"), std::string::npos) << kind.error().message;
  Dataset negative = make_dataset("Hackney", "fleet");
  negative.rows = -1;
  EXPECT_EQ(store().add_dataset(negative).error().code, ErrorCode::kInvalidArgument);
  Result<std::int64_t> orphan = store().add_dataset(make_dataset("Hackney", "fleet", "x", 99));
  ASSERT_FALSE(orphan.ok());  // uploaded by a user who does not exist
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(must(store().list_datasets(""), "list").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreDatasetsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
