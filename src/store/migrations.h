// Versioned schema migrations. Each file migrations/NNNN_name.sql (compiled
// into the binary) is applied once, in order, in its own transaction, and
// recorded in schema_migrations. Applying is idempotent: a database already
// at the latest version is left untouched. A database with a version newer
// than this binary knows is refused (an old binary must not write to it).
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace qorgau::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// The migrations shipped in this binary, sorted by version.
const std::vector<Migration>& shipped_migrations();

// Applies pending migrations; returns how many were applied.
int migrate(Connection& connection,
            const std::vector<Migration>& migrations = shipped_migrations());

// The highest applied version (0 for an empty database).
int schema_version(Connection& connection);

}  // namespace qorgau::store
