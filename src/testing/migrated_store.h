// Test support: the base of a gtest fixture that runs against a real SQLite database with every
// shipped migration applied, in a private temporary directory, with a clock the test moves and a
// fresh random keyring. Header-only; used by unit tests.
//
// A fixture derives from it (it is itself a ::testing::Test) and passes the clock's start:
//
//   class CaseStores : public qorgau::testing::MigratedStore {
//    protected:
//     CaseStores() : MigratedStore(kStartMs), people_(protector_, clock_) { ... }
//     people::PersonStore people_;
//   };
//
// Invariants:
// - Members are built in this order: dir_, db_ (dir_/qorgau.db), connection_, clock_, keyring_,
//   protector_ (over keyring_); they are destroyed in the reverse order.
// - By the time the constructor returns, store::migrate has applied all shipped migrations
//   through connection_.
// - A base class is constructed before the deriving fixture's own members, so a module store
//   the fixture holds may take any of these members in its initializer, and the schema is already
//   in place when it is built; it is destroyed before any of them.
// - The project's namespace qorgau::testing shadows gtest's, so fixtures write ::testing::Test.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <memory>

#include "core/clock.h"
#include "crypto/keyring.h"
#include "crypto/protector.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"
#include "testing/temp_dir.h"

namespace qorgau::testing {

class MigratedStore : public ::testing::Test {
 protected:
  // `start_ms`: the clock's first reading, in Unix milliseconds.
  explicit MigratedStore(std::int64_t start_ms)
      : db_(dir_.path() / "qorgau.db"),
        connection_(db_.connect()),
        clock_(core::TimePoint(std::chrono::milliseconds(start_ms))),
        keyring_(crypto::Keyring::random()),
        protector_(keyring_) {
    store::migrate(*connection_);
  }

  store::Connection& conn() { return *connection_; }

  TempDir dir_;
  store::SqliteDatabase db_;
  std::unique_ptr<store::Connection> connection_;
  core::ManualClock clock_;
  crypto::Keyring keyring_;
  crypto::Protector protector_;
};

}  // namespace qorgau::testing
