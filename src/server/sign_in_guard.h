// Password guessing, slowed: sign-in throttling per account and per client address with
// exponential backoff, and a bound on password checks running at once (each argon2id check takes
// 64 MiB and ~0.1 s of a core; 40 at once took 1.9 GB and stalled the health check).
//
// An account (or an address) may fail `free_failures` times; each further failure locks it for
// base_delay × 2^(failures − free_failures − 1), at most max_delay. While locked, every sign-in
// for it is refused with the seconds left (429, Retry-After) before any password is checked, so
// the right password does not get through a lock either. A success clears the account's
// failures (not the address's: an attacker's own account must not unlock the address). Failures
// are forgotten after forget_after without one. With the defaults an account allows 5 guesses
// at once, then about 11 more in the first hour and about 4 an hour after that; an address 20,
// then the same backoff.
//
// Unknown usernames are throttled like real ones (no telling which exist). The cost: anyone can
// lock an account out for up to max_delay by failing on purpose; an administrator's password
// reset of the account clears it at once. Memory is bounded: at most max_tracked accounts and as
// many addresses are remembered (the oldest are forgotten first). Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace sendplan::server {

struct SignInGuardSettings {
  int free_failures = 5;               // per account, before backoff
  int free_failures_per_address = 20;  // per client address, before backoff
  std::chrono::seconds base_delay{1};
  std::chrono::seconds max_delay{15 * 60};
  std::chrono::seconds forget_after{60 * 60};
  int max_concurrent_checks = 2;               // argon2id checks at once
  std::chrono::milliseconds check_wait{3000};  // a sign-in waits this long for a check slot
  std::size_t max_tracked = 100'000;
};

class SignInGuard {
 public:
  using Clock = std::chrono::steady_clock;

  explicit SignInGuard(SignInGuardSettings settings = {}) : settings_(settings) {}

  // Seconds (≥ 1) until `username` (any case) or `address` may try again, or nullopt to go on.
  std::optional<int> locked_for(const std::string& username, const std::string& address,
                                Clock::time_point now = Clock::now());
  // Records a failure; returns the seconds the account or address is now locked for (0: not).
  int failed(const std::string& username, const std::string& address,
             Clock::time_point now = Clock::now());
  void succeeded(const std::string& username);
  // Clears an account's failures (an administrator's unlock).
  void clear(const std::string& username);

  // A place to run one password check; released when destroyed.
  class Slot {
   public:
    explicit Slot(SignInGuard* guard) : guard_(guard) {}
    Slot(Slot&& other) noexcept : guard_(other.guard_) { other.guard_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    ~Slot();

   private:
    SignInGuard* guard_;
  };
  // Waits up to check_wait for a slot; nullopt when none came free (answer 503).
  std::optional<Slot> check_slot();

  const SignInGuardSettings& settings() const { return settings_; }

 private:
  struct Failures {
    int count = 0;
    Clock::time_point last;
    Clock::time_point locked_until;
  };
  // The seconds `key` is now locked for (0: not).
  int record(std::map<std::string, Failures>& table, const std::string& key, int free,
             Clock::time_point now);
  std::optional<int> seconds_locked(std::map<std::string, Failures>& table, const std::string& key,
                                    Clock::time_point now);
  void prune(std::map<std::string, Failures>& table, Clock::time_point now);

  SignInGuardSettings settings_;
  std::mutex mutex_;
  std::map<std::string, Failures> accounts_;
  std::map<std::string, Failures> addresses_;
  std::condition_variable slot_free_;
  int checks_running_ = 0;
};

}  // namespace sendplan::server
