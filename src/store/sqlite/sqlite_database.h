// The embedded storage engine: one SQLite file (qorgau.db) in the data
// directory, in WAL mode with synchronous=FULL so that a committed
// transaction survives a crash or power loss. Foreign keys are enforced.
// Many connections may read at once; writers queue on the database lock
// (busy timeout), which BEGIN IMMEDIATE takes up front.
#pragma once

#include <filesystem>

#include "store/database.h"

namespace qorgau::store {

class SqliteDatabase : public Database {
 public:
  explicit SqliteDatabase(std::filesystem::path file);

  std::string_view engine() const override { return "sqlite"; }
  std::unique_ptr<Connection> connect() override;
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

// Expands the migration macros ({{id_pk}}, {{bytes}}) for SQLite.
std::string expand_sqlite_macros(std::string_view sql);

}  // namespace qorgau::store
