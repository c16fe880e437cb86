#include "store/sqlite/sqlite_database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>

#include "store/connection_pool.h"

#include "testing/temp_dir.h"

namespace qorgau::store {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
using qorgau::testing::TempDir;

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  SqliteDatabaseTest() : db_(dir_.path() / "qorgau.db"), connection_(db_.connect()) {}

  Connection& conn() { return *connection_; }

  std::int64_t count(std::string_view table) {
    return conn().query_one("SELECT COUNT(*) FROM " + std::string(table))->integer(0);
  }

  TempDir dir_;
  SqliteDatabase db_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(SqliteDatabaseTest, ReportsEngineAndFile) {
  EXPECT_EQ(db_.engine(), "sqlite");
  EXPECT_EQ(db_.file(), dir_.path() / "qorgau.db");
  EXPECT_TRUE(fs::exists(dir_.path() / "qorgau.db"));
}

TEST_F(SqliteDatabaseTest, RoundTripsEveryValueType) {
  conn().execute("CREATE TABLE v (n, i, d, t, b)");
  const std::string kazakh = "Әлия Қасымова — Өскемен, Ұлытау, Іле, Үржар, Ғабит, Һ, Ң, Ә";
  const core::Bytes bytes = {0x00, 0x01, 0x00, 0xff, 0x00, 0x7f, 0x00};
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  const std::int64_t small = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(conn().execute("INSERT INTO v (n, i, d, t, b) VALUES ($1, $2, $3, $4, $5)",
                           {nullptr, big, 3.25, kazakh, bytes}),
            1);
  EXPECT_EQ(conn().execute("INSERT INTO v (n, i, d, t, b) VALUES ($1, $2, $3, $4, $5)",
                           {nullptr, small, -0.125, std::string(), bytes}),
            1);

  auto rows = conn().query("SELECT n, i, d, t, b FROM v ORDER BY rowid");
  ASSERT_EQ(rows.size(), 2u);
  const Row& r = rows[0];
  ASSERT_EQ(r.size(), 5u);
  EXPECT_TRUE(r.is_null(0));
  EXPECT_FALSE(r.is_null(1));
  EXPECT_EQ(r.integer(1), big);
  EXPECT_DOUBLE_EQ(r.real(2), 3.25);
  EXPECT_EQ(r.text(3), kazakh);
  EXPECT_EQ(r.bytes(4), bytes);
  EXPECT_EQ(r.bytes(4).size(), 7u) << "embedded zero bytes must not truncate a blob";

  EXPECT_EQ(rows[1].integer(1), small);
  EXPECT_DOUBLE_EQ(rows[1].real(2), -0.125);
  EXPECT_EQ(rows[1].text(3), "");
}

TEST_F(SqliteDatabaseTest, EmptyBytesStayBytesNotNull) {
  conn().execute("CREATE TABLE e (b BLOB NOT NULL)");
  conn().execute("INSERT INTO e (b) VALUES ($1)", {core::Bytes{}});
  auto row = conn().query_one("SELECT b, typeof(b) FROM e");
  ASSERT_TRUE(row);
  EXPECT_FALSE(row->is_null(0));
  EXPECT_TRUE(row->bytes(0).empty());
  EXPECT_EQ(row->text(1), "blob");
}

TEST_F(SqliteDatabaseTest, TextWithEmbeddedZeroStaysWhole) {
  conn().execute("CREATE TABLE t (x TEXT)");
  std::string with_zero("Қ\0Ә", 5);
  ASSERT_EQ(with_zero.size(), 5u);
  conn().execute("INSERT INTO t (x) VALUES ($1)", {with_zero});
  EXPECT_EQ(conn().query_one("SELECT x FROM t")->text(0), with_zero);
}

TEST_F(SqliteDatabaseTest, RowAccessorsCheckTypes) {
  auto row = conn().query_one("SELECT NULL, 7, 2.5, 'text', x'00ff'");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->optional_integer(0), std::nullopt);
  EXPECT_EQ(row->optional_text(0), std::nullopt);
  EXPECT_EQ(row->optional_bytes(0), std::nullopt);
  EXPECT_EQ(row->optional_integer(1), 7);
  EXPECT_DOUBLE_EQ(row->real(1), 7.0) << "an integer column reads as a real";
  EXPECT_EQ(row->optional_text(3), "text");
  EXPECT_EQ(row->optional_bytes(4), (core::Bytes{0x00, 0xff}));
  EXPECT_THROW(row->integer(0), StoreError);
  EXPECT_THROW(row->integer(2), StoreError);
  EXPECT_THROW(row->text(1), StoreError);
  EXPECT_THROW(row->bytes(3), StoreError);
  EXPECT_THROW(row->real(3), StoreError);
  EXPECT_THROW(row->is_null(5), std::out_of_range);
}

