#include "core/language.h"

#include <gtest/gtest.h>

namespace qorgau::core {
namespace {

TEST(Language, NegotiatesByQualityAndIgnoresRegionSubtags) {
  EXPECT_EQ(negotiate_language("ru-RU,ru;q=0.9,en;q=0.8", Language::kKk), Language::kRu);
  EXPECT_EQ(negotiate_language("de, en;q=0.5, kk;q=0.7", Language::kRu), Language::kKk);
  EXPECT_EQ(negotiate_language("EN", Language::kKk), Language::kEn);
  EXPECT_EQ(negotiate_language("kk-KZ", Language::kEn), Language::kKk);
}

TEST(Language, FallsBackWhenNothingSupportedOrMalformed) {
  EXPECT_EQ(negotiate_language("", Language::kKk), Language::kKk);
  EXPECT_EQ(negotiate_language("de,fr;q=0.9", Language::kRu), Language::kRu);
  EXPECT_EQ(negotiate_language("en;q=zero", Language::kKk), Language::kKk);
  EXPECT_EQ(negotiate_language(",,;", Language::kEn), Language::kEn);
}

TEST(Language, ParsesTwoLetterCodesOnly) {
  EXPECT_EQ(parse_language("kk"), Language::kKk);
  EXPECT_EQ(parse_language("Ru"), Language::kRu);
  EXPECT_FALSE(parse_language("kaz").has_value());
  EXPECT_FALSE(parse_language("").has_value());
}

TEST(LocalizedText, ReturnsTheRequestedLanguage) {
  LocalizedText text{"сәлем", "привет", "hello"};
  EXPECT_EQ(text.in(Language::kKk), "сәлем");
  EXPECT_EQ(text.in(Language::kRu), "привет");
  EXPECT_EQ(text.in(Language::kEn), "hello");
  EXPECT_TRUE(text.complete());
  EXPECT_FALSE((LocalizedText{"a", "", "c"}).complete());
}

}  // namespace
}  // namespace qorgau::core
