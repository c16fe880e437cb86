#include "evidence/blob_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/bytes.h"

namespace qorgau::evidence {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "QORGEV01";
constexpr std::string_view kBlobSuffix = ".blob";
constexpr std::string_view kPartialSuffix = ".partial";
constexpr std::size_t kSealedChunk = kBlobChunk + crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kNameHexChars = 32;

// An open file descriptor, closed on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting failure (a failed close can mean lost data).
  bool close() {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

std::string errno_text() {
  return std::strerror(errno);
}

// Reads until `size` bytes or end of file; returns the count.
std::size_t read_full(int fd, std::uint8_t* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw BlobError("read failed: " + errno_text());
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return done;
}

void write_full(int fd, const std::uint8_t* data, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("write failed: " + errno_text());
    done += static_cast<std::size_t>(n);
  }
}

std::string hex(const std::uint8_t* data, std::size_t size) {
  return core::to_hex(core::Bytes(data, data + size));
}

bool valid_name(std::string_view name) {
  if (name.size() != kNameHexChars) return false;
  for (char c : name) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

class SecretstreamReader : public BlobStore::Reader {
 public:
  SecretstreamReader(int fd, const crypto::SecretKey& key) : fd_(fd), sealed_(kSealedChunk) {
    std::array<std::uint8_t, kMagic.size() + crypto_secretstream_xchacha20poly1305_HEADERBYTES>
        head{};
    if (read_full(fd_.get(), head.data(), head.size()) != head.size() ||
        std::memcmp(head.data(), kMagic.data(), kMagic.size()) != 0) {
      throw BlobError("not an evidence blob, or cut off");
    }
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state_, head.data() + kMagic.size(),
                                                        key.data()) != 0) {
      throw BlobError("blob header does not fit its key");
    }
    crypto_hash_sha256_init(&hash_);
  }
  ~SecretstreamReader() override { sodium_memzero(&state_, sizeof state_); }
  SecretstreamReader(const SecretstreamReader&) = delete;
  SecretstreamReader& operator=(const SecretstreamReader&) = delete;

  bool next(std::string& chunk) override {
    if (finished_) throw BlobError("read past the end of the blob");
    std::size_t n = read_full(fd_.get(), sealed_.data(), sealed_.size());
    if (n < crypto_secretstream_xchacha20poly1305_ABYTES) {
      throw BlobError("blob is cut off (no final chunk)");
    }
    chunk.resize(n - crypto_secretstream_xchacha20poly1305_ABYTES);
    unsigned long long length = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state_, reinterpret_cast<unsigned char*>(chunk.data()), &length, &tag, sealed_.data(),
            n, nullptr, 0) != 0) {
      chunk.clear();
      throw BlobError("blob chunk fails authentication (changed or not this blob)");
    }
    chunk.resize(length);
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      std::uint8_t extra = 0;
      if (read_full(fd_.get(), &extra, 1) != 0) {
        chunk.clear();
        throw BlobError("bytes after the final chunk");
      }
      finished_ = true;
    } else if (n < sealed_.size()) {
      chunk.clear();
      throw BlobError("blob is cut off (no final chunk)");
    }
    crypto_hash_sha256_update(&hash_, reinterpret_cast<const unsigned char*>(chunk.data()),
                              chunk.size());
    size_ += chunk.size();
    return !finished_;
  }

  std::uint64_t size() const override { return size_; }

  std::string sha256() const override {
    crypto_hash_sha256_state copy = hash_;
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&copy, digest.data());
    return hex(digest.data(), digest.size());
  }

 private:
  Fd fd_;
  crypto_secretstream_xchacha20poly1305_state state_{};
  crypto_hash_sha256_state hash_{};
  std::vector<std::uint8_t> sealed_;
  std::uint64_t size_ = 0;
  bool finished_ = false;
};

}  // namespace

void fsync_directory(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
    throw std::runtime_error("cannot fsync directory " + dir.string() + ": " + errno_text());
  }
}

BlobStore::BlobStore(fs::path dir, const crypto::Keyring& keyring)
    : dir_(std::move(dir)), key_(keyring.derive(crypto::KeyPurpose::kEvidenceBlob)) {
  std::error_code ec;
  if (!fs::exists(dir_, ec)) {
    fs::create_directories(dir_);
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::replace);
  }
}

