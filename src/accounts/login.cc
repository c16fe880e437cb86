#include "accounts/login.h"

#include "core/error.h"
#include "crypto/password_hash.h"

namespace qorgau::accounts {

using core::ApiError;
using core::ErrorCode;

LoginService::LoginService(const UserStore& users, const SessionStore& sessions,
                           const audit::AuditLog& audit, LoginThrottle& throttle,
                           const core::Clock& clock, LoginPolicy policy)
    : users_(users),
      sessions_(sessions),
      audit_(audit),
      throttle_(throttle),
      clock_(clock),
      policy_(policy),
      dummy_hash_(crypto::hash_password(random_token())) {}

LoginSuccess LoginService::login(store::Connection& connection, std::string_view username,
                                 std::string_view password, const std::string& source_ip) const {
  if (!throttle_.allow(source_ip)) throw ApiError(ErrorCode::kTooManyRequests);

  auto user = users_.find_by_username(connection, username);
  audit::AuditEvent event{std::nullopt,
                          std::nullopt,
                          "session.login",
                          "user",
                          user ? std::to_string(user->id) : "unknown",
                          source_ip,
                          "failure"};
  std::int64_t now = clock_.now_ms();

  if (user && user->locked_until_ms > now) {
    event.actor_user_id = user->id;
    event.outcome = "locked";
    audit_.record(connection, event);
    throw ApiError(ErrorCode::kAccountLocked);
  }
  bool password_ok = crypto::verify_password(user ? user->password_hash : dummy_hash_, password);
  if (!user || !user->active() || !password_ok) {
    store::Transaction tx(connection);
    bool locked_now = false;
    if (user && user->active()) {
      locked_now =
          users_.record_failed_login(connection, user->id, policy_.max_failures,
                                     now + std::chrono::milliseconds(policy_.lockout).count());
    }
    if (user) event.actor_user_id = user->id;
    if (locked_now) event.outcome = "locked";
    audit_.append(connection, event);
    tx.commit();
    throw ApiError(locked_now ? ErrorCode::kAccountLocked : ErrorCode::kInvalidCredentials);
  }

  store::Transaction tx(connection);
  if (user->failed_logins > 0) users_.clear_failed_logins(connection, user->id);
  NewSession session = sessions_.create(connection, user->id);
  event.actor_user_id = user->id;
  event.actor_agency_id = user->agency_id;
  event.outcome = "success";
  audit_.append(connection, event);
  tx.commit();
  return {*user, session};
}

}  // namespace qorgau::accounts
