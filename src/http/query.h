// Typed reading of URL query parameters (?region=750000000&women=1). Query
// strings carry filters only, never personal data (those travel in POST
// bodies). A parameter that is present but malformed or out of range throws
// core::ApiError(kValidationFailed) naming the parameter, never echoing it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace qorgau::http {

// The parameter if present and non-empty, at most `max_bytes` long.
std::optional<std::string> query_string(const HttpRequest& request, const std::string& name,
                                        size_t max_bytes = 200);
// A decimal integer within [min, max].
std::optional<std::int64_t> query_integer(const HttpRequest& request, const std::string& name,
                                          std::int64_t min, std::int64_t max);
// "true" or "false".
std::optional<bool> query_bool(const HttpRequest& request, const std::string& name);
// A comma-separated list, each item one of `allowed` ("a,b").
std::vector<std::string> query_list(const HttpRequest& request, const std::string& name,
                                    const std::vector<std::string_view>& allowed);

}  // namespace qorgau::http
