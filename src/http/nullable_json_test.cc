#include "http/nullable_json.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace qorgau::http {
namespace {

TEST(NullableJson, PresentValuesAreThemselves) {
  EXPECT_EQ(nullable_json(std::optional<std::int64_t>(42)), nlohmann::json(42));
  EXPECT_EQ(nullable_json(std::optional<std::string>("text")), nlohmann::json("text"));
  EXPECT_EQ(nullable_json(std::optional<bool>(false)), nlohmann::json(false));
  EXPECT_TRUE(nullable_json(std::optional<bool>(false)).is_boolean());
}

TEST(NullableJson, AbsentValuesAreNull) {
  EXPECT_TRUE(nullable_json(std::optional<std::int64_t>()).is_null());
  EXPECT_TRUE(nullable_json(std::optional<std::string>()).is_null());
}

}  // namespace
}  // namespace qorgau::http
