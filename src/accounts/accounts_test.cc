// Users, sessions, login and its throttle, against a real migrated SQLite
// database in a temporary directory, with a clock the tests move.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include "accounts/agencies.h"
#include "accounts/display_names.h"
#include "accounts/login.h"
#include "accounts/login_throttle.h"
#include "accounts/sessions.h"
#include "accounts/users.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/error.h"
#include "crypto/hash_chain.h"
#include "crypto/keyring.h"
#include "crypto/protector.h"
#include "testing/error_of.h"
#include "testing/migrated_store.h"

namespace qorgau::accounts {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using core::ApiError;
using core::ErrorCode;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // November 2026
constexpr const char* kPassword = "river stone maple lantern";
constexpr const char* kDisplayName = "Айгерім Нұрланова";

using qorgau::testing::error_of;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains_bytes(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class AccountsTest : public qorgau::testing::MigratedStore {
 protected:
  static constexpr int kMaxFailures = 3;
  static constexpr int kThrottleLimit = 50;

  AccountsTest()
      : MigratedStore(kStartMs),
        chain_(keyring_),
        audit_(chain_, clock_),
        users_(protector_),
        sessions_(keyring_, clock_, 30min),
        throttle_(clock_, kThrottleLimit, 60s),
        login_(users_, sessions_, audit_, throttle_, clock_, LoginPolicy{kMaxFailures, 15min}) {
    agency_ =
        agencies_.create(conn(), Agency{0, "Алматы қ. ПД", "police", "750000000"}, clock_.now_ms());
  }

  User make_user(const std::string& username, const std::string& role = "police_inspector") {
    return users_.create(conn(), NewUser{username, kDisplayName, kPassword, role, agency_.id},
                         clock_.now_ms());
  }

  std::int64_t count(std::string_view table) {
    return conn().query_one("SELECT COUNT(*) FROM " + std::string(table))->integer(0);
  }

  int failed_logins(std::int64_t user_id) { return users_.find(conn(), user_id)->failed_logins; }

  std::optional<ErrorCode> try_login(std::string_view username, std::string_view password,
                                     const std::string& ip = "10.0.0.1") {
    return error_of([&] { login_.login(conn(), username, password, ip); });
  }

  // Everything stored in the audit log, as one string.
  std::string audit_text() {
    std::string all;
    for (const auto& row : conn().query(
             "SELECT COALESCE(CAST(actor_user_id AS TEXT), ''), "
             "COALESCE(CAST(actor_agency_id AS TEXT), ''), action, object_type, object_id, "
             "source_ip, outcome, hash FROM audit_log ORDER BY seq")) {
      for (size_t i = 0; i < 7; ++i) all += row.text(i) + "|";
      all += core::to_string(row.bytes(7)) + "\n";
    }
    return all;
  }

  std::string file_contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  crypto::HashChain chain_;
  audit::AuditLog audit_;
  AgencyStore agencies_;
  UserStore users_;
  SessionStore sessions_;
  LoginThrottle throttle_;
  LoginService login_;
  Agency agency_;
};

// --- Agencies and users -----------------------------------------------------

TEST_F(AccountsTest, CreatesAgencyAndUser) {
  EXPECT_GT(agency_.id, 0);
  auto found_agency = agencies_.find(conn(), agency_.id);
  ASSERT_TRUE(found_agency);
  EXPECT_EQ(found_agency->name, "Алматы қ. ПД");
  EXPECT_EQ(found_agency->kind, "police");
  EXPECT_EQ(found_agency->region_kato, "750000000");
  EXPECT_FALSE(agencies_.find(conn(), agency_.id + 1000));
  EXPECT_EQ(agencies_.list(conn()).size(), 1u);

  User user = make_user("aigerim.n");
  EXPECT_GT(user.id, 0);
  EXPECT_EQ(user.username, "aigerim.n");
  EXPECT_EQ(user.display_name, kDisplayName);
  EXPECT_EQ(user.role, "police_inspector");
  EXPECT_EQ(user.agency_id, agency_.id);
  EXPECT_EQ(user.status, "active");
  EXPECT_TRUE(user.active());
  EXPECT_EQ(user.failed_logins, 0);
  EXPECT_EQ(user.locked_until_ms, 0);
  EXPECT_EQ(user.password_hash.rfind("$argon2id$", 0), 0u) << user.password_hash;
  EXPECT_EQ(user.password_hash.find(kPassword), std::string::npos);

  auto by_id = users_.find(conn(), user.id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->username, "aigerim.n");
  auto by_name = users_.find_by_username(conn(), "AIGERIM.N");
  ASSERT_TRUE(by_name) << "lookup by username is case-insensitive";
  EXPECT_EQ(by_name->id, user.id);
  EXPECT_FALSE(users_.find_by_username(conn(), "aigerim"));
  EXPECT_FALSE(users_.find(conn(), user.id + 1000));
  ASSERT_EQ(users_.list(conn()).size(), 1u);
  EXPECT_EQ(users_.list(conn())[0].display_name, kDisplayName);
}

TEST_F(AccountsTest, DisplayNamesAreOpenedOnceEachAndUnknownUsersAreBlank) {
  User user = users_.create(
      conn(), NewUser{"dana.k", "Дана Қасымова", kPassword, "judge", agency_.id}, clock_.now_ms());
  DisplayNames names(users_, conn());
  EXPECT_EQ(names.of(user.id), "Дана Қасымова");
  EXPECT_EQ(names.of(user.id + 1000), "");
  // The second reading comes from the first: a sealed name that no longer opens is not read.
  conn().execute("UPDATE users SET display_name_enc = x'00' WHERE id = $1", {user.id});
  EXPECT_EQ(names.of(user.id), "Дана Қасымова");
  EXPECT_ANY_THROW(DisplayNames(users_, conn()).of(user.id));
}

TEST_F(AccountsTest, UsernameIsUniqueCaseInsensitively) {
  User admin = make_user("Admin", "system_admin");
  EXPECT_EQ(error_of([&] { make_user("admin"); }), ErrorCode::kUsernameTaken);
  EXPECT_EQ(error_of([&] { make_user("ADMIN"); }), ErrorCode::kUsernameTaken);
  EXPECT_EQ(error_of([&] { make_user("Admin"); }), ErrorCode::kUsernameTaken);
  EXPECT_EQ(count("users"), 1);
  EXPECT_EQ(users_.find_by_username(conn(), "aDmIn")->id, admin.id);
  EXPECT_NO_THROW(make_user("admin2"));
  EXPECT_EQ(count("users"), 2);
}

TEST_F(AccountsTest, RefusesInvalidUsernames) {
  const std::string invalid[] = {
      "",    "ab",          std::string(65, 'a'), "has space",  "айгерім",
      "a/b", "name@agency", "tab\tname",          "semi;colon", std::string("nul\0byte", 8)};
  for (const std::string& name : invalid) {
    EXPECT_EQ(error_of([&] { check_username(name); }), ErrorCode::kInvalidUsername) << name;
  }
  // Creating with one checks the username first (no password work, no row).
  EXPECT_EQ(error_of([&] { make_user("has space"); }), ErrorCode::kInvalidUsername);
  EXPECT_EQ(count("users"), 0);

  const std::string valid[] = {"abc",   "a.b",         "first_last",
                               "x-y-z", "Operator111", std::string(64, 'z')};
  for (const std::string& name : valid) {
    EXPECT_NO_THROW(check_username(name)) << name;
  }
}

TEST_F(AccountsTest, RefusesUnknownRoleAgencyAndBadFields) {
  EXPECT_EQ(error_of([&] { make_user("dana.k", "superuser"); }), ErrorCode::kUnknownRole);
  EXPECT_EQ(error_of([&] { make_user("dana.k", ""); }), ErrorCode::kUnknownRole);
  EXPECT_EQ(error_of([&] {
              users_.create(conn(), NewUser{"dana.k", "Дана", kPassword, "judge", agency_.id + 99},
                            clock_.now_ms());
            }),
            ErrorCode::kUnknownAgency);
  EXPECT_EQ(error_of([&] {
              users_.create(conn(), NewUser{"dana.k", "", kPassword, "judge", agency_.id},
                            clock_.now_ms());
            }),
            ErrorCode::kValidationFailed);
  EXPECT_EQ(error_of([&] {
              users_.create(
                  conn(), NewUser{"dana.k", std::string(201, 'x'), kPassword, "judge", agency_.id},
                  clock_.now_ms());
            }),
            ErrorCode::kValidationFailed);
  EXPECT_EQ(error_of([&] {
              users_.create(conn(), NewUser{"dana.k", "Дана", "short", "judge", agency_.id},
                            clock_.now_ms());
            }),
            ErrorCode::kPasswordTooShort);
  EXPECT_EQ(error_of([&] {
              users_.create(conn(),
                            NewUser{"dana.k", "Дана", "Dana.K-secret-word", "judge", agency_.id},
                            clock_.now_ms());
            }),
            ErrorCode::kPasswordContainsUsername);
  EXPECT_EQ(error_of([&] {
              users_.create(conn(), NewUser{"dana.k", "Дана", "Password2024!", "judge", agency_.id},
                            clock_.now_ms());
            }),
            ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(count("users"), 0) << "a refused user changes nothing";
}

TEST_F(AccountsTest, UsernameAndDisplayNameAreNotStoredInPlaintext) {
  User user = make_user("Aigerim.N");
  auto raw = conn().query_one(
      "SELECT username_bidx, username_enc, display_name_enc, password_hash, role, status "
      "FROM users WHERE id = $1",
      {user.id});
  ASSERT_TRUE(raw);
  std::string stored;
  for (size_t i = 0; i < 3; ++i) stored += core::to_string(raw->bytes(i)) + "|";
  for (size_t i = 3; i < 6; ++i) stored += raw->text(i) + "|";
  const std::string secrets[] = {"Aigerim.N",  "aigerim.n", "aigerim",
                                 kDisplayName, "Нұрланова", kPassword};
  for (const std::string& secret : secrets) {
    EXPECT_FALSE(contains_bytes(stored, secret)) << secret;
    EXPECT_FALSE(contains_bytes(lower(stored), lower(secret))) << secret;
  }
  // Neither does any page of the database file or its write-ahead log.
  std::string files =
      file_contents(dir_.path() / "qorgau.db") + file_contents(dir_.path() / "qorgau.db-wal");
  ASSERT_FALSE(files.empty());
  EXPECT_TRUE(contains_bytes(files, "police_inspector")) << "the scan does see plain columns";
  EXPECT_FALSE(contains_bytes(files, "aigerim.n"));
  EXPECT_FALSE(contains_bytes(files, "Aigerim.N"));
  EXPECT_FALSE(contains_bytes(files, kDisplayName));
  EXPECT_FALSE(contains_bytes(files, kPassword));
}

TEST_F(AccountsTest, SetPasswordChecksPolicyAndClearsLockout) {
  User user = make_user("dana.k");
  EXPECT_FALSE(users_.record_failed_login(conn(), user.id, 5, kStartMs + 60'000));
  EXPECT_FALSE(users_.record_failed_login(conn(), user.id, 5, kStartMs + 60'000));
  EXPECT_EQ(error_of([&] { users_.set_password(conn(), user, "dana.k.password", kStartMs); }),
            ErrorCode::kPasswordContainsUsername);
  EXPECT_EQ(failed_logins(user.id), 2) << "a refused password changes nothing";
  users_.set_password(conn(), user, "new river lantern words", kStartMs);
  User after = *users_.find(conn(), user.id);
  EXPECT_EQ(after.failed_logins, 0);
  EXPECT_EQ(after.locked_until_ms, 0);
  EXPECT_NE(after.password_hash, user.password_hash);
  EXPECT_EQ(try_login("dana.k", kPassword), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(try_login("dana.k", "new river lantern words"), std::nullopt);
}

// --- Login ------------------------------------------------------------------

TEST_F(AccountsTest, LoginCreatesASessionThatResolves) {
  User user = make_user("aigerim.n");
  LoginSuccess success = login_.login(conn(), "Aigerim.N", kPassword, "10.0.0.1");
  EXPECT_EQ(success.user.id, user.id);
  EXPECT_FALSE(success.session.token.empty());
  EXPECT_FALSE(success.session.csrf_token.empty());
  EXPECT_NE(success.session.token, success.session.csrf_token);
  EXPECT_EQ(count("sessions"), 1);

  ResolvedSession resolved = sessions_.resolve(conn(), success.session.token);
  EXPECT_EQ(resolved.status, ResolvedSession::Status::kValid);
  EXPECT_EQ(resolved.user_id, user.id);
  EXPECT_GT(resolved.session_id, 0);
  EXPECT_EQ(resolved.csrf_token, success.session.csrf_token);

  // The token itself is not stored: only its keyed hash.
  auto row = conn().query_one("SELECT token_hash, csrf_token FROM sessions");
  EXPECT_EQ(row->bytes(0).size(), 32u);
  EXPECT_NE(core::to_string(row->bytes(0)), success.session.token);
  EXPECT_FALSE(contains_bytes(core::to_string(row->bytes(0)), success.session.token));
  EXPECT_EQ(row->text(1), success.session.csrf_token);

  // A second login gives a different session.
  LoginSuccess again = login_.login(conn(), "aigerim.n", kPassword, "10.0.0.1");
  EXPECT_NE(again.session.token, success.session.token);
  EXPECT_EQ(count("sessions"), 2);
}

TEST_F(AccountsTest, WrongPasswordIsRefusedAndCounted) {
  User user = make_user("aigerim.n");
  EXPECT_EQ(try_login("aigerim.n", "wrong horse battery"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(failed_logins(user.id), 1);
  EXPECT_EQ(try_login("aigerim.n", ""), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(failed_logins(user.id), 2);
  EXPECT_EQ(count("sessions"), 0);
  // A successful login clears the count.
  EXPECT_EQ(try_login("aigerim.n", kPassword), std::nullopt);
  EXPECT_EQ(failed_logins(user.id), 0);
}

TEST_F(AccountsTest, LocksTheAccountAfterMaxFailuresUntilTheLockoutPasses) {
  User user = make_user("aigerim.n");
  for (int i = 1; i < kMaxFailures; ++i) {
    EXPECT_EQ(try_login("aigerim.n", "wrong horse battery"), ErrorCode::kInvalidCredentials) << i;
  }
  EXPECT_EQ(try_login("aigerim.n", "wrong horse battery"), ErrorCode::kAccountLocked);
  User locked = *users_.find(conn(), user.id);
  EXPECT_EQ(locked.locked_until_ms, kStartMs + 15 * 60'000);

  // Even the right password is refused while locked, from any address.
  EXPECT_EQ(try_login("aigerim.n", kPassword), ErrorCode::kAccountLocked);
  EXPECT_EQ(try_login("aigerim.n", kPassword, "10.9.9.9"), ErrorCode::kAccountLocked);
  clock_.advance(14min);
  EXPECT_EQ(try_login("aigerim.n", kPassword), ErrorCode::kAccountLocked);
  clock_.advance(59s);
  EXPECT_EQ(try_login("aigerim.n", kPassword), ErrorCode::kAccountLocked);
  EXPECT_EQ(count("sessions"), 0);

  clock_.advance(2s);  // now past the 15 minutes
  EXPECT_EQ(try_login("aigerim.n", kPassword), std::nullopt);
  EXPECT_EQ(count("sessions"), 1);
  // After the lockout, the count starts again from zero.
  EXPECT_EQ(try_login("aigerim.n", "wrong horse battery"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(failed_logins(user.id), 1);
}

TEST_F(AccountsTest, LockedAccountAnswerIsDistinctHttpStatus) {
  make_user("aigerim.n");
  for (int i = 0; i < kMaxFailures; ++i) try_login("aigerim.n", "wrong horse battery");
  try {
    login_.login(conn(), "aigerim.n", kPassword, "10.0.0.1");
    FAIL() << "expected kAccountLocked";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kAccountLocked);
    EXPECT_EQ(e.http_status(), 423);
  }
}

TEST_F(AccountsTest, UnknownUserGetsTheSameAnswerAsAWrongPassword) {
  make_user("aigerim.n");
  EXPECT_EQ(try_login("nobody.here", kPassword), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(try_login("nobody.here", "anything at all"), ErrorCode::kInvalidCredentials);
  // Unknown users are never locked out.
  for (int i = 0; i < kMaxFailures + 2; ++i) {
    EXPECT_EQ(try_login("nobody.here", "anything at all"), ErrorCode::kInvalidCredentials);
  }
  EXPECT_EQ(count("sessions"), 0);
}

TEST_F(AccountsTest, DisabledUserCannotLogIn) {
  User user = make_user("aigerim.n");
  users_.set_status(conn(), user.id, "disabled");
  EXPECT_FALSE(users_.find(conn(), user.id)->active());
  EXPECT_EQ(try_login("aigerim.n", kPassword), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(try_login("aigerim.n", "wrong horse battery"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(count("sessions"), 0);
  EXPECT_EQ(failed_logins(user.id), 0) << "a disabled account is not counted towards lockout";

  users_.set_status(conn(), user.id, "active");
  EXPECT_EQ(try_login("aigerim.n", kPassword), std::nullopt);
}

TEST_F(AccountsTest, EveryLoginAttemptIsAuditedWithoutTheUsername) {
  User user = make_user("aigerim.n");
  const std::int64_t before = count("audit_log");
  EXPECT_EQ(try_login("aigerim.n", kPassword), std::nullopt);
  EXPECT_EQ(count("audit_log"), before + 1);
  EXPECT_EQ(try_login("aigerim.n", "wrong horse battery"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(count("audit_log"), before + 2);
  EXPECT_EQ(try_login("ghost.user", "wrong horse battery"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(count("audit_log"), before + 3);
  for (int i = 1; i < kMaxFailures; ++i) try_login("aigerim.n", "wrong horse battery");
  EXPECT_EQ(count("audit_log"), before + 2 + kMaxFailures);
  EXPECT_EQ(try_login("aigerim.n", kPassword), ErrorCode::kAccountLocked);
  EXPECT_EQ(count("audit_log"), before + 3 + kMaxFailures);

  auto entries = audit_.list(conn(), 0, 100);
  ASSERT_EQ(entries.size(), static_cast<size_t>(before + 3 + kMaxFailures));
  const auto& success = entries[static_cast<size_t>(before)];
  EXPECT_EQ(success.event.action, "session.login");
  EXPECT_EQ(success.event.outcome, "success");
  EXPECT_EQ(success.event.actor_user_id, user.id);
  EXPECT_EQ(success.event.actor_agency_id, agency_.id);
  EXPECT_EQ(success.event.object_id, std::to_string(user.id));
  EXPECT_EQ(success.event.source_ip, "10.0.0.1");
  const auto& wrong = entries[static_cast<size_t>(before + 1)];
  EXPECT_EQ(wrong.event.outcome, "failure");
  EXPECT_EQ(wrong.event.actor_user_id, user.id);
  const auto& ghost = entries[static_cast<size_t>(before + 2)];
  EXPECT_EQ(ghost.event.outcome, "failure");
  EXPECT_EQ(ghost.event.actor_user_id, std::nullopt);
  EXPECT_EQ(ghost.event.object_id, "unknown");
  EXPECT_EQ(entries.back().event.outcome, "locked");

  std::string text = lower(audit_text());
  EXPECT_FALSE(contains_bytes(text, "aigerim")) << "the username never reaches the audit log";
  EXPECT_FALSE(contains_bytes(text, "ghost")) << "nor an unknown username";
  EXPECT_FALSE(contains_bytes(text, "wrong horse")) << "nor a password";
  EXPECT_FALSE(contains_bytes(text, "river stone"));

  audit::VerifyResult verified = audit_.verify(conn());
  EXPECT_TRUE(verified.intact) << verified.reason;
}

TEST_F(AccountsTest, ThrottledLoginIsRefusedBeforeThePasswordCheck) {
  LoginThrottle tight(clock_, 2, 60s);
  LoginService service(users_, sessions_, audit_, tight, clock_, LoginPolicy{kMaxFailures, 15min});
  User user = make_user("aigerim.n");
  auto attempt = [&](std::string_view password) {
    return error_of([&] { service.login(conn(), "aigerim.n", password, "10.1.1.1"); });
  };
  EXPECT_EQ(attempt("wrong horse battery"), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(attempt(kPassword), std::nullopt);
  const std::int64_t audited = count("audit_log");
  EXPECT_EQ(attempt(kPassword), ErrorCode::kTooManyRequests);
  EXPECT_EQ(attempt("wrong horse battery"), ErrorCode::kTooManyRequests);
  EXPECT_EQ(failed_logins(user.id), 0) << "a throttled attempt does not count as a failure";
  EXPECT_EQ(count("sessions"), 1);
  EXPECT_EQ(count("audit_log"), audited);
  clock_.advance(60s);
  EXPECT_EQ(attempt(kPassword), std::nullopt);
}

// --- Sessions -----------------------------------------------------------------

TEST_F(AccountsTest, SessionExpiresAfterIdleTimeoutAndIsDeleted) {
  User user = make_user("aigerim.n");
  NewSession session = sessions_.create(conn(), user.id);
  EXPECT_EQ(sessions_.idle_timeout(), 30min);
  clock_.advance(30min);
  EXPECT_EQ(sessions_.resolve(conn(), session.token).status, ResolvedSession::Status::kValid)
      << "exactly the timeout is still within it";
  clock_.advance(30min + 1ms);
  ResolvedSession expired = sessions_.resolve(conn(), session.token);
  EXPECT_EQ(expired.status, ResolvedSession::Status::kExpired);
  EXPECT_EQ(expired.user_id, 0) << "an expired session names no user";
  EXPECT_EQ(count("sessions"), 0) << "the expired session row is gone";
  EXPECT_EQ(sessions_.resolve(conn(), session.token).status, ResolvedSession::Status::kUnknown);
}

TEST_F(AccountsTest, UseKeepsASessionAlive) {
  User user = make_user("aigerim.n");
  NewSession session = sessions_.create(conn(), user.id);
  // Used every 20 minutes for two hours: never idle for 30.
  for (int i = 0; i < 6; ++i) {
    clock_.advance(20min);
    EXPECT_EQ(sessions_.resolve(conn(), session.token).status, ResolvedSession::Status::kValid)
        << i;
  }
  auto last_seen = conn().query_one("SELECT last_seen_at FROM sessions")->integer(0);
  EXPECT_EQ(last_seen, clock_.now_ms());
  // Within a minute of the last refresh, a read does not write.
  clock_.advance(30s);
  EXPECT_EQ(sessions_.resolve(conn(), session.token).status, ResolvedSession::Status::kValid);
  EXPECT_EQ(conn().query_one("SELECT last_seen_at FROM sessions")->integer(0), last_seen);
}

TEST_F(AccountsTest, UnknownAndMalformedTokensDoNotResolve) {
  User user = make_user("aigerim.n");
  NewSession session = sessions_.create(conn(), user.id);
  EXPECT_EQ(sessions_.resolve(conn(), "").status, ResolvedSession::Status::kUnknown);
  EXPECT_EQ(sessions_.resolve(conn(), random_token()).status, ResolvedSession::Status::kUnknown);
  EXPECT_EQ(sessions_.resolve(conn(), std::string(4096, 'a')).status,
            ResolvedSession::Status::kUnknown);
  std::string altered = session.token;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(sessions_.resolve(conn(), altered).status, ResolvedSession::Status::kUnknown);
  EXPECT_EQ(sessions_.resolve(conn(), session.csrf_token).status, ResolvedSession::Status::kUnknown)
      << "the CSRF token is not a session token";
  // A SessionStore with another key does not recognise the token.
  crypto::Keyring other = crypto::Keyring::random();
  SessionStore foreign(other, clock_, 30min);
  EXPECT_EQ(foreign.resolve(conn(), session.token).status, ResolvedSession::Status::kUnknown);
  EXPECT_EQ(sessions_.resolve(conn(), session.token).status, ResolvedSession::Status::kValid);
}

TEST_F(AccountsTest, DestroyEndsSessions) {
  User a = make_user("aigerim.n");
  User b = make_user("dana.k");
  NewSession a1 = sessions_.create(conn(), a.id);
  NewSession a2 = sessions_.create(conn(), a.id);
  NewSession b1 = sessions_.create(conn(), b.id);
  ResolvedSession r = sessions_.resolve(conn(), a1.token);
  sessions_.destroy(conn(), r.session_id);
  EXPECT_EQ(sessions_.resolve(conn(), a1.token).status, ResolvedSession::Status::kUnknown);
  EXPECT_EQ(sessions_.resolve(conn(), a2.token).status, ResolvedSession::Status::kValid);
  sessions_.destroy_all_for_user(conn(), a.id);
  EXPECT_EQ(sessions_.resolve(conn(), a2.token).status, ResolvedSession::Status::kUnknown);
  EXPECT_EQ(sessions_.resolve(conn(), b1.token).status, ResolvedSession::Status::kValid);
  EXPECT_EQ(count("sessions"), 1);
}

TEST(RandomToken, IsUrlSafeAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string token = random_token();
    EXPECT_EQ(token.size(), 43u) << "32 bytes in unpadded base64";
    for (char c : token) {
      EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << token;
    }
    EXPECT_TRUE(seen.insert(token).second) << "repeated token";
  }
  EXPECT_EQ(random_token(16).size(), 22u);
}

// --- Throttle -----------------------------------------------------------------

TEST(LoginThrottle, RefusesOverTheLimitWithinTheWindowAndAllowsAfter) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kStartMs))};
  LoginThrottle throttle(clock, 3, 60s);
  EXPECT_TRUE(throttle.allow("10.0.0.1"));
  clock.advance(10s);
  EXPECT_TRUE(throttle.allow("10.0.0.1"));
  EXPECT_TRUE(throttle.allow("10.0.0.1"));
  EXPECT_FALSE(throttle.allow("10.0.0.1")) << "the 4th attempt within a minute";
  EXPECT_FALSE(throttle.allow("10.0.0.1"));
  EXPECT_TRUE(throttle.allow("10.0.0.2")) << "other addresses have their own budget";

  clock.advance(49s);  // 59 s after the first attempt
  EXPECT_FALSE(throttle.allow("10.0.0.1"));
  clock.advance(1s);  // the first attempt leaves the window
  EXPECT_TRUE(throttle.allow("10.0.0.1"));
  EXPECT_FALSE(throttle.allow("10.0.0.1")) << "refused attempts did not consume the budget";
  clock.advance(10s);  // the two at +10 s leave the window
  EXPECT_TRUE(throttle.allow("10.0.0.1"));
  EXPECT_TRUE(throttle.allow("10.0.0.1"));
  EXPECT_FALSE(throttle.allow("10.0.0.1"));
}

TEST(LoginThrottle, LimitOfOne) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kStartMs))};
  LoginThrottle throttle(clock, 1, 1s);
  EXPECT_TRUE(throttle.allow("::1"));
  EXPECT_FALSE(throttle.allow("::1"));
  clock.advance(999ms);
  EXPECT_FALSE(throttle.allow("::1"));
  clock.advance(1ms);
  EXPECT_TRUE(throttle.allow("::1"));
}

}  // namespace
}  // namespace qorgau::accounts
