#include "http/static_files.h"

#include <fstream>
#include <sstream>

namespace qorgau::http {

namespace fs = std::filesystem;

std::string_view content_type_for(const fs::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code ec;
  root_ = fs::weakly_canonical(root, ec);
  available_ = !ec && fs::is_regular_file(root_ / "index.html", ec);
}

std::optional<HttpResponse> StaticFiles::file_response(const fs::path& file, bool immutable) const {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  HttpResponse response;
  response.content_type = std::string(content_type_for(file));
  response.body = content.str();
  response.headers.emplace_back("Cache-Control",
                                immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

std::optional<HttpResponse> StaticFiles::serve(const HttpRequest& request) const {
  if (!available_) return std::nullopt;
  if (request.method != Method::kGet && request.method != Method::kHead) return std::nullopt;
  const std::string& path = request.path;
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  fs::path relative = fs::path(path).relative_path();
  std::error_code ec;
  fs::path candidate = fs::weakly_canonical(root_ / relative, ec);
  // Inside means no ".." step from the root to the resolved file (symlinks
  // were resolved by weakly_canonical), not merely a common string prefix.
  fs::path from_root = candidate.lexically_relative(root_);
  bool inside = !ec && !from_root.empty() && *from_root.begin() != "..";
  if (inside && !relative.empty() && fs::is_regular_file(candidate, ec)) {
    bool immutable = path.rfind("/assets/", 0) == 0;
    return file_response(candidate, immutable);
  }
  if (relative.has_extension()) return std::nullopt;  // a missing file stays a 404
  return file_response(root_ / "index.html", false);
}

}  // namespace qorgau::http
