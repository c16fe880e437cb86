// Optional values in API responses: a present value as itself, an absent one as JSON null, so
// a client always finds the member (the documented shapes in docs/api.md list such members as
// "... or null").
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace qorgau::http {

template <typename Value>
nlohmann::json nullable_json(const std::optional<Value>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace qorgau::http
