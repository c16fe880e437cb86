#include "evidence/blob_store.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "core/bytes.h"
#include "testing/temp_dir.h"

namespace qorgau::evidence {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_all(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(random() & 0xFF);
  return out;
}

// The hash the coreutils tool prints, independently of libsodium.
std::string sha256sum(const fs::path& file) {
  std::string command = "sha256sum '" + file.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "";
  char buffer[65] = {};
  size_t n = std::fread(buffer, 1, 64, pipe);
  ::pclose(pipe);
  return std::string(buffer, n);
}

class BlobStoreTest : public ::testing::Test {
 protected:
  fs::path source(const std::string& content) {
    fs::path path = dir_.path() / ("source-" + std::to_string(++files_));
    write_all(path, content);
    return path;
  }
  std::string decrypt(const std::string& name) {
    auto reader = blobs_.open(name);
    std::string out, chunk;
    bool more = true;
    while (more) {
      more = reader->next(chunk);
      EXPECT_LE(chunk.size(), kBlobChunk);
      out += chunk;
    }
    EXPECT_EQ(reader->size(), out.size());
    return out;
  }

  testing::TempDir dir_;
  crypto::Keyring keyring_ = crypto::Keyring::random();
  BlobStore blobs_{dir_.path() / "evidence", keyring_};
  int files_ = 0;
};

TEST_F(BlobStoreTest, RoundTripsEmptySmallAndMultiChunkFilesWithTheirSha256) {
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, kBlobChunk - 1, kBlobChunk,
                           kBlobChunk + 1, 3 * kBlobChunk, std::size_t{200'000}}) {
    std::string content = random_bytes(size, static_cast<unsigned>(size));
    fs::path file = source(content);
    BlobInfo info = blobs_.put(file);
    EXPECT_EQ(info.size, size);
    EXPECT_EQ(info.name.size(), 32u);
    EXPECT_EQ(info.sha256, sha256sum(file)) << size;
    EXPECT_TRUE(fs::exists(blobs_.path_of(info.name)));
    EXPECT_EQ(decrypt(info.name), content) << size;
    BlobInfo checked = blobs_.check(info.name);
    EXPECT_EQ(checked.sha256, info.sha256);
    EXPECT_EQ(checked.size, size);
  }
  for (const auto& entry : fs::directory_iterator(blobs_.dir())) {
    EXPECT_EQ(entry.path().extension(), ".blob") << "no unfinished file is left behind";
  }
}

TEST_F(BlobStoreTest, TheBlobHoldsNoPlaintext) {
  std::string content;
  for (int i = 0; i < 5000; ++i) content += "Айгерим Нурланова recorded statement. ";
  BlobInfo info = blobs_.put(source(content));
  std::string stored = read_all(blobs_.path_of(info.name));
  EXPECT_EQ(stored.find("Айгерим"), std::string::npos);
  EXPECT_EQ(stored.find("statement"), std::string::npos);
  EXPECT_GT(stored.size(), content.size());
}

TEST_F(BlobStoreTest, AFlippedByteIsDetected) {
  std::string content = random_bytes(3 * kBlobChunk + 10, 7);
  BlobInfo info = blobs_.put(source(content));
  for (std::size_t offset :
       {std::size_t{3}, std::size_t{20}, std::size_t{100}, kBlobChunk + 500, 3 * kBlobChunk + 60}) {
    fs::path path = blobs_.path_of(info.name);
    std::string stored = read_all(path);
    std::string damaged = stored;
    damaged[offset] = static_cast<char>(damaged[offset] ^ 0x01);
    write_all(path, damaged);
    EXPECT_THROW(blobs_.check(info.name), BlobError) << "flip at " << offset;
    write_all(path, stored);
    EXPECT_EQ(blobs_.check(info.name).sha256, info.sha256);
  }
}

TEST_F(BlobStoreTest, ATruncatedOrExtendedBlobIsDetected) {
  std::string content = random_bytes(2 * kBlobChunk + 100, 9);
  BlobInfo info = blobs_.put(source(content));
  fs::path path = blobs_.path_of(info.name);
  std::string stored = read_all(path);
  std::size_t header = 8 + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
  std::size_t sealed = kBlobChunk + crypto_secretstream_xchacha20poly1305_ABYTES;
  // Cut exactly after whole chunks (each chunk still authenticates), inside
  // a chunk, and inside the header.
  for (std::size_t keep : {header + 2 * sealed, header + sealed, header, stored.size() - 1,
                           std::size_t{10}, std::size_t{0}}) {
    write_all(path, stored.substr(0, keep));
    EXPECT_THROW(blobs_.check(info.name), BlobError) << "kept " << keep << " bytes";
  }
  write_all(path, stored + "x");
  EXPECT_THROW(blobs_.check(info.name), BlobError) << "a byte after the final chunk";
  write_all(path, stored);
  EXPECT_EQ(blobs_.check(info.name).size, content.size());
}

TEST_F(BlobStoreTest, ASwappedBlobDoesNotDecryptUnderTheOthersName) {
  BlobInfo a = blobs_.put(source(random_bytes(1000, 1)));
  BlobInfo b = blobs_.put(source(random_bytes(1000, 2)));
  fs::copy_file(blobs_.path_of(b.name), blobs_.path_of(a.name),
                fs::copy_options::overwrite_existing);
  EXPECT_THROW(blobs_.check(a.name), BlobError);
  EXPECT_EQ(blobs_.check(b.name).sha256, b.sha256);
}

TEST_F(BlobStoreTest, AnotherKeyFileCannotReadTheBlob) {
  BlobInfo info = blobs_.put(source("%PDF-1.7 secret"));
  crypto::Keyring other = crypto::Keyring::random();
  BlobStore foreign(blobs_.dir(), other);
  EXPECT_THROW(foreign.check(info.name), BlobError);
}

TEST_F(BlobStoreTest, MissingBlobsAndBadNamesAreErrors) {
  EXPECT_THROW(blobs_.open("00000000000000000000000000000000"), BlobError);
  EXPECT_THROW(blobs_.open("../qorgau.key"), BlobError);
  EXPECT_THROW(blobs_.open(""), BlobError);
}

TEST_F(BlobStoreTest, SweepDeletesUnfinishedAndOrphanBlobsOnly) {
  BlobInfo kept = blobs_.put(source("kept"));
  BlobInfo orphan = blobs_.put(source("orphan"));
  write_all(blobs_.dir() / "0123456789abcdef0123456789abcdef.partial", "half");
  write_all(blobs_.dir() / "README", "not a blob");
  EXPECT_EQ(blobs_.sweep({kept.name}), 2u);
  EXPECT_TRUE(fs::exists(blobs_.path_of(kept.name)));
  EXPECT_FALSE(fs::exists(blobs_.path_of(orphan.name)));
  EXPECT_FALSE(fs::exists(blobs_.dir() / "0123456789abcdef0123456789abcdef.partial"));
  EXPECT_TRUE(fs::exists(blobs_.dir() / "README"));
  blobs_.remove(kept.name);
  EXPECT_FALSE(fs::exists(blobs_.path_of(kept.name)));
}

}  // namespace
}  // namespace qorgau::evidence
