// Every write is all or nothing, on both backends: a write that fails half-way leaves nothing,
// a process killed in the middle of a large write leaves the database as it was, and many
// threads (one store, or a store each) write without errors or lost writes.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "store/sql_store.h"
#include "store/store_test_support.h"

namespace sendplan::store::testing {
namespace {

// A real connection that, once armed, runs `interrupt` instead of the n-th statement inside a
// transaction: to fail it (return an error) or to stop the process there.
class InterruptedConnection final : public SqlConnection {
 public:
  explicit InterruptedConnection(std::unique_ptr<SqlConnection> inner) : inner_(std::move(inner)) {}

  void arm(int statement, std::function<Status()> interrupt) {
    statements_ = 0;
    at_ = statement;
    interrupt_ = std::move(interrupt);
  }

  Dialect dialect() const override { return inner_->dialect(); }
  Status execute_script(const std::string& sql) override {
    if (Status stop = count(); !stop.ok()) return stop;
    return inner_->execute_script(sql);
  }
  Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) override {
    if (Status stop = count(); !stop.ok()) return stop.error();
    return inner_->execute(sql, params);
  }
  Result<SqlRows> query(std::string_view sql, const SqlParams& params) override {
    if (Status stop = count(); !stop.ok()) return stop.error();
    return inner_->query(sql, params);
  }
  Status begin() override {
    in_transaction_ = true;
    return inner_->begin();
  }
  Status commit() override {
    in_transaction_ = false;
    return inner_->commit();
  }
  Status rollback() override {
    in_transaction_ = false;
    return inner_->rollback();
  }

 private:
  Status count() {
    if (!in_transaction_ || !interrupt_) return {};
    if (++statements_ != at_) return {};
    return interrupt_();
  }

  std::unique_ptr<SqlConnection> inner_;
  bool in_transaction_ = false;
  int statements_ = 0;
  int at_ = 0;
  std::function<Status()> interrupt_;
};

using StoreTransactionsTest = StoreTest;

// n files of `size` bytes each.
std::map<std::string, std::string> output_files(int count, std::size_t size) {
  std::map<std::string, std::string> files;
  for (int i = 0; i < count; ++i) {
    files[fmt::format("day-{:03}.csv", i)] = std::string(size, static_cast<char>('a' + i % 26));
  }
  return files;
}

// The plan is as add_plan_fixture left it: queued, no summary, no files.
void expect_untouched(Store& store, std::int64_t plan_id) {
  const std::optional<PlanRecord> plan = must(store.get_plan(plan_id), "get plan");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->status, PlanStatus::kQueued);
  EXPECT_EQ(plan->summary_json, "");
  EXPECT_EQ(plan->finished_at, "");
  EXPECT_EQ(plan->progress, 0);
}

TEST_P(StoreTransactionsTest, FinishWithABadFileNameLeavesNothing) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  std::map<std::string, std::string> files = output_files(5, 1000);
  files[std::string(300, 'z')] = "too long a name: breaks a CHECK constraint after the others";
  Status finished = store().finish_plan(f.plan, "{}", files, "2026-11-23T18:30:00Z");
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(finished.error().message.find("finish plan"), std::string::npos);
  expect_untouched(store(), f.plan);
  EXPECT_EQ(count_rows(url(), "plan_files"), 0);

  // An empty name fails first of all (it sorts first), after the plan's update.
  finished = store().finish_plan(f.plan, "{}", {{"", "x"}, {"routes.csv", "r"}}, "");
  ASSERT_FALSE(finished.ok());
  expect_untouched(store(), f.plan);
  EXPECT_EQ(count_rows(url(), "plan_files"), 0);
}

TEST_P(StoreTransactionsTest, WritesThatFailHalfWayLeaveNothing) {
  auto connection = std::make_unique<InterruptedConnection>(connect(url()));
  InterruptedConnection* interrupted = connection.get();
  std::unique_ptr<Store> store = must(open_sql_store(std::move(connection)), "open");
  const PlanFixture f = add_plan_fixture(*store, "Hackney");
  const auto fail = [] { return Status(make_error(ErrorCode::kIo, "injected failure")); };

  // finish_plan: the update, the delete and two files are written, then the third file fails.
  interrupted->arm(5, fail);
  Status finished = store->finish_plan(f.plan, "{}", output_files(6, 5000), "");
  ASSERT_FALSE(finished.ok());
  EXPECT_NE(finished.error().message.find("injected failure"), std::string::npos);
  expect_untouched(*store, f.plan);
  EXPECT_EQ(count_rows(url(), "plan_files"), 0);

  // add_user: the name check passes, the insert fails.
  interrupted->arm(2, fail);
  EXPECT_FALSE(store->add_user(make_user("amina")).ok());
  EXPECT_FALSE(must(store->find_user("amina"), "find").has_value());

  // The connection is still good for the next writes.
  interrupted->arm(0, nullptr);
  ASSERT_TRUE(store->finish_plan(f.plan, "{}", output_files(6, 5000), "").ok());
  EXPECT_EQ(count_rows(url(), "plan_files"), 6);
}

