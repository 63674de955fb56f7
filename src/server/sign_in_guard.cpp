#include "server/sign_in_guard.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/text.h"

namespace sendplan::server {

std::optional<int> SignInGuard::seconds_locked(std::map<std::string, Failures>& table,
                                               const std::string& key, Clock::time_point now) {
  const auto found = table.find(key);
  if (found == table.end()) return std::nullopt;
  if (now - found->second.last > settings_.forget_after) {
    table.erase(found);
    return std::nullopt;
  }
  if (now >= found->second.locked_until) return std::nullopt;
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(found->second.locked_until - now);
  return std::max(1, static_cast<int>((left.count() + 999) / 1000));
}

std::optional<int> SignInGuard::locked_for(const std::string& username, const std::string& address,
                                           Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const std::optional<int> account = seconds_locked(accounts_, to_lower(username), now);
  const std::optional<int> from = seconds_locked(addresses_, address, now);
  if (!account) return from;
  if (!from) return account;
  return std::max(*account, *from);
}

int SignInGuard::record(std::map<std::string, Failures>& table, const std::string& key, int free,
                        Clock::time_point now) {
  if (table.size() >= settings_.max_tracked) prune(table, now);
  Failures& failures = table[key];
  if (failures.count > 0 && now - failures.last > settings_.forget_after) failures = {};
  ++failures.count;
  failures.last = now;
  if (failures.count > free) {
    const int doublings = std::min(failures.count - free - 1, 30);
    const auto delay = std::min<std::chrono::seconds>(
        settings_.max_delay, settings_.base_delay * (std::int64_t{1} << doublings));
    failures.locked_until = now + delay;
    return static_cast<int>(delay.count());
  }
  return 0;
}

void SignInGuard::prune(std::map<std::string, Failures>& table, Clock::time_point now) {
  for (auto it = table.begin(); it != table.end();)
    it = now - it->second.last > settings_.forget_after ? table.erase(it) : std::next(it);
  // Still full: forget the oldest half.
  if (table.size() >= settings_.max_tracked) {
    std::vector<Clock::time_point> times;
    times.reserve(table.size());
    for (const auto& [key, failures] : table) times.push_back(failures.last);
    std::nth_element(times.begin(), times.begin() + long(times.size() / 2), times.end());
    const Clock::time_point middle = times[times.size() / 2];
    for (auto it = table.begin(); it != table.end();)
      it = it->second.last <= middle ? table.erase(it) : std::next(it);
  }
}

int SignInGuard::failed(const std::string& username, const std::string& address,
                        Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const int account = record(accounts_, to_lower(username), settings_.free_failures, now);
  const int from = record(addresses_, address, settings_.free_failures_per_address, now);
  return std::max(account, from);
}

void SignInGuard::succeeded(const std::string& username) {
  clear(username);
}

void SignInGuard::clear(const std::string& username) {
  std::lock_guard lock(mutex_);
  accounts_.erase(to_lower(username));
}

SignInGuard::Slot::~Slot() {
  if (guard_ == nullptr) return;
  {
    std::lock_guard lock(guard_->mutex_);
    --guard_->checks_running_;
  }
  guard_->slot_free_.notify_one();
}

std::optional<SignInGuard::Slot> SignInGuard::check_slot() {
  std::unique_lock lock(mutex_);
  if (!slot_free_.wait_for(lock, settings_.check_wait,
                           [&] { return checks_running_ < settings_.max_concurrent_checks; }))
    return std::nullopt;
  ++checks_running_;
  return Slot(this);
}

}  // namespace sendplan::server
