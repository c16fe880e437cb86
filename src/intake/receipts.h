// Receipts for public reports: with a code and a secret, and only with both,
// a reporter who gave no name sees the status of the report and adds to it.
//
//  - The code, "QRG-XXXXX-XXXXX": ten random characters of kAlphabet (32
//    symbols, no 0/O/1/I, so it survives being read aloud or copied by hand;
//    50 bits). It names nobody and is stored as is, unique.
//  - The secret: 128 random bits written as 26 characters of kAlphabet in
//    words of four ("M9PA-7KX4-...-AB"). Shown once; only a BLAKE2b hash keyed
//    with the receipt-secret subkey (KeyPurpose::kReceiptSecret) and bound to
//    the code is stored, so a stolen database yields no usable secret and a
//    secret cannot be moved to another report.
//  - matches() compares in constant time. Callers must answer a wrong code and
//    a wrong secret the same way after the same work (see intake_api.cc:
//    an unknown code is checked against a dummy hash).
// Input is read leniently: case, spaces, dashes and the "QRG" prefix are ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "crypto/keyring.h"

namespace qorgau::intake {

inline constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

class Receipts {
 public:
  explicit Receipts(const crypto::Keyring& keyring);

  // A fresh random code, "QRG-XXXXX-XXXXX".
  static std::string new_code();
  // A fresh random secret, as shown to the reporter.
  static std::string new_secret();

  // The canonical code ("QRG-XXXXX-XXXXX") of what a person typed, or nullopt
  // if it cannot be a code.
  static std::optional<std::string> normalize_code(std::string_view typed);
  // The 16 secret bytes of what a person typed, or nullopt if it cannot be a secret.
  static std::optional<core::Bytes> decode_secret(std::string_view typed);

  // The stored hash of `secret` (as shown) for `code` (canonical). The secret must decode.
  core::Bytes hash(std::string_view code, std::string_view secret) const;
  // Whether `typed_secret` is the secret of `code` whose stored hash is `stored`; the same
  // work whether or not the typed secret is well formed.
  bool matches(std::string_view code, std::string_view typed_secret,
               const core::Bytes& stored) const;

 private:
  core::Bytes hash_bytes(std::string_view code, const core::Bytes& secret) const;

  crypto::SecretKey key_;
};

}  // namespace qorgau::intake
