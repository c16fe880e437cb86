#include "store/migrations.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

#include "store/sqlite/sqlite_database.h"

#include "testing/temp_dir.h"

namespace qorgau::store {
namespace {

namespace fs = std::filesystem;

using qorgau::testing::TempDir;

class MigrationsTest : public ::testing::Test {
 protected:
  MigrationsTest() : db_(dir_.path() / "qorgau.db"), connection_(db_.connect()) {}

  Connection& conn() { return *connection_; }

  bool table_exists(std::string_view name) {
    return conn()
               .query_one("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1",
                          {std::string(name)})
               ->integer(0) == 1;
  }
  std::int64_t migration_rows() {
    return conn().query_one("SELECT COUNT(*) FROM schema_migrations")->integer(0);
  }

  TempDir dir_;
  SqliteDatabase db_;
  std::unique_ptr<Connection> connection_;
};

std::vector<Migration> two_test_migrations() {
  return {
      {1, "0001_first.sql", "CREATE TABLE first_t (id {{id_pk}}, data {{bytes}});"},
      {2, "0002_second.sql",
       "CREATE TABLE second_t (id {{id_pk}}, name TEXT NOT NULL);\n"
       "INSERT INTO second_t (name) VALUES ('seed');"},
  };
}

TEST(ShippedMigrations, AreSortedUniqueAndNamed) {
  const auto& migrations = shipped_migrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations.front().version, 1);
  std::set<int> versions;
  for (size_t i = 0; i < migrations.size(); ++i) {
    const Migration& m = migrations[i];
    EXPECT_TRUE(versions.insert(m.version).second) << "duplicate version " << m.version;
    if (i > 0) {
      EXPECT_GT(m.version, migrations[i - 1].version);
    }
    EXPECT_FALSE(m.sql.empty()) << m.name;
    EXPECT_EQ(m.name.size() > 4 ? m.name.substr(m.name.size() - 4) : "", ".sql") << m.name;
    EXPECT_EQ(std::stoi(m.name.substr(0, m.name.find('_'))), m.version) << m.name;
  }
}

TEST_F(MigrationsTest, EmptyDatabaseIsVersionZero) {
  EXPECT_EQ(schema_version(conn()), 0);
  EXPECT_TRUE(table_exists("schema_migrations"));
  EXPECT_EQ(migration_rows(), 0);
}

TEST_F(MigrationsTest, ShippedMigrationsApplyOnceAndAreIdempotent) {
  const int latest = shipped_migrations().back().version;
  EXPECT_EQ(migrate(conn()), static_cast<int>(shipped_migrations().size()));
  EXPECT_EQ(schema_version(conn()), latest);
  for (const char* table : {"agencies", "users", "sessions", "audit_log", "audit_head", "people"}) {
    EXPECT_TRUE(table_exists(table)) << table;
  }
  EXPECT_EQ(migration_rows(), static_cast<std::int64_t>(shipped_migrations().size()));

  EXPECT_EQ(migrate(conn()), 0) << "a second run applies nothing";
  EXPECT_EQ(schema_version(conn()), latest);
  EXPECT_EQ(migration_rows(), static_cast<std::int64_t>(shipped_migrations().size()));

  // Also from another connection to the same file.
  auto other = db_.connect();
  EXPECT_EQ(migrate(*other), 0);
  EXPECT_EQ(schema_version(*other), latest);
}

TEST_F(MigrationsTest, RecordsNameAndTimeOfEachMigration) {
  migrate(conn(), two_test_migrations());
  auto rows =
      conn().query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].integer(0), 1);
  EXPECT_EQ(rows[0].text(1), "0001_first.sql");
  EXPECT_EQ(rows[1].integer(0), 2);
  EXPECT_EQ(rows[1].text(1), "0002_second.sql");
  EXPECT_GT(rows[0].integer(2), 1'600'000'000'000) << "milliseconds since the epoch";
}

