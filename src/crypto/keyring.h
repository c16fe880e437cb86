// Purpose-specific keys derived from the master key (libsodium KDF, context
// "qorgau01"). One key per purpose, so a key used for blind indexes can never
// decrypt a field, and each can be rotated on its own in a later version.
// Subkey ids are part of the on-disk format: never renumber them.
#pragma once

#include "crypto/secret_key.h"

namespace qorgau::crypto {

enum class KeyPurpose : std::uint64_t {
  kFieldEncryption = 1,
  kBlindIndex = 2,
  kAuditChain = 3,
  kSessionToken = 4,
  kReceiptSecret = 5,  // keyed hashes of intake receipt secrets
  kEvidenceBlob = 6,   // per-blob keys of evidence files (evidence/blob_store.h)
};

class Keyring {
 public:
  explicit Keyring(SecretKey master);
  // A throwaway keyring with a random master key, for tests.
  static Keyring random();

  SecretKey derive(KeyPurpose purpose) const;

 private:
  SecretKey master_;
};

}  // namespace qorgau::crypto
