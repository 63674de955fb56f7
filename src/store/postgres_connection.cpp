// PostgresConnection: SqlConnection on libpqxx 6. libpqxx reports failures as exceptions; they
// are caught here and become Errors, so nothing above this file throws.
#include "store/postgres_connection.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <pqxx/pqxx>
#include <vector>

namespace sendplan::store {

namespace {

// PostgreSQL type oids (pg_type.h) of the columns the store reads.
constexpr pqxx::oid kBoolOid = 16;
constexpr pqxx::oid kByteaOid = 17;
constexpr pqxx::oid kInt8Oid = 20;
constexpr pqxx::oid kInt2Oid = 21;
constexpr pqxx::oid kInt4Oid = 23;
constexpr pqxx::oid kFloat4Oid = 700;
constexpr pqxx::oid kFloat8Oid = 701;

// The first line of a libpq / server message, without its "ERROR:  " severity prefix.
std::string first_line(const std::string& message) {
  std::string line = message.substr(0, message.find('\n'));
  for (const char* prefix : {"ERROR:  ", "FATAL:  ", "PANIC:  "}) {
    if (line.rfind(prefix, 0) == 0) line.erase(0, std::string_view(prefix).size());
  }
  return line;
}

// A server error: what went wrong without the values. The server puts values in the DETAIL
// line (dropped with the other lines) or after a colon ("invalid input syntax for type bigint:
// \"x\""), which is cut off too.
Error server_error(const pqxx::sql_error& error) {
  std::string text = first_line(error.what());
  if (const std::size_t colon = text.find(": "); colon != std::string::npos) text.erase(colon);
  const std::string state = error.sqlstate();
  // Class 23: integrity constraint violation; class 22: data exception (e.g. bad UTF-8).
  const bool invalid = state.rfind("23", 0) == 0 || state.rfind("22", 0) == 0;
  return make_error(invalid ? ErrorCode::kInvalidArgument : ErrorCode::kIo,
                    fmt::format("PostgreSQL: {} (SQLSTATE {})", text, state));
}

std::string hex_bytea(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 + 2 * bytes.size());
  text += "\\x";
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    text += kDigits[byte >> 4];
    text += kDigits[byte & 0x0f];
  }
  return text;
}

// The parameters as libpq text values (nullptr = NULL).
class TextParams {
 public:
  Status add(const SqlParam& param) {
    switch (param.kind()) {
      case SqlParam::Kind::kNull:
        values_.emplace_back(std::nullopt);
        break;
      case SqlParam::Kind::kInteger:
        values_.emplace_back(std::to_string(param.integer()));
        break;
      case SqlParam::Kind::kReal:
        values_.emplace_back(fmt::format("{}", param.real()));  // shortest exact form
        break;
      case SqlParam::Kind::kText:
        if (param.bytes().find('\0') != std::string_view::npos) {
          return make_error(ErrorCode::kInvalidArgument,
                            "PostgreSQL: text cannot contain a NUL character");
        }
        values_.emplace_back(std::string(param.bytes()));
        break;
      case SqlParam::Kind::kBlob:
        values_.emplace_back(hex_bytea(param.bytes()));
        break;
    }
    return {};
  }

  std::vector<const char*> pointers() const {
    std::vector<const char*> pointers;
    pointers.reserve(values_.size());
    for (const auto& value : values_) pointers.push_back(value ? value->c_str() : nullptr);
    return pointers;
  }

 private:
  std::vector<std::optional<std::string>> values_;
};

SqlRow::Cell read_cell(const pqxx::field& field, pqxx::oid type) {
  if (field.is_null()) return std::monostate{};
  const char* text = field.c_str();
  const std::size_t size = field.size();
  switch (type) {
    case kInt8Oid:
    case kInt4Oid:
    case kInt2Oid: {
      std::int64_t value = 0;
      std::from_chars(text, text + size, value);
      return value;
    }
    case kFloat8Oid:
    case kFloat4Oid: {
      double value = 0;
      std::from_chars(text, text + size, value);
      return value;
    }
    case kBoolOid:
      return std::int64_t{size > 0 && text[0] == 't' ? 1 : 0};
    case kByteaOid:
      return pqxx::binarystring(field).str();
    default:
      return std::string(text, size);
  }
}

