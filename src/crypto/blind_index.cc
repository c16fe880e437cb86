#include "crypto/blind_index.h"

namespace qorgau::crypto {

BlindIndex::BlindIndex(const Keyring& keyring) : key_(keyring.derive(KeyPurpose::kBlindIndex)) {}

core::Bytes BlindIndex::compute(std::string_view domain, std::string_view normalized_value) const {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key_.data(), SecretKey::kSize, 32);
  const std::uint8_t separator = 0;
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domain.data()),
                            domain.size());
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(normalized_value.data()),
                            normalized_value.size());
  core::Bytes out(32);
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

}  // namespace qorgau::crypto
