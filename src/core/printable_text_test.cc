#include "core/printable_text.h"

#include <gtest/gtest.h>

#include <string>

namespace qorgau::core {
namespace {

TEST(PrintableText, CountsCodePointsOfPrintableText) {
  EXPECT_EQ(count_printable(""), 0u);
  EXPECT_EQ(count_printable("video.mp4"), 9u);
  EXPECT_EQ(count_printable("Куәгер жазбасы.pdf"), 18u);  // Kazakh letters are two bytes each
  EXPECT_EQ(count_printable("\xF0\x9F\x93\xB7"), 1u);     // an emoji outside the BMP
}

TEST(PrintableText, RefusesIllFormedUtf8) {
  EXPECT_FALSE(count_printable("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(count_printable("\xE0\x80\xAF"));      // overlong, three bytes
  EXPECT_FALSE(count_printable("\xED\xA0\x80"));      // an encoded surrogate (U+D800)
  EXPECT_FALSE(count_printable("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(count_printable("abc\xD0"));           // cut in the middle of a letter
  EXPECT_FALSE(count_printable("\x80"));              // a lone continuation byte
}

TEST(PrintableText, RefusesCharactersThatDoNotPrint) {
  EXPECT_FALSE(count_printable("a\nb"));
  EXPECT_FALSE(count_printable(std::string("a\0b", 3)));
  EXPECT_FALSE(count_printable("a\x7F"));
  EXPECT_FALSE(count_printable("photo\xE2\x80\xAEgpj.exe"));  // right-to-left override
  EXPECT_FALSE(count_printable("a\xE2\x80\xA8"));             // line separator
  EXPECT_FALSE(count_printable("\xEE\x80\x80"));              // private use U+E000
}

}  // namespace
}  // namespace qorgau::core
