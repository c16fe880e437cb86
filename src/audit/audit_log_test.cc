#include "audit/audit_log.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "crypto/keyring.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

#include "testing/migrated_store.h"
#include "testing/temp_dir.h"

namespace qorgau::audit {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

using qorgau::testing::TempDir;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // November 2026

AuditEvent event(std::string action, std::string object_id, std::optional<std::int64_t> user = 7,
                 std::optional<std::int64_t> agency = 3) {
  return AuditEvent{user,       agency,   std::move(action), "person", std::move(object_id),
                    "10.0.0.1", "success"};
}

class AuditLogTest : public qorgau::testing::MigratedStore {
 protected:
  AuditLogTest() : MigratedStore(kStartMs), chain_(keyring_), log_(chain_, clock_) {}

  // Five entries, one second apart, with distinct contents.
  void append_five() {
    const char* actions[] = {"person.create", "person.read", "person.update", "user.create",
                             "session.login"};
    for (int i = 0; i < 5; ++i) {
      EXPECT_EQ(log_.record(conn(), event(actions[i], std::to_string(40 + i))), i + 1);
      clock_.advance(1s);
    }
  }

  std::int64_t rows() { return conn().query_one("SELECT COUNT(*) FROM audit_log")->integer(0); }

  crypto::HashChain chain_;
  AuditLog log_;
};

TEST_F(AuditLogTest, EmptyLogIsIntact) {
  VerifyResult result = log_.verify(conn());
  EXPECT_TRUE(result.intact);
  EXPECT_EQ(result.entries, 0);
  EXPECT_EQ(result.first_broken_seq, std::nullopt);
  EXPECT_TRUE(result.reason.empty());
  EXPECT_TRUE(log_.list(conn(), 0, 100).empty());
}

TEST_F(AuditLogTest, AppendsNumberedEntriesAndListsThem) {
  append_five();
  EXPECT_EQ(rows(), 5);

  auto all = log_.list(conn(), 0, 100);
  ASSERT_EQ(all.size(), 5u);
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(all[i].at_ms, kStartMs + static_cast<std::int64_t>(i) * 1000);
    EXPECT_EQ(all[i].hash.size(), 32u);
  }
  EXPECT_EQ(all[0].event.action, "person.create");
  EXPECT_EQ(all[0].event.actor_user_id, 7);
  EXPECT_EQ(all[0].event.actor_agency_id, 3);
  EXPECT_EQ(all[0].event.object_type, "person");
  EXPECT_EQ(all[0].event.object_id, "40");
  EXPECT_EQ(all[0].event.source_ip, "10.0.0.1");
  EXPECT_EQ(all[0].event.outcome, "success");
  EXPECT_EQ(all[4].event.action, "session.login");
  // Each hash links to the previous one.
  EXPECT_EQ(all[0].hash, chain_.link(crypto::HashChain::genesis(),
                                     AuditLog::canonical(1, all[0].at_ms, all[0].event)));
  EXPECT_EQ(all[1].hash,
            chain_.link(all[0].hash, AuditLog::canonical(2, all[1].at_ms, all[1].event)));

  auto page = log_.list(conn(), 1, 2);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].seq, 2);
  EXPECT_EQ(page[1].seq, 3);
  auto tail = log_.list(conn(), 3, 100);
  ASSERT_EQ(tail.size(), 2u);
  EXPECT_EQ(tail[0].seq, 4);
  EXPECT_EQ(tail[1].seq, 5);
  EXPECT_TRUE(log_.list(conn(), 5, 100).empty());
  EXPECT_EQ(log_.list(conn(), 0, 1).size(), 1u);

  // The head records the last entry.
  auto head = conn().query_one("SELECT seq, hash FROM audit_head WHERE id = 1");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->integer(0), 5);
  EXPECT_EQ(head->bytes(1), all[4].hash);

  VerifyResult result = log_.verify(conn());
  EXPECT_TRUE(result.intact) << result.reason;
  EXPECT_EQ(result.entries, 5);
  EXPECT_EQ(result.first_broken_seq, std::nullopt);
}

