#include "core/calendar_day.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace qorgau::core {

namespace {

// `part` read as an unsigned decimal number made of digits only (from_chars alone would take
// a leading '-' for a signed target).
template <typename Number>
bool read_digits(std::string_view part, Number& out) {
  if (!std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), out);
  return error == std::errc() && end == part.data() + part.size();
}

}  // namespace

std::string format_day(std::chrono::year_month_day day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

std::string format_day_for_reader(std::chrono::year_month_day day, Language language) {
  static constexpr const char* kEnglishMonths[] = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
  auto month = static_cast<unsigned>(day.month());
  char text[40];
  if (language == Language::kEn && month >= 1 && month <= 12) {
    std::snprintf(text, sizeof text, "%u %s %04d", static_cast<unsigned>(day.day()),
                  kEnglishMonths[month - 1], static_cast<int>(day.year()));
  } else {
    std::snprintf(text, sizeof text, "%02u.%02u.%04d", static_cast<unsigned>(day.day()), month,
                  static_cast<int>(day.year()));
  }
  return text;
}

std::optional<std::chrono::year_month_day> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!read_digits(text.substr(0, 4), year) || !read_digits(text.substr(5, 2), month) ||
      !read_digits(text.substr(8, 2), day)) {
    return std::nullopt;
  }
  std::chrono::year_month_day parsed{std::chrono::year(year), std::chrono::month(month),
                                     std::chrono::day(day)};
  if (!parsed.ok()) return std::nullopt;
  return parsed;
}

}  // namespace qorgau::core