class PostgresConnection final : public SqlConnection {
 public:
  explicit PostgresConnection(std::unique_ptr<pqxx::connection> connection)
      : connection_(std::move(connection)) {}
  ~PostgresConnection() override {
    // An open transaction is rolled back by the server when the session ends.
    try {
      work_.reset();
    } catch (...) {  // NOLINT: a destructor must not throw
    }
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status execute_script(const std::string& sql) override {
    return run([&](pqxx::transaction_base& transaction) { transaction.exec(sql); });
  }

  Result<std::int64_t> execute(std::string_view sql, const SqlParams& params) override {
    pqxx::result result;
    Status status = exec_params(sql, params, result);
    if (!status.ok()) return status.error();
    return static_cast<std::int64_t>(result.affected_rows());
  }

  Result<SqlRows> query(std::string_view sql, const SqlParams& params) override {
    pqxx::result result;
    Status status = exec_params(sql, params, result);
    if (!status.ok()) return status.error();
    const auto columns = result.columns();
    std::vector<pqxx::oid> types;
    for (pqxx::row::size_type c = 0; c < columns; ++c) types.push_back(result.column_type(c));
    SqlRows rows;
    rows.reserve(result.size());
    for (const pqxx::row& row : result) {
      std::vector<SqlRow::Cell> cells;
      cells.reserve(columns);
      for (pqxx::row::size_type c = 0; c < columns; ++c)
        cells.push_back(read_cell(row[c], types[c]));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  Status begin() override {
    if (work_) return make_error(ErrorCode::kInternal, "PostgreSQL: a transaction is open");
    return guard([&] { work_.emplace(*connection_); });
  }

  Status commit() override {
    if (!work_) return make_error(ErrorCode::kInternal, "PostgreSQL: no transaction to commit");
    Status status = guard([&] { work_->commit(); });
    work_.reset();
    return status;
  }

  Status rollback() override {
    if (!work_) return {};
    Status status = guard([&] { work_->abort(); });
    work_.reset();
    return status;
  }

 private:
  Status exec_params(std::string_view sql, const SqlParams& params, pqxx::result& result) {
    TextParams text;
    for (const SqlParam& param : params) {
      if (Status added = text.add(param); !added.ok()) return added;
    }
    const std::vector<const char*> pointers = text.pointers();
    const std::string numbered = number_placeholders(sql);
    return run([&](pqxx::transaction_base& transaction) {
      result = transaction.exec_params(numbered, pqxx::prepare::make_dynamic_params(pointers));
    });
  }

  // Runs `body` in the open transaction, or alone (autocommit) when there is none.
  template <typename Body>
  Status run(Body&& body) {
    return guard([&] {
      if (work_) {
        body(*work_);
      } else {
        pqxx::nontransaction alone(*connection_);
        body(alone);
        alone.commit();
      }
    });
  }

  // Calls `body`, turning libpqxx's exceptions into Errors.
  template <typename Body>
  static Status guard(Body&& body) {
    try {
      body();
      return {};
    } catch (const pqxx::sql_error& error) {
      return server_error(error);
    } catch (const pqxx::broken_connection& error) {
      return make_error(ErrorCode::kIo, fmt::format("PostgreSQL: the connection failed: {}",
                                                    first_line(error.what())));
    } catch (const std::exception& error) {
      return make_error(ErrorCode::kIo, fmt::format("PostgreSQL: {}", first_line(error.what())));
    }
  }

  std::unique_ptr<pqxx::connection> connection_;
  std::optional<pqxx::work> work_;  // the open transaction, if any
};

}  // namespace

std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  char quote = 0;  // the quote we are inside, or 0
  int number = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;  // a doubled quote ('') leaves and re-enters: same result
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += fmt::format("${}", ++number);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& url) {
  std::unique_ptr<pqxx::connection> connection;
  try {
    connection = std::make_unique<pqxx::connection>(url);
  } catch (const std::exception& error) {
    return make_error(ErrorCode::kIo,
                      fmt::format("cannot connect to PostgreSQL: {}", first_line(error.what())));
  }
  auto result = std::make_unique<PostgresConnection>(std::move(connection));
  // Quiet the server's notices (e.g. "relation already exists, skipping"): libpq would print
  // them on stderr.
  if (Status quiet = result->execute_script("SET client_min_messages TO warning"); !quiet.ok()) {
    return make_error(ErrorCode::kIo, fmt::format("cannot set up the PostgreSQL session: {}",
                                                  quiet.error().message));
  }
  return std::unique_ptr<SqlConnection>(std::move(result));
}

}  // namespace sendplan::store
