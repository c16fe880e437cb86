// Calendar days written as text, "YYYY-MM-DD": the one format the API, the store and the
// reports use for a day without a time (birth dates, order terms, due dates, report ranges).
//
// Invariants: parse_day() accepts exactly ten characters, four digits, '-', two digits, '-',
// two digits, naming a real day of the proleptic Gregorian calendar (no sign, no spaces, no
// 2026-02-30); everything else is nullopt. format_day() writes a day of the years 0000 to 9999
// in that form, so parse_day(format_day(d)) == d for each of them. format_day_for_reader()
// is only for text people read (messages to her), never for anything parsed back.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/language.h"

namespace qorgau::core {

// "2026-03-01".
std::string format_day(std::chrono::year_month_day day);

// A day as people write it in `language`: "21.12.2026" in Kazakh and Russian (the dotted
// day.month.year of both), "21 December 2026" in English.
std::string format_day_for_reader(std::chrono::year_month_day day, Language language);

// A real calendar day written YYYY-MM-DD, or nullopt.
std::optional<std::chrono::year_month_day> parse_day(std::string_view text);

}  // namespace qorgau::core
