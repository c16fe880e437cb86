// Login sessions. The browser holds a random 256-bit token in an HttpOnly
// cookie; the database holds only its keyed hash. Each session also has a
// CSRF token that state-changing requests must echo in X-CSRF-Token.
//
// A session ends when the user logs out, when it has been idle longer than
// the configured timeout (it is then deleted on next use), or when the user
// is disabled. last_seen is refreshed at most once a minute, so reads do not
// turn into a write on every request. Ending or changing a session moves the
// sign-in epoch (migration 0014), which PrincipalCache watches.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/clock.h"
#include "crypto/keyring.h"
#include "store/database.h"

namespace qorgau::accounts {

struct NewSession {
  std::string token;  // goes into the cookie, never stored or logged
  std::string csrf_token;
};

struct ResolvedSession {
  enum class Status { kValid, kUnknown, kExpired };
  Status status = Status::kUnknown;
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  // For a valid session: until when it may be taken as valid without resolving it again
  // (its last_seen plus the smaller of one minute and the idle timeout), so that idle expiry
  // and the last_seen refresh still happen here.
  std::int64_t recheck_at_ms = 0;
};

class SessionStore {
 public:
  SessionStore(const crypto::Keyring& keyring, const core::Clock& clock,
               std::chrono::minutes idle_timeout);

  NewSession create(store::Connection& connection, std::int64_t user_id) const;
  ResolvedSession resolve(store::Connection& connection, std::string_view token) const;
  void destroy(store::Connection& connection, std::int64_t session_id) const;
  void destroy_all_for_user(store::Connection& connection, std::int64_t user_id) const;

  std::chrono::minutes idle_timeout() const { return idle_timeout_; }

  // The keyed hash stored in place of `token`; also what a token is remembered by in memory,
  // so the token itself is never kept.
  core::Bytes token_hash(std::string_view token) const;

 private:
  crypto::SecretKey key_;
  const core::Clock& clock_;
  std::chrono::minutes idle_timeout_;
};

// A random URL-safe token carrying `bytes` bytes of entropy.
std::string random_token(size_t bytes = 32);

}  // namespace qorgau::accounts