TEST_F(SqliteDatabaseTest, QueryOneReturnsFirstRowOrNothing) {
  conn().execute("CREATE TABLE t (x INTEGER)");
  EXPECT_FALSE(conn().query_one("SELECT x FROM t"));
  conn().execute("INSERT INTO t (x) VALUES (5), (6), (7)");
  auto row = conn().query_one("SELECT x FROM t ORDER BY x DESC");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->integer(0), 7);
  EXPECT_TRUE(conn().query("SELECT x FROM t WHERE x > 100").empty());
}

TEST_F(SqliteDatabaseTest, NumberedParametersIncludingReuse) {
  conn().execute("CREATE TABLE p (a INTEGER, b INTEGER, c TEXT)");
  // $1 is used twice, and parameters are bound by number, not by position of
  // appearance.
  conn().execute("INSERT INTO p (a, b, c) VALUES ($2, $1, $3 || '-' || $2)",
                 {std::int64_t{10}, std::int64_t{20}, std::string("x")});
  conn().execute("INSERT INTO p (a, b, c) VALUES ($1, $1, 'same')", {std::int64_t{5}});
  auto rows = conn().query("SELECT a, b, c FROM p ORDER BY rowid");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].integer(0), 20);
  EXPECT_EQ(rows[0].integer(1), 10);
  EXPECT_EQ(rows[0].text(2), "x-20");
  EXPECT_EQ(rows[1].integer(0), 5);
  EXPECT_EQ(rows[1].integer(1), 5);

  auto found =
      conn().query("SELECT c FROM p WHERE a = $1 OR b = $1 ORDER BY rowid", {std::int64_t{10}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text(0), "x-20");
}

TEST_F(SqliteDatabaseTest, AValueForAParameterTheStatementLacksIsRefused) {
  // Twice: the second time the statement (and where its parameters go) comes from the cache.
  for (int attempt = 0; attempt < 2; ++attempt) {
    EXPECT_THROW(conn().query("SELECT $1", {std::int64_t{1}, std::int64_t{2}}), StoreError);
    EXPECT_THROW(conn().query("SELECT $2", {std::int64_t{1}}), StoreError);
    EXPECT_EQ(conn().query_one("SELECT $1", {std::int64_t{3}})->integer(0), 3);
    // Numbers appearing in reverse order still bind by number.
    auto reversed =
        conn().query_one("SELECT $3, $2, $1", {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}});
    EXPECT_EQ(reversed->integer(0), 3);
    EXPECT_EQ(reversed->integer(2), 1);
  }
}

TEST_F(SqliteDatabaseTest, CachedStatementGetsFreshBindingsEachTime) {
  conn().execute("CREATE TABLE p (a INTEGER, b INTEGER)");
  const std::string sql = "INSERT INTO p (a, b) VALUES ($1, $2)";
  conn().execute(sql, {std::int64_t{1}, std::int64_t{2}});
  conn().execute(sql, {std::int64_t{3}});  // $2 not given this time: NULL, not the old 2
  auto rows = conn().query("SELECT a, b FROM p ORDER BY rowid");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].integer(0), 3);
  EXPECT_TRUE(rows[1].is_null(1));
}

TEST_F(SqliteDatabaseTest, TextAndBytesAreNotKeptPastTheCallThatBoundThem) {
  // Bound without a copy: once the call returns, its values are gone. A statement that kept
  // pointers to them would read freed memory on its next use (ASan reports it) or the old
  // value; it must read NULL for a parameter not given again.
  const std::string sql = "SELECT $1, $2";
  {
    std::vector<Value> params{std::string(64, 'a'), core::Bytes(64, 7)};
    auto row = conn().query_one(sql, params);
    EXPECT_EQ(row->text(0), std::string(64, 'a'));
    EXPECT_EQ(row->bytes(1), core::Bytes(64, 7));
  }
  auto row = conn().query_one(sql, {std::string(64, 'b')});
  EXPECT_EQ(row->text(0), std::string(64, 'b'));
  EXPECT_TRUE(row->is_null(1));
  // A call refused while binding leaves nothing bound either.
  EXPECT_THROW(conn().query(sql, {std::string(64, 'c'), std::string(64, 'd'), std::int64_t{1}}),
               StoreError);
  auto after = conn().query_one(sql);
  EXPECT_TRUE(after->is_null(0));
  EXPECT_TRUE(after->is_null(1));
}

