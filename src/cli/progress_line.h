// ProgressLine: one status line on stderr, redrawn in place with '\r' at most ~4 times a second
// and erased by clear(). Disabled (prints nothing) unless stderr is a terminal. Thread-safe: the
// solver calls update() from its own thread(s).
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "solver/solve.h"

namespace sendplan::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool enabled() const { return enabled_; }
  // Text shown before the solver's progress, e.g. "solving a2-16 (3/48)...". Drawn at once.
  void set_prefix(std::string prefix);
  // Redraws with the solver's progress unless the last redraw was less than 250 ms ago.
  void update(const solver::Progress& progress);
  // Redraws with `text` unless the last redraw was less than 250 ms ago.
  void show(const std::string& text);
  // Erases the line (call before printing anything else).
  void clear();

  // "best cost 301.52, 2 unserved, 1234 iterations, 2.3 s" (the unserved part only when > 0).
  static std::string describe(const solver::Progress& progress);

 private:
  void draw_locked(const std::string& text);

  bool enabled_;
  std::mutex mutex_;
  std::string prefix_;
  size_t drawn_width_ = 0;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace sendplan::cli
