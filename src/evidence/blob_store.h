// Evidence files at rest: one encrypted blob per file in <data-dir>/evidence/.
//
// Format of <name>.blob: the 8 bytes "QORGEV01", a libsodium secretstream
// (XChaCha20-Poly1305) header, then the file in chunks of 64 KiB of
// plaintext, each sealed with its own tag; the last chunk (possibly empty)
// carries the FINAL tag. Each blob has its own key, derived from the
// kEvidenceBlob key of the key file and the blob's name, so a blob copied over
// another one's name does not decrypt.
//
// Invariants:
//  - memory use does not depend on the file's size: everything moves in
//    64 KiB chunks, in and out;
//  - put() returns only when the blob is durable: it is written as
//    <name>.partial, fsynced, renamed to <name>.blob, and the directory is
//    fsynced. A crash leaves at most a .partial file, which sweep() deletes;
//  - reading either yields exactly the plaintext that was stored, or throws
//    BlobError: a changed byte fails the chunk's authentication, a cut-off
//    blob lacks the FINAL tag, bytes after FINAL are refused;
//  - the SHA-256 of the plaintext is computed as it passes, never from a
//    second copy.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "crypto/keyring.h"

namespace qorgau::evidence {

// A blob is missing, damaged, cut off or not this blob.
struct BlobError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct BlobInfo {
  std::string name;        // 32 hex characters; the file is <name>.blob
  std::uint64_t size = 0;  // plaintext bytes
  std::string sha256;      // of the plaintext, lower-case hex
};

inline constexpr std::size_t kBlobChunk = std::size_t{64} * 1024;

class BlobStore {
 public:
  // `dir` is created (mode 0700) if missing.
  BlobStore(std::filesystem::path dir, const crypto::Keyring& keyring);

  // Encrypts the plaintext file `source` into a new blob; durable on return.
  BlobInfo put(const std::filesystem::path& source) const;

  // Decrypts a blob piece by piece.
  class Reader {
   public:
    virtual ~Reader() = default;
    // Fills `chunk` with the next piece of plaintext; returns false when that
    // was the last one. Throws BlobError on damage.
    virtual bool next(std::string& chunk) = 0;
    // Plaintext bytes and their SHA-256 (hex) so far; final after next()
    // returned false.
    virtual std::uint64_t size() const = 0;
    virtual std::string sha256() const = 0;
  };
  // Throws BlobError if the blob is missing or its header is not valid.
  std::unique_ptr<Reader> open(std::string_view name) const;

  // Decrypts the whole blob; its size and SHA-256, or BlobError.
  BlobInfo check(std::string_view name) const;

  // Deletes a blob (and the directory entry durably); no error if absent.
  void remove(std::string_view name) const;

  // Deletes unfinished blobs (.partial) and blobs whose name is not in
  // `keep`; returns how many files it deleted. Run before serving.
  std::size_t sweep(const std::set<std::string>& keep) const;

  std::filesystem::path path_of(std::string_view name) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  crypto::SecretKey blob_key(std::string_view name) const;

  std::filesystem::path dir_;
  crypto::SecretKey key_;
};

// Makes a directory entry (a created, renamed or deleted file) durable.
void fsync_directory(const std::filesystem::path& dir);

}  // namespace qorgau::evidence
