#include "http/json_body.h"

#include <algorithm>

#include "core/error.h"
#include "http/flat_json_object.h"

namespace qorgau::http {

using core::ApiError;
using core::ErrorCode;

namespace {

std::string trim(const std::string& s) {
  auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  auto end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

}  // namespace

JsonBody::JsonBody(const HttpRequest& request, std::initializer_list<std::string_view> allowed) {
  const std::string& type = request.header("content-type");
  if (type.rfind("application/json", 0) != 0) throw ApiError(ErrorCode::kUnsupportedMediaType);
  if (!read_flat_string_object(request.body, json_)) {
    json_ = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  }
  if (json_.is_discarded() || !json_.is_object()) throw ApiError(ErrorCode::kInvalidJson);
  for (const auto& [key, value] : json_.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      // The key is the client's text: bound it before echoing it back.
      throw ApiError(ErrorCode::kUnknownField, key.substr(0, 64));
    }
  }
}

const nlohmann::json* JsonBody::find(std::string_view field) const {
  auto it = json_.find(std::string(field));
  if (it == json_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> JsonBody::optional_string(std::string_view field,
                                                     size_t max_bytes) const {
  const nlohmann::json* value = find(field);
  if (!value) return std::nullopt;
  if (!value->is_string()) throw ApiError(ErrorCode::kWrongType, std::string(field));
  std::string text = trim(value->get<std::string>());
  if (text.empty()) return std::nullopt;
  if (text.size() > max_bytes) throw ApiError(ErrorCode::kValidationFailed, std::string(field));
  return text;
}

std::string JsonBody::required_string(std::string_view field, size_t max_bytes) const {
  auto text = optional_string(field, max_bytes);
  if (!text) throw ApiError(ErrorCode::kMissingField, std::string(field));
  return *text;
}

std::string JsonBody::required_secret(std::string_view field, size_t max_bytes) const {
  const nlohmann::json* value = find(field);
  if (!value) throw ApiError(ErrorCode::kMissingField, std::string(field));
  if (!value->is_string()) throw ApiError(ErrorCode::kWrongType, std::string(field));
  const auto& text = value->get_ref<const std::string&>();
  if (text.empty()) throw ApiError(ErrorCode::kMissingField, std::string(field));
  if (text.size() > max_bytes) throw ApiError(ErrorCode::kValidationFailed, std::string(field));
  return text;
}

std::int64_t JsonBody::required_integer(std::string_view field) const {
  const nlohmann::json* value = find(field);
  if (!value) throw ApiError(ErrorCode::kMissingField, std::string(field));
  if (!value->is_number_integer()) throw ApiError(ErrorCode::kWrongType, std::string(field));
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    throw ApiError(ErrorCode::kValidationFailed, std::string(field));
  }
  return value->get<std::int64_t>();
}

std::optional<std::int64_t> JsonBody::optional_integer(std::string_view field) const {
  if (!find(field)) return std::nullopt;
  return required_integer(field);
}

std::int64_t JsonBody::required_integer(std::string_view field, std::int64_t min,
                                        std::int64_t max) const {
  std::int64_t value = required_integer(field);
  if (value < min || value > max) throw ApiError(ErrorCode::kValidationFailed, std::string(field));
  return value;
}

std::optional<bool> JsonBody::optional_bool(std::string_view field) const {
  const nlohmann::json* value = find(field);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) throw ApiError(ErrorCode::kWrongType, std::string(field));
  return value->get<bool>();
}

bool JsonBody::required_bool(std::string_view field) const {
  auto value = optional_bool(field);
  if (!value) throw ApiError(ErrorCode::kMissingField, std::string(field));
  return *value;
}

std::vector<std::string> JsonBody::string_list(std::string_view field,
                                               const std::vector<std::string_view>& allowed) const {
  std::vector<std::string> out;
  const nlohmann::json* value = find(field);
  if (!value) return out;
  if (!value->is_array()) throw ApiError(ErrorCode::kWrongType, std::string(field));
  for (const auto& item : *value) {
    if (!item.is_string()) throw ApiError(ErrorCode::kWrongType, std::string(field));
    const auto& text = item.get_ref<const std::string&>();
    if (std::find(allowed.begin(), allowed.end(), text) == allowed.end() ||
        std::find(out.begin(), out.end(), text) != out.end()) {
      throw ApiError(ErrorCode::kValidationFailed, std::string(field));
    }
    out.push_back(text);
  }
  return out;
}

std::optional<core::LocalizedText> JsonBody::optional_localized(std::string_view field,
                                                                size_t max_bytes) const {
  const nlohmann::json* value = find(field);
  if (!value) return std::nullopt;
  if (!value->is_object()) throw ApiError(ErrorCode::kWrongType, std::string(field));
  core::LocalizedText text;
  for (core::Language language : core::kAllLanguages) {
    std::string key(core::code(language));
    auto it = value->find(key);
    if (it == value->end() || !it->is_string()) {
      throw ApiError(ErrorCode::kMissingField, std::string(field) + "." + key);
    }
    std::string s = trim(it->get<std::string>());
    if (s.empty()) throw ApiError(ErrorCode::kMissingField, std::string(field) + "." + key);
    if (s.size() > max_bytes) {
      throw ApiError(ErrorCode::kValidationFailed, std::string(field) + "." + key);
    }
    text.in(language) = std::move(s);
  }
  if (value->size() != core::kAllLanguages.size()) {
    throw ApiError(ErrorCode::kUnknownField, std::string(field));
  }
  return text;
}

core::LocalizedText JsonBody::required_localized(std::string_view field, size_t max_bytes) const {
  auto text = optional_localized(field, max_bytes);
  if (!text) throw ApiError(ErrorCode::kMissingField, std::string(field));
  return *text;
}

nlohmann::json localized_json(const core::LocalizedText& text) {
  return {{"kk", text.kk}, {"ru", text.ru}, {"en", text.en}};
}

}  // namespace qorgau::http
