// The HTTP request and response as the application sees them, independent of
// the network library, so that routing, authentication and every handler can
// be exercised in-process by tests (see accounts authorization tests) exactly
// as the server runs them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace qorgau::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view method_name(Method method);

struct HttpRequest {
  Method method = Method::kGet;
  std::string path;                            // decoded, without the query
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;                            // empty when the body was streamed to `body_file`
  // Routes that stream their body (Route::streams_body) get it here instead
  // of in `body`: a temporary file the server deletes after the response
  // unless the handler moved it away.
  std::optional<std::filesystem::path> body_file;
  std::string client_ip;

  // The header value, or "" when absent.
  const std::string& header(const std::string& lowercase_name) const;
  // The value of cookie `name` from the Cookie header, or "".
  std::string cookie(std::string_view name) const;
};

// A response body produced piece by piece while it is sent (a large
// download), so it is never whole in memory. `next` fills `chunk` with the
// next piece and returns false after the last one; exactly `length` bytes in
// all. If `next` throws, the server closes the connection: the client sees a
// body shorter than Content-Length, never a wrong one taken for complete.
struct BodyStream {
  std::uint64_t length = 0;
  std::function<bool(std::string& chunk)> next;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::optional<BodyStream> stream;                          // when set, sent instead of `body`
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, ...)
  // Headers that many responses carry alike (the security headers), shared rather than copied
  // into each: written after `headers`. The list must outlive the response (a static one).
  std::span<const std::pair<std::string_view, std::string_view>> shared_headers;
  // Set by a handler whose reply must wait for work that finishes on another thread (its
  // audit entry's group commit). The server calls it once, after the handler has returned,
  // with `resume`, which must then be called exactly once, from any thread; the response is
  // sent only then: as it is after resume(true), replaced by a 500 internal error after
  // resume(false). No thread waits meanwhile: the connection's coroutine is suspended.
  std::function<void(std::function<void(bool ok)> resume)> hold;

  static HttpResponse json(int status, const nlohmann::json& body);
  static HttpResponse no_content();
};

}  // namespace qorgau::http
