// Stored instants (Unix milliseconds, UTC) shown as the civil time of a jurisdiction's time
// zone. The zone's rules come from the system's zoneinfo (core/time_zone.h), the one place that
// converts between UTC and local time.
#pragma once

#include <cstdint>
#include <string>

#include "core/time_zone.h"

namespace qorgau::core {

// "2026-03-01 22:10 (UTC+05:00)": the civil time in `zone`, with its offset.
std::string format_local_minutes(std::int64_t unix_ms, const TimeZone& zone);

}  // namespace qorgau::core
