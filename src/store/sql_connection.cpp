// SqlParam, SqlRow conversions and the statement helpers (transactions, one row changed,
// placeholders).
#include "store/sql_connection.h"

#include <fmt/format.h>

#include <charconv>

namespace sendplan::store {

SqlParam SqlParam::blob(std::string_view bytes) {
  SqlParam param;
  param.kind_ = Kind::kBlob;
  param.bytes_ = bytes;
  return param;
}

bool SqlRow::is_null(std::size_t i) const {
  return std::holds_alternative<std::monostate>(cells_.at(i));
}

std::int64_t SqlRow::integer(std::size_t i) const {
  const Cell& cell = cells_.at(i);
  if (const auto* value = std::get_if<std::int64_t>(&cell)) return *value;
  if (const auto* value = std::get_if<double>(&cell)) return static_cast<std::int64_t>(*value);
  if (const auto* text = std::get_if<std::string>(&cell)) {
    std::int64_t value = 0;
    std::from_chars(text->data(), text->data() + text->size(), value);
    return value;
  }
  return 0;
}

double SqlRow::real(std::size_t i) const {
  const Cell& cell = cells_.at(i);
  if (const auto* value = std::get_if<double>(&cell)) return *value;
  if (const auto* value = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*value);
  if (const auto* text = std::get_if<std::string>(&cell)) {
    double value = 0;
    std::from_chars(text->data(), text->data() + text->size(), value);
    return value;
  }
  return 0;
}

std::string SqlRow::text(std::size_t i) const {
  const Cell& cell = cells_.at(i);
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* value = std::get_if<std::int64_t>(&cell)) return std::to_string(*value);
  if (const auto* value = std::get_if<double>(&cell)) return fmt::format("{}", *value);
  return {};
}

std::string SqlRow::take_text(std::size_t i) {
  if (auto* text = std::get_if<std::string>(&cells_.at(i))) return std::move(*text);
  return this->text(i);
}

Status in_transaction(SqlConnection& connection, const std::function<Status()>& body) {
  if (Status begun = connection.begin(); !begun.ok()) return begun;
  Status status = body();
  if (status.ok()) {
    status = connection.commit();
    if (status.ok()) return status;
  }
  // The body's (or the commit's) error is the one to report; a failed rollback adds nothing
  // the caller can act on (the database discards the transaction when the connection closes).
  (void)connection.rollback();
  return status;
}

Status one_row_changed(const Result<std::int64_t>& changed, const char* missing) {
  if (!changed.ok()) return changed.error();
  if (changed.value() == 0) return make_error(ErrorCode::kNotFound, missing);
  return {};
}

std::string placeholders(std::size_t rows, std::size_t columns) {
  std::string row = "(";
  for (std::size_t c = 0; c < columns; ++c) row += c == 0 ? "?" : ", ?";
  row += ")";
  std::string all;
  for (std::size_t r = 0; r < rows; ++r) {
    if (r > 0) all += ", ";
    all += row;
  }
  return all;
}

}  // namespace sendplan::store