// A group commit appends a batch in one call, written several rows per statement: batches
// below, at and above one statement's rows, after entries already there, keep order and chain.
TEST_F(AuditLogTest, AppendsBatchesOfAnySizeInOrderOnOneChain) {
  append_five();
  std::int64_t seq = 5;
  for (std::size_t size : {1u, 31u, 32u, 33u, 70u}) {
    std::vector<AuditEvent> batch;
    for (std::size_t i = 0; i < size; ++i) {
      batch.push_back(event("orders.verify", std::to_string(seq + 1 + i),
                            i % 3 == 0 ? std::nullopt : std::optional<std::int64_t>(i)));
    }
    std::vector<const AuditEvent*> pointers;
    for (const AuditEvent& e : batch) pointers.push_back(&e);
    store::Transaction tx(conn());
    EXPECT_EQ(log_.append_all(conn(), pointers), seq + static_cast<std::int64_t>(size));
    tx.commit();
    auto written = log_.list(conn(), seq, 1000);
    ASSERT_EQ(written.size(), size);
    for (std::size_t i = 0; i < size; ++i) {
      EXPECT_EQ(written[i].seq, seq + 1 + static_cast<std::int64_t>(i));
      EXPECT_EQ(written[i].event.object_id, std::to_string(seq + 1 + i));
      EXPECT_EQ(written[i].event.actor_user_id, batch[i].actor_user_id);
    }
    seq += static_cast<std::int64_t>(size);
  }
  EXPECT_EQ(rows(), seq);
  VerifyResult result = log_.verify(conn());
  EXPECT_TRUE(result.intact) << result.reason;
  EXPECT_EQ(result.entries, seq);
}

TEST_F(AuditLogTest, NullActorsRoundTrip) {
  log_.record(conn(), event("system.start", "0", std::nullopt, std::nullopt));
  auto entries = log_.list(conn(), 0, 10);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].event.actor_user_id, std::nullopt);
  EXPECT_EQ(entries[0].event.actor_agency_id, std::nullopt);
  EXPECT_TRUE(conn().query_one("SELECT actor_user_id FROM audit_log")->is_null(0));
  EXPECT_TRUE(log_.verify(conn()).intact);
}

TEST_F(AuditLogTest, AppendJoinsTheCallersTransaction) {
  log_.record(conn(), event("person.create", "1"));
  {
    store::Transaction tx(conn());
    EXPECT_EQ(log_.append(conn(), event("person.update", "1")), 2);
    // destroyed without commit: the entry and the head change roll back
  }
  EXPECT_EQ(rows(), 1);
  EXPECT_EQ(conn().query_one("SELECT seq FROM audit_head")->integer(0), 1);
  EXPECT_TRUE(log_.verify(conn()).intact);
  {
    store::Transaction tx(conn());
    EXPECT_EQ(log_.append(conn(), event("person.update", "1")), 2);
    tx.commit();
  }
  EXPECT_EQ(rows(), 2);
  EXPECT_TRUE(log_.verify(conn()).intact);
}

TEST_F(AuditLogTest, EditedEntryIsDetected) {
  append_five();
  conn().execute("UPDATE audit_log SET action = 'person.delete' WHERE seq = 3");
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 3);
  EXPECT_EQ(result.entries, 2) << "entries before the broken one are counted";
  EXPECT_FALSE(result.reason.empty());
}

TEST_F(AuditLogTest, EditOfEveryColumnIsDetected) {
  const char* edits[] = {
      "UPDATE audit_log SET at = at + 1 WHERE seq = 2",
      "UPDATE audit_log SET actor_user_id = 8 WHERE seq = 2",
      "UPDATE audit_log SET actor_user_id = NULL WHERE seq = 2",
      "UPDATE audit_log SET actor_agency_id = 4 WHERE seq = 2",
      "UPDATE audit_log SET object_type = 'user' WHERE seq = 2",
      "UPDATE audit_log SET object_id = '99' WHERE seq = 2",
      "UPDATE audit_log SET source_ip = '10.0.0.2' WHERE seq = 2",
      "UPDATE audit_log SET outcome = 'denied' WHERE seq = 2",
      "UPDATE audit_log SET hash = zeroblob(32) WHERE seq = 2",
  };
  append_five();
  for (const char* edit : edits) {
    store::Transaction tx(conn());
    conn().execute(edit);
    VerifyResult result = log_.verify(conn());
    EXPECT_FALSE(result.intact) << edit;
    EXPECT_EQ(result.first_broken_seq, 2) << edit;
    // destroyed without commit: undo the edit for the next round
  }
  EXPECT_TRUE(log_.verify(conn()).intact);
}

