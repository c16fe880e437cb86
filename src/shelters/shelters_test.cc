// The crisis-centre stores against a real migrated SQLite database, with a
// clock the tests move: holds that release themselves, opaque referrals that
// are purged, over-capacity reasons, the maximum stay and the reports.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "accounts/agencies.h"
#include "core/clock.h"
#include "core/jurisdiction.h"
#include "crypto/keyring.h"
#include "crypto/protector.h"
#include "help/directory.h"
#include "people/people.h"
#include "shelters/admissions.h"
#include "shelters/holds.h"
#include "shelters/referrals.h"
#include "shelters/reports.h"
#include "shelters/shelters.h"
#include "testing/error_of.h"
#include "testing/migrated_store.h"

namespace qorgau::shelters {
namespace {

using namespace std::chrono_literals;
using core::ErrorCode;
using qorgau::testing::error_of;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // 2026-11-18T11:06:40Z

class ShelterStores : public qorgau::testing::MigratedStore {
 protected:
  ShelterStores()
      : MigratedStore(kStartMs),
        jurisdiction_(core::default_jurisdiction()),
        directory_(jurisdiction_),
        people_(protector_, clock_),
        shelters_(directory_, protector_, clock_),
        holds_(shelters_, clock_, jurisdiction_.crisis_centre.hold_minutes),
        referrals_(shelters_, holds_, protector_, clock_),
        admissions_(shelters_, holds_, referrals_, people_, protector_, clock_, jurisdiction_) {
    agency_ = accounts::AgencyStore()
                  .create(conn(), {0, "Crisis centre", "crisis_centre", "750000000"}, kStartMs)
                  .id;
    conn().execute(
        "INSERT INTO users (username_bidx, username_enc, display_name_enc, password_hash, role, "
        "agency_id, created_at, password_changed_at) VALUES ($1, $1, $1, 'x', 'case_worker', $2, "
        "$3, $3)",
        {core::Bytes{1}, agency_, kStartMs});
    user_ = conn().query_one("SELECT id FROM users")->integer(0);
    ShelterDetails details;
    details.service.name = {"Үміт", "Надежда", "Hope"};
    details.service.region_kato = "750000000";
    details.service.locality = {"Алматы", "Алматы", "Almaty"};
    details.service.phone = "+7 700 000 00 01";
    details.service.hours_24_7 = true;
    details.service.hours = {"24/7", "24/7", "24/7"};
    details.service.languages = {"kk", "ru"};
    details.service.description = {"Баспана", "Приют", "Shelter"};
    details.capacity = {2, 3, 1};
    details.admission_rules = "Women and children";
    details.address = "Secret street 7";
    shelter_ = shelters_.create(conn(), agency_, details).id;
  }

  Shelter shelter() { return *shelters_.find(conn(), shelter_); }
  std::string file_bytes() {
    std::ifstream in(dir_.path() / "qorgau.db", std::ios::binary);
    std::string all((std::istreambuf_iterator<char>(in)), {});
    std::ifstream wal(dir_.path() / "qorgau.db-wal", std::ios::binary);
    all.append(std::istreambuf_iterator<char>(wal), {});
    return all;
  }

