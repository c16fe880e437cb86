#include "http/response_head.h"

#include <boost/beast/http/status.hpp>

namespace qorgau::http {

namespace {

void append_header(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  std::size_t start = out.size();
  out += value;
  // Two single-character finds (memchr) rather than find_first_of, which tests each
  // character against the set one by one.
  if (value.find('\r') != std::string_view::npos || value.find('\n') != std::string_view::npos) {
    for (std::size_t i = start; i < out.size(); ++i) {
      if (out[i] == '\r' || out[i] == '\n') out[i] = ' ';
    }
  }
  out += "\r\n";
}

}  // namespace

bool status_allows_body(int status) {
  return !(status >= 100 && status < 200) && status != 204 && status != 304;
}

std::string response_head(const HttpResponse& response, unsigned version, bool keep_alive) {
  // Reserved once for the whole head: growing past 1 KiB by doubling asks malloc for a large
  // block, which first consolidates its whole cache of small free blocks.
  std::size_t size = 128 + response.content_type.size();
  for (const auto& [name, value] : response.headers) size += name.size() + value.size() + 4;
  for (const auto& [name, value] : response.shared_headers) size += name.size() + value.size() + 4;
  std::string out;
  out.reserve(size);
  out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(response.status);
  out += ' ';
  out +=
      boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
  out += "\r\n";
  append_header(out, "Server", "qorgau");
  if (!response.content_type.empty()) append_header(out, "Content-Type", response.content_type);
  for (const auto& [name, value] : response.headers) append_header(out, name, value);
  for (const auto& [name, value] : response.shared_headers) append_header(out, name, value);
  if (version >= 11 && !keep_alive) append_header(out, "Connection", "close");
  if (version < 11 && keep_alive) append_header(out, "Connection", "keep-alive");
  if (status_allows_body(response.status)) {
    append_header(out, "Content-Length", std::to_string(response.body.size()));
  }
  out += "\r\n";
  return out;
}

}  // namespace qorgau::http
