// The instrument file format: the shipped instrument parses and keeps its promises (three
// languages, critical items with floors), and every kind of bad file is refused with the key
// that is wrong.
#include "risk/instrument.h"

#include <gtest/gtest.h>

#include <string>

#include "core/embedded.h"

namespace qorgau::risk {
namespace {

const char* const kSmall = R"(
code = "test-risk"
version = 2
name = { kk = "Сынақ", ru = "Тест", en = "Test" }

[thresholds]
medium = 3
high = 6
extreme = 9

[[item]]
id = "strangulation"
answer = "yes_no_unknown"
weight = 4
at_least = "high"
text = { kk = "Буындыру?", ru = "Удушение?", en = "Strangled?" }

[[item]]
id = "fear"
answer = "choice"
text = { kk = "Қорқыныш?", ru = "Страх?", en = "Fear?" }

[[item.option]]
id = "none"
weight = 0
text = { kk = "Жоқ", ru = "Нет", en = "None" }

[[item.option]]
id = "great"
weight = 5
at_least = "medium"
text = { kk = "Қатты", ru = "Сильный", en = "Great" }
)";

// `text` with its first occurrence of `from` replaced by `to`; `from` must occur.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the file: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Expects the file to be refused with a problem that starts with `key` and contains `words`.
void expect_refused(const std::string& toml, const std::string& key, const std::string& words) {
  try {
    parse_instrument(toml);
    ADD_FAILURE() << "accepted; expected a problem with " << key;
  } catch (const InstrumentError& e) {
    EXPECT_EQ(e.problem.rfind(key, 0), 0u) << e.problem;
    EXPECT_NE(e.problem.find(words), std::string::npos) << e.problem;
  }
}

TEST(InstrumentTest, ParsesASmallFile) {
  Instrument i = parse_instrument(kSmall);
  EXPECT_EQ(i.code, "test-risk");
  EXPECT_EQ(i.version, 2);
  EXPECT_EQ(i.name.ru, "Тест");
  EXPECT_EQ(i.thresholds.medium, 3);
  EXPECT_EQ(i.thresholds.extreme, 9);
  ASSERT_EQ(i.items.size(), 2u);
  EXPECT_EQ(i.items[0].answer, AnswerKind::kYesNoUnknown);
  EXPECT_EQ(i.items[0].weight, 4);
  EXPECT_EQ(i.items[0].at_least, Level::kHigh);
  EXPECT_EQ(i.items[1].answer, AnswerKind::kChoice);
  ASSERT_EQ(i.items[1].options.size(), 2u);
  EXPECT_EQ(i.items[1].options[1].id, "great");
  EXPECT_EQ(i.items[1].options[1].at_least, Level::kMedium);
  EXPECT_EQ(i.items[1].options[0].at_least, std::nullopt);
  EXPECT_EQ(i.find_item("fear"), &i.items[1]);
  EXPECT_EQ(i.find_item("nothing"), nullptr);
}

TEST(InstrumentTest, ShippedInstrumentIsCompleteAndOriginal) {
  Instrument i = parse_instrument(embedded::resource("reference/risk/qorgau-risk-1.toml"));
  EXPECT_EQ(i.code, "qorgau-risk-1");
  EXPECT_EQ(i.version, 1);
  EXPECT_GE(i.items.size(), 18u);
  EXPECT_LE(i.items.size(), 22u);
  // The factors DOMAIN.md names are all asked.
  for (const char* id :
       {"strangulation", "threat_to_kill", "weapon_used", "weapon_access", "escalation",
        "separation", "pregnancy", "stalking", "children_harmed", "controlling_jealousy",
        "substance_abuse", "police_callouts", "survivor_fear"}) {
    EXPECT_NE(i.find_item(id), nullptr) << id;
  }
  // Critical items set a floor whatever the score.
  for (const char* id : {"strangulation", "threat_to_kill", "weapon_used"}) {
    EXPECT_EQ(i.find_item(id)->at_least, Level::kHigh) << id;
  }
  for (const Item& item : i.items) {
    EXPECT_TRUE(item.text.complete()) << item.id;
  }
}

TEST(InstrumentTest, UnknownKeysAreRefused) {
  expect_refused(replaced(kSmall, "version = 2", "version = 2\nauthor = \"x\""), "author",
                 "unknown key");
  expect_refused(replaced(kSmall, "weight = 4", "weight = 4\nweigth = 4"), "item[0].weigth",
                 "unknown key");
  expect_refused(replaced(kSmall, "extreme = 9", "extreme = 9\nsevere = 12"), "thresholds.severe",
                 "unknown key");
  // A choice carries its weights on its options, a yes/no has no options.
  expect_refused(replaced(kSmall, "answer = \"choice\"", "answer = \"choice\"\nweight = 1"),
                 "item[1].weight", "unknown key");
}

TEST(InstrumentTest, MissingLanguageIsRefused) {
  expect_refused(replaced(kSmall, "en = \"Strangled?\"", "de = \"Erwürgt?\""), "item[0].text.en",
                 "missing");
  expect_refused(replaced(kSmall, ", en = \"Great\"", ""), "item[1].option[1].text.en", "missing");
  expect_refused(replaced(kSmall, "kk = \"Сынақ\", ", ""), "name.kk", "missing");
  expect_refused(replaced(kSmall, "ru = \"Тест\"", "ru = \"\""), "name.ru", "empty");
}

TEST(InstrumentTest, DuplicateIdsAreRefused) {
  expect_refused(replaced(kSmall, "id = \"fear\"", "id = \"strangulation\""), "item[1].id",
                 "duplicate");
  expect_refused(replaced(kSmall, "id = \"great\"", "id = \"none\""), "item[1].option[1].id",
                 "duplicate");
}

TEST(InstrumentTest, ThresholdsMustIncrease) {
  expect_refused(replaced(kSmall, "high = 6", "high = 3"), "thresholds.high", "greater");
  expect_refused(replaced(kSmall, "extreme = 9", "extreme = 5"), "thresholds.extreme", "greater");
  expect_refused(replaced(kSmall, "medium = 3", "medium = 0"), "thresholds.medium", "between");
  expect_refused(replaced(kSmall, "medium = 3\n", ""), "thresholds.medium", "missing");
}

TEST(InstrumentTest, WeightsMustBeSmallNonNegativeIntegers) {
  expect_refused(replaced(kSmall, "weight = 4", "weight = -1"), "item[0].weight", "between 0");
  expect_refused(replaced(kSmall, "weight = 5", "weight = -5"), "item[1].option[1].weight",
                 "between 0");
  expect_refused(replaced(kSmall, "weight = 4", "weight = 101"), "item[0].weight", "between 0");
  expect_refused(replaced(kSmall, "weight = 4", "weight = 4.5"), "item[0].weight", "integer");
}

TEST(InstrumentTest, BadValuesAreRefused) {
  expect_refused(replaced(kSmall, "code = \"test-risk\"", "code = \"Test Risk\""), "code",
                 "lowercase");
  expect_refused(replaced(kSmall, "version = 2", "version = 0"), "version", "between");
  expect_refused(replaced(kSmall, "at_least = \"high\"", "at_least = \"severe\""),
                 "item[0].at_least", "\"extreme\"");
  expect_refused(replaced(kSmall, "answer = \"yes_no_unknown\"", "answer = \"scale\""),
                 "item[0].answer", "expected");
  expect_refused(replaced(kSmall, "id = \"fear\"", "id = \"Fear level\""), "item[1].id",
                 "snake_case");
  expect_refused(replaced(kSmall, "id = \"none\"", "id = \"unknown\""), "item[1].option[0].id",
                 "unknown");
}

TEST(InstrumentTest, ChoicesNeedTwoOptionsAndFilesNeedItems) {
  std::string one_option = kSmall;
  one_option = one_option.substr(0, one_option.rfind("[[item.option]]"));
  expect_refused(one_option, "item[1].option", "2 to");
  std::string no_items = kSmall;
  no_items = "item = []\n" + no_items.substr(0, no_items.find("[[item]]"));
  expect_refused(no_items, "item", "1 to");
}

TEST(InstrumentTest, SyntaxErrorsAndHugeFilesAreRefused) {
  EXPECT_THROW(parse_instrument("code = "), InstrumentError);
  EXPECT_THROW(parse_instrument(std::string(kMaxInstrumentBytes + 1, '#')), InstrumentError);
}

}  // namespace
}  // namespace qorgau::risk
