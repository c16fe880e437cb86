// The in-memory index of orders in force, against a real migrated SQLite database: what it
// holds, that it answers only for the orders epoch it was loaded at, and that every change to
// an order moves that epoch. Order rows are written directly (their lifecycle rules are
// OrderStore's and tested through the API); the index reads them as stored.
#include "orders/verification_index.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "store/change_epochs.h"
#include "testing/migrated_store.h"

namespace qorgau::orders {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kNowMs = 1'795'000'000'000;  // November 2026
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

class VerificationIndexTest : public qorgau::testing::MigratedStore {
 protected:
  VerificationIndexTest() : MigratedStore(kNowMs) {
    // Orders without cases: the index reads the orders table only.
    conn().execute("PRAGMA foreign_keys=OFF");
  }

  core::Bytes key(std::string_view iin) const { return respondent_iin_key(protector_, iin); }

  struct Row {
    std::string iin;
    std::int64_t starts_at = kNowMs - kDayMs;
    std::int64_t ends_at = kNowMs + 30 * kDayMs;
    bool served = true;
    bool revoked = false;
    bool name_birth = true;
  };

  std::int64_t insert(const Row& r) {
    return conn()
        .query_one(
            "INSERT INTO orders (case_id, kind, starts_on, ends_on, starts_at, ends_at, "
            "conditions_enc, contact_route_enc, respondent_iin_bidx, respondent_name_birth_bidx, "
            "issued_at, served_at, revoked_at) VALUES (1, 'police_protective', '2026-11-19', "
            "'2026-12-19', $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            {r.starts_at, r.ends_at, protector_.seal(R"([{"code":"no_contact"}])", "c"),
             protector_.seal("route of " + r.iin, "r"), key(r.iin),
             r.name_birth ? store::Value(respondent_name_birth_key(protector_, r.iin, "1985-06-17"))
                          : store::Value(nullptr),
             kNowMs - 2 * kDayMs, r.served ? store::Value(kNowMs - kDayMs) : store::Value(nullptr),
             r.revoked ? store::Value(kNowMs - 1) : store::Value(nullptr)})
        ->integer(0);
  }

  std::int64_t epoch() { return store::ChangeEpochs::read(conn()).orders; }

  // The ids `index` finds for `iin` at `epoch` and `now`, or nothing when it will not answer.
  std::optional<std::vector<std::int64_t>> ids(VerificationIndex& index, std::string_view iin,
                                               std::int64_t at_epoch, std::int64_t now = kNowMs) {
    auto found = index.find(VerificationIndex::Key::kIin, key(iin), at_epoch, now);
    if (!found) return std::nullopt;
    std::vector<std::int64_t> out;
    for (const SealedVerifiedOrder& o : *found) out.push_back(o.id);
    return out;
  }

  // A separate connection for the index's reads, as the loader has.
  std::unique_ptr<store::Connection> reader_ = db_.connect();
};

TEST_F(VerificationIndexTest, EveryChangeToAnOrderMovesTheOrdersEpochAndNothingElseDoes) {
  std::int64_t start = epoch();
  std::int64_t sign_in = store::ChangeEpochs::read(conn()).sign_in;
  std::int64_t id = insert({"850617300123"});
  EXPECT_EQ(epoch(), start + 1) << "an order issued";
  conn().execute("UPDATE orders SET violated = 1 WHERE id = $1", {id});
  EXPECT_EQ(epoch(), start + 2) << "an order changed";
  conn().execute("DELETE FROM orders WHERE id = $1", {id});
  EXPECT_EQ(epoch(), start + 3) << "an order deleted";
  {
    store::Transaction rolled_back(conn());
    insert({"850617300123"});
  }
  EXPECT_EQ(epoch(), start + 3) << "a change rolled back moves nothing";
  EXPECT_EQ(store::ChangeEpochs::read(conn()).sign_in, sign_in) << "orders are not sign-in";
  conn().execute(
      "INSERT INTO agencies (name, kind, region_kato, created_at) VALUES ('ПД', 'police', "
      "'750000000', 0)");
  conn().execute("UPDATE agencies SET name = 'ДП'");
  EXPECT_EQ(store::ChangeEpochs::read(conn()).sign_in, sign_in + 1) << "an agency changed";
  EXPECT_EQ(epoch(), start + 3) << "which is not an order";
}

