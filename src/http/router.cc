#include "http/router.h"

#include <stdexcept>

#include "core/error.h"

namespace qorgau::http {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    size_t end = path.find('/');
    out.push_back(path.substr(0, end));
    path = end == std::string_view::npos ? std::string_view{} : path.substr(end);
  }
  return out;
}

bool match_pattern(const std::string& pattern, const std::string& path,
                   std::map<std::string, std::string>& params) {
  auto want = segments(pattern);
  auto have = segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(have[i]));
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

std::int64_t RequestContext::id_param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty() || it->second.size() > 18) {
    throw core::ApiError(core::ErrorCode::kNotFound);
  }
  std::int64_t value = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') throw core::ApiError(core::ErrorCode::kNotFound);
    value = value * 10 + (c - '0');
  }
  if (value <= 0) throw core::ApiError(core::ErrorCode::kNotFound);
  return value;
}

void Router::add(Method method, std::string pattern, Access access, Handler handler) {
  for (const auto& r : routes_) {
    if (r.method == method && r.pattern == pattern) {
      throw std::logic_error("route registered twice: " + pattern);
    }
  }
  routes_.push_back({method, std::move(pattern), access, std::move(handler), false, nullptr});
}

void Router::add_streamed(Method method, std::string pattern, Access access, Handler handler,
                          HeaderCheck before_body) {
  add(method, std::move(pattern), access, std::move(handler));
  routes_.back().streams_body = true;
  routes_.back().before_body = std::move(before_body);
}

Router::Match Router::match(Method method, const std::string& path) const {
  Match result;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match_pattern(route.pattern, path, params)) continue;
    result.path_known = true;
    if (route.method == method || (method == Method::kHead && route.method == Method::kGet)) {
      result.route = &route;
      result.params = std::move(params);
      return result;
    }
  }
  return result;
}

}  // namespace qorgau::http
