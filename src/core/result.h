// Result<T>: a value or an Error (GCC 12 has no std::expected). Check ok() before value().
#pragma once

#include <cassert>
#include <utility>

#include "core/error.h"
#include "core/value_or.h"

namespace sendplan {

template <typename T>
class [[nodiscard]] Result : public ValueOr<T, Error> {
 public:
  using ValueOr<T, Error>::ValueOr;
  const Error& error() const { return this->alternative(); }
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT: implicit by design
  static Status success() { return Status(); }

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    assert(failed_);
    return error_;
  }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace sendplan
