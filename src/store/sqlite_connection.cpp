// SqliteConnection: SqlConnection on the sqlite3 C API.
#include "store/sqlite_connection.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <string_view>
#include <thread>
#include <utility>

namespace sendplan::store {

namespace {

// Owns a prepared statement.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
  Statement(Statement&& other) noexcept : statement_(std::exchange(other.statement_, nullptr)) {}
  Statement& operator=(Statement&&) = delete;
  ~Statement() { sqlite3_finalize(statement_); }

  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_;
};

bool only_space(std::string_view text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

class SqliteConnection final : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status execute_script(const std::string& sql) override {
    char* message = nullptr;
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);  // the same text as sqlite3_errmsg, which error() reads
    if (code != SQLITE_OK) return error(code);
    return {};
  }

  Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) override {
    Result<Statement> statement = prepare(sql, params);
    if (!statement.ok()) return statement.error();
    for (;;) {
      const int code = sqlite3_step(statement.value().get());
      if (code == SQLITE_DONE) break;
      if (code != SQLITE_ROW) return error(code);
    }
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Result<SqlRows> query(std::string_view sql, const SqlParams& params) override {
    Result<Statement> statement = prepare(sql, params);
    if (!statement.ok()) return statement.error();
    sqlite3_stmt* stmt = statement.value().get();
    const int columns = sqlite3_column_count(stmt);
    SqlRows rows;
    for (;;) {
      const int code = sqlite3_step(stmt);
      if (code == SQLITE_DONE) break;
      if (code != SQLITE_ROW) return error(code);
      std::vector<SqlRow::Cell> cells;
      cells.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) cells.push_back(cell(stmt, c));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  Status begin() override { return execute_script("BEGIN IMMEDIATE"); }
  Status commit() override { return execute_script("COMMIT"); }
  Status rollback() override {
    // SQLite ends the transaction itself after some errors (e.g. a full disk).
    if (sqlite3_get_autocommit(db_) != 0) return {};
    return execute_script("ROLLBACK");
  }

 private:
  Error error(int code) const {
    const int primary = code & 0xff;
    const ErrorCode kind =
        (primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH || primary == SQLITE_TOOBIG)
            ? ErrorCode::kInvalidArgument
            : ErrorCode::kIo;
    // SQLite's messages name tables, columns and constraints, not values.
    return make_error(kind, fmt::format("SQLite: {}", sqlite3_errmsg(db_)));
  }

  Result<Statement> prepare(std::string_view sql, const SqlParams& params) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    Statement statement(raw);
    if (code != SQLITE_OK) return error(code);
    const std::size_t used =
        tail != nullptr ? static_cast<std::size_t>(tail - sql.data()) : sql.size();
    if (raw == nullptr || !only_space(sql.substr(used))) {
      return make_error(ErrorCode::kInternal, "SQLite: expected exactly one statement");
    }
    if (static_cast<std::size_t>(sqlite3_bind_parameter_count(raw)) != params.size()) {
      return make_error(ErrorCode::kInternal,
                        fmt::format("SQLite: the statement has {} parameters, {} given",
                                    sqlite3_bind_parameter_count(raw), params.size()));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int bound = bind(raw, static_cast<int>(i) + 1, params[i]);
      if (bound != SQLITE_OK) return error(bound);
    }
    return statement;
  }

  static int bind(sqlite3_stmt* stmt, int index, const SqlParam& param) {
    const std::string_view bytes = param.bytes();
    switch (param.kind()) {
      case SqlParam::Kind::kNull:
        return sqlite3_bind_null(stmt, index);
      case SqlParam::Kind::kInteger:
        return sqlite3_bind_int64(stmt, index, param.integer());
      case SqlParam::Kind::kReal:
        return sqlite3_bind_double(stmt, index, param.real());
      case SqlParam::Kind::kText:
        // The views outlive the statement's execution, so SQLite need not copy them.
        return sqlite3_bind_text64(stmt, index, bytes.empty() ? "" : bytes.data(), bytes.size(),
                                   SQLITE_STATIC, SQLITE_UTF8);
      case SqlParam::Kind::kBlob:
        // A null pointer would bind NULL, not an empty blob.
        if (bytes.empty()) return sqlite3_bind_zeroblob(stmt, index, 0);
        return sqlite3_bind_blob64(stmt, index, bytes.data(), bytes.size(), SQLITE_STATIC);
    }
    return SQLITE_MISUSE;
  }

  static SqlRow::Cell cell(sqlite3_stmt* stmt, int column) {
    switch (sqlite3_column_type(stmt, column)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, column));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
      case SQLITE_TEXT: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, column));
        return text == nullptr ? std::string() : std::string(text, size);
      }
      case SQLITE_BLOB: {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, column));
        return data == nullptr ? std::string() : std::string(data, size);
      }
      default:
        return std::monostate{};
    }
  }

  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_sqlite(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_close_v2(db);
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot open SQLite database {}: {}", path, reason));
  }
  auto connection = std::make_unique<SqliteConnection>(db);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);
  // The journal mode is the first statement that reads the file: a file that is not a database
  // fails here. An in-memory database keeps its "memory" journal. Switching a new file to WAL
  // while another connection writes it (stores opened together, one migrating) can answer
  // "database is locked" at once, without the busy handler: it is tried again for up to 5 s.
  Result<SqlRows> mode = connection->query("PRAGMA journal_mode = WAL", {});
  for (int retry = 0;
       retry < 250 && !mode.ok() && (sqlite3_extended_errcode(db) & 0xff) == SQLITE_BUSY; ++retry) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    mode = connection->query("PRAGMA journal_mode = WAL", {});
  }
  Status keys = mode.ok() ? connection->execute_script("PRAGMA foreign_keys = ON") : Status();
  const Error* failure = !mode.ok() ? &mode.error() : !keys.ok() ? &keys.error() : nullptr;
  if (failure != nullptr) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot open SQLite database {}: {}", path, failure->message));
  }
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace sendplan::store