TEST_F(AuditLogTest, DeletedMiddleEntryIsDetected) {
  append_five();
  conn().execute("DELETE FROM audit_log WHERE seq = 3");
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 3);
  EXPECT_EQ(result.entries, 2);
}

TEST_F(AuditLogTest, DeletedFirstEntryIsDetected) {
  append_five();
  conn().execute("DELETE FROM audit_log WHERE seq = 1");
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 1);
  EXPECT_EQ(result.entries, 0);
}

TEST_F(AuditLogTest, SwappedEntriesAreDetected) {
  append_five();
  // Swap the seq values of entries 2 and 4 (through a free value, since seq
  // is the primary key).
  conn().execute("UPDATE audit_log SET seq = -1 WHERE seq = 2");
  conn().execute("UPDATE audit_log SET seq = 2 WHERE seq = 4");
  conn().execute("UPDATE audit_log SET seq = 4 WHERE seq = -1");
  ASSERT_EQ(conn().query_one("SELECT action FROM audit_log WHERE seq = 2")->text(0), "user.create");
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 2);
  EXPECT_EQ(result.entries, 1);
}

TEST_F(AuditLogTest, SwappedAdjacentEntriesAreDetected) {
  append_five();
  conn().execute("UPDATE audit_log SET seq = -1 WHERE seq = 4");
  conn().execute("UPDATE audit_log SET seq = 4 WHERE seq = 5");
  conn().execute("UPDATE audit_log SET seq = 5 WHERE seq = -1");
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 4);
}

TEST_F(AuditLogTest, RemovedLastEntryWithHeadLeftIsDetected) {
  append_five();
  conn().execute("DELETE FROM audit_log WHERE seq = 5");
  ASSERT_EQ(conn().query_one("SELECT seq FROM audit_head")->integer(0), 5);
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 5);
  EXPECT_EQ(result.entries, 4);
  EXPECT_FALSE(result.reason.empty());
}

TEST_F(AuditLogTest, TruncatedTailWithRewoundHeadSeqButOldHashIsDetected) {
  append_five();
  conn().execute("DELETE FROM audit_log WHERE seq = 5");
  conn().execute("UPDATE audit_head SET seq = 4");
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact) << "the head's hash still names entry 5";
  EXPECT_EQ(result.first_broken_seq, 5);
}

TEST_F(AuditLogTest, RemovedHeadIsDetected) {
  append_five();
  conn().execute("DELETE FROM audit_head");
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
}

TEST_F(AuditLogTest, ForgedEntryAppendedWithoutHeadIsDetected) {
  append_five();
  auto last = log_.list(conn(), 4, 1).at(0);
  // Someone without the key appends an entry and cannot compute its hash.
  conn().execute(
      "INSERT INTO audit_log (seq, at, actor_user_id, actor_agency_id, action, object_type, "
      "object_id, source_ip, outcome, hash) VALUES (6, $1, 1, 1, 'person.read', 'person', '1', "
      "'10.0.0.9', 'success', $2)",
      {kStartMs + 10'000, last.hash});
  VerifyResult result = log_.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 6);
}

TEST_F(AuditLogTest, ChainBuiltWithOneKeyringFailsWithAnother) {
  append_five();
  ASSERT_TRUE(log_.verify(conn()).intact);
  crypto::Keyring other_keyring = crypto::Keyring::random();
  crypto::HashChain other_chain(other_keyring);
  AuditLog other(other_chain, clock_);
  VerifyResult result = other.verify(conn());
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_seq, 1);
  EXPECT_EQ(result.entries, 0);
}

TEST_F(AuditLogTest, ContinuesTheChainAcrossInstancesWithTheSameKey) {
  log_.record(conn(), event("person.read", "1"));
  crypto::HashChain same_chain(keyring_);
  AuditLog again(same_chain, clock_);
  auto other_connection = db_.connect();
  EXPECT_EQ(again.record(*other_connection, event("person.read", "2")), 2);
  EXPECT_TRUE(log_.verify(conn()).intact);
  EXPECT_EQ(log_.verify(conn()).entries, 2);
}