crypto::SecretKey BlobStore::blob_key(std::string_view name) const {
  static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == crypto::SecretKey::kSize);
  std::string input = "qorgau.evidence.blob:" + std::string(name);
  std::array<std::uint8_t, crypto::SecretKey::kSize> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), key_.data(), crypto::SecretKey::kSize);
  crypto::SecretKey key = crypto::SecretKey::from_bytes(out);
  sodium_memzero(out.data(), out.size());
  return key;
}

fs::path BlobStore::path_of(std::string_view name) const {
  return dir_ / (std::string(name) + std::string(kBlobSuffix));
}

BlobInfo BlobStore::put(const fs::path& source) const {
  std::array<std::uint8_t, 16> random{};
  randombytes_buf(random.data(), random.size());
  BlobInfo info;
  info.name = hex(random.data(), random.size());
  fs::path partial = dir_ / (info.name + std::string(kPartialSuffix));
  Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) throw std::runtime_error("cannot open upload: " + errno_text());
  Fd out(::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (out.get() < 0) throw std::runtime_error("cannot create blob: " + errno_text());
  try {
    crypto::SecretKey key = blob_key(info.name);
    crypto_secretstream_xchacha20poly1305_state state;
    std::array<std::uint8_t, kMagic.size() + crypto_secretstream_xchacha20poly1305_HEADERBYTES>
        head{};
    std::memcpy(head.data(), kMagic.data(), kMagic.size());
    crypto_secretstream_xchacha20poly1305_init_push(&state, head.data() + kMagic.size(),
                                                    key.data());
    write_full(out.get(), head.data(), head.size());
    crypto_hash_sha256_state hash;
    crypto_hash_sha256_init(&hash);
    // One chunk of look-ahead: a chunk is FINAL when nothing follows it.
    std::vector<std::uint8_t> current(kBlobChunk), following(kBlobChunk), sealed(kSealedChunk);
    std::size_t current_size = read_full(in.get(), current.data(), current.size());
    for (;;) {
      std::size_t following_size = 0;
      if (current_size == kBlobChunk) {
        following_size = read_full(in.get(), following.data(), following.size());
      }
      bool last = following_size == 0;
      crypto_hash_sha256_update(&hash, current.data(), current_size);
      info.size += current_size;
      unsigned long long sealed_size = 0;
      crypto_secretstream_xchacha20poly1305_push(
          &state, sealed.data(), &sealed_size, current.data(), current_size, nullptr, 0,
          last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
      write_full(out.get(), sealed.data(), static_cast<std::size_t>(sealed_size));
      if (last) break;
      std::swap(current, following);
      current_size = following_size;
    }
    sodium_memzero(&state, sizeof state);
    sodium_memzero(current.data(), current.size());
    sodium_memzero(following.data(), following.size());
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&hash, digest.data());
    info.sha256 = hex(digest.data(), digest.size());
    if (::fsync(out.get()) != 0) throw std::runtime_error("fsync failed: " + errno_text());
    if (!out.close()) throw std::runtime_error("close failed: " + errno_text());
    fs::rename(partial, path_of(info.name));
    fsync_directory(dir_);
  } catch (...) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw;
  }
  return info;
}

std::unique_ptr<BlobStore::Reader> BlobStore::open(std::string_view name) const {
  if (!valid_name(name)) throw BlobError("not a blob name");
  int fd = ::open(path_of(name).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw BlobError("blob is missing");
  return std::make_unique<SecretstreamReader>(fd, blob_key(name));
}

BlobInfo BlobStore::check(std::string_view name) const {
  auto reader = open(name);
  std::string chunk;
  while (reader->next(chunk)) {
  }
  return {std::string(name), reader->size(), reader->sha256()};
}

void BlobStore::remove(std::string_view name) const {
  if (!valid_name(name)) return;
  std::error_code ec;
  if (fs::remove(path_of(name), ec)) fsync_directory(dir_);
}

std::size_t BlobStore::sweep(const std::set<std::string>& keep) const {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::string file = entry.path().filename().string();
    bool partial = file.ends_with(kPartialSuffix);
    bool orphan = file.ends_with(kBlobSuffix) &&
                  !keep.contains(file.substr(0, file.size() - kBlobSuffix.size()));
    if (!partial && !orphan) continue;
    std::error_code ignored;
    if (fs::remove(entry.path(), ignored)) ++removed;
  }
  if (removed > 0) fsync_directory(dir_);
  return removed;
}

}  // namespace qorgau::evidence
