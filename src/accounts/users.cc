#include "accounts/users.h"

#include "accounts/password_policy.h"
#include "accounts/roles.h"
#include "core/error.h"
#include "crypto/password_hash.h"

namespace qorgau::accounts {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr const char* kUsernameField = "users.username";
constexpr const char* kDisplayNameField = "users.display_name";
constexpr const char* kColumns =
    "SELECT id, username_enc, display_name_enc, role, agency_id, status, failed_logins, "
    "locked_until, password_hash FROM users ";

}  // namespace

void check_username(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) {
    throw ApiError(ErrorCode::kInvalidUsername, "username");
  }
  for (char c : username) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    if (!ok) throw ApiError(ErrorCode::kInvalidUsername, "username");
  }
}

User UserStore::read(const store::Row& row) const {
  User u;
  u.id = row.integer(0);
  u.username = protector_.open(row.bytes(1), kUsernameField);
  u.display_name = protector_.open(row.bytes(2), kDisplayNameField);
  u.role = row.text(3);
  u.agency_id = row.integer(4);
  u.status = row.text(5);
  u.failed_logins = static_cast<int>(row.integer(6));
  u.locked_until_ms = row.integer(7);
  u.password_hash = row.text(8);
  return u;
}

User UserStore::create(store::Connection& connection, const NewUser& user,
                       std::int64_t now_ms) const {
  check_username(user.username);
  if (user.display_name.empty() || user.display_name.size() > 200) {
    throw ApiError(ErrorCode::kValidationFailed, "display_name");
  }
  if (!find_role(user.role)) throw ApiError(ErrorCode::kUnknownRole, "role");
  if (!connection.query_one("SELECT id FROM agencies WHERE id = $1", {user.agency_id})) {
    throw ApiError(ErrorCode::kUnknownAgency, "agency_id");
  }
  check_password_policy(user.password, user.username);
  std::string normalized = crypto::normalize_identifier(user.username);
  core::Bytes bidx = protector_.index(normalized, kUsernameField);
  if (connection.query_one("SELECT id FROM users WHERE username_bidx = $1", {bidx})) {
    throw ApiError(ErrorCode::kUsernameTaken, "username");
  }
  std::string hash = crypto::hash_password(user.password);
  auto row = connection.query_one(
      "INSERT INTO users (username_bidx, username_enc, display_name_enc, password_hash, role, "
      "agency_id, status, created_at, password_changed_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $7) RETURNING id",
      {bidx, protector_.seal(normalized, kUsernameField),
       protector_.seal(user.display_name, kDisplayNameField), hash, user.role, user.agency_id,
       now_ms});
  return *find(connection, row->integer(0));
}

std::optional<User> UserStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(std::string(kColumns) + "WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return read(*row);
}

std::optional<User> UserStore::find_by_username(store::Connection& connection,
                                                std::string_view username) const {
  core::Bytes bidx = protector_.index(crypto::normalize_identifier(username), kUsernameField);
  auto row = connection.query_one(std::string(kColumns) + "WHERE username_bidx = $1", {bidx});
  if (!row) return std::nullopt;
  return read(*row);
}

std::vector<User> UserStore::list(store::Connection& connection) const {
  std::vector<User> out;
  for (const auto& row : connection.query(std::string(kColumns) + "ORDER BY id")) {
    out.push_back(read(row));
  }
  return out;
}

void UserStore::set_status(store::Connection& connection, std::int64_t id,
                           std::string_view status) const {
  connection.execute("UPDATE users SET status = $1 WHERE id = $2", {std::string(status), id});
}

void UserStore::set_password(store::Connection& connection, const User& user,
                             std::string_view password, std::int64_t now_ms) const {
  check_password_policy(password, user.username);
  connection.execute(
      "UPDATE users SET password_hash = $1, password_changed_at = $2, failed_logins = 0, "
      "locked_until = 0 WHERE id = $3",
      {crypto::hash_password(password), now_ms, user.id});
}

bool UserStore::record_failed_login(store::Connection& connection, std::int64_t id,
                                    int max_failures, std::int64_t locked_until_ms) const {
  auto row = connection.query_one(
      "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
      {id});
  if (!row || row->integer(0) < max_failures) return false;
  connection.execute("UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2",
                     {locked_until_ms, id});
  return true;
}

void UserStore::clear_failed_logins(store::Connection& connection, std::int64_t id) const {
  connection.execute("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = $1", {id});
}

}  // namespace qorgau::accounts
