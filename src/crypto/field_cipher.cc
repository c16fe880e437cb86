#include "crypto/field_cipher.h"

namespace qorgau::crypto {

namespace {
constexpr std::uint8_t kVersion = 1;
constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* as_uchar(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
}  // namespace

FieldCipher::FieldCipher(const Keyring& keyring)
    : key_(keyring.derive(KeyPurpose::kFieldEncryption)) {}

core::Bytes FieldCipher::encrypt(std::string_view plaintext, std::string_view context) const {
  core::Bytes out(1 + kNonce + plaintext.size() + kTag);
  out[0] = kVersion;
  randombytes_buf(out.data() + 1, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + 1 + kNonce, &written, as_uchar(plaintext),
                                             plaintext.size(), as_uchar(context), context.size(),
                                             nullptr, out.data() + 1, key_.data());
  out.resize(1 + kNonce + written);
  return out;
}

std::string FieldCipher::decrypt(const core::Bytes& ciphertext, std::string_view context) const {
  if (ciphertext.size() < 1 + kNonce + kTag || ciphertext[0] != kVersion) {
    throw DecryptionError("ciphertext is malformed");
  }
  std::string out(ciphertext.size() - 1 - kNonce - kTag, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &written, nullptr,
          ciphertext.data() + 1 + kNonce, ciphertext.size() - 1 - kNonce, as_uchar(context),
          context.size(), ciphertext.data() + 1, key_.data()) != 0) {
    throw DecryptionError("ciphertext failed authentication");
  }
  out.resize(written);
  return out;
}

}  // namespace qorgau::crypto
