#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "crypto/blind_index.h"
#include "crypto/field_cipher.h"
#include "crypto/hash_chain.h"
#include "crypto/key_file.h"
#include "crypto/password_hash.h"
#include "testing/temp_dir.h"

namespace qorgau::crypto {
namespace {

namespace fs = std::filesystem;

using qorgau::testing::TempDir;

TEST(FieldCipher, RoundTripsAndHidesPlaintext) {
  Keyring keyring = Keyring::random();
  FieldCipher cipher(keyring);
  core::Bytes a = cipher.encrypt("Айгүл Сәрсенова", "people.full_name");
  core::Bytes b = cipher.encrypt("Айгүл Сәрсенова", "people.full_name");
  EXPECT_NE(a, b) << "same plaintext must give different ciphertexts (random nonce)";
  EXPECT_EQ(cipher.decrypt(a, "people.full_name"), "Айгүл Сәрсенова");
  std::string raw = core::to_string(a);
  EXPECT_EQ(raw.find("Сәрсенова"), std::string::npos);
}

TEST(FieldCipher, RejectsTamperingWrongContextAndWrongKey) {
  Keyring keyring = Keyring::random();
  FieldCipher cipher(keyring);
  core::Bytes c = cipher.encrypt("880101300123", "people.iin");
  EXPECT_THROW(cipher.decrypt(c, "people.full_name"), DecryptionError);
  core::Bytes flipped = c;
  flipped.back() ^= 1;
  EXPECT_THROW(cipher.decrypt(flipped, "people.iin"), DecryptionError);
  EXPECT_THROW(cipher.decrypt(core::Bytes{1, 2, 3}, "people.iin"), DecryptionError);
  Keyring other = Keyring::random();
  EXPECT_THROW(FieldCipher(other).decrypt(c, "people.iin"), DecryptionError);
}

TEST(BlindIndex, IsDeterministicPerKeyAndDomain) {
  Keyring keyring = Keyring::random();
  BlindIndex index(keyring);
  EXPECT_EQ(index.compute("people.iin", "880101300123"),
            index.compute("people.iin", "880101300123"));
  EXPECT_NE(index.compute("people.iin", "880101300123"),
            index.compute("people.iin", "880101300124"));
  EXPECT_NE(index.compute("people.iin", "880101300123"),
            index.compute("users.username", "880101300123"));
  Keyring other = Keyring::random();
  EXPECT_NE(index.compute("people.iin", "x"), BlindIndex(other).compute("people.iin", "x"));
  EXPECT_EQ(index.compute("people.iin", "x").size(), 32u);
}

TEST(Keyring, DerivesDistinctKeysPerPurpose) {
  Keyring keyring = Keyring::random();
  SecretKey a = keyring.derive(KeyPurpose::kFieldEncryption);
  SecretKey b = keyring.derive(KeyPurpose::kBlindIndex);
  SecretKey a2 = keyring.derive(KeyPurpose::kFieldEncryption);
  EXPECT_NE(0, sodium_memcmp(a.data(), b.data(), SecretKey::kSize));
  EXPECT_EQ(0, sodium_memcmp(a.data(), a2.data(), SecretKey::kSize));
}

TEST(PasswordHash, VerifiesOnlyTheRightPassword) {
  std::string hash = hash_password("correct horse battery staple");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(hash, "correct horse battery stapl"));
  EXPECT_FALSE(verify_password("not a hash", "x"));
}

TEST(HashChain, DependsOnEveryPreviousLinkAndThePayload) {
  Keyring keyring = Keyring::random();
  HashChain chain(keyring);
  core::Bytes l1 = chain.link(HashChain::genesis(), "one");
  core::Bytes l2 = chain.link(l1, "two");
  EXPECT_EQ(l2, chain.link(chain.link(HashChain::genesis(), "one"), "two"));
  EXPECT_NE(l2, chain.link(chain.link(HashChain::genesis(), "One"), "two"));
  EXPECT_NE(l2, chain.link(l1, "tw0"));
}

TEST(KeyFile, IsCreatedOnceWithMode0600AndReloaded) {
  TempDir temp;
  const fs::path& dir = temp.path();
  fs::path path = dir / "qorgau.key";
  bool created = false;
  SecretKey first = load_or_create_key_file(path, &created);
  EXPECT_TRUE(created);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  SecretKey second = load_or_create_key_file(path, &created);
  EXPECT_FALSE(created);
  EXPECT_EQ(0, sodium_memcmp(first.data(), second.data(), SecretKey::kSize));
}

TEST(KeyFile, RefusesLoosePermissionsAndMalformedContent) {
  TempDir temp;
  const fs::path& dir = temp.path();
  fs::path path = dir / "qorgau.key";
  load_or_create_key_file(path);
  ::chmod(path.c_str(), 0644);
  EXPECT_THROW(load_key_file(path), KeyFileError);
  fs::path bad = dir / "bad.key";
  std::ofstream(bad) << "qorgau-key-v1 abcd\n";
  ::chmod(bad.c_str(), 0600);
  EXPECT_THROW(load_key_file(bad), KeyFileError);
  EXPECT_THROW(load_key_file(dir / "missing.key"), KeyFileError);
}

}  // namespace
}  // namespace qorgau::crypto
