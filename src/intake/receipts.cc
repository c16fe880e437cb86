#include "intake/receipts.h"

#include <sodium.h>

#include <cctype>
#include <stdexcept>

namespace qorgau::intake {

namespace {

constexpr size_t kCodeChars = 10;
constexpr size_t kSecretBytes = 16;
constexpr size_t kSecretChars = 26;  // ceil(128 / 5)
constexpr std::string_view kPrefix = "QRG";

int symbol_value(char c) {
  auto at = kAlphabet.find(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Upper-cased, without spaces and dashes.
std::string compact(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

Receipts::Receipts(const crypto::Keyring& keyring)
    : key_(keyring.derive(crypto::KeyPurpose::kReceiptSecret)) {}

std::string Receipts::new_code() {
  crypto::ensure_sodium();
  std::string out(kPrefix);
  for (size_t i = 0; i < kCodeChars; ++i) {
    if (i % 5 == 0) out.push_back('-');
    out.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
  }
  return out;
}

std::string Receipts::new_secret() {
  crypto::ensure_sodium();
  core::Bytes bytes(kSecretBytes);
  randombytes_buf(bytes.data(), bytes.size());
  std::string symbols;
  unsigned buffer = 0;
  int bits = 0;
  for (std::uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      symbols.push_back(kAlphabet[(buffer >> (bits - 5)) & 31u]);
      bits -= 5;
    }
  }
  if (bits > 0) symbols.push_back(kAlphabet[(buffer << (5 - bits)) & 31u]);
  sodium_memzero(bytes.data(), bytes.size());
  std::string out;
  for (size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(symbols[i]);
  }
  sodium_memzero(symbols.data(), symbols.size());
  return out;
}

std::optional<std::string> Receipts::normalize_code(std::string_view typed) {
  if (typed.size() > 64) return std::nullopt;
  std::string text = compact(typed);
  if (text.size() == kPrefix.size() + kCodeChars && text.starts_with(kPrefix)) {
    text.erase(0, kPrefix.size());
  }
  if (text.size() != kCodeChars) return std::nullopt;
  for (char c : text) {
    if (symbol_value(c) < 0) return std::nullopt;
  }
  return std::string(kPrefix) + "-" + text.substr(0, 5) + "-" + text.substr(5);
}

std::optional<core::Bytes> Receipts::decode_secret(std::string_view typed) {
  if (typed.size() > 128) return std::nullopt;
  std::string text = compact(typed);
  if (text.size() != kSecretChars) return std::nullopt;
  core::Bytes out;
  out.reserve(kSecretBytes);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = symbol_value(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 5) | static_cast<unsigned>(value);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xffu));
      bits -= 8;
    }
  }
  // 26 symbols carry 130 bits: the last two must be the zero padding.
  if ((buffer & ((1u << bits) - 1)) != 0 || out.size() != kSecretBytes) return std::nullopt;
  return out;
}

core::Bytes Receipts::hash_bytes(std::string_view code, const core::Bytes& secret) const {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key_.data(), crypto::SecretKey::kSize, 32);
  const std::uint8_t separator = 0;
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(code.data()),
                            code.size());
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, secret.data(), secret.size());
  core::Bytes out(32);
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

core::Bytes Receipts::hash(std::string_view code, std::string_view secret) const {
  auto bytes = decode_secret(secret);
  if (!bytes) throw std::invalid_argument("not a receipt secret");
  return hash_bytes(code, *bytes);
}

bool Receipts::matches(std::string_view code, std::string_view typed_secret,
                       const core::Bytes& stored) const {
  auto bytes = decode_secret(typed_secret);
  bool well_formed = bytes.has_value();
  core::Bytes secret = well_formed ? *bytes : core::Bytes(kSecretBytes, 0);
  core::Bytes computed = hash_bytes(code, secret);
  sodium_memzero(secret.data(), secret.size());
  bool equal =
      stored.size() == computed.size() && crypto_verify_32(computed.data(), stored.data()) == 0;
  return equal && well_formed;
}

}  // namespace qorgau::intake
