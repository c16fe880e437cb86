#include "accounts/password_policy.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "core/error.h"

namespace qorgau::accounts {
namespace {

using core::ApiError;
using core::ErrorCode;

// The code check_password_policy throws, or nullopt when it accepts.
std::optional<ErrorCode> refusal(std::string_view password, std::string_view username = "") {
  try {
    check_password_policy(password, username);
    return std::nullopt;
  } catch (const ApiError& e) {
    return e.code();
  }
}

std::string repeat(std::string_view unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

TEST(PasswordPolicy, AcceptsAGoodPassphrase) {
  EXPECT_EQ(refusal("correct horse battery staple"), std::nullopt);
  EXPECT_EQ(refusal("Zhetysu-river-at-dawn-7"), std::nullopt);
  EXPECT_EQ(refusal("тау бұлақ жаңбыр терезе", "aigerim"), std::nullopt);
  EXPECT_NO_THROW(check_password_policy("blue kettle on a green stove", "operator1"));
}

TEST(PasswordPolicy, LengthIsCountedInCodePoints) {
  // 12 Cyrillic/Kazakh letters: 24 bytes, 12 characters.
  const std::string twelve = "Қорғаушыбала";
  ASSERT_EQ(twelve.size(), 24u);
  EXPECT_EQ(refusal(twelve), std::nullopt);
  // 11 letters (22 bytes, more than 12 bytes) are too short.
  const std::string eleven = "Қорғаушыбал";
  ASSERT_EQ(eleven.size(), 22u);
  EXPECT_EQ(refusal(eleven), ErrorCode::kPasswordTooShort);
}

TEST(PasswordPolicy, TooShort) {
  EXPECT_EQ(refusal(""), ErrorCode::kPasswordTooShort);
  EXPECT_EQ(refusal("x"), ErrorCode::kPasswordTooShort);
  EXPECT_EQ(refusal("k7#mQ2vX9pL"), ErrorCode::kPasswordTooShort);  // 11
  EXPECT_EQ(refusal("k7#mQ2vX9pLz"), std::nullopt);                 // 12
  EXPECT_EQ(kMinPasswordLength, 12u);
}

TEST(PasswordPolicy, TooLong) {
  EXPECT_EQ(kMaxPasswordLength, 128u);
  std::string at_limit = repeat("abcdefgh", 16);
  ASSERT_EQ(at_limit.size(), 128u);
  EXPECT_EQ(refusal(at_limit), std::nullopt);
  EXPECT_EQ(refusal(at_limit + "x"), ErrorCode::kPasswordTooLong);
  EXPECT_EQ(refusal(repeat("abcdefgh", 100)), ErrorCode::kPasswordTooLong);
  // 128 Kazakh letters (256 bytes) are still within the limit; 129 are not.
  std::string kazakh = repeat("әлемқұс", 18) + "әл";
  ASSERT_EQ(kazakh.size(), 256u);
  EXPECT_EQ(refusal(kazakh), std::nullopt);
  EXPECT_EQ(refusal(kazakh + "ә"), ErrorCode::kPasswordTooLong);
}

TEST(PasswordPolicy, RefusesCommonPasswords) {
  EXPECT_EQ(refusal("password123456"), ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(refusal("Password2024!"), ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(refusal("qwertyuiop12"), ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(refusal("QWERTYUIOP12"), ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(refusal("2024!!Password"), ErrorCode::kPasswordTooCommon)
      << "leading decoration is stripped too";
  EXPECT_EQ(refusal("iloveyou1234"), ErrorCode::kPasswordTooCommon);
}

TEST(PasswordPolicy, IsCommonPassword) {
  EXPECT_TRUE(is_common_password("password"));
  EXPECT_TRUE(is_common_password("PASSWORD"));
  EXPECT_TRUE(is_common_password("Password2024!"));
  EXPECT_TRUE(is_common_password("qwertyuiop12"));
  EXPECT_FALSE(is_common_password("correct horse battery staple"));
  EXPECT_FALSE(is_common_password("k7#mQ2vX9pLz"));
  // Stripping decoration must not reduce everything to a tiny core that
  // happens to be on the list.
  EXPECT_FALSE(is_common_password("12345!!!!!!!abc"));
}

TEST(PasswordPolicy, RefusesPasswordsContainingTheUsername) {
  EXPECT_EQ(refusal("my-aigerim-secret-42", "aigerim"), ErrorCode::kPasswordContainsUsername);
  EXPECT_EQ(refusal("my-AIGERIM-secret-42", "aigerim"), ErrorCode::kPasswordContainsUsername);
  EXPECT_EQ(refusal("my-aigerim-secret-42", "AiGeRiM"), ErrorCode::kPasswordContainsUsername);
  EXPECT_EQ(refusal("secret-42-with-a.nurlanov", "A.Nurlanov"),
            ErrorCode::kPasswordContainsUsername);
  EXPECT_EQ(refusal("my-aigerim-secret-42", "dana"), std::nullopt);
  // Very short usernames are not looked for (they would refuse too much).
  EXPECT_EQ(refusal("my-ab-secret-42-x", "ab"), std::nullopt);
}

TEST(PasswordPolicy, RefusesOneRepeatedCharacter) {
  EXPECT_EQ(refusal("aaaaaaaaaaaa"), ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(refusal(std::string(40, '7')), ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(refusal("            "), ErrorCode::kPasswordTooCommon);
  EXPECT_EQ(refusal("aaaaaaaaaaab"), std::nullopt) << "two different characters are allowed";
  EXPECT_EQ(refusal("ққққққққққққ"), ErrorCode::kPasswordTooCommon) << "whole code points";
  EXPECT_EQ(refusal("қққққққққққа"), std::nullopt);
}

TEST(PasswordPolicy, ErrorsNameThePasswordFieldAndHaveStableCodes) {
  struct Case {
    std::string password;
    std::string username;
    ErrorCode code;
    std::string_view name;
  };
  const std::string too_long = repeat("ab", 101);
  const Case cases[] = {
      {"k7#mQ2", "", ErrorCode::kPasswordTooShort, "password_too_short"},
      {too_long, "", ErrorCode::kPasswordTooLong, "password_too_long"},
      {"Password2024!", "", ErrorCode::kPasswordTooCommon, "password_too_common"},
      {"xx-operator7-yy", "operator7", ErrorCode::kPasswordContainsUsername,
       "password_contains_username"},
  };
  for (const Case& c : cases) {
    try {
      check_password_policy(c.password, c.username);
      ADD_FAILURE() << "accepted: " << c.name;
    } catch (const ApiError& e) {
      EXPECT_EQ(e.code(), c.code) << c.name;
      EXPECT_EQ(e.field(), "password") << c.name;
      EXPECT_EQ(core::error_info(e.code()).code, c.name);
      EXPECT_EQ(e.http_status(), 400) << c.name;
      // The message never contains the password itself.
      EXPECT_EQ(e.message(core::Language::kEn).find(c.password), std::string::npos) << c.name;
      EXPECT_EQ(std::string(e.what()).find(c.password), std::string::npos) << c.name;
    }
  }
}

}  // namespace
}  // namespace qorgau::accounts
