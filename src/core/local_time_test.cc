#include "core/local_time.h"

#include <gtest/gtest.h>

namespace qorgau::core {
namespace {

// 2026-03-01T17:10:00Z
constexpr std::int64_t kInstant = 1772385000000;

TEST(LocalTime, ShowsTheZonesCivilTimeWithItsOffset) {
  EXPECT_EQ(format_local_minutes(kInstant, TimeZone::load("Asia/Tashkent")),
            "2026-03-01 22:10 (UTC+05:00)");
  EXPECT_EQ(format_local_minutes(kInstant, TimeZone::load("America/New_York")),
            "2026-03-01 12:10 (UTC-05:00)");
  EXPECT_EQ(format_local_minutes(kInstant, TimeZone::load("Asia/Kolkata")),
            "2026-03-01 22:40 (UTC+05:30)");
  EXPECT_EQ(format_local_minutes(kInstant, TimeZone::load("UTC")), "2026-03-01 17:10 (UTC+00:00)");
}

TEST(LocalTime, AlmatyIsUtcPlusFiveSinceMarch2024) {
  const TimeZone almaty = TimeZone::load("Asia/Almaty");
  EXPECT_EQ(format_local_minutes(kInstant, almaty), "2026-03-01 22:10 (UTC+05:00)");
  // 2024-02-29T12:00:00Z, before the change.
  EXPECT_EQ(format_local_minutes(1709208000000, almaty), "2024-02-29 18:00 (UTC+06:00)");
}

}  // namespace
}  // namespace qorgau::core
