// Level computation as a pure function: the score sums the weights of "yes" answers and chosen
// options ("no" and "unknown" score 0), thresholds map it to a level, and every floor
// (at_least) of a "yes" or a chosen option raises that level, never lowers it.
#include "risk/scoring.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace qorgau::risk {
namespace {

// The field of the validation_failed error `f` throws ("" if it throws nothing).
template <typename F>
std::string refused_field(F&& f) {
  try {
    f();
  } catch (const core::ApiError& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::kValidationFailed);
    return e.field();
  }
  return "";
}

core::LocalizedText words(const std::string& en) {
  return {en, en, en};
}

// Thresholds medium 3, high 6, extreme 9; "strangled" (4, floor high), "threat" (2),
// "drugs" (1), and "fear": none 0 | some 2 | great 3 (floor medium).
Instrument instrument() {
  Instrument i;
  i.code = "test";
  i.version = 1;
  i.name = words("Test");
  i.thresholds = {3, 6, 9};
  i.items.push_back({"strangled", words("s"), AnswerKind::kYesNoUnknown, 4, Level::kHigh, {}});
  i.items.push_back({"threat", words("t"), AnswerKind::kYesNoUnknown, 2, std::nullopt, {}});
  i.items.push_back({"drugs", words("d"), AnswerKind::kYesNoUnknown, 1, std::nullopt, {}});
  i.items.push_back({"fear",
                     words("f"),
                     AnswerKind::kChoice,
                     0,
                     std::nullopt,
                     {{"none", words("n"), 0, std::nullopt},
                      {"some", words("s"), 2, std::nullopt},
                      {"great", words("g"), 3, Level::kMedium}}});
  return i;
}

Answers answers(const std::string& strangled, const std::string& threat, const std::string& drugs,
                const std::string& fear) {
  return {{"strangled", strangled}, {"threat", threat}, {"drugs", drugs}, {"fear", fear}};
}

TEST(ScoringTest, ThresholdsMapScoresToLevels) {
  Thresholds t{3, 6, 9};
  EXPECT_EQ(level_for_score(t, 0), Level::kLow);
  EXPECT_EQ(level_for_score(t, 2), Level::kLow);
  EXPECT_EQ(level_for_score(t, 3), Level::kMedium);
  EXPECT_EQ(level_for_score(t, 5), Level::kMedium);
  EXPECT_EQ(level_for_score(t, 6), Level::kHigh);
  EXPECT_EQ(level_for_score(t, 9), Level::kExtreme);
  EXPECT_EQ(level_for_score(t, 1000), Level::kExtreme);
}

TEST(ScoringTest, NothingKnownIsLowWithScoreZero) {
  Scored s = score_answers(instrument(), answers("unknown", "unknown", "unknown", "unknown"));
  EXPECT_EQ(s.score, 0);
  EXPECT_EQ(s.level, Level::kLow);
  s = score_answers(instrument(), answers("no", "no", "no", "none"));
  EXPECT_EQ(s.score, 0);
  EXPECT_EQ(s.level, Level::kLow);
}

TEST(ScoringTest, YesAndOptionsAddTheirWeights) {
  Scored s = score_answers(instrument(), answers("no", "yes", "yes", "none"));
  EXPECT_EQ(s.score, 3);
  EXPECT_EQ(s.level, Level::kMedium);
  s = score_answers(instrument(), answers("no", "yes", "yes", "some"));
  EXPECT_EQ(s.score, 5);
  EXPECT_EQ(s.level, Level::kMedium);
}

TEST(ScoringTest, AFloorRaisesALowScore) {
  // Strangulation alone scores 4 (medium by score) but its floor makes it high.
  Scored s = score_answers(instrument(), answers("yes", "no", "no", "none"));
  EXPECT_EQ(s.score, 4);
  EXPECT_EQ(s.level, Level::kHigh);
  // "great" fear alone scores 3: medium by score and by floor.
  s = score_answers(instrument(), answers("no", "no", "no", "great"));
  EXPECT_EQ(s.level, Level::kMedium);
}

TEST(ScoringTest, AFloorNeverLowersAHighScore) {
  // 4 + 2 + 1 + 3 = 10: extreme by score; the floors (high, medium) do not pull it down.
  Scored s = score_answers(instrument(), answers("yes", "yes", "yes", "great"));
  EXPECT_EQ(s.score, 10);
  EXPECT_EQ(s.level, Level::kExtreme);
}

TEST(ScoringTest, UnknownOnAFloorItemSetsNoFloor) {
  Scored s = score_answers(instrument(), answers("unknown", "no", "no", "unknown"));
  EXPECT_EQ(s.level, Level::kLow);
}

TEST(ScoringTest, EveryItemMustBeAnsweredWithOneOfItsAnswers) {
  Instrument i = instrument();
  EXPECT_NO_THROW(check_answers(i, answers("yes", "no", "unknown", "great")));
  Answers missing = answers("yes", "no", "no", "none");
  missing.erase("drugs");
  EXPECT_EQ(refused_field([&] { check_answers(i, missing); }), "answers.drugs");
  EXPECT_EQ(refused_field([&] { check_answers(i, answers("maybe", "no", "no", "none")); }),
            "answers.strangled");
  // An option id is no answer to a yes/no item, and yes is no option of a choice.
  EXPECT_EQ(refused_field([&] { check_answers(i, answers("great", "no", "no", "none")); }),
            "answers.strangled");
  EXPECT_EQ(refused_field([&] { check_answers(i, answers("no", "no", "no", "yes")); }),
            "answers.fear");
  Answers extra = answers("no", "no", "no", "none");
  extra["weather"] = "yes";
  EXPECT_EQ(refused_field([&] { check_answers(i, extra); }), "answers.weather");
}

TEST(LevelTest, NamesParseAndStepUp) {
  for (Level level : kAllLevels) EXPECT_EQ(parse_level(level_name(level)), level);
  EXPECT_EQ(parse_level("severe"), std::nullopt);
  EXPECT_EQ(one_step_up(Level::kLow), Level::kMedium);
  EXPECT_EQ(one_step_up(Level::kHigh), Level::kExtreme);
  EXPECT_EQ(one_step_up(Level::kExtreme), Level::kExtreme);
  EXPECT_LT(Level::kMedium, Level::kHigh);
}

}  // namespace
}  // namespace qorgau::risk
