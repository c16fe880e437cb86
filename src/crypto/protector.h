// The one object modules use to protect personal data: encrypt/decrypt a
// field and compute its blind index. Modules never touch keys directly.
//
// Conventions (so that every module protects data the same way):
//  - `field` names the column, "table.column" (e.g. "people.iin"); it is the
//    encryption context and the blind-index domain;
//  - blind indexes are computed over normalised values (see normalize_*).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crypto/blind_index.h"
#include "crypto/field_cipher.h"

namespace qorgau::crypto {

class Protector {
 public:
  explicit Protector(const Keyring& keyring) : cipher_(keyring), index_(keyring) {}

  core::Bytes seal(std::string_view plaintext, std::string_view field) const {
    return cipher_.encrypt(plaintext, field);
  }
  std::string open(const core::Bytes& ciphertext, std::string_view field) const {
    return cipher_.decrypt(ciphertext, field);
  }
  core::Bytes index(std::string_view normalized_value, std::string_view field) const {
    return index_.compute(field, normalized_value);
  }

 private:
  FieldCipher cipher_;
  BlindIndex index_;
};

// Lower-cases ASCII letters and collapses runs of whitespace; used for
// identifiers such as usernames. (Names of people need transliteration-aware
// folding, which belongs to the matching module.)
std::string normalize_identifier(std::string_view value);

}  // namespace qorgau::crypto
