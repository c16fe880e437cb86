#include "accounts/sessions.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace qorgau::accounts {

std::string random_token(size_t bytes) {
  crypto::ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  sodium_memzero(raw.data(), raw.size());
  return out;
}

SessionStore::SessionStore(const crypto::Keyring& keyring, const core::Clock& clock,
                           std::chrono::minutes idle_timeout)
    : key_(keyring.derive(crypto::KeyPurpose::kSessionToken)),
      clock_(clock),
      idle_timeout_(idle_timeout) {}

core::Bytes SessionStore::token_hash(std::string_view token) const {
  core::Bytes out(32);
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), key_.data(), crypto::SecretKey::kSize);
  return out;
}

NewSession SessionStore::create(store::Connection& connection, std::int64_t user_id) const {
  NewSession session{random_token(), random_token()};
  std::int64_t now = clock_.now_ms();
  connection.execute(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) "
      "VALUES ($1, $2, $3, $4, $4)",
      {token_hash(session.token), user_id, session.csrf_token, now});
  return session;
}

ResolvedSession SessionStore::resolve(store::Connection& connection, std::string_view token) const {
  ResolvedSession out;
  if (token.empty() || token.size() > 128) return out;
  auto row = connection.query_one(
      "SELECT id, user_id, csrf_token, last_seen_at FROM sessions WHERE token_hash = $1",
      {token_hash(token)});
  if (!row) return out;
  std::int64_t now = clock_.now_ms();
  std::int64_t last_seen = row->integer(3);
  out.session_id = row->integer(0);
  if (now - last_seen > std::chrono::milliseconds(idle_timeout_).count()) {
    destroy(connection, out.session_id);
    out.status = ResolvedSession::Status::kExpired;
    return out;
  }
  constexpr std::int64_t kRefreshMs = 60'000;
  if (now - last_seen > kRefreshMs) {
    connection.execute("UPDATE sessions SET last_seen_at = $1 WHERE id = $2",
                       {now, out.session_id});
    last_seen = now;
  }
  out.status = ResolvedSession::Status::kValid;
  out.user_id = row->integer(1);
  out.csrf_token = row->text(2);
  out.recheck_at_ms =
      last_seen + std::min(kRefreshMs, std::chrono::milliseconds(idle_timeout_).count());
  return out;
}

void SessionStore::destroy(store::Connection& connection, std::int64_t session_id) const {
  connection.execute("DELETE FROM sessions WHERE id = $1", {session_id});
}

void SessionStore::destroy_all_for_user(store::Connection& connection, std::int64_t user_id) const {
  connection.execute("DELETE FROM sessions WHERE user_id = $1", {user_id});
}

}  // namespace qorgau::accounts
