// Migration 0009 (public report files): a database that already holds
// evidence and its chain of custody is rebuilt with nothing lost: the same
// rows and ids, the indexes, the foreign keys (still enforced, still pointing
// at the rebuilt tables), and the columns that may now be NULL.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"
#include "testing/temp_dir.h"

namespace qorgau::evidence {
namespace {

using store::Migration;

std::vector<Migration> migrations_up_to(int version) {
  std::vector<Migration> out;
  for (const auto& m : store::shipped_migrations()) {
    if (m.version <= version) out.push_back(m);
  }
  return out;
}

// Every row of `table`, every column quoted by SQLite, in column order.
std::string dump(store::Connection& c, const std::string& table) {
  std::string columns;
  for (const auto& column :
       c.query("SELECT name FROM pragma_table_info($1) ORDER BY cid", {table})) {
    columns += (columns.empty() ? "quote(" : " || '|' || quote(") + column.text(0) + ")";
  }
  std::string out;
  for (const auto& row : c.query("SELECT " + columns + " FROM " + table + " ORDER BY id")) {
    out += row.text(0) + "\n";
  }
  return out;
}

TEST(PublicEvidenceMigration, RebuildsEvidenceTablesKeepingRowsIdsIndexesAndForeignKeys) {
  testing::TempDir dir;
  store::SqliteDatabase database(dir.path() / "qorgau.db");
  auto c = database.connect();
  ASSERT_EQ(store::migrate(*c, migrations_up_to(8)), 8);

  c->execute(
      "INSERT INTO agencies (id, name, kind, region_kato, created_at) VALUES "
      "(1, 'Police', 'police', '750000000', 1), (2, 'Prosecutor', 'prosecutor', '750000000', 1)");
  c->execute(
      "INSERT INTO users (id, username_bidx, username_enc, display_name_enc, password_hash, role, "
      "agency_id, created_at, password_changed_at) VALUES (7, x'01', x'02', x'03', 'h', "
      "'police_inspector', 1, 1, 1)");
  c->execute(
      "INSERT INTO evidence (id, agency_id, attached_to_type, attached_to_id, kind, mime, size, "
      "sha256, filename_enc, uploaded_by, uploaded_at, blob, last_verified_at, "
      "last_verified_intact) VALUES "
      "(4, 1, 'case', 17, 'photo', 'image/jpeg', 1000, 'aa', x'0a0b', 7, 100, 'blob-a', 150, 1), "
      "(9, 2, 'report', 3, 'document', 'application/pdf', 20, 'bb', NULL, 7, 200, 'blob-b', "
      "NULL, NULL)");
  c->execute(
      "INSERT INTO evidence_custody (id, evidence_id, at, action, user_id, agency_id, "
      "to_agency_id, intact, note_enc, audit_seq) VALUES "
      "(1, 4, 100, 'upload', 7, 1, NULL, NULL, NULL, 11), "
      "(2, 4, 150, 'verify', 7, 1, NULL, 1, NULL, 12), "
      "(3, 9, 200, 'upload', 7, 1, NULL, NULL, NULL, 13), "
      "(5, 9, 250, 'handover', 7, 1, 2, NULL, x'0c', 14)");
  const std::string evidence_before = dump(*c, "evidence");
  const std::string custody_before = dump(*c, "evidence_custody");

  ASSERT_EQ(store::migrate(*c), static_cast<int>(store::shipped_migrations().size()) - 8);

  EXPECT_EQ(dump(*c, "evidence"), evidence_before);
  EXPECT_EQ(dump(*c, "evidence_custody"), custody_before);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%_v9'")->integer(0),
            0);
  for (const char* index : {"evidence_attached", "evidence_custody_evidence"}) {
    EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = $1",
                           {std::string(index)})
                  ->integer(0),
              1)
        << index;
  }
  EXPECT_EQ(c->query_one("PRAGMA integrity_check")->text(0), "ok");
  EXPECT_TRUE(c->query("PRAGMA foreign_key_check").empty());
  auto references = c->query("SELECT \"table\" FROM pragma_foreign_key_list('evidence_custody')");
  EXPECT_TRUE(std::any_of(references.begin(), references.end(),
                          [](const store::Row& r) { return r.text(0) == "evidence"; }));

  // Enforced as before: custody of a missing record, a second row with the same blob.
  EXPECT_ANY_THROW(
      c->execute("INSERT INTO evidence_custody (evidence_id, at, action, user_id, agency_id, "
                 "audit_seq) VALUES (999, 1, 'view', 7, 1, 1)"));
  EXPECT_ANY_THROW(c->execute(
      "INSERT INTO evidence (agency_id, attached_to_type, attached_to_id, kind, mime, size, "
      "sha256, uploaded_by, uploaded_at, blob) VALUES (1, 'case', 1, 'photo', 'image/jpeg', 1, "
      "'cc', 7, 1, 'blob-a')"));
  // A report's file may now be unowned and come from the public; a case's may not.
  c->execute(
      "INSERT INTO evidence (id, agency_id, attached_to_type, attached_to_id, kind, mime, size, "
      "sha256, uploaded_by, uploaded_at, blob) VALUES (10, NULL, 'report', 3, 'photo', "
      "'image/jpeg', 1, 'dd', NULL, 300, 'blob-c')");
  c->execute(
      "INSERT INTO evidence_custody (evidence_id, at, action, user_id, agency_id, audit_seq) "
      "VALUES (10, 300, 'upload', NULL, NULL, 15)");
  EXPECT_ANY_THROW(c->execute(
      "INSERT INTO evidence (agency_id, attached_to_type, attached_to_id, kind, mime, size, "
      "sha256, uploaded_by, uploaded_at, blob) VALUES (NULL, 'case', 1, 'photo', 'image/jpeg', 1, "
      "'ee', NULL, 1, 'blob-d')"));
  EXPECT_ANY_THROW(
      c->execute("INSERT INTO evidence_custody (evidence_id, at, action, user_id, agency_id, "
                 "audit_seq) VALUES (10, 1, 'download', NULL, NULL, 1)"))
      << "only an upload or a hand-over has no user";
  EXPECT_EQ(c->query_one("SELECT MAX(id) FROM evidence")->integer(0), 10);
}

}  // namespace
}  // namespace qorgau::evidence
