// Time, as the server sees it. Stored times are milliseconds since the Unix
// epoch in UTC (BIGINT); they are shown to people in their time zone by the
// client. Code that decides by time (idle timeouts, lockouts) takes a Clock so
// tests can move time instead of sleeping.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace qorgau::core {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  std::int64_t now_ms() const;
};

class SystemClock : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that moves only when told to (tests).
class ManualClock : public Clock {
 public:
  explicit ManualClock(TimePoint start) : ms_(to_ms(start)) {}
  TimePoint now() const override { return TimePoint(std::chrono::milliseconds(ms_.load())); }
  void advance(std::chrono::milliseconds by) { ms_ += by.count(); }

 private:
  static std::int64_t to_ms(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  }
  std::atomic<std::int64_t> ms_;
};

std::int64_t to_unix_ms(TimePoint t);
// "2026-11-21T12:00:00.123Z"
std::string format_iso8601_utc(std::int64_t unix_ms);

}  // namespace qorgau::core
