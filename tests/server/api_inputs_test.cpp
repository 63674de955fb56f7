// Uploads and bad requests: files are checked whole and stored whole or not at all; malformed,
// oversized, wrongly typed or cut-off requests get a JSON 4xx and change nothing.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "server/test_server.h"

namespace sendplan::testing {
namespace {

class InputsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    server_->add_user("officer", "officer", "Hackney");
    officer_ = std::make_unique<Agent>(server_->port());
    ASSERT_TRUE(officer_->sign_in("officer"));
    files_ = generated_borough(server_->atlas(), "Hackney", 10);
  }

  size_t stored() { return server_->store().list_datasets("").value().size(); }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Agent> officer_;
  BoroughFiles files_;
};

// Replaces the value of `column` on data row `row` (1-based, after the header) of a CSV.
std::string with_cell(const std::string& csv, int row, const std::string& column,
                      const std::string& value) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find('\n', start);
    if (end == std::string::npos) end = csv.size();
    lines.push_back(csv.substr(start, end - start));
    start = end + 1;
  }
  auto split = [](const std::string& line) {
    std::vector<std::string> cells;
    size_t from = 0;
    while (true) {
      const size_t comma = line.find(',', from);
      cells.push_back(line.substr(from, comma - from));
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
    return cells;
  };
  const std::vector<std::string> header = split(lines[0]);
  const size_t index = std::find(header.begin(), header.end(), column) - header.begin();
  std::vector<std::string> cells = split(lines[row]);
  cells.at(index) = value;
  std::string joined;
  for (size_t i = 0; i < cells.size(); ++i) joined += (i ? "," : "") + cells[i];
  lines[row] = joined;
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

TEST_P(InputsTest, AValidUploadIsStoredWithItsRowCount) {
  auto result = officer_->put(
      "/api/boroughs/Hackney/inputs/pupils?file_name=../../pupils%20term1.csv", files_.pupils);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  const nlohmann::json dataset = json_of(result)["dataset"];
  EXPECT_EQ(dataset["rows"], 10);
  EXPECT_EQ(dataset["kind"], "pupils");
  EXPECT_EQ(dataset["file_name"], "pupils term1.csv");  // no path parts kept
  const nlohmann::json list = json_of(officer_->get("/api/boroughs/Hackney/datasets"));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], dataset["id"]);
  EXPECT_EQ(server_->store().get_dataset(dataset["id"]).value()->content, files_.pupils);
}

TEST_P(InputsTest, ABrokenFileListsEveryProblemAndStoresNothing) {
  const std::string broken =
      with_cell(with_cell(files_.pupils, 3, "wheelchair", "maybe"), 7, "school_id", "");
  auto result = officer_->put("/api/boroughs/Hackney/inputs/pupils?file_name=pupils.csv", broken);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 422) << result->body;
  const nlohmann::json body = json_of(result);
  EXPECT_EQ(body["error"], "invalid_input");
  ASSERT_GE(body["problems"].size(), 2u);
  EXPECT_EQ(body["problems"][0]["file"], "pupils.csv");
  EXPECT_EQ(body["problems"][0]["row"], 4);  // line 4: the header is line 1
  EXPECT_EQ(body["problems"][0]["column"], "wheelchair");
  EXPECT_NE(body["problems"][0]["reason"].get<std::string>().find("maybe"), std::string::npos);
  EXPECT_EQ(stored(), 0u);
}

TEST_P(InputsTest, AnotherBoroughsPupilsAreRefused) {
  const BoroughFiles camden = generated_borough(server_->atlas(), "Camden", 5);
  auto result = officer_->put("/api/boroughs/Hackney/inputs/pupils", camden.pupils);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 422);
  EXPECT_EQ(json_of(result)["problems"][0]["column"], "borough");
  EXPECT_EQ(stored(), 0u);
}

TEST_P(InputsTest, UnknownKindsBoroughsAndRoutesAreJson404s) {
  for (const auto& [method, path] :
       {std::pair{"PUT", "/api/boroughs/Hackney/inputs/teachers"},
        std::pair{"PUT", "/api/boroughs/Atlantis/inputs/pupils"},
        std::pair{"GET", "/api/boroughs/Atlantis/boundary"}, std::pair{"GET", "/api/nothing"},
        std::pair{"GET", "/api/plans/999999"}}) {
    auto result =
        std::string(method) == "PUT" ? officer_->put(path, files_.pupils) : officer_->get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 404) << path;
    EXPECT_EQ(json_of(result)["error"], "not_found") << path << ": " << result->body;
  }
  EXPECT_EQ(stored(), 0u);
}

