// A jurisdiction's time zone, read from the system's compiled zoneinfo files (TZif, RFC 8536,
// versions 1 to 4) rather than from ICU's built-in copy, which is frozen at the library's
// release (Debian updates tzdata; see docs/decisions.md).
//
// Invariants of a loaded TimeZone (load/parse throw TimeZoneError otherwise):
// - the name is a relative IANA-style name: letters, digits, '_', '-', '+', '/'; no empty,
//   "." or ".." component; it cannot name a file outside the zoneinfo directory;
// - the file passed every check of RFC 8536 section 3 (counts, sizes, ascending transitions,
//   indices in range) and carries no leap-second records (the "right/" zones are refused);
// - the footer's POSIX TZ string, when present, was parsed completely; it decides the offset
//   of every instant at or after the last transition (or of all instants when the file lists
//   no transition).
// A TimeZone is immutable after load: every member function is const and touches no shared
// state, so one instance may be shared by all threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace qorgau::core {

// An unknown zone, an invalid name, or an unreadable, truncated or corrupt zoneinfo file.
struct TimeZoneError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The rule of a POSIX TZ string ("<+05>-5", "CET-1CEST,M3.5.0,M10.5.0/3"): a standard offset
// and, optionally, a daylight-saving offset with the yearly rules that switch between them.
struct PosixZoneRule {
  // A day of the year: Jn (1..365, 29 February never counted), n (0..365, counted) or
  // Mm.w.d (weekday d, 0 = Sunday, of week w, 5 = last, of month m).
  struct Day {
    enum class Kind { kJulianNoLeap, kZeroBased, kMonthWeekDay } kind{};
    int day{};      // Jn / n
    int month{};    // Mm.w.d
    int week{};     // Mm.w.d
    int weekday{};  // Mm.w.d
  };
  struct Change {
    Day day;
    std::int64_t seconds_after_midnight = 7200;  // local time in effect before the change
  };
  std::int64_t std_offset_seconds = 0;  // east of UTC is positive (the inverse of POSIX)
  bool has_dst = false;
  std::int64_t dst_offset_seconds = 0;
  Change dst_start;
  Change dst_end;

  // Throws TimeZoneError for anything but a complete, valid TZ string.
  static PosixZoneRule parse(std::string_view text);
  std::int64_t utc_offset_seconds(std::int64_t utc_seconds) const;
};

class TimeZone {
 public:
  static constexpr const char* kSystemDirectory = "/usr/share/zoneinfo";

  // Reads `directory`/`name`. Throws TimeZoneError naming the zone for an invalid name, an
  // unknown zone or a bad file.
  static TimeZone load(std::string_view name,
                       const std::filesystem::path& directory = kSystemDirectory);
  // Parses the bytes of a TZif file for the zone `name`; throws TimeZoneError.
  static TimeZone parse(std::string_view name, std::string_view tzif);

  const std::string& name() const { return name_; }

  // The zone's offset from UTC at that instant (daylight saving included), in seconds.
  std::int64_t utc_offset_seconds(std::int64_t utc_ms) const;
  // The wall-clock time at that instant, as milliseconds since the epoch of the local calendar.
  std::int64_t local_wall_ms(std::int64_t utc_ms) const;
  // The local calendar date at that instant.
  std::chrono::year_month_day local_date(std::int64_t utc_ms) const;
  // The first UTC instant (ms) whose local date is `date`: local midnight, or, when midnight
  // falls in a gap, the change that skips it. Where a change moves clocks back across
  // midnight, the earlier midnight.
  std::int64_t local_day_start_utc_ms(std::chrono::year_month_day date) const;
  // The instant the local day `date` ends: the start of the next local day (exclusive).
  std::int64_t local_day_end_utc_ms(std::chrono::year_month_day date) const;

 private:
  TimeZone() = default;

  std::string name_;
  std::vector<std::int64_t> transitions_;        // UTC seconds, strictly ascending
  std::vector<std::int64_t> transition_offset_;  // offset in effect from transitions_[i]
  std::int64_t initial_offset_ = 0;              // before the first transition (type 0)
  std::optional<PosixZoneRule> footer_;
};

}  // namespace qorgau::core
