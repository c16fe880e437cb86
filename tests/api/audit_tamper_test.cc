// The audit log is tamper-evident: after real activity over HTTP,
// `qorgau audit verify` reports the chain intact; after any edit, deletion,
// reordering or truncation made directly in the database file, it reports
// the first broken entry and exits with status 2.
#include <gtest/gtest.h>

#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

class AuditTamper : public ::testing::Test {
 protected:
  void SetUp() override {
    Client inspector(server_.port());
    ASSERT_EQ(inspector.login("inspector", kDemoPassword).status, 200);
    ASSERT_EQ(inspector.get("/api/v1/people/1").status, 200);
    ASSERT_EQ(inspector.get("/api/v1/people/2").status, 200);
    Client intruder(server_.port());
    ASSERT_EQ(intruder.login("inspector", "wrong-password-123").status, 401);
    ASSERT_EQ(server_.stop(), 0);
    std::string out;
    ASSERT_EQ(server_.run_cli({"audit", "verify"}, "", &out), 0) << out;
    ASSERT_NE(out.find("intact"), std::string::npos);
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    db_ = database.connect();
    entries_ = db_->query_one("SELECT COUNT(*) FROM audit_log")->integer(0);
    ASSERT_GE(entries_, 15);  // demo data, logins, reads, the verify itself
  }

  // Runs verify; returns its exit code and fills `out`.
  int verify(std::string& out) { return server_.run_cli({"audit", "verify"}, "", &out); }

  TestServer server_;
  std::unique_ptr<store::Connection> db_;
  std::int64_t entries_ = 0;
};

TEST_F(AuditTamper, ReadsOfPeopleAndFailedLoginsAreRecorded) {
  EXPECT_EQ(db_->query("SELECT seq FROM audit_log WHERE action = 'person.read'").size(), 2u);
  auto failure = db_->query_one(
      "SELECT outcome FROM audit_log WHERE action = 'session.login' ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->text(0), "failure");
}

TEST_F(AuditTamper, EditingAnEntryIsDetected) {
  db_->execute("UPDATE audit_log SET action = 'person.create' WHERE seq = 7");
  std::string out;
  EXPECT_EQ(verify(out), 2);
  EXPECT_NE(out.find("BROKEN at entry 7"), std::string::npos) << out;
}

TEST_F(AuditTamper, EditingTheActorOrTimeIsDetected) {
  db_->execute("UPDATE audit_log SET at = at - 3600000 WHERE seq = 5");
  db_->execute("UPDATE audit_log SET actor_user_id = 1 WHERE seq = 9");
  std::string out;
  EXPECT_EQ(verify(out), 2);
  EXPECT_NE(out.find("BROKEN at entry 5"), std::string::npos) << out;
}

TEST_F(AuditTamper, DeletingAnEntryIsDetected) {
  db_->execute("DELETE FROM audit_log WHERE seq = 10");
  std::string out;
  EXPECT_EQ(verify(out), 2);
  EXPECT_NE(out.find("BROKEN at entry 10"), std::string::npos) << out;
}

TEST_F(AuditTamper, ReorderingEntriesIsDetected) {
  // Swap entries 4 and 6 by renumbering them.
  db_->execute("UPDATE audit_log SET seq = -4 WHERE seq = 4");
  db_->execute("UPDATE audit_log SET seq = 4 WHERE seq = 6");
  db_->execute("UPDATE audit_log SET seq = 6 WHERE seq = -4");
  std::string out;
  EXPECT_EQ(verify(out), 2);
  EXPECT_NE(out.find("BROKEN at entry 4"), std::string::npos) << out;
}

TEST_F(AuditTamper, RemovingTheNewestEntriesIsDetected) {
  db_->execute("DELETE FROM audit_log WHERE seq > $1", {entries_ - 2});
  std::string out;
  EXPECT_EQ(verify(out), 2);
  EXPECT_NE(out.find("BROKEN at entry " + std::to_string(entries_ - 1)), std::string::npos) << out;
}

TEST_F(AuditTamper, ForgingAHashWithoutTheKeyIsDetected) {
  // Someone recomputes nothing but copies entry 3's hash onto entry 8.
  db_->execute(
      "UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE seq = 3) "
      "WHERE seq = 8");
  std::string out;
  EXPECT_EQ(verify(out), 2);
  EXPECT_NE(out.find("BROKEN at entry 8"), std::string::npos) << out;
}

}  // namespace
}  // namespace qorgau::testing
