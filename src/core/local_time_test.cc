#include "core/local_time.h"

#include <gtest/gtest.h>

namespace qorgau::core {
namespace {

// 2026-03-01T17:10:00Z
constexpr std::int64_t kInstant = 1772385000000;

TEST(LocalTime, ShowsTheZonesCivilTimeWithItsOffset) {
  EXPECT_EQ(format_local_minutes(kInstant, "Asia/Tashkent"), "2026-03-01 22:10 (UTC+05:00)");
  EXPECT_EQ(format_local_minutes(kInstant, "America/New_York"), "2026-03-01 12:10 (UTC-05:00)");
  EXPECT_EQ(format_local_minutes(kInstant, "Asia/Kolkata"), "2026-03-01 22:40 (UTC+05:30)");
}

TEST(LocalTime, AnUnknownZoneIsUtcAndSaysSo) {
  EXPECT_EQ(zone_offset_ms(kInstant, "No/Such_Zone"), 0);
  EXPECT_EQ(format_local_minutes(kInstant, "No/Such_Zone"), "2026-03-01 17:10 (UTC+00:00)");
}

}  // namespace
}  // namespace qorgau::core
