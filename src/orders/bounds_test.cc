#include "orders/bounds.h"

#include <gtest/gtest.h>

#include <memory>

#include "core/error.h"

namespace qorgau::orders {
namespace {

using namespace std::chrono;
using core::ErrorCode;

std::int64_t utc_ms(year_month_day day, int hour) {
  return duration_cast<milliseconds>((sys_days(day) + hours(hour)).time_since_epoch()).count();
}

const core::Jurisdiction& kz() {
  return core::default_jurisdiction();
}

// The default jurisdiction with the emergency order enabled, optionally in another zone.
core::Jurisdiction variant(const char* zone = nullptr) {
  core::Jurisdiction j = kz();
  j.emergency_order.enabled = true;
  if (zone) j.zone = std::make_shared<const core::TimeZone>(core::TimeZone::load(zone));
  return j;
}

template <typename F>
void expect_error(F f, ErrorCode code, const std::string& field) {
  try {
    f();
    ADD_FAILURE() << "no error, expected field " << field;
  } catch (const core::ApiError& e) {
    EXPECT_EQ(e.code(), code) << field;
    EXPECT_EQ(e.field(), field);
  }
}

Term term(const core::Jurisdiction& j, OrderKind kind, year_month_day start,
          std::optional<std::int64_t> d, std::optional<std::int64_t> m) {
  return order_term(j, kind, start, d, m);
}

TEST(OrderKinds, NamesRoundTripAndCourtKindsAreMarked) {
  ASSERT_EQ(all_kinds().size(), 5u);
  for (OrderKind kind : all_kinds()) EXPECT_EQ(parse_kind(kind_name(kind)), kind);
  EXPECT_FALSE(parse_kind("protective").has_value());
  EXPECT_FALSE(is_court_kind(OrderKind::kPoliceProtective));
  EXPECT_FALSE(is_court_kind(OrderKind::kEmergency));
  EXPECT_TRUE(is_court_kind(OrderKind::kCourtSpecialRequirements));
  EXPECT_TRUE(is_court_kind(OrderKind::kCourtCohabitationBan));
  EXPECT_TRUE(is_court_kind(OrderKind::kCourtPsychologicalCorrection));
}

TEST(OrderBounds, PoliceProtectiveOrderLastsUpTo30DaysInAlmaty) {
  // Asia/Almaty is UTC+5: a day starts at 19:00 UTC the day before.
  Term t = term(kz(), OrderKind::kPoliceProtective, 2026y / 3 / 1, 30, std::nullopt);
  EXPECT_EQ(t.ends_on, 2026y / 3 / 30);
  EXPECT_EQ(t.starts_at, utc_ms(2026y / 2 / 28, 19));
  EXPECT_EQ(t.ends_at, utc_ms(2026y / 3 / 30, 19));
  EXPECT_EQ(term(kz(), OrderKind::kPoliceProtective, 2026y / 3 / 1, 1, std::nullopt).ends_on,
            2026y / 3 / 1);
  // No duration: the maximum.
  EXPECT_EQ(term(kz(), OrderKind::kPoliceProtective, 2026y / 3 / 1, {}, {}).ends_on,
            2026y / 3 / 30);
  expect_error([] { term(kz(), OrderKind::kPoliceProtective, 2026y / 3 / 1, 31, {}); },
               ErrorCode::kOrderOutOfBounds, "duration_days");
  expect_error([] { term(kz(), OrderKind::kPoliceProtective, 2026y / 3 / 1, 0, {}); },
               ErrorCode::kOrderOutOfBounds, "duration_days");
  expect_error([] { term(kz(), OrderKind::kPoliceProtective, 2026y / 3 / 1, {}, 1); },
               ErrorCode::kValidationFailed, "duration_months");
}

TEST(OrderBounds, EmergencyOrderIsUnavailableInKazakhstanAndTenDaysWhereEnabled) {
  expect_error([] { term(kz(), OrderKind::kEmergency, 2026y / 3 / 1, 5, {}); },
               ErrorCode::kOrderKindUnavailable, "kind");
  core::Jurisdiction enabled = variant();
  EXPECT_EQ(term(enabled, OrderKind::kEmergency, 2026y / 3 / 1, {}, {}).ends_on, 2026y / 3 / 10);
  EXPECT_EQ(term(enabled, OrderKind::kEmergency, 2026y / 3 / 1, 1, {}).ends_on, 2026y / 3 / 1);
  expect_error([&] { term(enabled, OrderKind::kEmergency, 2026y / 3 / 1, 11, {}); },
               ErrorCode::kOrderOutOfBounds, "duration_days");
}

TEST(OrderBounds, SpecialRequirementsLastThreeToTwelveMonths) {
  auto kind = OrderKind::kCourtSpecialRequirements;
  EXPECT_EQ(term(kz(), kind, 2026y / 3 / 15, {}, 3).ends_on, 2026y / 6 / 14);
  EXPECT_EQ(term(kz(), kind, 2026y / 3 / 15, {}, 12).ends_on, 2027y / 3 / 14);
  // 31 January + 3 months: April has no 31st, so the term runs through 30 April.
  EXPECT_EQ(term(kz(), kind, 2026y / 1 / 31, {}, 3).ends_on, 2026y / 4 / 30);
  // 30 November 2027 + 3 months: 29 February 2028 is the last day (leap year).
  EXPECT_EQ(term(kz(), kind, 2027y / 11 / 30, {}, 3).ends_on, 2028y / 2 / 29);
  expect_error([&] { term(kz(), kind, 2026y / 3 / 15, {}, 2); }, ErrorCode::kOrderOutOfBounds,
               "duration_months");
  expect_error([&] { term(kz(), kind, 2026y / 3 / 15, {}, 13); }, ErrorCode::kOrderOutOfBounds,
               "duration_months");
  expect_error([&] { term(kz(), kind, 2026y / 3 / 15, 90, {}); }, ErrorCode::kValidationFailed,
               "duration_days");
}

TEST(OrderBounds, CohabitationBanAndPsychologicalCorrectionFollowTheirSections) {
  for (auto kind : {OrderKind::kCourtCohabitationBan, OrderKind::kCourtPsychologicalCorrection}) {
    KindRules rules = kind_rules(kz(), kind);
    EXPECT_TRUE(rules.available);
    EXPECT_EQ(rules.unit, TermUnit::kMonths);
    EXPECT_EQ(term(kz(), kind, 2026y / 5 / 1, {}, rules.min).ends_on,
              term_end(2026y / 5 / 1, TermUnit::kMonths, rules.min));
    EXPECT_EQ(term(kz(), kind, 2026y / 5 / 1, {}, 1).ends_on, 2026y / 5 / 31);
    expect_error([&] { term(kz(), kind, 2026y / 5 / 1, {}, rules.max + 1); },
                 ErrorCode::kOrderOutOfBounds, "duration_months");
  }
  core::Jurisdiction without = kz();
  without.cohabitation_ban.available = false;
  expect_error([&] { term(without, OrderKind::kCourtCohabitationBan, 2026y / 5 / 1, {}, 2); },
               ErrorCode::kOrderKindUnavailable, "kind");
  EXPECT_EQ(kind_rules(kz(), OrderKind::kCourtPsychologicalCorrection).conditions,
            std::vector<std::string>{"no_alcohol_drugs"});
}

TEST(OrderBounds, ExtensionStaysWithinTheMaximumFromTheStart) {
  Term t = term(kz(), OrderKind::kPoliceProtective, 2026y / 3 / 1, 10, {});
  Term longer = extended_term(kz(), OrderKind::kPoliceProtective, t, 2026y / 3 / 30);
  EXPECT_EQ(longer.starts_on, t.starts_on);
  EXPECT_EQ(longer.starts_at, t.starts_at);
  EXPECT_EQ(longer.ends_at, utc_ms(2026y / 3 / 30, 19));
  expect_error([&] { extended_term(kz(), OrderKind::kPoliceProtective, t, 2026y / 3 / 31); },
               ErrorCode::kOrderOutOfBounds, "ends_on");
  expect_error([&] { extended_term(kz(), OrderKind::kPoliceProtective, t, 2026y / 3 / 10); },
               ErrorCode::kOrderOutOfBounds, "ends_on");
  expect_error([&] { extended_term(kz(), OrderKind::kPoliceProtective, t, 2026y / 3 / 5); },
               ErrorCode::kOrderOutOfBounds, "ends_on");
  Term court = term(kz(), OrderKind::kCourtSpecialRequirements, 2026y / 3 / 15, {}, 3);
  EXPECT_EQ(
      extended_term(kz(), OrderKind::kCourtSpecialRequirements, court, 2027y / 3 / 14).ends_on,
      2027y / 3 / 14);
  expect_error(
      [&] { extended_term(kz(), OrderKind::kCourtSpecialRequirements, court, 2027y / 3 / 15); },
      ErrorCode::kOrderOutOfBounds, "ends_on");
}

TEST(OrderBounds, AlmatyMovedFromUtc6ToUtc5InMarch2024) {
  // Before 1 March 2024 Almaty was UTC+6, after it UTC+5: the start and the end of one order
  // are at different UTC hours.
  Term t = term(kz(), OrderKind::kPoliceProtective, 2024y / 2 / 20, 30, {});
  EXPECT_EQ(t.ends_on, 2024y / 3 / 20);
  EXPECT_EQ(t.starts_at, utc_ms(2024y / 2 / 19, 18));
  EXPECT_EQ(t.ends_at, utc_ms(2024y / 3 / 20, 19));
}

TEST(OrderBounds, ExpiryFollowsDaylightSavingInBerlin) {
  // Europe/Berlin moves from CET (UTC+1) to CEST (UTC+2) on 29 March 2026.
  core::Jurisdiction berlin = variant("Europe/Berlin");
  Term t = term(berlin, OrderKind::kEmergency, 2026y / 3 / 20, 10, {});
  EXPECT_EQ(t.ends_on, 2026y / 3 / 29);
  EXPECT_EQ(t.starts_at, utc_ms(2026y / 3 / 19, 23));
  EXPECT_EQ(t.ends_at, utc_ms(2026y / 3 / 29, 22));  // midnight CEST
  // And back on 25 October 2026: the last day lasts 25 hours.
  Term autumn = term(berlin, OrderKind::kEmergency, 2026y / 10 / 16, 10, {});
  EXPECT_EQ(autumn.starts_at, utc_ms(2026y / 10 / 15, 22));
  EXPECT_EQ(autumn.ends_at, utc_ms(2026y / 10 / 25, 23));  // midnight CET
}

TEST(OrderBounds, StartMayBeYesterdayUpToThirtyDaysAhead) {
  year_month_day today = 2026y / 3 / 10;
  check_start_window(2026y / 3 / 9, today);
  check_start_window(2026y / 4 / 9, today);
  expect_error([&] { check_start_window(2026y / 3 / 8, today); }, ErrorCode::kValidationFailed,
               "starts_on");
  expect_error([&] { check_start_window(2026y / 4 / 10, today); }, ErrorCode::kValidationFailed,
               "starts_on");
}

}  // namespace
}  // namespace qorgau::orders
