// Nothing personal in any message: for every kind, detail level and language
// the text holds none of the case's names, IIN, case or order number or
// place, even when a caller passes them as facts; dates only at "dates".
#include "notify/messages.h"

#include <gtest/gtest.h>

namespace qorgau::notify {
namespace {

const std::map<std::string, std::string> kFacts = {
    {"full_name", "Айгүл Серікқызы"}, {"aggressor_name", "Ерлан Болатов"},
    {"iin", "900101300123"},          {"case_number", "C-000042"},
    {"order_number", "O-000007"},     {"place", "Алматы, Абай даңғылы 10"},
    {"ends_on", "2026-12-21"},        {"served_on", "2026-11-21"},
    {"released_on", "2026-11-22"},    {"occurred_on", "not a date Ерлан"},
};

TEST(NotifyMessages, NothingPersonalForAnyKindDetailOrLanguage) {
  for (std::string_view kind : notification_kinds()) {
    for (std::string_view detail : detail_levels()) {
      for (core::Language language : core::kAllLanguages) {
        MessageText m = compose(kind, detail, language, kFacts);
        std::string all = m.subject + "\n" + m.body;
        std::string where =
            std::string(kind) + "/" + std::string(detail) + "/" + std::string(core::code(language));
        EXPECT_FALSE(m.subject.empty()) << where;
        EXPECT_FALSE(m.body.empty()) << where;
        for (const char* personal : {"Айгүл", "Серікқызы", "Ерлан", "Болатов", "900101300123",
                                     "C-000042", "O-000007", "Алматы", "Абай", "not a date"}) {
          EXPECT_EQ(all.find(personal), std::string::npos) << where << " shows " << personal;
        }
        bool shows_dates = all.find("2026") != std::string::npos;
        EXPECT_EQ(shows_dates, detail == "dates") << where;
        if (detail == "dates") {
          EXPECT_NE(all.find(language == core::Language::kEn ? "21 December 2026" : "21.12.2026"),
                    std::string::npos)
              << where << ": the day as people write it";
          EXPECT_EQ(all.find("2026-12-21"), std::string::npos) << where;
        }
      }
    }
  }
}

TEST(NotifyMessages, LanguagesDifferAndUrgentKindsAskForConfirmation) {
  MessageText kk = compose("order_violated", "minimal", core::Language::kKk, {});
  MessageText ru = compose("order_violated", "minimal", core::Language::kRu, {});
  MessageText en = compose("order_violated", "minimal", core::Language::kEn, {});
  EXPECT_NE(kk.body, ru.body);
  EXPECT_NE(ru.body, en.body);
  EXPECT_NE(en.body.find("confirm"), std::string::npos);
  EXPECT_EQ(compose("order_served", "minimal", core::Language::kEn, {}).body.find("confirm"),
            std::string::npos);
  EXPECT_TRUE(is_urgent("aggressor_released"));
  EXPECT_FALSE(is_urgent("order_expiring"));
}

TEST(NotifyMessages, OnlyRealDaysAreShown) {
  MessageText m = compose("order_served", "dates", core::Language::kEn,
                          {{"ends_on", "2026-02-30"}, {"served_on", "2026-11-21 "}});
  EXPECT_EQ(m.body.find("2026"), std::string::npos);
  EXPECT_THROW(compose("order_lost", "minimal", core::Language::kEn, {}), std::invalid_argument);
}

}  // namespace
}  // namespace qorgau::notify
