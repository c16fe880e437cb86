// JsonWriter against nlohmann::json::dump(): the same text for the same document, the same
// escaping, and the same refusals of malformed UTF-8.
#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace qorgau::http {
namespace {

using nlohmann::json;

const std::string kTricky[] = {
    "",
    "plain",
    "quote \" backslash \\ slash /",
    std::string("controls \b\f\n\r\t \x01\x1f\x7f end"),
    std::string("nul \0 inside", 13),
    "Қорғау — защита 🛡 U+FFFF:\xEF\xBF\xBF",
};

TEST(JsonWriter, StringsAreEscapedAsDumpEscapesThem) {
  for (const std::string& text : kTricky) {
    JsonWriter w;
    w.value(text);
    EXPECT_EQ(w.take(), json(text).dump()) << text;
  }
}

TEST(JsonWriter, ADocumentIsWhatDumpGivesForIt) {
  JsonWriter w;
  w.begin_object();
  w.key("checked_at").value(std::int64_t{1795000000000});
  w.key("empty_array").begin_array().end_array();
  w.key("empty_object").begin_object().end_object();
  w.key("nothing").null();
  w.key("orders").begin_array();
  for (int i = 0; i < 2; ++i) {
    w.begin_object();
    w.key("conditions").begin_array();
    w.begin_object().key("code").value("no_contact").end_object();
    w.begin_object().key("code").value("no_approach").key("metres").value(std::int64_t{500});
    w.end_object();
    w.end_array();
    w.key("id").value(std::int64_t{i});
    w.key("route").value(kTricky[5]);
    w.end_object();
  }
  w.end_array();
  w.key("under_active_order").value(true);
  w.key("z").value(std::numeric_limits<std::int64_t>::min());
  w.end_object();

  json expected = json::object();
  expected["checked_at"] = 1795000000000;
  expected["empty_array"] = json::array();
  expected["empty_object"] = json::object();
  expected["nothing"] = nullptr;
  expected["orders"] = json::array();
  for (int i = 0; i < 2; ++i) {
    expected["orders"].push_back(
        {{"conditions", {{{"code", "no_contact"}}, {{"code", "no_approach"}, {"metres", 500}}}},
         {"id", i},
         {"route", kTricky[5]}});
  }
  expected["under_active_order"] = true;
  expected["z"] = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(w.take(), expected.dump());
}

TEST(JsonWriter, MalformedUtf8IsRefusedAsDumpRefusesIt) {
  for (const char* bad : {"overlong \xC0\x80", "surrogate \xED\xA0\x80", "cut \xE2\x82",
                          "past U+10FFFF \xF4\x90\x80\x80", "lone \x80 continuation"}) {
    JsonWriter w;
    EXPECT_THROW(w.value(bad), std::invalid_argument) << bad;
    EXPECT_THROW(json(bad).dump(), json::type_error) << bad;
  }
}

TEST(JsonWriter, TakeLeavesItEmpty) {
  JsonWriter w;
  w.begin_array().value(false).value(std::int64_t{-3}).end_array();
  EXPECT_EQ(w.take(), "[false,-3]");
  w.begin_array().end_array();
  EXPECT_EQ(w.take(), "[]");
}

// Commas are tracked per level: at every depth up to the limit, a sibling after a nested value
// gets its comma and the first member of a fresh level gets none.
TEST(JsonWriter, NestsToItsLimitAndRefusesDeeper) {
  JsonWriter w;
  json expected = json::array();
  std::vector<json*> arrays;  // expected's array at depth d is arrays[d - 1]
  json* level = &expected;
  for (int depth = 1; depth < JsonWriter::kMaxDepth; ++depth) {
    w.begin_array().value(std::int64_t{depth});
    arrays.push_back(level);
    level->push_back(depth);
    level->push_back(nullptr);  // the next level, filled below
    level = &level->back();
  }
  w.begin_object().key("deepest");  // the object is at the deepest level allowed
  EXPECT_THROW(w.begin_array(), std::logic_error);
  w.value(true).end_object();
  *level = json{{"deepest", true}};
  for (int depth = JsonWriter::kMaxDepth - 1; depth >= 1; --depth) {
    w.value(std::int64_t{depth - JsonWriter::kMaxDepth}).end_array();
    // Innermost first, so growing an array moves only levels already complete.
    arrays[static_cast<std::size_t>(depth - 1)]->push_back(depth - JsonWriter::kMaxDepth);
  }
  EXPECT_EQ(w.take(), expected.dump());
}

}  // namespace
}  // namespace qorgau::http
