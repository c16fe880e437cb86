#include "core/time_zone.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "testing/temp_dir.h"

namespace qorgau::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kHourMs = kHour * 1000;

// Instants (Unix ms) used below; the zone changes are those of tzdata 2025b (`zdump -v`).
constexpr std::int64_t k2024Feb29Noon = 1709208000000;     // 2024-02-29T12:00Z
constexpr std::int64_t k2024Mar01Noon = 1709294400000;     // 2024-03-01T12:00Z
constexpr std::int64_t kAlmatyChange = 1709229600000;      // 2024-02-29T18:00Z
constexpr std::int64_t kBerlinSummer2024 = 1711846800000;  // 2024-03-31T01:00Z
constexpr std::int64_t kBerlinWinter2024 = 1729990800000;  // 2024-10-27T01:00Z
constexpr std::int64_t kBerlinSummer2045 = 2374102800000;  // 2045-03-26T01:00Z
constexpr std::int64_t kBerlinWinter2045 = 2392851600000;  // 2045-10-29T01:00Z
constexpr std::int64_t k2026Jun01 = 1780272000000;         // 2026-06-01T00:00Z

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const TimeZoneError& e) {
    return e.what();
  }
  return "";
}

TEST(TimeZone, AlmatyMovedToUtcPlusFiveOnTheFirstOfMarch2024) {
  const TimeZone almaty = TimeZone::load("Asia/Almaty");
  EXPECT_EQ(almaty.name(), "Asia/Almaty");
  EXPECT_EQ(almaty.utc_offset_seconds(k2024Feb29Noon), 6 * kHour);
  EXPECT_EQ(almaty.utc_offset_seconds(kAlmatyChange - 1), 6 * kHour);
  EXPECT_EQ(almaty.utc_offset_seconds(kAlmatyChange), 5 * kHour);
  EXPECT_EQ(almaty.utc_offset_seconds(k2024Mar01Noon), 5 * kHour);
  EXPECT_EQ(almaty.utc_offset_seconds(k2026Jun01), 5 * kHour);
  EXPECT_EQ(almaty.utc_offset_seconds(k2026Jun01 + 30LL * 365 * 24 * kHourMs), 5 * kHour);
  // Before the first transition: local mean time, +5:07:48.
  EXPECT_EQ(almaty.utc_offset_seconds(-2524521600000), 5 * kHour + 7 * 60 + 48);
}

TEST(TimeZone, QostanayAlsoMovedToUtcPlusFive) {
  const TimeZone qostanay = TimeZone::load("Asia/Qostanay");
  EXPECT_EQ(qostanay.utc_offset_seconds(k2024Feb29Noon), 6 * kHour);
  EXPECT_EQ(qostanay.utc_offset_seconds(k2024Mar01Noon), 5 * kHour);
  EXPECT_EQ(qostanay.utc_offset_seconds(k2026Jun01), 5 * kHour);
}

TEST(TimeZone, BerlinChangesBothWaysInTheTableAndInTheFooterRule) {
  const TimeZone berlin = TimeZone::load("Europe/Berlin");
  for (auto [summer, winter] : {std::pair{kBerlinSummer2024, kBerlinWinter2024},
                                std::pair{kBerlinSummer2045, kBerlinWinter2045}}) {
    EXPECT_EQ(berlin.utc_offset_seconds(summer - 1), 1 * kHour);
    EXPECT_EQ(berlin.utc_offset_seconds(summer), 2 * kHour);
    EXPECT_EQ(berlin.utc_offset_seconds(winter - 1), 2 * kHour);
    EXPECT_EQ(berlin.utc_offset_seconds(winter), 1 * kHour);
  }
}

TEST(TimeZone, UtcHasNoOffset) {
  const TimeZone utc = TimeZone::load("UTC");
  EXPECT_EQ(utc.utc_offset_seconds(k2026Jun01), 0);
  EXPECT_EQ(utc.local_date(k2026Jun01 - 1), (year_month_day{year{2026}, month{5}, day{31}}));
  EXPECT_EQ(utc.local_day_start_utc_ms(year_month_day{year{2026}, month{6}, day{1}}), k2026Jun01);
}

