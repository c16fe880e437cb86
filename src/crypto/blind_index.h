// Keyed-hash blind indexes: equality lookups over encrypted fields without
// storing the value. index = BLAKE2b-256(key, domain || 0x00 || value).
//
// The `domain` ("people.iin") separates indexes of different fields, so equal
// values in two columns do not produce linkable hashes. Callers normalise the
// value first (digits only for an IIN, folded name for a name); the index
// matches exactly what was normalised. Without the key an attacker holding
// the database cannot test guesses (an IIN has only ~10^11 possible values).
#pragma once

#include <string_view>

#include "core/bytes.h"
#include "crypto/keyring.h"

namespace qorgau::crypto {

class BlindIndex {
 public:
  explicit BlindIndex(const Keyring& keyring);

  core::Bytes compute(std::string_view domain, std::string_view normalized_value) const;

 private:
  SecretKey key_;
};

}  // namespace qorgau::crypto
