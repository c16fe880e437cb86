// An order's end in time, through the real Services with a clock the test
// moves: the end jobs are scheduled on service, moved on extension, cancelled
// on revocation; "expiring" notifies her (with her consent), "expired" is
// recorded in the case once, also across a restart.
#include "orders/order_jobs.h"

#include <gtest/gtest.h>

#include <chrono>

#include "app/config.h"
#include "core/clock.h"
#include "testing/temp_dir.h"

namespace qorgau::orders {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // 2026-11-18T11:06:40Z
constexpr std::int64_t kDayMs = 86'400'000;

class OrderJobs : public ::testing::Test {
 protected:
  OrderJobs() : clock_(core::TimePoint(std::chrono::milliseconds(kStartMs))) {
    config_.data_dir = dir_.path() / "data";
    services_ = std::make_unique<app::Services>(config_, clock_);
    auto c = services_->pool().lease();
    store::Transaction tx(*c);
    agency_ =
        services_->agencies().create(*c, {0, "Almaty police", "police", "750000000"}, kStartMs).id;
    c->execute(
        "INSERT INTO users (username_bidx, username_enc, display_name_enc, password_hash, role, "
        "agency_id, created_at, password_changed_at) VALUES ($1, $1, $1, 'x', "
        "'police_inspector', $2, $3, $3)",
        {core::Bytes{1}, agency_, kStartMs});
    user_ = c->query_one("SELECT id FROM users")->integer(0);
    auto survivor = services_->people().create(*c, {"Айгүл Сәрсенова", {}, {}, {}}, agency_);
    auto aggressor = services_->people().create(*c, {"Ерлан Сәрсенов", {}, {}, {}}, agency_);
    cases::NewCase new_case;
    new_case.survivor_person_id = survivor.id;
    new_case.aggressor_person_id = aggressor.id;
    new_case.basis = "complaint";
    new_case.incident_types = {"physical_assault"};
    new_case.region_kato = "750000000";
    new_case.owner_agency_id = agency_;
    case_ = services_->cases().create(*c, new_case, user_);
    notify::ConsentInput consent;
    consent.channels = {{"inbox", ""}};
    consent.kinds = {"order_served", "order_expiring", "order_violated"};
    consent.detail = "dates";
    services_->notify_consents().save(*c, case_.id, consent, user_);
    NewOrder order;
    order.kind = OrderKind::kPoliceProtective;
    order.starts_on = services_->jurisdiction().zone->local_date(kStartMs);
    order.duration_days = 20;
    order.conditions = {{"no_contact", {}, {}}};
    order.protected_contact_route = "Call the Bereke crisis centre";
    order_ = services_->orders().create(*c, case_, order, user_).id;
    tx.commit();
  }

  Order serve() {
    auto c = services_->pool().lease();
    store::Transaction tx(*c);
    Order served = services_->orders().serve(*c, order_, std::nullopt, user_);
    after_served(*services_, *c, served);
    tx.commit();
    return served;
  }
  std::vector<scheduler::Job> pending(std::string_view kind) {
    auto c = services_->pool().lease();
    return services_->scheduler().queue().pending_for(*c, kind, order_);
  }
  std::int64_t count(const std::string& sql) {
    auto c = services_->pool().lease();
    return c->query_one(sql, {case_.id})->integer(0);
  }
  std::int64_t notifications(const std::string& kind) {
    return count("SELECT COUNT(*) FROM notifications WHERE case_id = $1 AND kind = '" + kind + "'");
  }
  std::int64_t expired_events() {
    return count("SELECT COUNT(*) FROM case_events WHERE case_id = $1 AND kind = 'order_expired'");
  }
  void advance_to(std::int64_t at) {
    clock_.advance(std::chrono::milliseconds(at - clock_.now_ms()));
  }

  qorgau::testing::TempDir dir_;
  core::ManualClock clock_;
  app::Config config_;
  std::unique_ptr<app::Services> services_;
  std::int64_t agency_ = 0;
  std::int64_t user_ = 0;
  cases::Case case_;
  std::int64_t order_ = 0;
};

TEST_F(OrderJobs, ServingSchedulesTheEndAndTellsHer) {
  EXPECT_TRUE(pending(kExpiredJob).empty());  // issued, not served: nothing runs yet
  Order served = serve();
  EXPECT_EQ(notifications("order_served"), 1);
  auto expired = pending(kExpiredJob);
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].due_at, served.term.ends_at);
  auto expiring = pending(kExpiringJob);
  ASSERT_EQ(expiring.size(), 1u);
  EXPECT_EQ(expiring[0].due_at, served.term.ends_at - 3 * kDayMs);
}

TEST_F(OrderJobs, ExpiringNotifiesAndExpiredIsRecordedOnceAcrossARestart) {
  Order served = serve();
  advance_to(served.term.ends_at - 3 * kDayMs - 1);
  services_->scheduler().run_due();
  EXPECT_EQ(notifications("order_expiring"), 0);
  clock_.advance(1ms);
  services_->scheduler().run_due();
  EXPECT_EQ(notifications("order_expiring"), 1);
  EXPECT_EQ(expired_events(), 0);

  // The server is down when the order ends, and starts again two days later.
  services_.reset();
  advance_to(served.term.ends_at + 2 * kDayMs);
  services_ = std::make_unique<app::Services>(config_, clock_);
  services_->scheduler().run_due();
  EXPECT_EQ(expired_events(), 1);
  services_.reset();
  services_ = std::make_unique<app::Services>(config_, clock_);
  services_->scheduler().run_due();
  EXPECT_EQ(expired_events(), 1);
  EXPECT_EQ(notifications("order_expiring"), 1);
}

TEST_F(OrderJobs, ExtendingMovesTheEndAndRevokingCancelsIt) {
  Order served = serve();
  auto c = services_->pool().lease();
  {
    store::Transaction tx(*c);
    auto later = std::chrono::sys_days(served.term.ends_on) + std::chrono::days(5);
    Order extended =
        services_->orders().extend(*c, order_, std::chrono::year_month_day(later), user_);
    after_extended(*services_, *c, extended);
    tx.commit();
    ASSERT_EQ(pending(kExpiredJob).size(), 1u);
    EXPECT_EQ(pending(kExpiredJob)[0].due_at, extended.term.ends_at);
  }
  {
    store::Transaction tx(*c);
    Order revoked = services_->orders().revoke(*c, order_, "issued_in_error", user_);
    after_revoked(*services_, *c, revoked);
    tx.commit();
  }
  EXPECT_TRUE(pending(kExpiredJob).empty());
  EXPECT_TRUE(pending(kExpiringJob).empty());
  advance_to(served.term.ends_at + kDayMs);
  services_->scheduler().run_due();
  EXPECT_EQ(expired_events(), 0);
  EXPECT_EQ(notifications("order_expiring"), 0);
}

}  // namespace
}  // namespace qorgau::orders
