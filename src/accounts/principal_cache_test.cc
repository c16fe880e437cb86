// The principal cache and the sign-in epoch it trusts, against a real migrated SQLite
// database: which changes move the epoch, and when a remembered principal stops being used.
#include "accounts/principal_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "accounts/agencies.h"
#include "accounts/sessions.h"
#include "accounts/users.h"
#include "core/clock.h"
#include "crypto/keyring.h"
#include "crypto/protector.h"
#include "store/change_epochs.h"
#include "testing/migrated_store.h"

namespace qorgau::accounts {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // November 2026

class PrincipalCacheTest : public qorgau::testing::MigratedStore {
 protected:
  PrincipalCacheTest()
      : MigratedStore(kStartMs), users_(protector_), sessions_(keyring_, clock_, 30min) {
    agency_ =
        agencies_.create(conn(), Agency{0, "Алматы қ. ПД", "police", "750000000"}, clock_.now_ms());
    user_ = users_.create(conn(),
                          NewUser{"aigerim.n", "Айгерім Нұрланова", "river stone maple lantern",
                                  "police_inspector", agency_.id},
                          clock_.now_ms());
  }

  std::int64_t epoch() { return store::ChangeEpochs::read(conn()).sign_in; }

  std::shared_ptr<const Principal> principal() {
    return std::make_shared<const Principal>(
        Principal{user_, agency_, find_role(user_.role), 1, "csrf"});
  }

  AgencyStore agencies_;
  UserStore users_;
  SessionStore sessions_;
  Agency agency_;
  User user_;
};

TEST_F(PrincipalCacheTest, EndingASessionOrChangingAUserOrAgencyMovesTheEpoch) {
  NewSession session = sessions_.create(conn(), user_.id);
  std::int64_t start = epoch();

  ASSERT_EQ(sessions_.resolve(conn(), session.token).status, ResolvedSession::Status::kValid);
  clock_.advance(2min);
  ASSERT_EQ(sessions_.resolve(conn(), session.token).status, ResolvedSession::Status::kValid);
  EXPECT_EQ(epoch(), start) << "signing in and the last_seen refresh leave it";

  users_.set_status(conn(), user_.id, "disabled");
  EXPECT_EQ(epoch(), start + 1) << "a user's change";
  conn().execute("UPDATE agencies SET region_kato = '710000000' WHERE id = $1", {agency_.id});
  EXPECT_EQ(epoch(), start + 2) << "an agency's change";
  conn().execute("UPDATE sessions SET csrf_token = 'other'");
  EXPECT_EQ(epoch(), start + 3) << "a session's change";
  sessions_.destroy_all_for_user(conn(), user_.id);
  EXPECT_EQ(epoch(), start + 4) << "a session's end";

  {
    store::Transaction unfinished(conn());
    users_.set_status(conn(), user_.id, "active");
  }  // not committed: rolled back
  EXPECT_EQ(epoch(), start + 4) << "a change rolled back moves nothing";
}

TEST_F(PrincipalCacheTest, ARememberedPrincipalIsFoundOnlyAtItsEpochAndBeforeItsRecheck) {
  PrincipalCache cache;
  NewSession session = sessions_.create(conn(), user_.id);
  core::Bytes key = sessions_.token_hash(session.token);
  std::int64_t at = epoch();
  ResolvedSession resolved = sessions_.resolve(conn(), session.token);
  ASSERT_EQ(resolved.status, ResolvedSession::Status::kValid);
  EXPECT_EQ(resolved.recheck_at_ms, clock_.now_ms() + 60'000)
      << "within a minute of last_seen, well inside the 30-minute idle timeout";
  auto remembered = principal();
  cache.remember(key, at, resolved.recheck_at_ms, remembered);

  EXPECT_EQ(cache.find(key, at, clock_.now_ms()), remembered);
  EXPECT_EQ(cache.find(key, at + 1, clock_.now_ms()), nullptr) << "the epoch moved";
  EXPECT_EQ(cache.find(key, at, resolved.recheck_at_ms), nullptr) << "due for a recheck";
  EXPECT_EQ(cache.find(sessions_.token_hash("another token"), at, clock_.now_ms()), nullptr);
}

TEST_F(PrincipalCacheTest, TheRecheckComesNoLaterThanTheIdleTimeout) {
  SessionStore brief(keyring_, clock_, 1min);
  NewSession session = brief.create(conn(), user_.id);
  clock_.advance(59s);
  ResolvedSession resolved = brief.resolve(conn(), session.token);
  ASSERT_EQ(resolved.status, ResolvedSession::Status::kValid);
  EXPECT_EQ(resolved.recheck_at_ms, kStartMs + 60'000)
      << "not refreshed within the minute: the recheck is its last_seen plus the timeout";
}

TEST_F(PrincipalCacheTest, AFullCacheStartsOver) {
  PrincipalCache cache(2);
  std::int64_t at = epoch();
  std::int64_t until = clock_.now_ms() + 60'000;
  auto a = principal();
  auto b = principal();
  auto c = principal();
  cache.remember(sessions_.token_hash("a"), at, until, a);
  cache.remember(sessions_.token_hash("b"), at, until, b);
  cache.remember(sessions_.token_hash("b"), at, until, b);
  EXPECT_EQ(cache.size(), 2u) << "remembering a known token again does not grow it";
  cache.remember(sessions_.token_hash("c"), at, until, c);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find(sessions_.token_hash("c"), at, clock_.now_ms()), c);
  EXPECT_EQ(cache.find(sessions_.token_hash("a"), at, clock_.now_ms()), nullptr);
}

}  // namespace
}  // namespace qorgau::accounts
