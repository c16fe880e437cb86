#include "core/calendar_day.h"

#include <gtest/gtest.h>

namespace qorgau::core {
namespace {

using std::chrono::year_month_day;
using namespace std::chrono_literals;

TEST(CalendarDay, FormatsWithZeroPadding) {
  EXPECT_EQ(format_day(2026y / 3 / 1), "2026-03-01");
  EXPECT_EQ(format_day(2028y / 12 / 31), "2028-12-31");
  EXPECT_EQ(format_day(std::chrono::year(987) / 7 / 4), "0987-07-04");
}

TEST(CalendarDay, WritesADayAsPeopleReadItInEachLanguage) {
  EXPECT_EQ(format_day_for_reader(2026y / 3 / 1, Language::kKk), "01.03.2026");
  EXPECT_EQ(format_day_for_reader(2026y / 3 / 1, Language::kRu), "01.03.2026");
  EXPECT_EQ(format_day_for_reader(2026y / 3 / 1, Language::kEn), "1 March 2026");
  EXPECT_EQ(format_day_for_reader(2026y / 12 / 21, Language::kEn), "21 December 2026");
}

TEST(CalendarDay, ParsesRealDays) {
  EXPECT_EQ(parse_day("2026-03-01"), year_month_day(2026y / 3 / 1));
  EXPECT_EQ(parse_day("2024-02-29"), year_month_day(2024y / 2 / 29));
  EXPECT_EQ(parse_day("0000-01-01"), year_month_day(std::chrono::year(0) / 1 / 1));
}

TEST(CalendarDay, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(parse_day("2026-02-30"));
  EXPECT_FALSE(parse_day("2025-02-29"));
  EXPECT_FALSE(parse_day("2026-13-01"));
  EXPECT_FALSE(parse_day("2026-00-10"));
  EXPECT_FALSE(parse_day("2026-04-31"));
  EXPECT_FALSE(parse_day("2026-04-00"));
}

TEST(CalendarDay, RejectsAnythingButTheExactShape) {
  EXPECT_FALSE(parse_day(""));
  EXPECT_FALSE(parse_day("2026-1-01"));
  EXPECT_FALSE(parse_day("2026-01-1"));
  EXPECT_FALSE(parse_day("2026-01-011"));
  EXPECT_FALSE(parse_day("2026/01/01"));
  EXPECT_FALSE(parse_day("20260101"));
  EXPECT_FALSE(parse_day(" 2026-01-1"));
  EXPECT_FALSE(parse_day("+202-01-01"));
  EXPECT_FALSE(parse_day("-202-01-01"));
  EXPECT_FALSE(parse_day("2026-+1-01"));
  EXPECT_FALSE(parse_day("2026-01- 1"));
  EXPECT_FALSE(parse_day("2026-01-0a"));
  EXPECT_FALSE(parse_day("2026-01-01T00:00"));
}

TEST(CalendarDay, WhatItWritesItReadsBack) {
  for (auto day : {year_month_day(2026y / 1 / 1), year_month_day(1999y / 12 / 31),
                   year_month_day(2024y / 2 / 29), year_month_day(std::chrono::year(1) / 6 / 9)}) {
    EXPECT_EQ(parse_day(format_day(day)), day) << format_day(day);
  }
}

}  // namespace
}  // namespace qorgau::core
