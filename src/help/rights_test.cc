// The "know your rights" loader: the shipped file parses, and broken files are
// refused with the topic and key at fault.
#include "help/rights.h"

#include <gtest/gtest.h>

#include "core/jurisdiction.h"

namespace qorgau::help {
namespace {

std::string topic(const std::string& extra = "", const std::string& id = "a") {
  return "[[topic]]\nid = \"" + id +
         "\"\ntitle.kk = \"Т\"\ntitle.ru = \"Т\"\ntitle.en = \"T\"\n"
         "summary.kk = \"С\"\nsummary.ru = \"С\"\nsummary.en = \"S\"\n"
         "body.kk = [\"Ә\"]\nbody.ru = [\"Р\"]\nbody.en = [\"E\"]\n" +
         extra;
}

std::string error_text(const std::string& toml) {
  try {
    parse_rights(toml);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(Rights, TheShippedKazakhstanPagesParse) {
  auto topics = parse_rights(core::default_jurisdiction().help_rights_toml);
  ASSERT_GE(topics.size(), 5u);
  for (const auto& t : topics) {
    EXPECT_FALSE(t.paragraphs(core::Language::kKk).empty()) << t.id;
    EXPECT_FALSE(t.title.in(core::Language::kRu).empty()) << t.id;
  }
}

TEST(Rights, ReadsATopicInEveryLanguage) {
  auto topics = parse_rights(topic("verified = false\n"));
  ASSERT_EQ(topics.size(), 1u);
  EXPECT_EQ(topics[0].paragraphs(core::Language::kKk), std::vector<std::string>{"Ә"});
  EXPECT_EQ(topics[0].summary.en, "S");
  EXPECT_FALSE(topics[0].verified);
}

TEST(Rights, RefusesBrokenFiles) {
  EXPECT_NE(error_text("").find("at least one"), std::string::npos);
  EXPECT_NE(error_text(topic() + topic()).find("duplicate id"), std::string::npos);
  EXPECT_NE(error_text(topic("colour = \"red\"\n")).find("topic[0].colour"), std::string::npos);
  std::string no_kazakh = topic();
  no_kazakh.replace(no_kazakh.find("body.kk = [\"Ә\"]\n"), 17, "");
  EXPECT_NE(error_text(no_kazakh).find("topic[0].body"), std::string::npos);
  EXPECT_NE(error_text(topic("verified = \"no\"\n")).find("verified"), std::string::npos);
  EXPECT_NE(error_text("[[topic]\n").find("file"), std::string::npos);
}

}  // namespace
}  // namespace qorgau::help
