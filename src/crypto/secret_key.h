// A 32-byte secret key held in memory that libsodium locks against swapping
// and wipes on destruction. Move-only: a key is never silently copied.
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <span>

namespace qorgau::crypto {

// Initialises libsodium once per process; safe to call from any thread.
// Throws std::runtime_error if the library cannot start (no entropy source).
void ensure_sodium();

class SecretKey {
 public:
  static constexpr size_t kSize = 32;

  // A fresh random key.
  static SecretKey random();
  // A key from exactly kSize bytes.
  static SecretKey from_bytes(std::span<const std::uint8_t> bytes);

  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  ~SecretKey();

  const std::uint8_t* data() const { return bytes_.data(); }
  std::span<const std::uint8_t, kSize> span() const { return bytes_; }

 private:
  SecretKey();
  std::array<std::uint8_t, kSize> bytes_{};
};

}  // namespace qorgau::crypto
