#include "http/flat_json_object.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace qorgau::http {
namespace {

// What nlohmann's parser makes of `text`: the document, or discarded when it is not JSON.
nlohmann::json general(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// The invariant: true only with nlohmann's document; false leaves `out` alone.
void expect_agrees(const std::string& text) {
  nlohmann::json out = "untouched";
  if (read_flat_string_object(text, out)) {
    nlohmann::json expected = general(text);
    ASSERT_FALSE(expected.is_discarded()) << text;
    EXPECT_EQ(out, expected) << text;
  } else {
    EXPECT_EQ(out, "untouched") << text;
  }
}

TEST(FlatJsonObject, ReadsFlatObjectsOfPlainStrings) {
  const std::vector<std::pair<std::string, nlohmann::json>> cases = {
      {R"({"iin":"900101300123"})", {{"iin", "900101300123"}}},
      {" \t\r\n{ \"a\" : \"1\" , \"b\":\"\" }\n", {{"a", "1"}, {"b", ""}}},
      {"{}", nlohmann::json::object()},
      {"{ }", nlohmann::json::object()},
      {R"({"a":"1","a":"2"})", {{"a", "2"}}},  // the last, as nlohmann
      {R"({"":"~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"})", {{"", "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"}}},
  };
  for (const auto& [text, expected] : cases) {
    nlohmann::json out;
    ASSERT_TRUE(read_flat_string_object(text, out)) << text;
    EXPECT_EQ(out, expected) << text;
    expect_agrees(text);
  }
}

TEST(FlatJsonObject, LeavesEverythingElseToTheGeneralParser) {
  const std::vector<std::string> others = {
      // valid JSON of other shapes
      R"({"a":1})",
      R"({"a":null})",
      R"({"a":true})",
      R"({"a":["x"]})",
      R"({"a":{"b":"c"}})",
      R"({"a":"line\nbreak"})",
      R"({"a":"\u0041"})",
      R"({"\"":"x"})",
      "{\"a\":\"\xd3\x98\"}",
      "{\"a\":\"\x7f\"}",
      R"(["a"])",
      R"("a")",
      "1",
      "null",
      // not JSON
      "",
      " ",
      "{",
      "}",
      R"({"a")",
      R"({"a":)",
      R"({"a":"1")",
      R"({"a":"1",})",
      R"({,"a":"1"})",
      R"({"a":"1"}})",
      R"({"a":"1"} x)",
      R"({"a" "1"})",
      R"({"a":"1" "b":"2"})",
      R"({'a':'1'})",
      R"({a:"1"})",
      "{\"a\":\"1\x01\"}",
      std::string("{\"a\":\"1\"}\0", 10),
      "\xef\xbb\xbf{}",
      R"({"a":"1"}{})",
      R"({"a":"unterminated})",
      "{\"a\":\"1\"\x0b}",
  };
  for (const std::string& text : others) {
    nlohmann::json out = "untouched";
    EXPECT_FALSE(read_flat_string_object(text, out)) << text;
    EXPECT_EQ(out, "untouched") << text;
  }
}

// Random texts made of JSON's tokens and a few strays: wherever this reader answers, it
// answers as nlohmann does.
TEST(FlatJsonObject, AgreesWithTheGeneralParserOnRandomText) {
  const std::vector<std::string> pieces = {"{",
                                           "}",
                                           "{",
                                           "}",
                                           R"("k")",
                                           R"("k")",
                                           R"("v w")",
                                           R"("")",
                                           ":",
                                           ":",
                                           ",",
                                           ",",
                                           " ",
                                           "\n",
                                           "1",
                                           "[",
                                           "]",
                                           "null",
                                           R"("\n")",
                                           "\"\x01\"",
                                           "\"\xd3\x98\"",
                                           "x",
                                           "\"",
                                           "\\",
                                           R"("k":"v w")",
                                           R"("k":"")",
                                           R"(,"k2":"v")",
                                           R"({"k":"v")",
                                           R"("}")"};
  std::mt19937 random(20261122);
  int read = 0;
  for (int i = 0; i < 200000 && !::testing::Test::HasFailure(); ++i) {
    // Half are braced, so that the reader's whole path is often taken.
    bool braced = i % 2 == 0;
    std::string text = braced ? "{" : "";
    std::size_t count = random() % (braced ? 4 : 12);
    for (std::size_t j = 0; j < count; ++j) text += pieces[random() % pieces.size()];
    if (braced) text += "}";
    nlohmann::json out = "untouched";
    if (read_flat_string_object(text, out)) ++read;
    expect_agrees(text);
  }
  EXPECT_GT(read, 1000) << "the random texts should often have the reader's shape";
}

}  // namespace
}  // namespace qorgau::http
