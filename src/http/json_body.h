// Strict reading of JSON request bodies. A body is accepted only if it is
// application/json, parses, is an object, contains no field outside the
// endpoint's declared set, and each field read has the declared type and
// bounds. Anything else throws core::ApiError naming the field (never the
// value), so a bad request changes nothing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/language.h"
#include "http/message.h"

namespace qorgau::http {

class JsonBody {
 public:
  // Parses and checks the field names against `allowed`.
  JsonBody(const HttpRequest& request, std::initializer_list<std::string_view> allowed);

  // A string of 1..max_bytes bytes after trimming surrounding whitespace.
  std::string required_string(std::string_view field, size_t max_bytes = 1000) const;
  std::optional<std::string> optional_string(std::string_view field, size_t max_bytes = 1000) const;
  std::int64_t required_integer(std::string_view field) const;
  std::optional<std::int64_t> optional_integer(std::string_view field) const;
  // An integer within [min, max]; ApiError(kValidationFailed) outside it.
  std::int64_t required_integer(std::string_view field, std::int64_t min, std::int64_t max) const;
  std::optional<bool> optional_bool(std::string_view field) const;
  bool required_bool(std::string_view field) const;
  // An array of strings, each one of `allowed`, without repeats (order kept).
  std::vector<std::string> string_list(std::string_view field,
                                       const std::vector<std::string_view>& allowed) const;
  // {"kk","ru","en"}: every language present, each 1..max_bytes bytes.
  core::LocalizedText required_localized(std::string_view field, size_t max_bytes = 1000) const;
  std::optional<core::LocalizedText> optional_localized(std::string_view field,
                                                        size_t max_bytes = 1000) const;
  // A password-like string: not trimmed, 1..max_bytes bytes.
  std::string required_secret(std::string_view field, size_t max_bytes = 1024) const;

  const nlohmann::json& json() const { return json_; }

 private:
  const nlohmann::json* find(std::string_view field) const;
  nlohmann::json json_;
};

// {"kk": ..., "ru": ..., "en": ...}
nlohmann::json localized_json(const core::LocalizedText& text);

}  // namespace qorgau::http
