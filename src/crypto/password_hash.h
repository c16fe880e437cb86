// Argon2id password hashing (libsodium's crypto_pwhash_str, which embeds the
// algorithm, parameters and salt in the stored string). The cost is
// libsodium's "interactive" level (64 MiB, 2 passes): above OWASP's minimum
// for Argon2id while keeping a login under ~100 ms on a 2-core server.
#pragma once

#include <string>
#include <string_view>

namespace qorgau::crypto {

std::string hash_password(std::string_view password);
// Constant-time with respect to the password; false for a malformed hash.
bool verify_password(std::string_view stored_hash, std::string_view password);

}  // namespace qorgau::crypto
