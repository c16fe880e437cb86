#include "core/error.h"

#include <gtest/gtest.h>

#include <set>

namespace qorgau::core {
namespace {

TEST(ErrorCatalogue, EveryCodeIsInEnumOrderWithUniqueCodeAndThreeMessages) {
  std::set<std::string_view> seen;
  size_t index = 0;
  for (ErrorCode code : all_error_codes()) {
    EXPECT_EQ(static_cast<size_t>(code), index++) << "catalogue row out of enum order";
    const ErrorInfo& info = error_info(code);
    EXPECT_TRUE(info.message.complete()) << info.code;
    EXPECT_TRUE(seen.insert(info.code).second) << "duplicate code " << info.code;
    EXPECT_GE(info.http_status, 400);
    EXPECT_LT(info.http_status, 600);
  }
  EXPECT_EQ(all_error_codes().back(), ErrorCode::kInternal);
}

TEST(ApiError, FillsFieldNameIntoEachLanguage) {
  ApiError error(ErrorCode::kMissingField, "password");
  EXPECT_EQ(error.http_status(), 400);
  EXPECT_EQ(error.message(Language::kEn), "The field “password” is required.");
  EXPECT_EQ(error.message(Language::kRu), "Поле «password» обязательно.");
  EXPECT_EQ(error.message(Language::kKk), "«password» өрісі міндетті.");
  EXPECT_STREQ(error.what(), "missing_field");
}

TEST(ApiError, MessageWithoutPlaceholderIsUnchanged) {
  ApiError error(ErrorCode::kInvalidCredentials);
  EXPECT_EQ(error.http_status(), 401);
  EXPECT_EQ(error.message(Language::kEn), "Wrong username or password.");
}

}  // namespace
}  // namespace qorgau::core
