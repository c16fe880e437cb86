// The embedded storage engine: one SQLite file (qorgau.db) in the data
// directory, in WAL mode with synchronous=FULL so that a committed
// transaction survives a crash or power loss. Foreign keys are enforced.
// Many connections may read at once; writers queue on the database lock
// (busy timeout), which BEGIN IMMEDIATE takes up front.
//
// The change epochs are published in a file beside the database (<file>-epochs,
// store/published_epochs.h): a connection whose committed transaction changed the
// change_epochs row (SQLite's update hook sees the triggers' writes) reads the row once more
// right after the commit and publishes it, before the statement that committed returns. A
// rolled-back change publishes nothing; a reading is published even if the statement failed,
// since a reading of the database is always safe to publish.
#pragma once

#include <filesystem>
#include <memory>

#include "store/database.h"
#include "store/published_epochs.h"

namespace qorgau::store {

class SqliteDatabase : public Database {
 public:
  // Maps the epochs file (creating it); the database file is created by the first connect().
  explicit SqliteDatabase(std::filesystem::path file);

  std::string_view engine() const override { return "sqlite"; }
  std::unique_ptr<Connection> connect() override;
  PublishedEpochs& published_epochs() override { return *published_; }
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::unique_ptr<PublishedEpochs> published_;
};

// Expands the migration macros ({{id_pk}}, {{bytes}}) for SQLite.
std::string expand_sqlite_macros(std::string_view sql);

}  // namespace qorgau::store
