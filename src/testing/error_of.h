// Test support: runs `f` and returns the code of the core::ApiError it throws,
// or nullopt if it returns normally. Other exceptions propagate.
#pragma once

#include <optional>
#include <utility>

#include "core/error.h"

namespace qorgau::testing {

template <typename F>
std::optional<core::ErrorCode> error_of(F&& f) {
  try {
    std::forward<F>(f)();
    return std::nullopt;
  } catch (const core::ApiError& e) {
    return e.code();
  }
}

}  // namespace qorgau::testing