TEST_F(SqliteDatabaseTest, TooManyParametersAndBadSqlAreErrors) {
  conn().execute("CREATE TABLE p (a INTEGER)");
  EXPECT_THROW(conn().execute("INSERT INTO p (a) VALUES ($1)", {std::int64_t{1}, std::int64_t{2}}),
               StoreError);
  EXPECT_THROW(conn().query("SELEC nonsense"), StoreError);
  EXPECT_THROW(conn().query("SELECT * FROM no_such_table"), StoreError);
  EXPECT_EQ(count("p"), 0);
}

TEST_F(SqliteDatabaseTest, ReturningIdAndChangeCounts) {
  conn().execute_script("CREATE TABLE r (id {{id_pk}}, name TEXT NOT NULL)");
  auto first =
      conn().query_one("INSERT INTO r (name) VALUES ($1) RETURNING id", {std::string("бірінші")});
  auto second =
      conn().query_one("INSERT INTO r (name) VALUES ($1) RETURNING id", {std::string("екінші")});
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_GT(first->integer(0), 0);
  EXPECT_GT(second->integer(0), first->integer(0));
  EXPECT_EQ(conn().query_one("SELECT name FROM r WHERE id = $1", {second->integer(0)})->text(0),
            "екінші");
  EXPECT_EQ(conn().execute("UPDATE r SET name = 'x'"), 2);
  EXPECT_EQ(conn().execute("DELETE FROM r WHERE id = $1", {first->integer(0)}), 1);
  EXPECT_EQ(conn().execute("DELETE FROM r WHERE id = $1", {first->integer(0)}), 0);
}

TEST_F(SqliteDatabaseTest, CommittedTransactionPersists) {
  conn().execute("CREATE TABLE t (x INTEGER)");
  {
    Transaction tx(conn());
    tx.connection().execute("INSERT INTO t (x) VALUES (1)");
    tx.commit();
  }
  EXPECT_EQ(count("t"), 1);
}

TEST_F(SqliteDatabaseTest, TransactionRollsBackWhenDestroyedWithoutCommit) {
  conn().execute("CREATE TABLE t (x INTEGER)");
  conn().execute("INSERT INTO t (x) VALUES (0)");
  {
    Transaction tx(conn());
    conn().execute("INSERT INTO t (x) VALUES (1)");
    conn().execute("UPDATE t SET x = 99 WHERE x = 0");
    EXPECT_EQ(count("t"), 2) << "the transaction sees its own writes";
  }
  EXPECT_EQ(count("t"), 1);
  EXPECT_EQ(conn().query_one("SELECT x FROM t")->integer(0), 0);
  // The connection is usable again, with a new transaction.
  Transaction tx(conn());
  conn().execute("INSERT INTO t (x) VALUES (2)");
  tx.commit();
  EXPECT_EQ(count("t"), 2);
}

TEST_F(SqliteDatabaseTest, TransactionRollsBackWhenAnExceptionIsThrownMidway) {
  conn().execute("CREATE TABLE t (x INTEGER)");
  auto change = [&] {
    Transaction tx(conn());
    conn().execute("INSERT INTO t (x) VALUES (1)");
    throw std::runtime_error("failure between begin and commit");
    // not reached: tx.commit();
  };
  EXPECT_THROW(change(), std::runtime_error);
  EXPECT_EQ(count("t"), 0);
}

TEST_F(SqliteDatabaseTest, TransactionRollsBackAfterAFailedStatement) {
  conn().execute("CREATE TABLE u (name TEXT UNIQUE)");
  auto change = [&] {
    Transaction tx(conn());
    conn().execute("INSERT INTO u (name) VALUES ('a')");
    conn().execute("INSERT INTO u (name) VALUES ('a')");  // throws
    tx.commit();
  };
  EXPECT_THROW(change(), ConstraintError);
  EXPECT_EQ(count("u"), 0) << "the first insert must not survive";
}