TEST(TimeZone, LocalDaysOnAlmatysChangeDay) {
  const TimeZone almaty = TimeZone::load("Asia/Almaty");
  const year_month_day feb29{year{2024}, month{2}, day{29}};
  const year_month_day mar01{year{2024}, month{3}, day{1}};
  // 29 February began at midnight +06 and lasted 25 hours: at 24:00 +06 clocks went back to
  // 23:00 +05, so 1 March began at 19:00Z.
  EXPECT_EQ(almaty.local_day_start_utc_ms(feb29), kAlmatyChange - 24 * kHourMs);
  EXPECT_EQ(almaty.local_day_end_utc_ms(feb29), kAlmatyChange + kHourMs);
  EXPECT_EQ(almaty.local_day_start_utc_ms(mar01), kAlmatyChange + kHourMs);
  EXPECT_EQ(almaty.local_date(kAlmatyChange + kHourMs - 1), feb29);
  EXPECT_EQ(almaty.local_date(kAlmatyChange + kHourMs), mar01);
  EXPECT_EQ(almaty.local_wall_ms(k2024Mar01Noon), k2024Mar01Noon + 5 * kHourMs);
}

TEST(TimeZone, LocalDaysOnDaylightSavingDays) {
  const TimeZone berlin = TimeZone::load("Europe/Berlin");
  const year_month_day spring{year{2024}, month{3}, day{31}};
  const year_month_day autumn{year{2024}, month{10}, day{27}};
  EXPECT_EQ(berlin.local_day_start_utc_ms(spring), kBerlinSummer2024 - 2 * kHourMs);
  EXPECT_EQ(berlin.local_day_end_utc_ms(spring) - berlin.local_day_start_utc_ms(spring),
            23 * kHourMs);
  EXPECT_EQ(berlin.local_day_start_utc_ms(autumn), kBerlinWinter2024 - 3 * kHourMs);
  EXPECT_EQ(berlin.local_day_end_utc_ms(autumn) - berlin.local_day_start_utc_ms(autumn),
            25 * kHourMs);

  // Havana changes at midnight: on 10 March 2024 00:00 CST became 01:00 CDT, so the day began
  // at the change (05:00Z); on 3 November 01:00 CDT became 00:00 CST, so midnight came twice
  // and the day began at the first (04:00Z).
  const TimeZone havana = TimeZone::load("America/Havana");
  EXPECT_EQ(havana.local_day_start_utc_ms(year_month_day{year{2024}, month{3}, day{10}}),
            1710046800000);
  EXPECT_EQ(havana.local_day_end_utc_ms(year_month_day{year{2024}, month{3}, day{9}}),
            1710046800000);
  EXPECT_EQ(havana.local_day_start_utc_ms(year_month_day{year{2024}, month{11}, day{3}}),
            1730606400000);
}

TEST(TimeZone, NamesOutsideTheZoneinfoDirectoryAreRefused) {
  for (const char* name : {"", "/etc/localtime", "../etc/passwd", "Asia/../UTC", "Asia//Almaty",
                           "./UTC", "Asia/Almaty ", "Asia\\Almaty", "zone.tab"}) {
    EXPECT_NE(error_of([&] { TimeZone::load(name); }).find("expected"), std::string::npos) << name;
  }
  EXPECT_EQ(error_of([] { TimeZone::load("Asia/Atlantis"); }),
            "time zone 'Asia/Atlantis': unknown zone");
  EXPECT_EQ(error_of([] { TimeZone::load("Asia"); }), "time zone 'Asia': unknown zone");
}

