#include "store/migrations.h"

#include <chrono>

#include "core/embedded.h"

namespace qorgau::store {

namespace {

void ensure_table(Connection& connection) {
  connection.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
}

}  // namespace

const std::vector<Migration>& shipped_migrations() {
  static const std::vector<Migration> kMigrations = [] {
    std::vector<Migration> out;
    for (const auto& file : embedded::migration_files()) {
      std::string name(file.name);
      size_t digits = name.find('_');
      if (digits == std::string::npos || digits == 0) {
        throw StoreError("migration file name must be NNNN_name.sql: " + name);
      }
      int version = std::stoi(name.substr(0, digits));
      if (!out.empty() && out.back().version >= version) {
        throw StoreError("migration versions must increase: " + name);
      }
      out.push_back({version, name, std::string(file.content)});
    }
    return out;
  }();
  return kMigrations;
}

int schema_version(Connection& connection) {
  ensure_table(connection);
  auto row = connection.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(row->integer(0));
}

int migrate(Connection& connection, const std::vector<Migration>& migrations) {
  int current = schema_version(connection);
  if (!migrations.empty() && current > migrations.back().version) {
    throw StoreError("the database schema (version " + std::to_string(current) +
                     ") is newer than this program knows; upgrade qorgau");
  }
  int applied = 0;
  for (const auto& migration : migrations) {
    if (migration.version <= current) continue;
    Transaction tx(connection);
    connection.execute_script(migration.sql);
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    connection.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        {static_cast<std::int64_t>(migration.version), migration.name,
         static_cast<std::int64_t>(now)});
    tx.commit();
    ++applied;
  }
  return applied;
}

}  // namespace qorgau::store
