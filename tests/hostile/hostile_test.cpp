// A hostile day against a real server on loopback (issue 18): slow clients, chunked and nested
// bodies, password guessing, oversized plans, one borough's queue, disabled accounts, formula
// cells and the smaller holes found by review. Every loop is bounded in count and time; the
// server runs in this process, so its memory is this process's.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server/http_json.h"
#include "server/test_server.h"

namespace sendplan::testing {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Resident memory of this process (the server's), in MB.
double rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

// A raw TCP connection to the server (no HTTP library: it must be able to misbehave).
class Raw {
 public:
  explicit Raw(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Raw() {
    if (fd_ >= 0) ::close(fd_);
  }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  bool connected() const { return connected_; }
  // False once the server has closed or reset the connection.
  bool send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }
  // What arrives within `wait` (until the server closes or the wait ends).
  std::string receive(std::chrono::milliseconds wait) {
    std::string got;
    const auto until = Clock::now() + wait;
    while (Clock::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      if (::poll(&p, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) continue;
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      got.append(buffer, static_cast<std::size_t>(n));
      if (got.find("\r\n\r\n") != std::string::npos) {
        // Enough for an answer with a small body: read what is already there, then stop.
        pollfd more{fd_, POLLIN, 0};
        if (::poll(&more, 1, 50) <= 0) break;
      }
    }
    return got;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// One chunk of a chunked body.
std::string fmt_chunk(const std::string& data) {
  std::ostringstream chunk;
  chunk << std::hex << data.size() << "\r\n" << data << "\r\n";
  return chunk.str();
}

int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return 0;
  return std::stoi(answer.substr(9, 3));
}

TestServerOptions hostile_options() {
  TestServerOptions options;
  options.front.head_deadline = 3s;  // short, so the test is too
  options.front.idle_keep_alive = 2s;
  options.front.drain_deadline = 2s;
  return options;
}

// --- 1. Slow clients -----------------------------------------------------------------------

TEST(HostileFront, SixtyFourSlowHeaderClientsDoNotStallAnyoneAndAreCutOff) {
  TestServer server("sqlite", hostile_options());
  std::vector<std::unique_ptr<Raw>> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(std::make_unique<Raw>(server.port()));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->send("GET /api/health HTTP/1.1\r\nHost: x\r\n"));
  }
  // While they trickle one header line a second, a normal client is answered at once.
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(2, 0);
  double slowest_ms = 0;
  for (int second = 0; second < 2; ++second) {
    for (auto& connection : slow) connection->send("X-Slow: 1\r\n");
    for (int i = 0; i < 5; ++i) {
      const auto start = Clock::now();
      auto health = client.Get("/api/health");
      ASSERT_TRUE(health) << "a health check failed while 64 slow clients were connected";
      EXPECT_EQ(health->status, 200);
      EXPECT_LT(Clock::now() - start, 2s);
      slowest_ms = std::max(
          slowest_ms, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::this_thread::sleep_for(1s);
  }
  // The whole head had 3 s: every slow client is answered 408 and closed.
  std::this_thread::sleep_for(1500ms);
  int timed_out = 0;
  for (auto& connection : slow) timed_out += status_of(connection->receive(500ms)) == 408;
  EXPECT_EQ(timed_out, 64);
  EXPECT_GE(server.web().counters().timed_out.load(), 64);
  std::printf("64 slow-header clients: slowest health check %.1f ms; %d cut off with 408\n",
              slowest_ms, timed_out);
}

TEST(HostileFront, ConnectionsFromOneAddressAreCapped) {
  TestServerOptions options = hostile_options();
  options.front.max_connections_per_address = 8;
  TestServer server("sqlite", options);
  std::vector<std::unique_ptr<Raw>> held;
  for (int i = 0; i < 8; ++i) held.push_back(std::make_unique<Raw>(server.port()));
  std::this_thread::sleep_for(200ms);
  Raw ninth(server.port());
  const std::string answer = ninth.receive(1s);
  EXPECT_EQ(status_of(answer), 503) << answer;
  EXPECT_GE(server.web().counters().refused_connections.load(), 1);
  held.clear();  // closed: room again
  std::this_thread::sleep_for(300ms);
  httplib::Client client("127.0.0.1", server.port());
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(HostileFront, StopIsBoundedWithSlowClientsConnected) {
  auto server = std::make_unique<TestServer>("sqlite", hostile_options());
  std::vector<std::unique_ptr<Raw>> slow;
  for (int i = 0; i < 5; ++i) {
    slow.push_back(std::make_unique<Raw>(server->port()));
    slow.back()->send("GET /api/health HTTP/1.1\r\n");
  }
  const auto start = Clock::now();
  server->stop();
  EXPECT_LT(Clock::now() - start, 1500ms) << "a stop waits for nobody who is not being served";
}

// --- 2. Bodies -------------------------------------------------------------------------------

TEST(HostileFront, AHundredMegabytesChunkedIsRefusedAtTheLimitWithoutTheMemory) {
  TestServer server("sqlite", hostile_options());
  const double before = rss_mb();
  Raw raw(server.port());
  ASSERT_TRUE(
      raw.send("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n"));
  const std::string chunk = fmt_chunk(std::string(64 * 1024, 'a'));
  std::size_t sent = 0;
  while (sent < (std::size_t{100} << 20) && raw.send(chunk)) sent += 64 * 1024;
  const std::string answer = raw.receive(2s);
  EXPECT_EQ(status_of(answer), 413) << answer.substr(0, 200);
  EXPECT_NE(answer.find("too_large"), std::string::npos);
  EXPECT_LT(sent, std::size_t{100} << 20) << "the server stopped reading well before 100 MB";
  EXPECT_LT(rss_mb() - before, 50) << "memory grew by " << rss_mb() - before << " MB";
  std::printf(
      "100 MB chunked to /api/login: %zu KB sent before the server closed; memory %+.1f MB\n",
      sent / 1024, rss_mb() - before);

  // The same to an upload (PUT, 1 MB here): refused once the chunks pass the limit.
  Agent officer(server.port());
  server.add_user("officer", "officer", "Hackney");
  ASSERT_TRUE(officer.sign_in("officer"));
  Raw upload(server.port());
  ASSERT_TRUE(upload.send(
      "PUT /api/boroughs/Hackney/inputs/pupils HTTP/1.1\r\nHost: x\r\nCookie: " + officer.cookie() +
      "\r\nX-CSRF-Token: " + officer.csrf() + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
  sent = 0;
  while (sent < (std::size_t{8} << 20) && upload.send(chunk)) sent += 64 * 1024;
  EXPECT_EQ(status_of(upload.receive(2s)), 413);
  EXPECT_LT(rss_mb() - before, 50);
}

TEST(HostileFront, ContentLengthOverTheLimitIsRefusedBeforeTheBody) {
  TestServer server("sqlite", hostile_options());
  Raw raw(server.port());
  ASSERT_TRUE(
      raw.send("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 1000000000\r\n\r\n"));
  const std::string answer = raw.receive(2s);
  EXPECT_EQ(status_of(answer), 413) << answer;
  EXPECT_NE(answer.find("limit 8 KB"), std::string::npos) << answer;
  // Smuggling shapes are refused.
  Raw both(server.port());
  both.send("POST /api/login HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
  EXPECT_EQ(status_of(both.receive(1s)), 400);
  Raw two(server.port());
  two.send("POST /api/login HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n");
  EXPECT_EQ(status_of(two.receive(1s)), 400);
}

TEST(HostileFront, DeeplyNestedJsonIsRefusedCheaply) {
  TestServer server("sqlite", hostile_options());
  server.add_user("officer", "officer", "Hackney");
  Agent officer(server.port());
  ASSERT_TRUE(officer.sign_in("officer"));
  const double before = rss_mb();
  // 20 MB: over the 1 MB limit of a JSON request (413 before it is read).
  std::string huge;
  huge.reserve(std::size_t{20} << 20);
  while (huge.size() < (std::size_t{20} << 20)) huge += "{\"a\":";
  auto refused = officer.post("/api/placements/match", huge);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);
  huge.clear();
  huge.shrink_to_fit();
  // Under the limit (900 KB, 180,000 levels): 400 before any parsing.
  std::string deep;
  while (deep.size() < 900 * 1024) deep += "{\"a\":";
  const auto start = Clock::now();
  auto nested = officer.post("/api/placements/match", deep);
  ASSERT_TRUE(nested);
  EXPECT_EQ(nested->status, 400);
  EXPECT_NE(json_of(nested)["message"].get<std::string>().find("nested more than"),
            std::string::npos);
  const auto took = Clock::now() - start;
  EXPECT_LT(took, 1s);
  EXPECT_LT(rss_mb() - before, 50) << "memory grew by " << rss_mb() - before << " MB";
  std::printf("20 MB nested JSON: 413; 900 KB nested: 400 in %.0f ms; memory %+.1f MB\n",
              std::chrono::duration<double, std::milli>(took).count(), rss_mb() - before);
  EXPECT_EQ(server::json_depth_exceeds(R"({"a":[1,{"b":"[[[["}]})", 3), 0u);
  EXPECT_EQ(server::json_depth_exceeds(R"({"a":[1,{"b":[]}]})", 3), 14u);
}

// --- Smaller holes ------------------------------------------------------------------------------

TEST(HostileSmall, ControlCharactersInPathsAndMultipleRangesAreRefused) {
  TestServer server("sqlite", hostile_options());
  Raw nul(server.port());
  nul.send("GET /app/main.js%00.html HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string answer = nul.receive(1s);
  EXPECT_EQ(status_of(answer), 400) << answer.substr(0, 200);
  EXPECT_EQ(answer.find("text/html"), std::string::npos);

  httplib::Client client("127.0.0.1", server.port());
  auto whole = client.Get("/app/main.js");
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->status, 200);
  auto many = client.Get("/app/main.js", {{"Range", "bytes=0-,0-,0-,0-,0-,0-,0-,0-"}});
  ASSERT_TRUE(many);
  EXPECT_NE(many->status, 206) << "several ranges are not served";
  EXPECT_LE(many->body.size(), whole->body.size());
  auto one = client.Get("/app/main.js", {{"Range", "bytes=0-9"}});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 206);
  EXPECT_EQ(one->body.size(), 10u);
}

TEST(HostileSmall, AnUploadAndItsAuditEntryAreOneWrite) {
  TestServer server("sqlite", hostile_options());
  server.add_user("officer", "officer", "Hackney");
  server.add_user("admin", "admin");
  Agent officer(server.port());
  ASSERT_TRUE(officer.sign_in("officer"));
  const BoroughFiles files = generated_borough(server.atlas(), "Hackney", 5, 1);
  auto uploaded = officer.put("/api/boroughs/Hackney/inputs/pupils", files.pupils);
  ASSERT_TRUE(uploaded);
  ASSERT_EQ(uploaded->status, 201) << uploaded->body;
  const std::int64_t id = json_of(uploaded)["dataset"]["id"].get<std::int64_t>();
  const auto entries = server.store().list_audit(100, 0).value();
  int found = 0;
  for (const auto& e : entries)
    found +=
        e.action == "upload pupils" && e.detail == "dataset " + std::to_string(id) + " (5 rows)";
  EXPECT_EQ(found, 1);
}

}  // namespace
}  // namespace sendplan::testing
