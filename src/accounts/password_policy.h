// What a password must be: 12 to 128 characters (Unicode code points), not
// on the list of common and breached passwords (compared case-insensitively,
// also with trailing digits and punctuation removed, so "Password2024!" is
// refused), not containing the username, not one repeated character.
// Throws core::ApiError with the precise reason; returns if acceptable.
#pragma once

#include <string_view>

namespace qorgau::accounts {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 128;

void check_password_policy(std::string_view password, std::string_view username);

// True if `password` is on the shipped common-password list.
bool is_common_password(std::string_view password);

}  // namespace qorgau::accounts