  const core::Jurisdiction& jurisdiction_;
  help::HelpDirectory directory_;
  people::PersonStore people_;
  ShelterStore shelters_;
  HoldStore holds_;
  ReferralStore referrals_;
  AdmissionStore admissions_;
  std::int64_t agency_ = 0;
  std::int64_t user_ = 0;
  std::int64_t shelter_ = 0;
};

TEST_F(ShelterStores, PublicEntryIsDerivedAndHasNoAddress) {
  Shelter s = shelter();
  EXPECT_EQ(s.service.kind, "crisis_centre");
  EXPECT_EQ(s.service.needs,
            (std::vector<std::string>{"shelter", "children", "disability_access"}));
  EXPECT_FALSE(s.service.address.has_value());
  EXPECT_EQ(s.address, "Secret street 7");
  EXPECT_EQ(file_bytes().find("Secret street 7"), std::string::npos) << "address stored in clear";
  help::DirectoryFilter filter;
  filter.needs = {"shelter", "24_7"};
  filter.language = "kk";
  EXPECT_EQ(directory_.list(conn(), filter).size(), 1u);
  filter.language = "en";
  EXPECT_TRUE(directory_.list(conn(), filter).empty());
}

TEST_F(ShelterStores, AHoldReleasesItselfAfterNinetyMinutes) {
  Hold hold = holds_.place(conn(), shelter_, {1, 2, 0}, user_, agency_);
  EXPECT_EQ(shelter().available(), (Counts{1, 1, 1}));
  clock_.advance(89min);
  EXPECT_EQ(holds_.find(conn(), hold.id)->status, "active");
  EXPECT_EQ(shelter().held, (Counts{1, 2, 0}));
  clock_.advance(2min);
  EXPECT_EQ(holds_.find(conn(), hold.id)->status, "expired");
  EXPECT_EQ(shelter().available(), (Counts{2, 3, 1}));
  EXPECT_EQ(error_of([&] { holds_.fill(conn(), hold.id); }), ErrorCode::kHoldExpired);
  EXPECT_EQ(holds_.sweep_expired(conn()), 1);
  EXPECT_EQ(conn().query_one("SELECT status FROM shelter_holds")->text(0), "expired");
}

TEST_F(ShelterStores, HoldsNeverExceedWhatIsFree) {
  holds_.place(conn(), shelter_, {1, 3, 0}, user_, agency_);
  EXPECT_EQ(error_of([&] {
              holds_.place(conn(), shelter_, {1, 1, 0}, user_, agency_);
            }),
            ErrorCode::kNoVacancy);
  EXPECT_EQ(error_of([&] {
              holds_.place(conn(), 999, {1, 0, 0}, user_, agency_);
            }),
            ErrorCode::kNotFound);
  Hold second = holds_.place(conn(), shelter_, {1, 0, 1}, user_, agency_);
  EXPECT_EQ(shelter().available(), (Counts{0, 0, 0}));
  holds_.release(conn(), second.id);
  EXPECT_EQ(error_of([&] { holds_.release(conn(), second.id); }), ErrorCode::kInvalidState);
  EXPECT_EQ(shelter().available(), (Counts{1, 0, 1}));
}

TEST_F(ShelterStores, DeclinedReferralIsPurgedAndCountedAsTurnaway) {
  Hold hold = holds_.place(conn(), shelter_, {1, 1, 0}, user_, agency_);
  Referral sent =
      referrals_.create(conn(), {hold.id, "now", {"infant"}, "+7 700 123 45 67"}, user_, agency_);
  EXPECT_EQ(sent.callback_phone, "+7 700 123 45 67");
  EXPECT_EQ(file_bytes().find("700 123 45 67"), std::string::npos) << "phone stored in clear";
  EXPECT_EQ(error_of([&] {
              referrals_.create(conn(), {hold.id, "now", {}, "+7 700 123 45 67"}, user_, agency_);
            }),
            ErrorCode::kInvalidState);
  Referral declined = referrals_.decline(conn(), sent.id, "no_space");
  EXPECT_EQ(declined.status, "declined");
  EXPECT_FALSE(declined.callback_phone.has_value());
  EXPECT_TRUE(declined.needs.empty());
  EXPECT_EQ(declined.household, (Counts{1, 1, 0}));
  EXPECT_EQ(holds_.find(conn(), hold.id)->status, "released");
  EXPECT_EQ(conn().query_one("SELECT COUNT(*) FROM shelter_turnaways")->integer(0), 1);
  EXPECT_EQ(error_of([&] { referrals_.accept(conn(), sent.id); }), ErrorCode::kInvalidState);
}

TEST_F(ShelterStores, OverCapacityNeedsAReasonKeptEncrypted) {
  shelters_.change_occupancy(conn(), shelter_, {2, 0, 0}, std::nullopt);
  EXPECT_EQ(error_of([&] {
              shelters_.change_occupancy(conn(), shelter_, {1, 0, 0}, std::nullopt);
            }),
            ErrorCode::kOverCapacityReasonRequired);
  EXPECT_EQ(error_of([&] {
              shelters_.change_occupancy(conn(), shelter_, {-3, 0, 0}, std::nullopt);
            }),
            ErrorCode::kValidationFailed);
  shelters_.change_occupancy(conn(), shelter_, {1, 0, 0}, "Brought by police at night");
  EXPECT_EQ(shelter().occupied.women, 3);
  EXPECT_EQ(shelter().available().women, 0);
  EXPECT_EQ(file_bytes().find("Brought by police"), std::string::npos);
  // Coming back down needs no reason.
  shelters_.change_occupancy(conn(), shelter_, {-1, 0, 0}, std::nullopt);
  NetworkReport report =
      build_report(conn(), shelters_, protector_, jurisdiction_, "2026-11-18", "2026-11-19", {});
  ASSERT_EQ(report.over_capacity_events.size(), 1u);
  EXPECT_EQ(report.over_capacity_events[0].reason, "Brought by police at night");
}

TEST_F(ShelterStores, MaximumStayIsSixCalendarMonthsWithAWarning) {
  EXPECT_EQ(core::format_iso8601_utc(add_calendar_months(kStartMs, 6)), "2027-05-18T11:06:40.000Z");
  std::int64_t august31 = 1'788'172'800'000;  // 2026-08-31T10:40Z
  EXPECT_EQ(core::format_iso8601_utc(add_calendar_months(august31, 6)).substr(0, 10), "2027-02-28");

  Admission a = admissions_.admit(conn(), shelter_,
                                  {std::nullopt,
                                   {"Гүлмира Әбенова", std::nullopt, "1990-04-02", std::nullopt},
                                   {{"Дамир Әбенов", std::nullopt, "2018-01-01", std::nullopt}},
                                   false,
                                   std::nullopt});
  EXPECT_EQ(a.max_stay_alert, "ok");
  EXPECT_EQ(shelter().occupied, (Counts{1, 1, 0}));
  clock_.advance(std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::milliseconds(a.max_stay_ends_at - kStartMs) - 13 * 24h));
  EXPECT_EQ(admissions_.find(conn(), a.id)->max_stay_alert, "approaching");
  clock_.advance(14 * 24h);
  Admission late = *admissions_.find(conn(), a.id);
  EXPECT_EQ(late.max_stay_alert, "exceeded");
  EXPECT_GE(late.days_stayed, 181);
  Admission out = admissions_.discharge(conn(), a.id, "independent_housing");
  EXPECT_EQ(out.max_stay_alert, "ok");
  EXPECT_EQ(shelter().occupied, (Counts{0, 0, 0}));
  EXPECT_EQ(error_of([&] { admissions_.discharge(conn(), a.id, "other"); }),
            ErrorCode::kInvalidState);
}

TEST_F(ShelterStores, IdentityIsRequiredAtAdmission) {
  EXPECT_EQ(error_of([&] {
              admissions_.admit(conn(), shelter_,
                                {std::nullopt,
                                 {"Гүлмира", std::nullopt, std::nullopt, std::nullopt},
                                 {},
                                 false,
                                 std::nullopt});
            }),
            ErrorCode::kMissingField);
  EXPECT_EQ(conn().query_one("SELECT COUNT(*) FROM people")->integer(0), 0);
}

TEST_F(ShelterStores, ReportCountsDaysTurnawaysAndStays) {
  EXPECT_EQ(error_of([&] {
              build_report(conn(), shelters_, protector_, jurisdiction_, "2026-01-01", "2027-06-01",
                           {});
            }),
            ErrorCode::kValidationFailed);
  shelters_.change_occupancy(conn(), shelter_, {1, 2, 0}, std::nullopt);
  shelters_.record_turnaway(conn(), shelter_, {1, 1, 0}, "no_space");
  clock_.advance(24h);
  shelters_.change_occupancy(conn(), shelter_, {1, 0, 0}, std::nullopt);
  NetworkReport report =
      build_report(conn(), shelters_, protector_, jurisdiction_, "2026-11-17", "2026-11-19", {});
  ASSERT_EQ(report.centres.size(), 1u);
  const CentreReport& c = report.centres[0];
  ASSERT_EQ(c.days.size(), 3u);
  EXPECT_EQ(c.days[0].occupied, (Counts{0, 0, 0}));  // before the centre existed
  EXPECT_EQ(c.days[1].occupied, (Counts{1, 2, 0}));  // 18 Nov, Almaty time
  EXPECT_EQ(c.days[2].occupied, (Counts{2, 2, 0}));
  EXPECT_DOUBLE_EQ(c.occupancy_rate, (0.0 + 0.5 + 1.0) / 3);
  EXPECT_EQ(c.turnaways, 1);
  ASSERT_EQ(report.regions.size(), 1u);
  EXPECT_EQ(report.regions[0].turnaways, 1);
  EXPECT_FALSE(report.regions[0].average_stay_days.has_value());
}

TEST_F(ShelterStores, ReportDaysEndAtAlmatyMidnightAtUtcPlusFive) {
  // change_occupancy() adds to the current counts.
  shelters_.change_occupancy(conn(), shelter_, {1, 2, 0}, std::nullopt);
  clock_.advance(7h + 23min + 20s);  // 18:30Z, 23:30 on 18 Nov in Almaty (UTC+05:00)
  shelters_.change_occupancy(conn(), shelter_, {1, 0, 0}, std::nullopt);
  clock_.advance(1h);  // 19:30Z, 00:30 on 19 Nov in Almaty
  shelters_.change_occupancy(conn(), shelter_, {0, 1, 0}, std::nullopt);
  NetworkReport report =
      build_report(conn(), shelters_, protector_, jurisdiction_, "2026-11-18", "2026-11-19", {});
  ASSERT_EQ(report.centres.size(), 1u);
  ASSERT_EQ(report.centres[0].days.size(), 2u);
  EXPECT_EQ(report.centres[0].days[0].occupied, (Counts{2, 2, 0}));  // at 19:00Z, not 18:00Z
  EXPECT_EQ(report.centres[0].days[1].occupied, (Counts{2, 3, 0}));
}

}  // namespace
}  // namespace qorgau::shelters
