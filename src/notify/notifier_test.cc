// Delivery and consent rules of notify/notifier.h against a real migrated
// SQLite database, the real scheduler and a clock the test moves: no consent,
// no message; one row per consented channel; the inbox written once; a
// failing channel retried by the scheduler and finally marked failed; urgent
// kinds re-sent until acknowledged and at most N times; withdrawal stops all.
#include "notify/notifier.h"

#include <gtest/gtest.h>

#include <chrono>

#include "notify/inbox_channel.h"
#include "notify/messages.h"
#include "scheduler/scheduler.h"
#include "testing/migrated_store.h"

namespace qorgau::notify {
namespace {

constexpr std::int64_t kStartMs = 1'795'000'000'000;
constexpr std::int64_t kCase = 42;

// A channel that records what it was given, or fails with `failure` while set.
class RecordingChannel : public Channel {
 public:
  explicit RecordingChannel(std::string code) : code_(std::move(code)) {}
  std::string_view code() const override { return code_; }
  bool configured() const override { return failure.empty(); }
  void send(store::Connection&, const Delivery& delivery) const override {
    if (!failure.empty()) throw ChannelError(failure);
    sent.push_back(delivery);
  }
  std::string failure;
  mutable std::vector<Delivery> sent;

 private:
  std::string code_;
};

class NotifierTest : public qorgau::testing::MigratedStore {
 protected:
  NotifierTest()
      : MigratedStore(kStartMs),
        receipts_(keyring_),
        consents_(protector_, receipts_, clock_),
        inbox_(protector_),
        email_("email"),
        notifier_(consents_, protector_, clock_,
                  {{"email", &email_}, {"sms", &sms_}, {"inbox", &inbox_}},
                  NotifierSettings{std::chrono::seconds(60), 3, 4}),
        scheduler_(db_, clock_,
                   scheduler::SchedulerOptions{std::chrono::milliseconds(1000), 4, 100}) {
    // A bare case row (its people and agency are not needed: these tests are about the outbox).
    connection_->execute("PRAGMA foreign_keys = OFF");
    connection_->execute(
        "INSERT INTO cases (id, case_number, survivor_person_id, aggressor_person_id, status, "
        "basis, incident_types, region_kato, owner_agency_id, opened_at) "
        "VALUES ($1, 'C-000042', 1, 2, 'opened', 'complaint', 'physical', '750000000', 1, $2)",
        {kCase, kStartMs});
    connection_->execute("PRAGMA foreign_keys = ON");
    scheduler_.on_outside_transaction(
        std::string(kDeliveryJob),
        [this](store::Connection& c, const scheduler::Job& j) { notifier_.deliver(c, j); });
  }

  SavedConsent consent(std::vector<ChannelAddress> channels, std::vector<std::string> kinds,
                       std::string detail = "minimal") {
    store::Transaction tx(*connection_);
    auto saved = consents_.save(
        *connection_, kCase,
        ConsentInput{std::move(channels), std::move(kinds), std::move(detail), core::Language::kEn},
        std::nullopt);
    tx.commit();
    return saved;
  }

  int notify(std::string_view kind, const std::map<std::string, std::string>& facts = {}) {
    store::Transaction tx(*connection_);
    int n = notifier_.notify(*connection_, kCase, kind, facts);
    tx.commit();
    return n;
  }

  NotificationView only(std::string_view channel) {
    for (const auto& n : notifier_.for_case(*connection_, kCase)) {
      if (n.channel == channel) return n;
    }
    ADD_FAILURE() << "no notification on " << channel;
    return {};
  }

  void advance(std::chrono::milliseconds by) { clock_.advance(by); }

