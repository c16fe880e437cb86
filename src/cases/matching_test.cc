// Matching people before a case adds them: Cyrillic and Latin spellings of
// one name meet, IINs meet, nothing is merged.
#include "cases/matching.h"

#include <gtest/gtest.h>

#include "accounts/agencies.h"
#include "core/clock.h"
#include "core/iin.h"
#include "crypto/keyring.h"
#include "testing/migrated_store.h"

namespace qorgau::cases {
namespace {

constexpr std::int64_t kStartMs = 1'795'000'000'000;

TEST(MatchingNameKey, CyrillicAndLatinSpellingsOfOneNameMeet) {
  std::string key = name_key("Айгүл Сәрсенова");
  EXPECT_EQ(key, "aigul sarsenova");
  EXPECT_EQ(name_key("Aigul Sarsenova"), key);
  EXPECT_EQ(name_key("AYGUL  SARSENOVA"), key);
  EXPECT_EQ(name_key("Sarsenova Aigül"), key);
  EXPECT_EQ(name_key("Айгуль Сарсенова"), key);
  EXPECT_EQ(name_key("Жанар Шолпанқызы"), name_key("Zhanar Sholpanqyzy"));
  EXPECT_EQ(name_key("Жанар"), name_key("Janar"));
  EXPECT_EQ(name_key("Ерлан Ахметов"), name_key("Yerlan Akhmetov"));
  EXPECT_EQ(name_key("Ерлан Ахметов"), name_key("Erlan Ahmetov"));
  EXPECT_EQ(name_key("Ғалым Өтеғұлов"), name_key("Galym Otegulov"));
  EXPECT_NE(name_key("Айгүл Сәрсенова"), name_key("Айгүл Сейітова"));
  EXPECT_EQ(name_key(" , "), "");
}

TEST(MatchingNameKey, OtherScriptsGoThroughIcu) {
  EXPECT_EQ(name_key("Ａｉｇｕｌ"), name_key("Aigul"));  // full-width letters
  EXPECT_FALSE(name_key("王芳").empty());
}

class MatchingStore : public qorgau::testing::MigratedStore {
 protected:
  MatchingStore()
      : MigratedStore(kStartMs), people_(protector_, clock_), matcher_(protector_, people_) {
    agency_ =
        accounts::AgencyStore().create(conn(), {0, "Police", "police", "750000000"}, kStartMs).id;
  }
  people::Person person(const std::string& full_name, std::optional<std::string> iin = {}) {
    auto p = people_.create(conn(), {full_name, iin, {}, {}}, agency_);
    matcher_.remember(conn(), p.id, full_name);
    return p;
  }

  people::PersonStore people_;
  Matcher matcher_;
  std::int64_t agency_ = 0;
};

TEST_F(MatchingStore, FindsCyrillicAndLatinTwinsAsPossibleDuplicates) {
  auto cyrillic = person("Айгүл Сәрсенова");
  auto other = person("Динара Омарова");
  auto found = matcher_.find(conn(), {}, "Aigul Sarsenova");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].person.id, cyrillic.id);
  EXPECT_EQ(found[0].person.full_name, "Айгүл Сәрсенова");
  EXPECT_EQ(found[0].matched_by, std::vector<std::string>{"name"});
  EXPECT_TRUE(matcher_.find(conn(), {}, "Aigul Omarova").empty());
  // Nothing was merged: both people are still there.
  EXPECT_EQ(conn().query_one("SELECT count(*) FROM people")->integer(0), 2);
  (void)other;
}

TEST_F(MatchingStore, FindsByIinFirstAndEachPersonOnce) {
  std::string iin =
      *core::make_iin(std::chrono::year_month_day{std::chrono::year(1990), std::chrono::month(5),
                                                  std::chrono::day(12)},
                      core::Sex::kFemale, 1);
  auto by_name = person("Aigul Sarsenova");
  auto both = person("Айгүл Сәрсенова", iin);
  auto found = matcher_.find(conn(), iin, "Айгүл Сәрсенова");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].person.id, both.id);
  EXPECT_EQ(found[0].matched_by, (std::vector<std::string>{"iin", "name"}));
  EXPECT_EQ(found[1].person.id, by_name.id);
  EXPECT_EQ(matcher_.find(conn(), iin, {}).size(), 1u);
}

TEST_F(MatchingStore, FindsPeopleCreatedOutsideCasesByTheirFoldedName) {
  auto elsewhere = people_.create(conn(), {"Айгүл Сәрсенова", {}, {}, {}}, agency_);
  auto found = matcher_.find(conn(), {}, "  АЙГҮЛ   сәрсенова ");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].person.id, elsewhere.id);
}

}  // namespace
}  // namespace qorgau::cases
