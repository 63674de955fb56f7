#include "core/error.h"

#include <fmt/format.h>

namespace sendplan {

std::string Error::to_string() const {
  std::string prefix;
  if (!where.file.empty()) {
    prefix = where.file;
    if (where.line > 0) prefix += fmt::format(":{}", where.line);
    if (where.column > 0) prefix += fmt::format(":{}", where.column);
    prefix += ": ";
  }
  return prefix + message;
}

int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 2;
    case ErrorCode::kParse:
      return 3;
    case ErrorCode::kInvalidInput:
      return 4;
    case ErrorCode::kNotFound:
      return 5;
    case ErrorCode::kIo:
      return 6;
    case ErrorCode::kInfeasible:
      return 7;
    case ErrorCode::kInternal:
      return 70;
  }
  return 70;
}

const char* error_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kParse:
      return "parse_error";
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kIo:
      return "io_error";
    case ErrorCode::kInfeasible:
      return "infeasible";
    case ErrorCode::kInternal:
      return "internal_error";
  }
  return "internal_error";
}

Error make_error(ErrorCode code, std::string message, SourceLocation where) {
  return Error{code, std::move(message), std::move(where)};
}

}  // namespace sendplan
