// ProgressLine implementation: '\r' + text, padded with spaces over the previous text.
#include "cli/progress_line.h"

#include <fmt/format.h>

#include <cstdio>

namespace sendplan::cli {

namespace {
constexpr auto kMinRedrawInterval = std::chrono::milliseconds(250);
}  // namespace

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled) {}

ProgressLine::~ProgressLine() {
  clear();
}

void ProgressLine::set_prefix(std::string prefix) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  prefix_ = std::move(prefix);
  draw_locked(prefix_);
}

void ProgressLine::update(const solver::Progress& progress) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (drawn_width_ > 0 && now - last_draw_ < kMinRedrawInterval) return;
  std::string text = describe(progress);
  if (!prefix_.empty()) text = prefix_ + " " + text;
  draw_locked(text);
}

void ProgressLine::show(const std::string& text) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (drawn_width_ > 0 && now - last_draw_ < kMinRedrawInterval) return;
  draw_locked(text);
}

void ProgressLine::clear() {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  if (drawn_width_ == 0) return;
  fmt::print(stderr, "\r{:{}}\r", "", drawn_width_);
  std::fflush(stderr);
  drawn_width_ = 0;
}

std::string ProgressLine::describe(const solver::Progress& progress) {
  std::string unserved =
      progress.best_unserved > 0 ? fmt::format(", {} unserved", progress.best_unserved) : "";
  return fmt::format("best cost {:.2f}{}, {} iterations, {:.1f} s", progress.best_cost, unserved,
                     progress.iterations, progress.elapsed_seconds);
}

void ProgressLine::draw_locked(const std::string& text) {
  size_t pad = drawn_width_ > text.size() ? drawn_width_ - text.size() : 0;
  fmt::print(stderr, "\r{}{:{}}", text, "", pad);
  std::fflush(stderr);
  drawn_width_ = text.size();
  last_draw_ = std::chrono::steady_clock::now();
}

}  // namespace sendplan::cli
