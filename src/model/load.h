// Load: what a passenger or parcel occupies in a vehicle, in up to kMaxLoadDimensions whole units
// (e.g. dimension 0 = seats, 1 = wheelchair spaces). Unused dimensions stay 0.
#pragma once

#include <array>
#include <cstdint>

namespace sendplan::model {

inline constexpr int kMaxLoadDimensions = 3;

struct Load {
  std::array<int32_t, kMaxLoadDimensions> amount{};

  Load& operator+=(const Load& other) {
    for (int d = 0; d < kMaxLoadDimensions; ++d) amount[d] += other.amount[d];
    return *this;
  }
  Load& operator-=(const Load& other) {
    for (int d = 0; d < kMaxLoadDimensions; ++d) amount[d] -= other.amount[d];
    return *this;
  }
  friend Load operator+(Load a, const Load& b) { return a += b; }
  friend Load operator-(Load a, const Load& b) { return a -= b; }
  friend bool operator==(const Load&, const Load&) = default;

  // True when every dimension fits within `capacity`.
  bool fits_in(const Load& capacity) const {
    for (int d = 0; d < kMaxLoadDimensions; ++d)
      if (amount[d] > capacity.amount[d]) return false;
    return true;
  }
  bool any_negative() const {
    for (int v : amount)
      if (v < 0) return true;
    return false;
  }
  bool empty() const {
    for (int v : amount)
      if (v != 0) return false;
    return true;
  }
  // Component-wise maximum.
  static Load max(const Load& a, const Load& b) {
    Load m;
    for (int d = 0; d < kMaxLoadDimensions; ++d)
      m.amount[d] = a.amount[d] > b.amount[d] ? a.amount[d] : b.amount[d];
    return m;
  }
};

}  // namespace sendplan::model
