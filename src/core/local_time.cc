#include "core/local_time.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace qorgau::core {

std::int64_t zone_offset_ms(std::int64_t unix_ms, const std::string& zone) {
  std::unique_ptr<icu::TimeZone> tz(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  if (!tz || *tz == icu::TimeZone::getUnknown()) return 0;
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(unix_ms), /*local=*/false, raw, dst, status);
  return U_SUCCESS(status) ? std::int64_t{raw} + dst : 0;
}

std::string format_local_minutes(std::int64_t unix_ms, const std::string& zone) {
  using namespace std::chrono;
  const std::int64_t offset = zone_offset_ms(unix_ms, zone);
  sys_time<milliseconds> local{milliseconds(unix_ms + offset)};
  auto day = floor<days>(local);
  year_month_day date(day);
  hh_mm_ss<milliseconds> time(local - day);
  const std::int64_t offset_minutes = (offset < 0 ? -offset : offset) / 60000;
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u %02ld:%02ld (UTC%c%02ld:%02ld)",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()), offset < 0 ? '-' : '+',
                static_cast<long>(offset_minutes / 60), static_cast<long>(offset_minutes % 60));
  return out;
}

}  // namespace qorgau::core
