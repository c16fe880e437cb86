// Per-address throttling of login attempts: at most `limit` attempts from one
// client address in any sliding `window`. Kept in memory (a restart resets
// it; the per-account lockout in the database is the durable defence).
// Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace qorgau::accounts {

class LoginThrottle {
 public:
  LoginThrottle(const core::Clock& clock, int limit, std::chrono::seconds window)
      : clock_(clock), limit_(limit), window_(window) {}

  // Counts an attempt from `address`; false if it is over the limit (the
  // attempt must then be refused without checking the password).
  bool allow(const std::string& address);

 private:
  const core::Clock& clock_;
  int limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<core::TimePoint>> attempts_;
};

}  // namespace qorgau::accounts
