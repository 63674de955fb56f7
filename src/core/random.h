// Random: the one seeded generator every random choice comes from (passed in, never global).
// Deterministic across platforms for the same seed: uses its own integer-to-range mapping.
#pragma once

#include <cstdint>
#include <random>

namespace sendplan {

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}

  // Uniform integer in [0, bound). bound must be > 0.
  uint32_t below(uint32_t bound) {
    return static_cast<uint32_t>((static_cast<uint64_t>(next32()) * bound) >> 32);
  }
  // Uniform integer in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<uint32_t>(hi - lo + 1)));
  }
  // Uniform double in [0, 1).
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

  uint64_t next64() { return engine_(); }

 private:
  uint32_t next32() { return static_cast<uint32_t>(engine_() >> 32); }
  std::mt19937_64 engine_;
};

}  // namespace sendplan
