#include "http/router.h"

#include <algorithm>
#include <stdexcept>

#include "core/error.h"

namespace qorgau::http {

namespace {

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  out.reserve(static_cast<size_t>(std::count(path.begin(), path.end(), '/')) +
              1);  // one allocation
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
  std::size_t index = routes_.size();
  if (split.size() > 2 && !is_placeholder(split[2])) {
    by_third_segment_[shape_key(split.size(), split[2])].push_back(index);
  } else {
    with_parameter_third_[split.size()].push_back(index);
  }
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

std::string Router::shape_key(std::size_t segment_count, std::string_view third) {
  std::string key = std::to_string(segment_count);
  key += '/';
  key += third;
  return key;
}

Router::Match Router::match(Method method, const std::string& path) const {
  Match result;
  const std::vector<std::string_view> have = segments(path);
  static const std::vector<std::size_t> kNone;
  const std::vector<std::size_t>* literal = &kNone;
  if (have.size() > 2) {
    auto it = by_third_segment_.find(shape_key(have.size(), have[2]));
    if (it != by_third_segment_.end()) literal = &it->second;
  }
  auto any = with_parameter_third_.find(have.size());
  const std::vector<std::size_t>& parameter =
      any == with_parameter_third_.end() ? kNone : any->second;
  // Both lists ascend: walk them together, so the routes are tried in the order added.
  auto a = literal->begin();
  auto b = parameter.begin();
  while (a != literal->end() || b != parameter.end()) {
    std::size_t index;
    if (b == parameter.end() || (a != literal->end() && *a < *b)) {
      index = *a++;
    } else {
      index = *b++;
    }
    const Route& route = routes_[index];
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