TEST_F(MigrationsTest, AppliesOnlyPendingMigrations) {
  auto all = two_test_migrations();
  std::vector<Migration> only_first(all.begin(), all.begin() + 1);
  EXPECT_EQ(migrate(conn(), only_first), 1);
  EXPECT_EQ(schema_version(conn()), 1);
  EXPECT_TRUE(table_exists("first_t"));
  EXPECT_FALSE(table_exists("second_t"));

  EXPECT_EQ(migrate(conn(), all), 1) << "only version 2 is pending";
  EXPECT_EQ(schema_version(conn()), 2);
  EXPECT_TRUE(table_exists("second_t"));
  EXPECT_EQ(conn().query_one("SELECT COUNT(*) FROM second_t")->integer(0), 1)
      << "the seed row is inserted once";
  EXPECT_EQ(migrate(conn(), all), 0);
  EXPECT_EQ(conn().query_one("SELECT COUNT(*) FROM second_t")->integer(0), 1);
}

TEST_F(MigrationsTest, MacrosAreExpandedInMigrations) {
  migrate(conn(), two_test_migrations());
  auto columns =
      conn().query("SELECT name, type, pk FROM pragma_table_info('first_t') ORDER BY cid");
  ASSERT_EQ(columns.size(), 2u);
  EXPECT_EQ(columns[0].text(1), "INTEGER");
  EXPECT_EQ(columns[0].integer(2), 1);
  EXPECT_EQ(columns[1].text(1), "BLOB");
}

TEST_F(MigrationsTest, RefusesADatabaseNewerThanTheKnownMigrations) {
  EXPECT_EQ(migrate(conn(), two_test_migrations()), 2);
  auto all = two_test_migrations();
  std::vector<Migration> older(all.begin(), all.begin() + 1);
  EXPECT_THROW(migrate(conn(), older), StoreError);
  EXPECT_EQ(schema_version(conn()), 2) << "the refused database is left as it was";

  // The same with the shipped migrations: a database from a future version.
  TempDir other_dir;
  SqliteDatabase other_db(other_dir.path() / "qorgau.db");
  auto other = other_db.connect();
  migrate(*other);
  const int latest = shipped_migrations().back().version;
  other->execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, 0)",
                 {static_cast<std::int64_t>(latest + 1), std::string("9999_future.sql")});
  EXPECT_EQ(schema_version(*other), latest + 1);
  try {
    migrate(*other);
    FAIL() << "a newer database must be refused";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

TEST_F(MigrationsTest, FailingMigrationLeavesNoTraceAndVersionUnchanged) {
  auto migrations = two_test_migrations();
  migrations.push_back({3, "0003_broken.sql",
                        "CREATE TABLE partial_t (id {{id_pk}});\n"
                        "INSERT INTO partial_t (id) VALUES (1);\n"
                        "INSERT INTO no_such_table (x) VALUES (1);\n"});
  EXPECT_THROW(migrate(conn(), migrations), StoreError);
  EXPECT_EQ(schema_version(conn()), 2) << "the migrations before the broken one stay applied";
  EXPECT_TRUE(table_exists("second_t"));
  EXPECT_FALSE(table_exists("partial_t")) << "no half-applied migration";
  EXPECT_EQ(migration_rows(), 2);

  // The connection is still usable, and a fixed migration applies.
  migrations.back().sql = "CREATE TABLE partial_t (id {{id_pk}});";
  EXPECT_EQ(migrate(conn(), migrations), 1);
  EXPECT_EQ(schema_version(conn()), 3);
  EXPECT_TRUE(table_exists("partial_t"));
}

TEST_F(MigrationsTest, FirstMigrationFailingLeavesVersionZero) {
  std::vector<Migration> migrations = {
      {1, "0001_bad.sql", "CREATE TABLE a (x INTEGER); CREATE TABLE a (x INTEGER);"}};
  EXPECT_THROW(migrate(conn(), migrations), StoreError);
  EXPECT_EQ(schema_version(conn()), 0);
  EXPECT_FALSE(table_exists("a"));
}

}  // namespace
}  // namespace qorgau::store