TEST_F(SqliteDatabaseTest, UncommittedDataIsInvisibleToOtherConnections) {
  conn().execute("CREATE TABLE t (x INTEGER)");
  auto other = db_.connect();
  {
    Transaction tx(conn());
    conn().execute("INSERT INTO t (x) VALUES (1)");
    EXPECT_EQ(other->query_one("SELECT COUNT(*) FROM t")->integer(0), 0);
  }
  EXPECT_EQ(other->query_one("SELECT COUNT(*) FROM t")->integer(0), 0);
}

TEST_F(SqliteDatabaseTest, UniqueViolationIsConstraintError) {
  conn().execute("CREATE TABLE u (name TEXT NOT NULL UNIQUE)");
  conn().execute("INSERT INTO u (name) VALUES ($1)", {std::string("Айгүл")});
  EXPECT_THROW(conn().execute("INSERT INTO u (name) VALUES ($1)", {std::string("Айгүл")}),
               ConstraintError);
  // Also through query() (INSERT ... RETURNING).
  EXPECT_THROW(
      conn().query("INSERT INTO u (name) VALUES ($1) RETURNING rowid", {std::string("Айгүл")}),
      ConstraintError);
  // ConstraintError is a StoreError.
  EXPECT_THROW(conn().execute("INSERT INTO u (name) VALUES ($1)", {std::string("Айгүл")}),
               StoreError);
  // Other errors are not constraint errors.
  try {
    conn().query("SELECT * FROM missing");
    FAIL() << "expected StoreError";
  } catch (const ConstraintError&) {
    FAIL() << "a missing table is not a constraint violation";
  } catch (const StoreError&) {
  }
  EXPECT_EQ(count("u"), 1);
}

TEST_F(SqliteDatabaseTest, ForeignKeysAreEnforced) {
  EXPECT_EQ(conn().query_one("PRAGMA foreign_keys")->integer(0), 1);
  conn().execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
  conn().execute("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))");
  EXPECT_THROW(conn().execute("INSERT INTO child (parent_id) VALUES (42)"), ConstraintError);
  conn().execute("INSERT INTO parent (id) VALUES (42)");
  EXPECT_EQ(conn().execute("INSERT INTO child (parent_id) VALUES (42)"), 1);
}

TEST_F(SqliteDatabaseTest, NotNullViolationIsConstraintError) {
  conn().execute("CREATE TABLE n (x TEXT NOT NULL)");
  EXPECT_THROW(conn().execute("INSERT INTO n (x) VALUES ($1)", {nullptr}), ConstraintError);
}

TEST_F(SqliteDatabaseTest, CommittedDataIsVisibleFromASecondConnection) {
  conn().execute("CREATE TABLE t (x TEXT)");
  {
    Transaction tx(conn());
    conn().execute("INSERT INTO t (x) VALUES ($1)", {std::string("Қорғау")});
    tx.commit();
  }
  auto second = db_.connect();
  auto row = second->query_one("SELECT x FROM t");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "Қорғау");

  // And from a connection of a separate Database object for the same file.
  SqliteDatabase again(dir_.path() / "qorgau.db");
  auto third = again.connect();
  EXPECT_EQ(third->query_one("SELECT x FROM t")->text(0), "Қорғау");

  // Writes from the second connection are seen by the first.
  second->execute("INSERT INTO t (x) VALUES ('екі')");
  EXPECT_EQ(count("t"), 2);
}

TEST_F(SqliteDatabaseTest, DataSurvivesClosingAllConnections) {
  conn().execute("CREATE TABLE t (x INTEGER)");
  conn().execute("INSERT INTO t (x) VALUES (7)");
  connection_.reset();
  SqliteDatabase reopened(dir_.path() / "qorgau.db");
  auto c = reopened.connect();
  EXPECT_EQ(c->query_one("SELECT x FROM t")->integer(0), 7);
}

TEST_F(SqliteDatabaseTest, WalModeAndFullSynchronousAreSet) {
  EXPECT_EQ(conn().query_one("PRAGMA journal_mode")->text(0), "wal");
  // 2 = FULL
  EXPECT_EQ(conn().query_one("PRAGMA synchronous")->integer(0), 2);
  auto second = db_.connect();
  EXPECT_EQ(second->query_one("PRAGMA journal_mode")->text(0), "wal");
  EXPECT_EQ(second->query_one("PRAGMA synchronous")->integer(0), 2);
  EXPECT_EQ(second->query_one("PRAGMA foreign_keys")->integer(0), 1);
  EXPECT_EQ(second->query_one("PRAGMA secure_delete")->integer(0), 1);
}