TEST_P(InputsTest, OversizedBodiesAre413WithJson) {
  std::string huge = files_.pupils;
  while (huge.size() <= (1u << 20)) huge += files_.pupils.substr(files_.pupils.find('\n') + 1);
  auto result = officer_->put("/api/boroughs/Hackney/inputs/pupils", huge);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_EQ(json_of(result)["error"], "too_large");
  EXPECT_EQ(stored(), 0u);
}

TEST_P(InputsTest, MalformedJsonAndWrongTypesAre400WithJson) {
  httplib::Client client("127.0.0.1", server_->port());
  for (const char* body :
       {"{\"username\":", "[1,2,3]", "\"text\"", "{\"username\":5,\"password\":\"x\"}",
        "{\"username\":\"officer\"}", "", "\xff\xfe{"}) {
    auto result = client.Post("/api/login", body, "application/json");
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, 400) << body;
    EXPECT_EQ(json_of(result)["error"], "bad_request") << body;
  }
  for (const char* body : {R"({"time_limit_seconds":"ten"})", R"({"time_limit_seconds":-1})",
                           R"({"time_limit_seconds":1e9})", R"({"use_current":"yes"})", "[]"}) {
    auto result = officer_->post("/api/boroughs/Hackney/plans", body);
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, 400) << body;
  }
  EXPECT_TRUE(server_->store().list_plans("").value().empty());
}

// Regression (found by fuzzing): numbers no double holds made nlohmann throw out_of_range,
// which escaped as a 500.
TEST_P(InputsTest, NumbersOutOfRangeAre400NotACrash) {
  httplib::Client client("127.0.0.1", server_->port());
  auto login =
      client.Post("/api/login", R"({"username":"officer","password":1e999})", "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 400);
  EXPECT_EQ(json_of(login)["error"], "bad_request");
  auto plan = officer_->post("/api/boroughs/Hackney/plans", R"({"time_limit_seconds":1e400})");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->status, 400);
}

// Regression (found by fuzzing): a gzip body was inflated past the body limit.
TEST_P(InputsTest, CompressedBodiesAreRefusedUnread) {
  httplib::Client client("127.0.0.1", server_->port());
  auto result = client.Post("/api/login", {{"Content-Encoding", "gzip"}}, std::string(300, '\0'),
                            "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 415);
  EXPECT_EQ(json_of(result)["error"], "unsupported_encoding");
  auto upload = officer_->put("/api/boroughs/Hackney/inputs/pupils", files_.pupils);
  EXPECT_EQ(upload->status, 201);  // plain bodies still go in
}

// Sends the headers and half of a body promising more, then hangs up: the server must store
// nothing and keep serving.
TEST_P(InputsTest, AnUploadCutOffHalfWayLeavesTheStoreAsItWas) {
  ASSERT_EQ(officer_->put("/api/boroughs/Hackney/inputs/schools", files_.schools)->status, 201);
  const size_t before = stored();
  for (int attempt = 0; attempt < 3; ++attempt) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(server_->port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    const std::string body = files_.pupils;
    const std::string request =
        "PUT /api/boroughs/Hackney/inputs/pupils HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: text/csv\r\nCookie: " +
        officer_->cookie() + "\r\nX-CSRF-Token: " + officer_->csrf() +
        "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
        body.substr(0, body.size() / 2);
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(request.size()));
    ::close(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(stored(), before);
  // The whole file still goes in afterwards.
  EXPECT_EQ(officer_->put("/api/boroughs/Hackney/inputs/pupils", files_.pupils)->status, 201);
  EXPECT_EQ(stored(), before + 1);
}

TEST_P(InputsTest, ConcurrentUploadsAreAllStored) {
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      Agent agent(server_->port());
      if (!agent.sign_in("officer")) return;
      for (int i = 0; i < 5; ++i) {
        auto result = agent.put("/api/boroughs/Hackney/inputs/fleet", files_.fleet);
        if (result && result->status == 201) ++created;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(created.load(), 20);
  EXPECT_EQ(stored(), 20u);
}

INSTANTIATE_TEST_SUITE_P(Backends, InputsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
