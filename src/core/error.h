// Error: what went wrong, where, and the one code that maps to the CLI exit code (and, later,
// the HTTP status and JSON error body). Expected failures travel as Result<T>; nothing in the
// search loop throws.
#pragma once

#include <string>

namespace sendplan {

enum class ErrorCode {
  kInvalidArgument,  // a command-line or API argument is wrong
  kParse,            // an input file is malformed (file, line, column say where)
  kInvalidInput,     // the file parses but the data is impossible (negative capacity, ...)
  kNotFound,         // a file or record does not exist
  kIo,               // reading or writing failed
  kInfeasible,       // the problem has no feasible answer for some part
  kInternal,         // a bug: should never happen
};

// Where an error was found: the file and, when known, the 1-based line and column.
struct SourceLocation {
  std::string file;
  int line = 0;    // 0 = unknown
  int column = 0;  // 0 = unknown
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  SourceLocation where;

  // "file:line:column: message" (parts that are unknown are left out).
  std::string to_string() const;
};

// Process exit code for an error code (0 is success; 1 is left for "ran, but infeasible parts").
int exit_code(ErrorCode code);
// A short stable name, e.g. "parse_error", for JSON bodies.
const char* error_name(ErrorCode code);

Error make_error(ErrorCode code, std::string message, SourceLocation where = {});

}  // namespace sendplan
