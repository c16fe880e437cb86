// Encryption of personal data at rest (names, IIN, phones, addresses, free
// text about people) with XChaCha20-Poly1305.
//
// Ciphertext layout: version byte (1) | 24-byte random nonce | ciphertext+tag.
// The `context` (e.g. "people.full_name") is bound as associated data: a
// ciphertext moved to another column fails to decrypt instead of being read
// as the wrong field. Random 192-bit nonces make nonce reuse negligible
// without coordination between server nodes.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "crypto/keyring.h"

namespace qorgau::crypto {

struct DecryptionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class FieldCipher {
 public:
  explicit FieldCipher(const Keyring& keyring);

  core::Bytes encrypt(std::string_view plaintext, std::string_view context) const;
  // Throws DecryptionError if the ciphertext was altered, belongs to another
  // context, or was made with another key.
  std::string decrypt(const core::Bytes& ciphertext, std::string_view context) const;

 private:
  SecretKey key_;
};

}  // namespace qorgau::crypto
