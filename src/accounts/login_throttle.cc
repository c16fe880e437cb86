#include "accounts/login_throttle.h"

namespace qorgau::accounts {

bool LoginThrottle::allow(const std::string& address) {
  std::lock_guard lock(mutex_);
  core::TimePoint now = clock_.now();
  auto& times = attempts_[address];
  while (!times.empty() && now - times.front() >= window_) times.pop_front();
  if (static_cast<int>(times.size()) >= limit_) return false;
  times.push_back(now);
  if (attempts_.size() > 100'000) {
    // Bound memory under a flood of distinct addresses: forget idle ones.
    std::erase_if(attempts_, [&](const auto& kv) {
      return kv.second.empty() || now - kv.second.back() >= window_;
    });
  }
  return true;
}

}  // namespace qorgau::accounts
