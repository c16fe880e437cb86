#include "evidence/upload.h"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>

#include "core/bytes.h"
#include "core/error.h"
#include "core/printable_text.h"

namespace qorgau::evidence {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr std::size_t kMaxFilenameBytes = 255;

std::string read_head(const std::filesystem::path& file) {
  std::string head(kSniffBytes, '\0');
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open the uploaded body");
  std::size_t got = 0;
  while (got < head.size()) {
    ssize_t n = ::read(fd, head.data() + got, head.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  head.resize(got);
  return head;
}

}  // namespace

std::string upload_filename(const http::HttpRequest& request) {
  const std::string& raw = request.header("x-evidence-filename");
  std::string name;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      name.push_back(raw[i]);
      continue;
    }
    auto byte =
        i + 2 < raw.size() ? core::from_hex(std::string_view(raw).substr(i + 1, 2)) : std::nullopt;
    if (!byte) throw ApiError(ErrorCode::kValidationFailed, "X-Evidence-Filename");
    name.push_back(static_cast<char>(byte->front()));
    i += 2;
  }
  auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  if (name.size() > kMaxFilenameBytes || !core::count_printable(name)) {
    throw ApiError(ErrorCode::kValidationFailed, "X-Evidence-Filename");
  }
  return name;
}

MediaType upload_type(const http::HttpRequest& request) {
  if (!request.body_file) throw ApiError(ErrorCode::kMissingField, "body");
  auto media = sniff(read_head(*request.body_file));
  if (!media) throw ApiError(ErrorCode::kUnsupportedFileType);
  return *media;
}

Evidence store_upload(const BlobStore& blobs, store::ConnectionPool& pool,
                      const http::HttpRequest& request,
                      const std::function<Evidence(store::Connection&, const BlobInfo&)>& write) {
  if (!request.body_file) throw ApiError(ErrorCode::kMissingField, "body");
  BlobInfo blob = blobs.put(*request.body_file);
  std::error_code ignored;
  std::filesystem::remove(*request.body_file, ignored);  // the plaintext goes at once
  try {
    auto connection = pool.lease();
    store::Transaction tx(*connection);
    Evidence created = write(*connection, blob);
    tx.commit();
    return created;
  } catch (...) {
    blobs.remove(blob.name);  // nothing acknowledged, nothing kept
    throw;
  }
}

}  // namespace qorgau::evidence