TEST_P(StoreTransactionsTest, ProcessKilledInALargeWriteLeavesTheStoreAsItWas) {
  const PlanFixture f = add_plan_fixture(store(), "Hackney");
  must(store().append_audit(AuditEntry{0, "", f.user, "planner", "read pupils", "Hackney", "d"}),
       "audit");
  store_.reset();  // the child is the only writer

  int pipe_fds[2];
  ASSERT_EQ(::pipe2(pipe_fds, O_CLOEXEC), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The child: finish the plan with 64 files of 256 KB (16 MB) in one transaction, and stop
    // after 40 of them are written, for the parent to kill it there. No gtest, no exit():
    // only _exit.
    ::close(pipe_fds[0]);
    Result<std::unique_ptr<SqlConnection>> inner = connect_database(url());
    if (!inner.ok()) ::_exit(2);
    auto connection = std::make_unique<InterruptedConnection>(std::move(inner).value());
    InterruptedConnection* interrupted = connection.get();
    Result<std::unique_ptr<Store>> store = open_sql_store(std::move(connection));
    if (!store.ok()) ::_exit(3);
    const int ready = pipe_fds[1];
    interrupted->arm(2 + 41, [ready] {
      const char byte = 'k';
      if (::write(ready, &byte, 1) != 1) ::_exit(4);
      for (;;) ::pause();  // until killed
      return Status();
    });
    (void)store.value()->finish_plan(f.plan, R"({"routes":64})", output_files(64, 256 * 1024),
                                     "2026-11-23T18:30:00Z");
    ::_exit(5);  // not reached
  }
  ::close(pipe_fds[1]);
  pollfd ready{pipe_fds[0], POLLIN, 0};
  const int polled = ::poll(&ready, 1, 60000);
  char byte = 0;
  const bool in_the_middle = polled == 1 && ::read(pipe_fds[0], &byte, 1) == 1;
  ::close(pipe_fds[0]);
  ::kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(in_the_middle) << "the child did not reach the middle of the write (exit status "
                             << (WIFEXITED(status) ? WEXITSTATUS(status) : -1) << ")";
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  if (GetParam() == Backend::kSqlite) {
    // The uncommitted pages did reach the file (the write-ahead log), so the test is real.
    const std::string path = url().substr(std::string("sqlite:").size());
    EXPECT_GT(std::filesystem::file_size(path + "-wal"), 4u * 1024 * 1024);
  }

  store_ = must(open_store(url()), "reopen");
  expect_untouched(store(), f.plan);
  EXPECT_EQ(count_rows(url(), "plan_files"), 0);
  EXPECT_EQ(must(store().list_audit(10, 0), "audit").size(), 1u);
  EXPECT_EQ(must(store().list_datasets(""), "datasets").size(), 3u);
  if (GetParam() == Backend::kSqlite) {
    const SqlRows check = must(connect(url())->query("PRAGMA integrity_check"), "check");
    EXPECT_EQ(check.at(0).text(0), "ok");
  }
  // And the store takes the write now.
  ASSERT_TRUE(store().finish_plan(f.plan, "{}", output_files(3, 100), "").ok());
  EXPECT_EQ(count_rows(url(), "plan_files"), 3);
}

TEST_P(StoreTransactionsTest, EightThreadsShareOneStore) {
  const std::int64_t user = must(store().add_user(make_user("amina")), "user");
  constexpr int kThreads = 8;
  constexpr int kWrites = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string borough = fmt::format("Borough{}", t);
      for (int i = 0; i < kWrites; ++i) {
        AuditEntry entry{0, "", user, "amina", "read pupils", borough, fmt::format("{}/{}", t, i)};
        if (!store().append_audit(entry).ok()) ++failures;
        if (!store().add_dataset(make_dataset(borough, "pupils", fmt::format("{}", i))).ok()) {
          ++failures;
        }
        Result<std::optional<Dataset>> latest = store().latest_dataset(borough, "pupils");
        if (!latest.ok() || !latest.value() || latest.value()->content != fmt::format("{}", i)) {
          ++failures;
        }
        if (!store().list_audit(5, 0).ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);

  const std::vector<AuditEntry> audit = must(store().list_audit(1000, 0), "audit");
  ASSERT_EQ(audit.size(), static_cast<std::size_t>(kThreads * kWrites));
  std::set<std::string> details;
  std::set<std::int64_t> ids;
  for (const AuditEntry& entry : audit) {
    details.insert(entry.detail);
    ids.insert(entry.id);
  }
  EXPECT_EQ(details.size(), audit.size());
  EXPECT_EQ(ids.size(), audit.size());
  EXPECT_EQ(must(store().list_datasets(""), "datasets").size(),
            static_cast<std::size_t>(kThreads * kWrites));
}

TEST_P(StoreTransactionsTest, StoresInSeveralThreadsShareOneDatabase) {
  constexpr int kStores = 4;
  constexpr int kWrites = 20;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int s = 0; s < kStores; ++s) {
    threads.emplace_back([&, s] {
      Result<std::unique_ptr<Store>> own = open_store(url());
      if (!own.ok()) {
        ++failures;
        return;
      }
      for (int i = 0; i < kWrites; ++i) {
        const std::string name = fmt::format("user-{}-{}", s, i);
        if (!own.value()->add_user(make_user(name)).ok()) ++failures;
        if (!own.value()->find_user(name).ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(must(store().list_users(), "users").size(),
            static_cast<std::size_t>(kStores * kWrites));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTransactionsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backend_name);

}  // namespace
}  // namespace sendplan::store::testing