// A TZif file with the given transitions; `footer` is written for versions 2 and later.
std::string tzif(char version, const std::vector<std::int64_t>& transitions,
                 const std::vector<std::uint8_t>& type_of, const std::vector<std::int32_t>& offsets,
                 const std::string& footer) {
  auto be = [](std::int64_t value, int width) {
    std::string out;
    for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
      out.push_back(static_cast<char>((static_cast<std::uint64_t>(value) >> shift) & 0xff));
    }
    return out;
  };
  auto block = [&](int time_size) {
    std::string out = "TZif";
    out.push_back(version);
    out += std::string(15, '\0');
    for (std::size_t count : {std::size_t{0}, std::size_t{0}, std::size_t{0}, transitions.size(),
                              offsets.size(), std::size_t{4}}) {
      out += be(static_cast<std::int64_t>(count), 4);
    }
    for (std::int64_t at : transitions) out += be(at, time_size);
    for (std::uint8_t type : type_of) out.push_back(static_cast<char>(type));
    for (std::int32_t offset : offsets) out += be(offset, 4) + std::string(2, '\0');
    return out + std::string("ABC", 4);
  };
  if (version == '\0') return block(4);
  return block(4) + block(8) + "\n" + footer + "\n";
}

class TimeZoneFiles : public ::testing::Test {
 protected:
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_.path() / name, std::ios::binary) << bytes;
  }
  std::string error_loading(const std::string& name) {
    return error_of([&] { TimeZone::load(name, dir_.path()); });
  }
  qorgau::testing::TempDir dir_;
};

