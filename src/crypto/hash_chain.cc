#include "crypto/hash_chain.h"

namespace qorgau::crypto {

HashChain::HashChain(const Keyring& keyring) : key_(keyring.derive(KeyPurpose::kAuditChain)) {}

core::Bytes HashChain::link(const core::Bytes& previous, std::string_view payload) const {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key_.data(), SecretKey::kSize, 32);
  crypto_generichash_update(&state, previous.data(), previous.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(payload.data()),
                            payload.size());
  core::Bytes out(32);
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

}  // namespace qorgau::crypto