// Allocation statistics are off process-wide (one global mutex per allocation otherwise):
// with them off SQLite counts nothing, even while a connection holds memory.
TEST_F(SqliteDatabaseTest, AllocationStatisticsAreOff) {
  conn().execute("CREATE TABLE t (x TEXT)");
  conn().execute("INSERT INTO t (x) VALUES ($1)", {std::string(10000, 'x')});
  sqlite3_int64 current = -1;
  sqlite3_int64 highest = -1;
  ASSERT_EQ(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 0), SQLITE_OK);
  EXPECT_EQ(current, 0);
}

TEST_F(SqliteDatabaseTest, CannotOpenADatabaseInAMissingDirectory) {
  // The epochs file beside it is mapped first.
  EXPECT_THROW(SqliteDatabase(dir_.path() / "no" / "such" / "dir" / "qorgau.db"), StoreError);
}

// The publication of the change epochs (the row migration 0016 creates, made here by hand with
// a trigger of the same kind as the migration's).
class SqlitePublishedEpochsTest : public SqliteDatabaseTest {
 protected:
  SqlitePublishedEpochsTest() {
    conn().execute_script(
        "CREATE TABLE change_epochs (id INTEGER PRIMARY KEY, sign_in INTEGER NOT NULL, "
        "orders INTEGER NOT NULL);"
        "INSERT INTO change_epochs VALUES (1, 0, 0);"
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, v TEXT);"
        "CREATE TABLE other (id INTEGER PRIMARY KEY, v TEXT);"
        "CREATE TRIGGER orders_moved AFTER INSERT ON orders BEGIN "
        "UPDATE change_epochs SET orders = orders + 1 WHERE id = 1; END;");
  }

  std::int64_t published_orders() { return db_.published_epochs().read().orders; }
};

TEST_F(SqlitePublishedEpochsTest, ACommittedChangeIsPublishedBeforeTheCommitReturns) {
  EXPECT_EQ(published_orders(), 0);
  conn().execute("INSERT INTO orders (v) VALUES ('a')");  // its own transaction
  EXPECT_EQ(published_orders(), 1);

  Transaction transaction(conn());
  conn().execute("INSERT INTO orders (v) VALUES ('b')");
  conn().execute("INSERT INTO orders (v) VALUES ('c')");
  EXPECT_EQ(published_orders(), 1) << "not committed yet";
  transaction.commit();
  EXPECT_EQ(published_orders(), 3);
  EXPECT_EQ(db_.published_epochs().read().sign_in, 0);
}

TEST_F(SqlitePublishedEpochsTest, ARolledBackChangePublishesNothing) {
  {
    Transaction transaction(conn());
    conn().execute("INSERT INTO orders (v) VALUES ('a')");
  }  // rolled back
  EXPECT_EQ(published_orders(), 0);
  conn().execute("INSERT INTO other (v) VALUES ('x')");
  EXPECT_EQ(published_orders(), 0) << "a later commit without the epochs publishes nothing new";
  EXPECT_EQ(conn().query_one("SELECT orders FROM change_epochs")->integer(0), 0);
}

TEST_F(SqlitePublishedEpochsTest, ChangesByAnotherDatabaseObjectReachThisOne) {
  // As another process would: its own mapping of the same file, its own connection.
  SqliteDatabase other(dir_.path() / "qorgau.db");
  other.connect()->execute("INSERT INTO orders (v) VALUES ('a')");
  EXPECT_EQ(published_orders(), 1);
  // Publication only raises: an older reading published late changes nothing.
  db_.published_epochs().publish({0, 0});
  EXPECT_EQ(published_orders(), 1);
}

TEST_F(SqlitePublishedEpochsTest, AFailedStatementInATransactionKeepsItsChangeUnpublished) {
  conn().execute("CREATE UNIQUE INDEX one_v ON orders (v)");
  Transaction transaction(conn());
  conn().execute("INSERT INTO orders (v) VALUES ('a')");
  EXPECT_THROW(conn().execute("INSERT INTO orders (v) VALUES ('a')"), ConstraintError);
  EXPECT_EQ(published_orders(), 0) << "the transaction is still open";
  transaction.commit();
  EXPECT_EQ(published_orders(), 1);
}

