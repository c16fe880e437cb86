#include "http/message.h"

namespace qorgau::http {

std::string_view method_name(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

const std::string& HttpRequest::header(const std::string& lowercase_name) const {
  static const std::string kEmpty;
  auto it = headers.find(lowercase_name);
  return it == headers.end() ? kEmpty : it->second;
}

std::string HttpRequest::cookie(std::string_view name) const {
  std::string_view all = header("cookie");
  while (!all.empty()) {
    size_t end = all.find(';');
    std::string_view pair = all.substr(0, end);
    all = end == std::string_view::npos ? std::string_view{} : all.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return "";
}

HttpResponse HttpResponse::json(int status, const nlohmann::json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump();
  return r;
}

HttpResponse HttpResponse::no_content() {
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace qorgau::http
