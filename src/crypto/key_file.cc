#include "crypto/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "core/bytes.h"

namespace qorgau::crypto {

namespace {

constexpr std::string_view kMagic = "qorgau-key-v1 ";

void write_all(int fd, const std::string& text, const std::filesystem::path& path) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw KeyFileError("cannot write key file " + path.string());
    done += static_cast<size_t>(n);
  }
}

void fsync_directory(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

SecretKey load_key_file(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw KeyFileError("key file not found: " + path.string());
  if ((st.st_mode & 077) != 0) {
    throw KeyFileError("key file " + path.string() +
                       " is accessible by other users; run: chmod 600 " + path.string());
  }
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    if (line.rfind(kMagic, 0) != 0) break;
    auto bytes = core::from_hex(std::string_view(line).substr(kMagic.size()));
    if (!bytes || bytes->size() != SecretKey::kSize) break;
    SecretKey key = SecretKey::from_bytes(*bytes);
    sodium_memzero(bytes->data(), bytes->size());
    sodium_memzero(line.data(), line.size());
    return key;
  }
  throw KeyFileError("key file " + path.string() + " is malformed");
}

SecretKey load_or_create_key_file(const std::filesystem::path& path, bool* created) {
  if (created) *created = false;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return load_key_file(path);
    throw KeyFileError("cannot create key file " + path.string() + ": " + std::strerror(errno));
  }
  SecretKey key = SecretKey::random();
  core::Bytes raw(key.span().begin(), key.span().end());
  std::string text =
      "# Qorgau master key. Without it the encrypted data in this directory cannot be read.\n"
      "# Keep a copy offline, apart from database backups. Never share or commit it.\n" +
      std::string(kMagic) + core::to_hex(raw) + "\n";
  sodium_memzero(raw.data(), raw.size());
  try {
    write_all(fd, text, path);
    if (::fsync(fd) != 0) throw KeyFileError("cannot fsync key file " + path.string());
  } catch (...) {
    ::close(fd);
    ::unlink(path.c_str());
    throw;
  }
  ::close(fd);
  sodium_memzero(text.data(), text.size());
  fsync_directory(path.parent_path().empty() ? "." : path.parent_path());
  if (created) *created = true;
  return key;
}

}  // namespace qorgau::crypto
