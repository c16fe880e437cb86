// Nothing acknowledged is lost: clients submit reports concurrently while the
// server is killed with SIGKILL. After a restart every report whose 201
// reached a client is there and decrypts intact (found by its receipt), every
// stored report is whole (its audit entry committed with it), the database
// passes PRAGMA integrity_check and the audit chain verifies.
#include <gtest/gtest.h>

#include <mutex>
#include <vector>

#include "crash_harness.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr int kClients = 6;
constexpr size_t kAcknowledgedBeforeKill = 40;

struct Acknowledged {
  std::string code;
  std::string secret;
  std::string description;
};

TEST(IntakeCrash, AcknowledgedReportsSurviveAKillAndNothingIsHalfStored) {
  TestServer::Options options;
  options.env = {{"QORGAU_INTAKE_REPORTS_PER_HOUR", "100000"},
                 {"QORGAU_INTAKE_RECEIPT_LOOKUPS_PER_HOUR", "100000"}};
  TestServer server(options);
  const std::uint16_t port = server.port();

  std::mutex mutex;
  std::vector<Acknowledged> acknowledged;
  kill_while_submitting(
      server, kClients,
      [&](int t, std::uint64_t n) {
        std::string description =
            "Narrative " + std::to_string(t) + "-" + std::to_string(n) + ": Ш қ ү ә " +
            std::string(static_cast<size_t>(200 + 37 * n % 900), static_cast<char>('a' + t));
        Client client(port);
        Reply reply = client.post("/api/v1/intake/reports", crash_report(description));
        if (reply.status == 201) {
          json answer = reply.json();
          std::lock_guard lock(mutex);
          acknowledged.push_back({answer["receipt_code"], answer["receipt_secret"], description});
        }
      },
      [&] {
        std::lock_guard lock(mutex);
        return acknowledged.size();
      },
      kAcknowledgedBeforeKill);
  ASSERT_GE(acknowledged.size(), kAcknowledgedBeforeKill);
  EXPECT_EQ(integrity_check(server.data_dir()), "ok");
  server.start();
  Client reporter(server.port());
  Client inspector(server.port());
  ASSERT_EQ(inspector.login("inspector", kDemoPassword).status, 200);

  store::SqliteDatabase database(server.data_dir() / "qorgau.db");
  auto connection = database.connect();
  for (const auto& ack : acknowledged) {
    Reply seen =
        reporter.post("/api/v1/intake/receipt", {{"code", ack.code}, {"secret", ack.secret}});
    ASSERT_EQ(seen.status, 200) << "acknowledged report lost: " << ack.code;
    EXPECT_EQ(seen.json()["status"], "received");
    auto row =
        connection->query_one("SELECT id FROM intake_reports WHERE receipt_code = $1", {ack.code});
    ASSERT_TRUE(row);
    Reply staff = inspector.get("/api/v1/intake/reports/" + std::to_string(row->integer(0)));
    ASSERT_EQ(staff.status, 200) << staff.body;
    EXPECT_EQ(staff.json()["incident"]["description"], ack.description);
    EXPECT_EQ(staff.json()["victim"]["full_name"], "Crash Test Victim");
    EXPECT_EQ(staff.json()["contact"]["phone"], "+7 700 000 11 22");
  }

  // Every stored report, acknowledged or not, is whole: it decrypts and its
  // audit entry committed with it. (The inspector reaches Almaty's reports: all
  // of the test's, and the demo ones there.)
  for (const auto& row :
       connection->query("SELECT id FROM intake_reports WHERE region_kato = '750000000'")) {
    Reply staff = inspector.get("/api/v1/intake/reports/" + std::to_string(row.integer(0)));
    EXPECT_EQ(staff.status, 200) << staff.body;
  }
  std::int64_t stored = connection->query_one("SELECT COUNT(*) FROM intake_reports")->integer(0);
  EXPECT_GE(stored, static_cast<std::int64_t>(acknowledged.size()));
  EXPECT_EQ(
      connection->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'intake_report.create'")
          ->integer(0),
      stored);
  EXPECT_EQ(connection->query_one("PRAGMA integrity_check")->text(0), "ok");
  connection.reset();
  server.stop();
  std::string out;
  EXPECT_EQ(server.run_cli({"audit", "verify"}, "", &out), 0) << out;
}

}  // namespace
}  // namespace qorgau::testing
