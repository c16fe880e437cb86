#include "core/local_time.h"

#include <chrono>
#include <cstdio>

namespace qorgau::core {

std::string format_local_minutes(std::int64_t unix_ms, const TimeZone& zone) {
  using namespace std::chrono;
  const std::int64_t offset_seconds = zone.utc_offset_seconds(unix_ms);
  sys_time<milliseconds> local{milliseconds(zone.local_wall_ms(unix_ms))};
  auto day = floor<days>(local);
  year_month_day date(day);
  hh_mm_ss<milliseconds> time(local - day);
  const std::int64_t offset_minutes = (offset_seconds < 0 ? -offset_seconds : offset_seconds) / 60;
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u %02ld:%02ld (UTC%c%02ld:%02ld)",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()), offset_seconds < 0 ? '-' : '+',
                static_cast<long>(offset_minutes / 60), static_cast<long>(offset_minutes % 60));
  return out;
}

}  // namespace qorgau::core
