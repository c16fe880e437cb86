#include "http/query.h"

#include <algorithm>
#include <charconv>

#include "core/error.h"

namespace qorgau::http {

using core::ApiError;
using core::ErrorCode;

std::optional<std::string> query_string(const HttpRequest& request, const std::string& name,
                                        size_t max_bytes) {
  auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::nullopt;
  if (it->second.size() > max_bytes) throw ApiError(ErrorCode::kValidationFailed, name);
  return it->second;
}

std::optional<std::int64_t> query_integer(const HttpRequest& request, const std::string& name,
                                          std::int64_t min, std::int64_t max) {
  auto text = query_string(request, name, 20);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    throw ApiError(ErrorCode::kValidationFailed, name);
  }
  return value;
}

std::optional<bool> query_bool(const HttpRequest& request, const std::string& name) {
  auto text = query_string(request, name, 5);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  throw ApiError(ErrorCode::kValidationFailed, name);
}

std::vector<std::string> query_list(const HttpRequest& request, const std::string& name,
                                    const std::vector<std::string_view>& allowed) {
  std::vector<std::string> out;
  auto text = query_string(request, name, 500);
  if (!text) return out;
  std::string_view rest = *text;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
      throw ApiError(ErrorCode::kValidationFailed, name);
    }
    if (std::find(out.begin(), out.end(), item) == out.end()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace qorgau::http
