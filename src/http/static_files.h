// Serving the built web app (web/dist). Paths are resolved strictly inside
// the root (no "..", no symlink escape); an unknown path that does not look
// like a file (no extension) gets index.html so client-side routes survive a
// reload. Hashed assets under /assets/ are cached for a year; index.html is
// never cached, so a new release is picked up at once.
#pragma once

#include <filesystem>
#include <optional>

#include "http/message.h"

namespace qorgau::http {

class StaticFiles {
 public:
  explicit StaticFiles(const std::filesystem::path& root);

  // nullopt when the root has no such file and no fallback applies.
  std::optional<HttpResponse> serve(const HttpRequest& request) const;
  bool available() const { return available_; }

 private:
  std::optional<HttpResponse> file_response(const std::filesystem::path& file,
                                            bool immutable) const;

  std::filesystem::path root_;
  bool available_ = false;
};

std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace qorgau::http