TEST(SqliteMacros, ExpandIdPkAndBytes) {
  EXPECT_EQ(
      expand_sqlite_macros("CREATE TABLE t (id {{id_pk}}, a {{bytes}}, b {{bytes}} NOT NULL)"),
      "CREATE TABLE t (id INTEGER PRIMARY KEY, a BLOB, b BLOB NOT NULL)");
  EXPECT_EQ(expand_sqlite_macros("SELECT 1"), "SELECT 1");
  EXPECT_EQ(expand_sqlite_macros(""), "");
  EXPECT_EQ(expand_sqlite_macros("{{bytes}}{{bytes}}{{id_pk}}"), "BLOBBLOBINTEGER PRIMARY KEY");
  // Unknown macros are left alone.
  EXPECT_EQ(expand_sqlite_macros("{{other}}"), "{{other}}");
}

TEST_F(SqliteDatabaseTest, ExecuteScriptRunsSeveralStatementsWithMacros) {
  conn().execute_script(
      "CREATE TABLE a (id {{id_pk}}, payload {{bytes}} NOT NULL);\n"
      "CREATE INDEX a_payload ON a (payload);\n"
      "INSERT INTO a (payload) VALUES (x'0001');\n"
      "INSERT INTO a (payload) VALUES (x'0002');\n");
  EXPECT_EQ(count("a"), 2);
  auto columns = conn().query("SELECT name, type, pk FROM pragma_table_info('a') ORDER BY cid");
  ASSERT_EQ(columns.size(), 2u);
  EXPECT_EQ(columns[0].text(0), "id");
  EXPECT_EQ(columns[0].text(1), "INTEGER");
  EXPECT_EQ(columns[0].integer(2), 1);
  EXPECT_EQ(columns[1].text(1), "BLOB");
  // {{id_pk}} assigns ids automatically.
  auto ids = conn().query("SELECT id FROM a ORDER BY id");
  EXPECT_EQ(ids[0].integer(0), 1);
  EXPECT_EQ(ids[1].integer(0), 2);
  EXPECT_EQ(conn().query_one("SELECT payload FROM a WHERE id = 2")->bytes(0),
            (core::Bytes{0x00, 0x02}));
}

TEST_F(SqliteDatabaseTest, ExecuteScriptErrorsAreReported) {
  EXPECT_THROW(conn().execute_script("CREATE TABLE ok (x); THIS IS NOT SQL;"), StoreError);
  conn().execute("CREATE TABLE u (x UNIQUE)");
  EXPECT_THROW(conn().execute_script("INSERT INTO u VALUES (1); INSERT INTO u VALUES (1);"),
               ConstraintError);
}

TEST_F(SqliteDatabaseTest, RollbackWithoutTransactionIsHarmless) {
  EXPECT_NO_THROW(conn().rollback());
  conn().execute("CREATE TABLE t (x INTEGER)");
  conn().begin();
  conn().execute("INSERT INTO t (x) VALUES (1)");
  conn().rollback();
  EXPECT_EQ(count("t"), 0);
  EXPECT_THROW(conn().commit(), StoreError) << "no transaction is open";
}

TEST_F(SqliteDatabaseTest, ConnectionPoolReusesConnectionsAndBlocksWhenEmpty) {
  conn().execute("CREATE TABLE t (x INTEGER)");
  ConnectionPool pool(db_, 1);
  EXPECT_EQ(&pool.database(), &db_);
  Connection* first = nullptr;
  {
    auto lease = pool.lease();
    first = &*lease;
    lease->execute("INSERT INTO t (x) VALUES (1)");
  }
  std::atomic<bool> leased{false};
  Connection* seen = nullptr;
  {
    auto lease = pool.lease();
    EXPECT_EQ(&*lease, first) << "the one connection comes back to the pool";
    std::thread waiter([&] {
      auto inner = pool.lease();
      seen = &*inner;
      leased = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(leased.load()) << "lease() must wait while the pool is empty";
    {
      auto moved = std::move(lease);  // a moved-from lease returns nothing
    }
    waiter.join();
  }
  EXPECT_TRUE(leased.load());
  EXPECT_EQ(seen, first);
  auto again = pool.lease();
  EXPECT_EQ(again->query_one("SELECT COUNT(*) FROM t")->integer(0), 1);
}

}  // namespace
}  // namespace qorgau::store