TEST(AuditCanonical, DiffersWhenAnyFieldDiffers) {
  const AuditEvent base{7, 3, "person.read", "person", "42", "10.0.0.1", "success"};
  const std::string reference = AuditLog::canonical(5, 1000, base);
  EXPECT_EQ(AuditLog::canonical(5, 1000, base), reference) << "deterministic";

  EXPECT_NE(AuditLog::canonical(6, 1000, base), reference);
  EXPECT_NE(AuditLog::canonical(5, 1001, base), reference);
  auto changed = [&](auto mutate) {
    AuditEvent e = base;
    mutate(e);
    return AuditLog::canonical(5, 1000, e);
  };
  EXPECT_NE(changed([](AuditEvent& e) { e.actor_user_id = 8; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.actor_user_id = std::nullopt; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.actor_agency_id = 4; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.actor_agency_id = std::nullopt; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.action = "person.update"; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.object_type = "user"; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.object_id = "43"; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.source_ip = "10.0.0.2"; }), reference);
  EXPECT_NE(changed([](AuditEvent& e) { e.outcome = "denied"; }), reference);
}

TEST(AuditCanonical, KeepsTheFormatStoredChainsWereHashedWith) {
  // Every stored hash was computed over this exact encoding: changing it breaks every chain.
  const AuditEvent event{7, std::nullopt, "person.read", "person", "42", "10.0.0.1", "success"};
  EXPECT_EQ(AuditLog::canonical(-5, 1795333544194, event),
            "audit-v1;2:-5;13:1795333544194;1:7;1:-;11:person.read;6:person;2:42;8:10.0.0.1;"
            "7:success;");
}

TEST(AuditCanonical, IsUnambiguousAcrossFieldBoundaries) {
  // Moving characters from one field to the next must change the encoding.
  AuditEvent a{1, 1, "ab", "c", "1", "ip", "success"};
  AuditEvent b{1, 1, "a", "bc", "1", "ip", "success"};
  EXPECT_NE(AuditLog::canonical(1, 1, a), AuditLog::canonical(1, 1, b));
  AuditEvent c{1, 1, "a;", "b", "1", "ip", "success"};
  AuditEvent d{1, 1, "a", ";b", "1", "ip", "success"};
  EXPECT_NE(AuditLog::canonical(1, 1, c), AuditLog::canonical(1, 1, d));
  // The user and agency actors are not interchangeable.
  AuditEvent e{std::nullopt, 2, "x", "y", "1", "ip", "success"};
  AuditEvent f{2, std::nullopt, "x", "y", "1", "ip", "success"};
  EXPECT_NE(AuditLog::canonical(1, 1, e), AuditLog::canonical(1, 1, f));
  // seq and time are not interchangeable either.
  AuditEvent g{1, 1, "x", "y", "1", "ip", "success"};
  EXPECT_NE(AuditLog::canonical(1, 2, g), AuditLog::canonical(2, 1, g));
}

// Migration 0015 moves the log into a table keyed by its row id: an existing chain survives,
// and no second b-tree is kept for seq any more.
TEST(AuditLogUpgrade, MovingToTheRowIdKeyKeepsTheChain) {
  TempDir dir;
  store::SqliteDatabase db(dir.path() / "qorgau.db");
  auto connection = db.connect();
  const auto& shipped = store::shipped_migrations();
  std::vector<store::Migration> before;
  for (const auto& m : shipped) {
    if (m.version < 15) before.push_back(m);
  }
  store::migrate(*connection, before);
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kStartMs))};
  crypto::Keyring keyring = crypto::Keyring::random();
  crypto::HashChain chain(keyring);
  AuditLog log(chain, clock);
  for (int i = 0; i < 20; ++i) log.record(*connection, event("person.read", std::to_string(i)));
  EXPECT_FALSE(connection->query("PRAGMA index_list(audit_log)").empty())
      << "before: seq has an index of its own";

  store::migrate(*connection);
  VerifyResult result = log.verify(*connection);
  EXPECT_TRUE(result.intact) << result.reason;
  EXPECT_EQ(result.entries, 20);
  EXPECT_TRUE(connection->query("PRAGMA index_list(audit_log)").empty());
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) FROM audit_log WHERE rowid = seq")->integer(0),
            20);
  EXPECT_EQ(log.record(*connection, event("person.read", "after")), 21);
  EXPECT_TRUE(log.verify(*connection).intact);
}

}  // namespace
}  // namespace qorgau::audit
