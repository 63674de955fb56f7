// SqlConnection: the little the store needs from a database, so that one Store implementation
// (sql_store.h) runs on SQLite and on PostgreSQL. Statements are written once with `?`
// placeholders; a connection for another dialect rewrites them. Values are passed as SqlParam
// (never spliced into the SQL text) and come back as SqlRow cells.
//
// Errors: kInvalidArgument when the statement broke a constraint (unique, foreign key, check,
// not null) or the data is not acceptable to the database (e.g. text PostgreSQL cannot store);
// kIo for everything else. Messages carry the database's error text, never the values.
//
// Not thread-safe: one connection serves one thread at a time (Store holds a mutex).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace sendplan::store {

enum class Dialect { kSqlite, kPostgres };

// One statement parameter. Text and blob views must stay valid until the call returns.
class SqlParam {
 public:
  enum class Kind { kNull, kInteger, kReal, kText, kBlob };

  SqlParam(std::int64_t value) : kind_(Kind::kInteger), integer_(value) {}  // NOLINT: implicit
  SqlParam(int value) : kind_(Kind::kInteger), integer_(value) {}           // NOLINT: implicit
  SqlParam(double value) : kind_(Kind::kReal), real_(value) {}              // NOLINT: implicit
  SqlParam(std::string_view text) : kind_(Kind::kText), bytes_(text) {}     // NOLINT: implicit
  SqlParam(const std::string& text) : kind_(Kind::kText), bytes_(text) {}   // NOLINT: implicit
  SqlParam(const char* text) : kind_(Kind::kText), bytes_(text) {}          // NOLINT: implicit
  static SqlParam null() { return SqlParam(); }
  // Arbitrary bytes (BLOB / BYTEA), stored and returned exactly.
  static SqlParam blob(std::string_view bytes);
  // NULL for 0 (the store's "none" for optional references), else the id.
  static SqlParam id_or_null(std::int64_t id) { return id == 0 ? null() : SqlParam(id); }

  Kind kind() const { return kind_; }
  std::int64_t integer() const { return integer_; }
  double real() const { return real_; }
  std::string_view bytes() const { return bytes_; }  // text or blob

 private:
  SqlParam() = default;

  Kind kind_ = Kind::kNull;
  std::int64_t integer_ = 0;
  double real_ = 0;
  std::string_view bytes_;
};

using SqlParams = std::vector<SqlParam>;

// One result row. A cell is NULL, an integer, a real or bytes (text or blob).
class SqlRow {
 public:
  using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

  explicit SqlRow(std::vector<Cell> cells) : cells_(std::move(cells)) {}

  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const;
  // Conversions: NULL is 0 or ""; text holding a number is parsed (0 when it is not one).
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
  std::string text(std::size_t i) const;
  // Moves the bytes out (for large contents).
  std::string take_text(std::size_t i);

 private:
  std::vector<Cell> cells_;
};

using SqlRows = std::vector<SqlRow>;

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual Dialect dialect() const = 0;
  // Runs a script of statements separated by ';', without parameters (migrations).
  virtual Status execute_script(const std::string& sql) = 0;
  // One statement; returns how many rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const SqlParams& params = {}) = 0;
  // One statement that returns rows.
  virtual Result<SqlRows> query(std::string_view sql, const SqlParams& params = {}) = 0;

  // A write transaction (SQLite takes the write lock at once: BEGIN IMMEDIATE).
  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;
};

// Runs `body` in one write transaction: commits when it succeeds, rolls back when it (or the
// commit) fails and returns its error.
Status in_transaction(SqlConnection& connection, const std::function<Status()>& body);

// The status of a statement that must change one row: its error when it failed, kNotFound
// `missing` (e.g. "no such pool") when it changed none.
Status one_row_changed(const Result<std::int64_t>& changed, const char* missing);

// "(?, ?, ?), (?, ?, ?)" for `rows` rows of `columns` placeholders (one row: "(?, ?, ?)", for
// "x IN (...)").
std::string placeholders(std::size_t rows, std::size_t columns);

}  // namespace sendplan::store
