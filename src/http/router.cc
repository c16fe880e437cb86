#include "http/router.h"

#include <stdexcept>

#include "core/error.h"

namespace qorgau::http {

namespace {

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

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

// Whether the path's segments fit the route's; fills `params` only on a match, so trying
// every route allocates nothing for the routes that do not fit.
bool match_segments(const std::vector<std::string>& want, const std::vector<std::string_view>& have,
                    std::map<std::string, std::string>& params) {
  if (want.size() != have.size()) return false;
  for (size_t i = 0; i < want.size(); ++i) {
    if (!is_placeholder(want[i]) && want[i] != have[i]) return false;
  }
  for (size_t i = 0; i < want.size(); ++i) {
    if (is_placeholder(want[i])) {
      params.emplace(want[i].substr(1, want[i].size() - 2), std::string(have[i]));
    }
  }
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
  std::vector<std::string> split;
  for (std::string_view segment : segments(pattern)) split.emplace_back(segment);
  routes_.push_back({method, std::move(pattern), access, std::move(handler), false, nullptr, false,
                     std::move(split)});
}

void Router::add_streamed(Method method, std::string pattern, Access access, Handler handler,
                          HeaderCheck before_body) {
  add(method, std::move(pattern), access, std::move(handler));
  routes_.back().streams_body = true;
  routes_.back().before_body = std::move(before_body);
}

void Router::add_nonblocking(Method method, std::string pattern, Access access, Handler handler) {
  add(method, std::move(pattern), access, std::move(handler));
  routes_.back().nonblocking = true;
}

Router::Match Router::match(Method method, const std::string& path) const {
  Match result;
  const std::vector<std::string_view> have = segments(path);
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match_segments(route.segments, have, params)) continue;
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
