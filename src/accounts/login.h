// Logging in. Defences, in order: per-address throttling (429), per-account
// lockout after `max_failures` consecutive wrong passwords (423 for
// `lockout`), then the Argon2id check. An unknown or disabled username costs
// the same password-hash work as a real one and gets the same answer, so the
// response does not reveal which accounts exist. Every attempt that reaches
// the account check is audited (the username itself never is).
#pragma once

#include <chrono>
#include <string>

#include "accounts/login_throttle.h"
#include "accounts/sessions.h"
#include "accounts/users.h"
#include "audit/audit_log.h"

namespace qorgau::accounts {

struct LoginPolicy {
  int max_failures = 5;
  std::chrono::minutes lockout{15};
};

struct LoginSuccess {
  User user;
  NewSession session;
};

class LoginService {
 public:
  LoginService(const UserStore& users, const SessionStore& sessions, const audit::AuditLog& audit,
               LoginThrottle& throttle, const core::Clock& clock, LoginPolicy policy);

  // Throws core::ApiError: kTooManyRequests, kAccountLocked, kInvalidCredentials.
  LoginSuccess login(store::Connection& connection, std::string_view username,
                     std::string_view password, const std::string& source_ip) const;

 private:
  const UserStore& users_;
  const SessionStore& sessions_;
  const audit::AuditLog& audit_;
  LoginThrottle& throttle_;
  const core::Clock& clock_;
  LoginPolicy policy_;
  std::string dummy_hash_;
};

}  // namespace qorgau::accounts
