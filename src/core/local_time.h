// Stored instants (Unix milliseconds, UTC) shown as the civil time of a
// jurisdiction's IANA time zone ("Asia/Almaty"), with the zone's rules from
// ICU. An unknown zone falls back to UTC, so a misconfigured zone shows times
// that are labelled as UTC rather than wrong ones.
#pragma once

#include <cstdint>
#include <string>

namespace qorgau::core {

// The zone's offset from UTC at that instant (daylight saving included), in ms.
std::int64_t zone_offset_ms(std::int64_t unix_ms, const std::string& zone);

// "2026-03-01 22:10 (UTC+05:00)": the civil time in `zone`, with its offset.
std::string format_local_minutes(std::int64_t unix_ms, const std::string& zone);

}  // namespace qorgau::core