  intake::Receipts receipts_;
  ConsentStore consents_;
  InboxChannel inbox_;
  RecordingChannel email_;
  RecordingChannel sms_{"sms"};
  Notifier notifier_;
  scheduler::Scheduler scheduler_;
};

TEST_F(NotifierTest, WithoutConsentNothingIsQueued) {
  EXPECT_EQ(notify("order_served"), 0);
  consent({{"inbox", ""}}, {"order_violated"});
  EXPECT_EQ(notify("order_served"), 0) << "a kind she did not choose";
  EXPECT_TRUE(notifier_.for_case(*connection_, kCase).empty());
}

TEST_F(NotifierTest, OneRowPerChannelDeliveredOnceWithHerWords) {
  auto saved = consent({{"email", "her@example.kz"}, {"inbox", ""}}, {"order_served"}, "dates");
  ASSERT_TRUE(saved.inbox_secret);
  EXPECT_EQ(notify("order_served", {{"served_on", "2026-11-18"}, {"name", "Secret Name"}}), 2);
  EXPECT_EQ(only("email").status, "queued");
  EXPECT_EQ(scheduler_.run_due(), 2u);
  ASSERT_EQ(email_.sent.size(), 1u);
  EXPECT_EQ(email_.sent[0].address, "her@example.kz");
  EXPECT_NE(email_.sent[0].text.find("18 November 2026"), std::string::npos) << "in her words";
  EXPECT_EQ(email_.sent[0].text.find("Secret Name"), std::string::npos);
  auto messages = inbox_.messages(*connection_, kCase);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, email_.sent[0].text);
  EXPECT_EQ(only("email").status, "sent");
  EXPECT_EQ(only("inbox").sends, 1);
  advance(std::chrono::hours(2));
  EXPECT_EQ(scheduler_.run_due(), 0u) << "a non-urgent kind is sent once";
  EXPECT_EQ(email_.sent.size(), 1u);
}

TEST_F(NotifierTest, AFailingChannelIsRetriedThenMarkedFailed) {
  consent({{"sms", "+77011234567"}}, {"order_expiring"});
  sms_.failure = "not_configured";
  notify("order_expiring");
  EXPECT_EQ(scheduler_.run_due(), 0u);
  EXPECT_EQ(only("sms").status, "queued");
  EXPECT_EQ(only("sms").attempts, 1);
  EXPECT_EQ(only("sms").last_error, "not_configured");
  advance(scheduler::Scheduler::retry_delay(1));
  scheduler_.run_due();
  advance(scheduler::Scheduler::retry_delay(2));
  scheduler_.run_due();
  EXPECT_EQ(only("sms").status, "queued");
  advance(scheduler::Scheduler::retry_delay(3));
  scheduler_.run_due();  // the 4th and last attempt
  EXPECT_EQ(only("sms").status, "failed");
  EXPECT_TRUE(sms_.sent.empty());
}

TEST_F(NotifierTest, AChannelThatRecoversDelivers) {
  consent({{"sms", "+77011234567"}}, {"order_expiring"});
  sms_.failure = "unreachable";
  notify("order_expiring");
  scheduler_.run_due();
  sms_.failure.clear();
  advance(scheduler::Scheduler::retry_delay(1));
  EXPECT_EQ(scheduler_.run_due(), 1u);
  EXPECT_EQ(sms_.sent.size(), 1u);
  EXPECT_EQ(only("sms").status, "sent");
  EXPECT_EQ(only("sms").attempts, 2);
}

TEST_F(NotifierTest, UrgentKindsAreResentUntilAcknowledged) {
  consent({{"email", "her@example.kz"}, {"inbox", ""}}, {"aggressor_released"});
  notify("aggressor_released");
  scheduler_.run_due();
  EXPECT_EQ(email_.sent.size(), 1u);
  advance(std::chrono::seconds(59));
  scheduler_.run_due();
  EXPECT_EQ(email_.sent.size(), 1u) << "not before the interval";
  advance(std::chrono::seconds(1));
  scheduler_.run_due();
  EXPECT_EQ(email_.sent.size(), 2u);
  // She acknowledges in the inbox: the e-mail of the same event stops too.
  store::Transaction tx(*connection_);
  auto acknowledged = notifier_.acknowledge(*connection_, kCase, only("inbox").id, "inbox");
  tx.commit();
  EXPECT_EQ(acknowledged.status, "acknowledged");
  EXPECT_EQ(only("email").status, "acknowledged");
  advance(std::chrono::minutes(10));
  scheduler_.run_due();
  EXPECT_EQ(email_.sent.size(), 2u);
}

TEST_F(NotifierTest, UrgentKindsStopAfterTheMaximum) {
  consent({{"email", "her@example.kz"}}, {"order_violated"});
  notify("order_violated");
  for (int i = 0; i < 10; ++i) {
    scheduler_.run_due();
    advance(std::chrono::seconds(60));
  }
  EXPECT_EQ(email_.sent.size(), 3u);
  EXPECT_EQ(only("email").status, "sent");
  EXPECT_EQ(only("email").sends, 3);
}

TEST_F(NotifierTest, WithdrawalStopsEverythingAndErasesTheInbox) {
  consent({{"email", "her@example.kz"}, {"inbox", ""}}, {"aggressor_released", "order_served"});
  notify("aggressor_released");
  scheduler_.run_due();
  notify("order_served");
  {
    store::Transaction tx(*connection_);
    notifier_.withdraw(*connection_, kCase);
    consents_.withdraw(*connection_, kCase);
    tx.commit();
  }
  advance(std::chrono::hours(1));
  scheduler_.run_due();
  EXPECT_EQ(email_.sent.size(), 1u);
  for (const auto& n : notifier_.for_case(*connection_, kCase)) {
    EXPECT_EQ(n.status, "withdrawn") << n.kind << " " << n.channel;
  }
  EXPECT_TRUE(inbox_.messages(*connection_, kCase).empty());
  EXPECT_FALSE(consents_.find(*connection_, kCase));
}

TEST_F(NotifierTest, AChannelRemovedFromTheConsentBeforeDeliveryIsNotUsed) {
  consent({{"email", "her@example.kz"}, {"inbox", ""}}, {"order_served"});
  notify("order_served");
  consent({{"inbox", ""}}, {"order_served"});
  scheduler_.run_due();
  EXPECT_TRUE(email_.sent.empty());
  EXPECT_EQ(only("email").status, "withdrawn");
  EXPECT_EQ(only("inbox").status, "sent");
}

TEST_F(NotifierTest, TheInboxKeepsItsCodeWhenTheConsentChanges) {
  auto first = consent({{"inbox", ""}}, {"order_served"});
  auto second = consent({{"inbox", ""}, {"email", "her@example.kz"}}, {"order_served"});
  EXPECT_EQ(first.consent.inbox_code, second.consent.inbox_code);
  EXPECT_FALSE(second.inbox_secret) << "the secret is shown once";
  EXPECT_EQ(consents_.case_of_inbox(*connection_, *first.consent.inbox_code, *first.inbox_secret),
            kCase);
  EXPECT_FALSE(consents_.case_of_inbox(*connection_, *first.consent.inbox_code,
                                       intake::Receipts::new_secret()));
  EXPECT_FALSE(consents_.case_of_inbox(*connection_, "QRG-22222-22222", *first.inbox_secret));
}

TEST(NotifyAddresses, EmailAndPhoneNormalisation) {
  EXPECT_EQ(normalize_email(" Her.Name+x@Mail.Example.KZ "), "Her.Name+x@mail.example.kz");
  for (const char* bad : {"", "her", "@mail.kz", "her@", "her@mail", "her@@mail.kz", "he r@mail.kz",
                          "her@mail..kz", "her@-mail.kz", ".her@mail.kz", "her@mail.kz>\r\nDATA"}) {
    EXPECT_FALSE(normalize_email(bad)) << bad;
  }
  EXPECT_EQ(normalize_phone("+7 (701) 123-45-67"), "+77011234567");
  for (const char* bad : {"87011234567", "+7701", "+7701123456789012", "+7 701 ABC",
                          "++77011234567", "+07011234567"}) {
    EXPECT_FALSE(normalize_phone(bad)) << bad;
  }
}

}  // namespace
}  // namespace qorgau::notify