TEST_F(VerificationIndexTest, AnswersOnlyForTheEpochItWasLoadedAt) {
  std::int64_t id = insert({"850617300123"});
  VerificationIndex index(db_, clock_);
  EXPECT_EQ(index.loaded_epoch(), std::nullopt);
  std::int64_t loaded = index.load(*reader_);
  EXPECT_EQ(loaded, epoch());
  EXPECT_EQ(index.loaded_epoch(), loaded);
  EXPECT_EQ(ids(index, "850617300123", loaded), std::vector<std::int64_t>{id});

  conn().execute("UPDATE orders SET revoked_at = $1 WHERE id = $2", {kNowMs, id});
  // The first find at an epoch it was not loaded at (it also starts the background loader).
  EXPECT_EQ(ids(index, "850617300123", epoch()), std::nullopt)
      << "a copy from before the revocation does not answer for the revocation's epoch";
  EXPECT_EQ(index.load(*reader_), epoch());
  EXPECT_EQ(ids(index, "850617300123", epoch()), std::vector<std::int64_t>{}) << "revoked";
  EXPECT_EQ(ids(index, "850617300123", epoch() + 1), std::nullopt) << "a newer epoch";
  EXPECT_EQ(ids(index, "850617300123", loaded), std::nullopt) << "an older epoch";
}

TEST_F(VerificationIndexTest, HoldsServedUnrevokedOrdersAndDecidesInForceWhenAnswering) {
  std::int64_t in_force = insert({"850617300123"});
  insert({"850617300123", kNowMs - kDayMs, kNowMs + kDayMs, /*served=*/false});
  insert({"850617300123", kNowMs - kDayMs, kNowMs + kDayMs, true, /*revoked=*/true});
  insert({"850617300123", kNowMs - 30 * kDayMs, kNowMs});  // ended: ends_at is exclusive
  std::int64_t starts_later = insert({"850617300123", kNowMs + kDayMs, kNowMs + 10 * kDayMs});
  std::int64_t ends_soon = insert({"850617300123", kNowMs - kDayMs, kNowMs + 1000});
  std::int64_t other = insert({"900101400456"});
  VerificationIndex index(db_, clock_);
  std::int64_t at = index.load(*reader_);

  EXPECT_EQ(ids(index, "850617300123", at), (std::vector<std::int64_t>{in_force, ends_soon}))
      << "oldest first";
  EXPECT_EQ(ids(index, "850617300123", at, kNowMs + 2 * kDayMs),
            (std::vector<std::int64_t>{in_force, starts_later}))
      << "two days later: one has started, one has ended, with no reload";
  EXPECT_EQ(ids(index, "900101400456", at), std::vector<std::int64_t>{other});
  EXPECT_EQ(ids(index, "111111111111", at), std::vector<std::int64_t>{}) << "nobody";

  auto by_name =
      index.find(VerificationIndex::Key::kNameBirth,
                 respondent_name_birth_key(protector_, "900101400456", "1985-06-17"), at, kNowMs);
  ASSERT_TRUE(by_name);
  ASSERT_EQ(by_name->size(), 1u);
  const SealedVerifiedOrder& o = by_name->front();
  EXPECT_EQ(o.id, other);
  EXPECT_EQ(o.kind, OrderKind::kPoliceProtective);
  EXPECT_EQ(o.starts_on, "2026-11-19");
  EXPECT_EQ(o.ends_on, "2026-12-19");
  EXPECT_FALSE(o.violated);
  EXPECT_EQ(protector_.open(o.contact_route_enc, "r"), "route of 900101400456")
      << "kept sealed, as stored";
}

TEST_F(VerificationIndexTest, ReadsEveryPageAndSkipsAMissingNameKey) {
  std::vector<std::int64_t> expected;
  expected.reserve(7);
  for (int i = 0; i < 7; ++i) {
    // The same end for some, so that a page boundary falls between equal ends.
    expected.push_back(
        insert({"850617300123", kNowMs - kDayMs, kNowMs + (i % 3 + 1) * kDayMs, true, false,
                /*name_birth=*/i % 2 == 0}));
  }
  VerificationIndex index(db_, clock_, /*page_rows=*/2);
  std::int64_t at = index.load(*reader_);
  EXPECT_EQ(ids(index, "850617300123", at), expected);
  auto by_name =
      index.find(VerificationIndex::Key::kNameBirth,
                 respondent_name_birth_key(protector_, "850617300123", "1985-06-17"), at, kNowMs);
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->size(), 4u) << "the orders stored with a name and birth key";
}

TEST_F(VerificationIndexTest, AFindAtANewEpochLoadsInTheBackground) {
  std::int64_t id = insert({"850617300123"});
  VerificationIndex index(db_, clock_);
  std::int64_t now_epoch = epoch();
  EXPECT_EQ(ids(index, "850617300123", now_epoch), std::nullopt) << "nothing loaded yet";
  for (int i = 0; i < 500 && index.loaded_epoch() != now_epoch; ++i) {
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_EQ(index.loaded_epoch(), now_epoch) << "the loader caught up";
  EXPECT_EQ(ids(index, "850617300123", now_epoch), std::vector<std::int64_t>{id});
}

}  // namespace
}  // namespace qorgau::orders
