#include "crypto/keyring.h"

#include <array>

namespace qorgau::crypto {

Keyring::Keyring(SecretKey master) : master_(std::move(master)) {}

Keyring Keyring::random() {
  return Keyring(SecretKey::random());
}

SecretKey Keyring::derive(KeyPurpose purpose) const {
  static_assert(crypto_kdf_KEYBYTES == SecretKey::kSize);
  std::array<std::uint8_t, SecretKey::kSize> sub{};
  crypto_kdf_derive_from_key(sub.data(), sub.size(), static_cast<std::uint64_t>(purpose),
                             "qorgau01", master_.data());
  SecretKey key = SecretKey::from_bytes(sub);
  sodium_memzero(sub.data(), sub.size());
  return key;
}

}  // namespace qorgau::crypto