TEST_F(TimeZoneFiles, ReadsEveryVersionFromTheGivenDirectory) {
  for (char version : {'\0', '2', '3', '4'}) {
    write("Test", tzif(version, {1000, 2000}, {1, 0}, {3600, 7200}, "<+03>-3"));
    const TimeZone zone = TimeZone::load("Test", dir_.path());
    EXPECT_EQ(zone.utc_offset_seconds(999'000), 3600) << version;
    EXPECT_EQ(zone.utc_offset_seconds(1'000'000), 7200) << version;
    EXPECT_EQ(zone.utc_offset_seconds(1'999'999), 7200) << version;
    // After the last transition: type 0 in version 1, the footer from version 2 on.
    EXPECT_EQ(zone.utc_offset_seconds(2'000'000), version == '\0' ? 3600 : 3 * kHour) << version;
  }
  write("Footer_only", tzif('2', {}, {}, {0}, "<-0330>3:30"));
  EXPECT_EQ(TimeZone::load("Footer_only", dir_.path()).utc_offset_seconds(0), -(3 * kHour + 1800));
}

TEST_F(TimeZoneFiles, TruncatedAndCorruptFilesAreRefused) {
  std::ifstream real(std::string(TimeZone::kSystemDirectory) + "/Asia/Almaty", std::ios::binary);
  const std::string almaty((std::istreambuf_iterator<char>(real)), {});
  ASSERT_GT(almaty.size(), 100u);
  for (std::size_t size :
       {std::size_t{0}, std::size_t{3}, std::size_t{40}, almaty.size() / 2, almaty.size() - 3}) {
    write("Cut", almaty.substr(0, size));
    EXPECT_NE(error_loading("Cut").find("time zone 'Cut': "), std::string::npos) << size;
  }
  write("Cut", almaty.substr(0, almaty.size() / 2));
  EXPECT_EQ(error_loading("Cut"), "time zone 'Cut': the zoneinfo file is truncated");
  write("Text", "Asia/Almaty\n");
  EXPECT_EQ(error_loading("Text"), "time zone 'Text': not a zoneinfo (TZif) file");
  write("Version", tzif('9', {1000}, {0}, {3600}, ""));
  EXPECT_EQ(error_loading("Version"), "time zone 'Version': unsupported TZif version");
  write("Order", tzif('2', {2000, 1000}, {0, 0}, {3600}, ""));
  EXPECT_NE(error_loading("Order").find("ascending"), std::string::npos);
  write("Type", tzif('2', {1000}, {1}, {3600}, ""));
  EXPECT_NE(error_loading("Type").find("unknown type"), std::string::npos);
  write("Footer", tzif('2', {1000}, {0}, {3600}, "CET-1CEST"));
  EXPECT_NE(error_loading("Footer").find("invalid POSIX TZ string 'CET-1CEST'"), std::string::npos);
  write("Trailing", tzif('3', {1000}, {0}, {3600}, "<+01>-1") + "x");
  EXPECT_NE(error_loading("Trailing").find("footer"), std::string::npos);
}

TEST(PosixZoneRule, ParsesTheFormsRealZonesUse) {
  const PosixZoneRule plain = PosixZoneRule::parse("<+05>-5");
  EXPECT_FALSE(plain.has_dst);
  EXPECT_EQ(plain.std_offset_seconds, 5 * kHour);

  const PosixZoneRule berlin = PosixZoneRule::parse("CET-1CEST,M3.5.0,M10.5.0/3");
  EXPECT_EQ(berlin.dst_offset_seconds, 2 * kHour);
  EXPECT_EQ(berlin.utc_offset_seconds(kBerlinSummer2045 / 1000 - 1), 1 * kHour);
  EXPECT_EQ(berlin.utc_offset_seconds(kBerlinSummer2045 / 1000), 2 * kHour);

  // Southern hemisphere: daylight saving spans the new year.
  const PosixZoneRule sydney = PosixZoneRule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3");
  EXPECT_EQ(sydney.utc_offset_seconds(1705320000), 11 * kHour);  // 2024-01-15T12:00Z
  EXPECT_EQ(sydney.utc_offset_seconds(1721044800), 10 * kHour);  // 2024-07-15T12:00Z

  // Explicit DST offset, negative change times (version 3), Julian days.
  const PosixZoneRule nuuk = PosixZoneRule::parse("<-02>2<-01>1,M3.5.0/-1,M10.5.0/0");
  EXPECT_EQ(nuuk.std_offset_seconds, -2 * kHour);
  EXPECT_EQ(nuuk.dst_offset_seconds, -1 * kHour);
  EXPECT_EQ(nuuk.dst_start.seconds_after_midnight, -kHour);
  EXPECT_EQ(nuuk.utc_offset_seconds(1721044800), -1 * kHour);
  // All-year daylight saving, as version 3 encodes it.
  const PosixZoneRule always = PosixZoneRule::parse("EST5EDT,0/0,J365/25");
  EXPECT_EQ(always.utc_offset_seconds(1705320000), -4 * kHour);
  EXPECT_EQ(always.utc_offset_seconds(1721044800), -4 * kHour);
  const PosixZoneRule julian = PosixZoneRule::parse("XST3XDT,J60/2,300");
  EXPECT_EQ(julian.dst_start.day.kind, PosixZoneRule::Day::Kind::kJulianNoLeap);
  EXPECT_EQ(julian.dst_end.day.kind, PosixZoneRule::Day::Kind::kZeroBased);

  for (const char* bad :
       {"", "CE-1", "CET", "CET-1CEST", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0",
        "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.0", "<+05-5", "<+0>-5", "CET-25", "CET-1 ",
        "CET-1CEST,J0,M10.5.0", "CET-1CEST,M3.5.0/200,M10.5.0"}) {
    EXPECT_NE(error_of([&] { PosixZoneRule::parse(bad); }).find("invalid POSIX TZ string"),
              std::string::npos)
        << bad;
  }
}

TEST(TimeZone, OneInstanceServesManyThreads) {
  const TimeZone berlin = TimeZone::load("Europe/Berlin");
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (std::int64_t i = 0; i < 2000; ++i) {
        const std::int64_t at = kBerlinSummer2024 + (i - 1000) * 60'000;
        const std::int64_t expected = at < kBerlinSummer2024 ? kHour : 2 * kHour;
        if (berlin.utc_offset_seconds(at) != expected) ++wrong[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace qorgau::core
