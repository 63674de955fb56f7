// ValueOr<T, E>: a T or an E, the storage and value accessors that Result<T> (E = Error) and
// Checked<T, P> (E = the list of problems) share. Check ok() before value().
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace sendplan {

template <typename T, typename E>
class ValueOr {
 public:
  ValueOr(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  ValueOr(E error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<T>(state_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(state_));
  }

 protected:
  const E& alternative() const {
    assert(!ok());
    return std::get<E>(state_);
  }

 private:
  std::variant<T, E> state_;
};

}  // namespace sendplan
