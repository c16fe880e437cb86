// Staff accounts. A user has a username (unique, case-insensitive), a display
// name, a role (accounts/roles.h) and an agency. Username and display name are
// personal data: stored encrypted, the username found through its blind index.
//
// Invariants: a stored password hash is always Argon2id of a password that
// passed check_password_policy; a disabled user cannot log in and loses its
// sessions; status is "active" or "disabled".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto/protector.h"
#include "store/database.h"

namespace qorgau::accounts {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::int64_t agency_id = 0;
  std::string status;  // "active" | "disabled"
  int failed_logins = 0;
  std::int64_t locked_until_ms = 0;
  std::string password_hash;

  bool active() const { return status == "active"; }
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;
  std::int64_t agency_id = 0;
};

// Throws ApiError(kInvalidUsername) unless 3-64 of [A-Za-z0-9._-].
void check_username(std::string_view username);

class UserStore {
 public:
  explicit UserStore(const crypto::Protector& protector) : protector_(protector) {}

  // Validates everything (username, display name, role, agency exists,
  // password policy) and inserts. Throws ApiError; changes nothing on error.
  User create(store::Connection& connection, const NewUser& user, std::int64_t now_ms) const;

  std::optional<User> find(store::Connection& connection, std::int64_t id) const;
  std::optional<User> find_by_username(store::Connection& connection,
                                       std::string_view username) const;
  // All users, oldest first. Callers filter by the viewer's scope.
  std::vector<User> list(store::Connection& connection) const;

  void set_status(store::Connection& connection, std::int64_t id, std::string_view status) const;
  // Checks the policy, stores the new hash, clears failures and lockout.
  void set_password(store::Connection& connection, const User& user, std::string_view password,
                    std::int64_t now_ms) const;
  // Counts one more consecutive failure, atomically within the caller's
  // transaction; at `max_failures` it locks the account until
  // `locked_until_ms` and resets the count. Returns true if it locked now.
  bool record_failed_login(store::Connection& connection, std::int64_t id, int max_failures,
                           std::int64_t locked_until_ms) const;
  void clear_failed_logins(store::Connection& connection, std::int64_t id) const;

 private:
  User read(const store::Row& row) const;

  const crypto::Protector& protector_;
};

}  // namespace qorgau::accounts
