#include "crypto/secret_key.h"

#include <mutex>
#include <stdexcept>

namespace qorgau::crypto {

void ensure_sodium() {
  static std::once_flag once;
  static bool ok = false;
  std::call_once(once, [] { ok = sodium_init() >= 0; });
  if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

SecretKey::SecretKey() {
  ensure_sodium();
  sodium_mlock(bytes_.data(), bytes_.size());
}

SecretKey::~SecretKey() {
  sodium_munlock(bytes_.data(), bytes_.size());
}

SecretKey::SecretKey(SecretKey&& other) noexcept : SecretKey() {
  bytes_ = other.bytes_;
  sodium_memzero(other.bytes_.data(), other.bytes_.size());
}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    bytes_ = other.bytes_;
    sodium_memzero(other.bytes_.data(), other.bytes_.size());
  }
  return *this;
}

SecretKey SecretKey::random() {
  SecretKey key;
  randombytes_buf(key.bytes_.data(), key.bytes_.size());
  return key;
}

SecretKey SecretKey::from_bytes(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != kSize) throw std::invalid_argument("a secret key is exactly 32 bytes");
  SecretKey key;
  std::copy(bytes.begin(), bytes.end(), key.bytes_.begin());
  return key;
}

}  // namespace qorgau::crypto
