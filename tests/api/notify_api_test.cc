// Notifications to the protected person over HTTP, with the server's own
// scheduler thread delivering (every second): her consent (validation, audit,
// addresses shown to staff), the inbox code and secret (refused like a
// receipt), delivery to the inbox end to end with nothing personal in the
// text, urgent re-sending until acknowledged, withdrawal, and a restart
// between queueing and delivery that still delivers exactly once.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kSurvivor = "Айгүл Нотификацияқызы";
constexpr const char* kAggressor = "Ерлан Хабарлаев";

std::int64_t count(const TestServer& server, const std::string& sql) {
  store::SqliteDatabase database(server.data_dir() / "qorgau.db");
  return database.connect()->query_one(sql)->integer(0);
}

class Notify : public ::testing::Test {
 protected:
  explicit Notify(std::map<std::string, std::string> env = {})
      : server_(TestServer::Options{true, {}, std::move(env)}) {}

  void SetUp() override { login(); }

  void login() {
    inspector_ = std::make_unique<Client>(server_.port());
    ASSERT_EQ(inspector_->login("inspector", kDemoPassword).status, 200);
  }

  std::int64_t open_case() {
    Reply survivor = inspector_->post("/api/v1/people", {{"full_name", kSurvivor}});
    Reply aggressor = inspector_->post("/api/v1/people", {{"full_name", kAggressor}});
    EXPECT_EQ(survivor.status, 201) << survivor.body;
    Reply reply =
        inspector_->post("/api/v1/cases", {{"survivor_person_id", survivor.json()["id"]},
                                           {"aggressor_person_id", aggressor.json()["id"]},
                                           {"basis", "complaint"},
                                           {"incident_types", {"physical_assault"}}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    case_number_ = reply.json()["case_number"];
    return reply.json()["id"];
  }

  std::string path(std::int64_t case_id, const std::string& rest) {
    return "/api/v1/cases/" + std::to_string(case_id) + rest;
  }

  Reply put_consent(std::int64_t case_id, const json& body) {
    return inspector_->request("PUT", path(case_id, "/notification-consent"), body.dump());
  }

  // Consent to the inbox (and an unconfigured e-mail), every kind; returns {code, secret}.
  std::pair<std::string, std::string> consent_inbox(std::int64_t case_id,
                                                    const std::string& detail = "minimal") {
    Reply reply = put_consent(
        case_id,
        {{"channels",
          {{{"channel", "inbox"}}, {{"channel", "email"}, {"address", "her@example.kz"}}}},
         {"kinds", {"order_served", "order_expiring", "order_violated", "aggressor_released"}},
         {"detail", detail},
         {"language", "en"}});
    EXPECT_EQ(reply.status, 200) << reply.body;
    return {reply.json()["consent"]["inbox_code"], reply.json()["inbox_secret"]};
  }

  Reply release(std::int64_t case_id) {
    return inspector_->post(path(case_id, "/aggressor-release"),
                            {{"released_at", 1'795'000'000'000}});
  }

  json notification(std::int64_t case_id, const std::string& channel) {
    Reply reply = inspector_->get(path(case_id, "/notifications"));
    EXPECT_EQ(reply.status, 200) << reply.body;
    const json list = reply.json();
    for (const auto& n : list["notifications"]) {
      if (n["channel"] == channel) return n;
    }
    return json(nullptr);
  }

  int inbox_sends(std::int64_t case_id) {
    json n = notification(case_id, "inbox");
    return n.is_null() ? 0 : n["sends"].get<int>();
  }

  Reply inbox(const std::string& code, const std::string& secret) {
    Client anonymous(server_.port());
    return anonymous.post("/api/v1/inbox/messages", {{"code", code}, {"secret", secret}});
  }

  TestServer server_;
  std::unique_ptr<Client> inspector_;
  std::string case_number_;
};

TEST_F(Notify, ConsentIsValidatedAuditedAndShownToStaff) {
  std::int64_t case_id = open_case();
  auto consents = [&] {
    return count(server_, "SELECT COUNT(*) FROM notification_consents WHERE case_id = " +
                              std::to_string(case_id));
  };
  auto audits = [&] { return count(server_, "SELECT COUNT(*) FROM audit_log"); };
  std::int64_t audit_before = audits();
  struct Bad {
    json body;
    std::string code;
    std::string field;
  };
  const json kinds = {"aggressor_released"};
  std::vector<Bad> bad = {
      {{{"kinds", kinds}, {"detail", "minimal"}}, "missing_field", "channels"},
      {{{"channels", json::array()}, {"kinds", kinds}, {"detail", "minimal"}},
       "validation_failed",
       "channels"},
      {{{"channels", {{{"channel", "email"}, {"address", "not-an-address"}}}},
        {"kinds", kinds},
        {"detail", "minimal"}},
       "validation_failed",
       "channels[0].address"},
      {{{"channels", {{{"channel", "inbox"}}, {{"channel", "sms"}, {"address", "87011234567"}}}},
        {"kinds", kinds},
        {"detail", "minimal"}},
       "validation_failed",
       "channels[1].address"},
      {{{"channels", {{{"channel", "sms"}}}}, {"kinds", kinds}, {"detail", "minimal"}},
       "missing_field",
       "channels[0].address"},
      {{{"channels", {{{"channel", "inbox"}, {"address", "x@y.kz"}}}},
        {"kinds", kinds},
        {"detail", "minimal"}},
       "validation_failed",
       "channels[0].address"},
      {{{"channels", {{{"channel", "pigeon"}}}}, {"kinds", kinds}, {"detail", "minimal"}},
       "validation_failed",
       "channels[0].channel"},
      {{{"channels", {{{"channel", "inbox"}}, {{"channel", "inbox"}}}},
        {"kinds", kinds},
        {"detail", "minimal"}},
       "validation_failed",
       "channels[1].channel"},
      {{{"channels", {{{"channel", "inbox"}}}}, {"kinds", {"order_lost"}}, {"detail", "minimal"}},
       "validation_failed",
       "kinds"},
      {{{"channels", {{{"channel", "inbox"}}}}, {"kinds", json::array()}, {"detail", "minimal"}},
       "validation_failed",
       "kinds"},
      {{{"channels", {{{"channel", "inbox"}}}}, {"kinds", kinds}, {"detail", "everything"}},
       "validation_failed",
       "detail"},
      {{{"channels", {{{"channel", "inbox"}}}},
        {"kinds", kinds},
        {"detail", "minimal"},
        {"language", "de"}},
       "validation_failed",
       "language"},
  };
  for (const auto& b : bad) {
    Reply reply = put_consent(case_id, b.body);
    EXPECT_EQ(reply.status, 400) << b.body.dump() << " -> " << reply.body;
    EXPECT_EQ(reply.error_code(), b.code) << b.body.dump() << " -> " << reply.body;
    EXPECT_NE(reply.body.find(b.field), std::string::npos) << b.body.dump() << " -> " << reply.body;
    EXPECT_EQ(reply.body.find("not-an-address"), std::string::npos) << "never the value";
  }
  EXPECT_EQ(consents(), 0);
  EXPECT_EQ(audits(), audit_before) << "a refused consent changes nothing";

  Reply saved = put_consent(
      case_id, {{"channels",
                 {{{"channel", "sms"}, {"address", "+7 701 123-45-67"}}, {{"channel", "inbox"}}}},
                {"kinds", {"aggressor_released"}},
                {"detail", "dates"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_TRUE(saved.json().contains("inbox_secret"));
  EXPECT_EQ(saved.json()["consent"]["language"], "kk") << "the jurisdiction's language by default";
  Reply shown = inspector_->get(path(case_id, "/notification-consent"));
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.json()["consent"]["channels"][0]["address"], "+77011234567");
  EXPECT_FALSE(shown.json().contains("inbox_secret")) << "the secret is shown once";
  EXPECT_EQ(count(server_,
                  "SELECT COUNT(*) FROM audit_log WHERE action = "
                  "'notification_consent.write' AND object_id = '" +
                      std::to_string(case_id) + "'"),
            1);
  EXPECT_EQ(count(server_,
                  "SELECT COUNT(*) FROM audit_log WHERE action = "
                  "'notification_consent.read'"),
            1);
  // The address is stored only encrypted.
  store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
  auto row = database.connect()->query_one("SELECT channels FROM notification_consents");
  const auto& bytes = row->bytes(0);
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()).find("7011234567"), std::string::npos);

  // A user of another region's agency does not reach the case.
  Client other(server_.port());
  ASSERT_EQ(other.login("officer", kDemoPassword).status, 200);
  EXPECT_EQ(other.get(path(case_id, "/notification-consent")).status, 404);
}

TEST_F(Notify, InboxReceivesTheReleaseWithNothingPersonal) {
  std::int64_t case_id = open_case();
  auto [code, secret] = consent_inbox(case_id, "dates");
  Reply released = release(case_id);
  ASSERT_EQ(released.status, 201) << released.body;
  EXPECT_EQ(released.json()["notifications_queued"], 2);
  ASSERT_TRUE(eventually([&] { return inbox_sends(case_id) >= 1; })) << server_.server_log();

  Reply messages = inbox(code, secret);
  ASSERT_EQ(messages.status, 200) << messages.body;
  ASSERT_EQ(messages.json()["messages"].size(), 1u);
  json m = messages.json()["messages"][0];
  EXPECT_EQ(m["kind"], "aggressor_released");
  EXPECT_TRUE(m["urgent"].get<bool>());
  std::string text = m["subject"].get<std::string>() + m["text"].get<std::string>();
  EXPECT_NE(text.find("released"), std::string::npos) << "in her language (en)";
  EXPECT_NE(text.find("18 November 2026"), std::string::npos) << "dates, as she chose";
  for (const std::string& personal :
       {std::string("Айгүл"), std::string("Нотификацияқызы"), std::string("Ерлан"),
        std::string("Хабарлаев"), case_number_}) {
    EXPECT_EQ(text.find(personal), std::string::npos) << personal;
  }
  // The unconfigured e-mail waits for a retry, and says why (a code, no address).
  ASSERT_TRUE(eventually([&] { return notification(case_id, "email")["attempts"] == 1; }));
  json email = notification(case_id, "email");
  EXPECT_EQ(email["status"], "queued");
  EXPECT_EQ(email["last_error"], "not_configured");
  EXPECT_FALSE(email.contains("address"));
  EXPECT_FALSE(email.contains("text"));
  EXPECT_EQ(server_.server_log().find("her@example.kz"), std::string::npos);

  // A wrong secret and an unknown code are refused alike, as receipts are.
  Reply wrong_secret = inbox(code, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA");
  Reply wrong_code = inbox("QRG-22222-22222", secret);
  EXPECT_EQ(wrong_secret.status, 404);
  EXPECT_EQ(wrong_secret.error_code(), "inbox_not_found");
  EXPECT_EQ(wrong_code.body, wrong_secret.body);
  EXPECT_EQ(count(server_,
                  "SELECT COUNT(*) FROM audit_log WHERE action = "
                  "'notification_inbox.read' AND source_ip = 'public'"),
            1);
  EXPECT_GE(count(server_,
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'notification.list' "
                  "AND object_id = '" +
                      std::to_string(case_id) + "'"),
            1)
      << "staff reading the list is audited";
  // The timeline has the release.
  EXPECT_EQ(count(server_, "SELECT COUNT(*) FROM case_events WHERE kind = 'aggressor_released'"),
            1);
}

class NotifyUrgent : public Notify {
 protected:
  NotifyUrgent() : Notify({{"QORGAU_NOTIFY_URGENT_RETRY_SECONDS", "1"}}) {}
};

TEST_F(NotifyUrgent, ResentUntilSheAcknowledgesInTheInbox) {
  std::int64_t case_id = open_case();
  auto [code, secret] = consent_inbox(case_id);
  ASSERT_EQ(release(case_id).status, 201);
  ASSERT_TRUE(eventually([&] { return inbox_sends(case_id) >= 3; }));
  std::int64_t id = notification(case_id, "inbox")["id"];
  Client her(server_.port());
  Reply ack = her.post("/api/v1/inbox/messages/" + std::to_string(id) + "/acknowledge",
                       {{"code", code}, {"secret", secret}});
  ASSERT_EQ(ack.status, 200) << ack.body;
  EXPECT_TRUE(ack.json()["messages"][0]["acknowledged"].get<bool>());
  int sends = inbox_sends(case_id);
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(inbox_sends(case_id), sends) << "nothing re-sent after the acknowledgement";
  EXPECT_EQ(notification(case_id, "inbox")["status"], "acknowledged");
  EXPECT_EQ(notification(case_id, "email")["status"], "acknowledged") << "the whole event";
  EXPECT_EQ(notification(case_id, "inbox")["acknowledged_by"], "inbox");
}

TEST_F(NotifyUrgent, StaffAcknowledgeWhenSheConfirmsByPhone) {
  std::int64_t case_id = open_case();
  consent_inbox(case_id);
  ASSERT_EQ(release(case_id).status, 201);
  ASSERT_TRUE(eventually([&] { return inbox_sends(case_id) >= 1; })) << server_.server_log();
  std::int64_t id = notification(case_id, "inbox")["id"];
  Reply ack = inspector_->post(
      path(case_id, "/notifications/" + std::to_string(id) + "/acknowledge"), json::object());
  ASSERT_EQ(ack.status, 200) << ack.body;
  EXPECT_EQ(ack.json()["acknowledged_by"], "staff");
  int sends = inbox_sends(case_id);
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(inbox_sends(case_id), sends);
  EXPECT_EQ(
      inspector_->post(path(case_id, "/notifications/999999/acknowledge"), json::object()).status,
      404);
}

TEST_F(NotifyUrgent, WithdrawalStopsSending) {
  std::int64_t case_id = open_case();
  auto [code, secret] = consent_inbox(case_id);
  ASSERT_EQ(release(case_id).status, 201);
  ASSERT_TRUE(eventually([&] { return inbox_sends(case_id) >= 1; })) << server_.server_log();
  Reply withdrawn = inspector_->request("DELETE", path(case_id, "/notification-consent"));
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  int sends = inbox_sends(case_id);
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(inbox_sends(case_id), sends);
  EXPECT_EQ(notification(case_id, "inbox")["status"], "withdrawn");
  EXPECT_EQ(inbox(code, secret).status, 404) << "her inbox went with her consent";
  EXPECT_TRUE(inspector_->get(path(case_id, "/notification-consent")).json()["consent"].is_null());
  Reply again = release(case_id);
  EXPECT_EQ(again.json()["notifications_queued"], 0) << "no consent, nothing queued";
}

TEST(NotifyRestart, QueuedBeforeAStopIsDeliveredOnceAfterTheRestart) {
  TestServer server;
  // First run: the scheduler looks only at start, then once an hour, so the notification
  // stays queued while this server runs.
  server.stop();
  std::ofstream(server.data_dir() / "qorgau.toml") << "scheduler_tick_seconds = 3600\n";
  server.start();
  Client inspector(server.port());
  ASSERT_EQ(inspector.login("inspector", kDemoPassword).status, 200);
  Reply survivor = inspector.post("/api/v1/people", {{"full_name", kSurvivor}});
  Reply aggressor = inspector.post("/api/v1/people", {{"full_name", kAggressor}});
  Reply opened = inspector.post("/api/v1/cases", {{"survivor_person_id", survivor.json()["id"]},
                                                  {"aggressor_person_id", aggressor.json()["id"]},
                                                  {"basis", "complaint"},
                                                  {"incident_types", {"physical_assault"}}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  std::string case_path = "/api/v1/cases/" + std::to_string(opened.json()["id"].get<int>());
  Reply consent = inspector.request("PUT", case_path + "/notification-consent",
                                    json{{"channels", {{{"channel", "inbox"}}}},
                                         {"kinds", {"aggressor_released"}},
                                         {"detail", "minimal"}}
                                        .dump());
  ASSERT_EQ(consent.status, 200) << consent.body;
  std::string code = consent.json()["consent"]["inbox_code"];
  std::string secret = consent.json()["inbox_secret"];
  ASSERT_EQ(
      inspector.post(case_path + "/aggressor-release", {{"released_at", 1'795'000'000'000}}).status,
      201);
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(inspector.get(case_path + "/notifications").json()["notifications"][0]["status"],
            "queued");
  ASSERT_EQ(server.stop(), 0);

  std::ofstream(server.data_dir() / "qorgau.toml") << "scheduler_tick_seconds = 1\n";
  server.start();
  Client again(server.port());
  ASSERT_EQ(again.login("inspector", kDemoPassword).status, 200);
  auto sends = [&] {
    return again.get(case_path + "/notifications").json()["notifications"][0]["sends"].get<int>();
  };
  ASSERT_TRUE(eventually([&] { return sends() >= 1; }));
  std::this_thread::sleep_for(2500ms);
  EXPECT_EQ(sends(), 1) << "urgent re-sends are 15 minutes apart; the restart sent it once";
  Client her(server.port());
  Reply messages = her.post("/api/v1/inbox/messages", {{"code", code}, {"secret", secret}});
  ASSERT_EQ(messages.status, 200) << messages.body;
  EXPECT_EQ(messages.json()["messages"].size(), 1u);
  EXPECT_EQ(count(server,
                  "SELECT COUNT(*) FROM scheduled_jobs WHERE kind = "
                  "'notification_delivery' AND state = 'done' AND subject_id IN "
                  "(SELECT id FROM notifications WHERE case_id = " +
                      opened.json()["id"].dump() + ")"),
            1);
}

}  // namespace
}  // namespace qorgau::testing
