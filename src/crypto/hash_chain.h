// Links of a tamper-evident hash chain (used by the audit log):
//   link(n) = BLAKE2b-256(key, link(n-1) || payload(n)),  link(0) = 32 zero bytes.
// Keyed, so that someone who can edit the database but does not hold the key
// file cannot recompute the chain after changing an entry.
#pragma once

#include <string_view>

#include "core/bytes.h"
#include "crypto/keyring.h"

namespace qorgau::crypto {

class HashChain {
 public:
  explicit HashChain(const Keyring& keyring);

  static core::Bytes genesis() { return core::Bytes(32, 0); }
  core::Bytes link(const core::Bytes& previous, std::string_view payload) const;

 private:
  SecretKey key_;
};

}  // namespace qorgau::crypto
