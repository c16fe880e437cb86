// The stored form of an order's conditions: the writer gives what nlohmann::json gave before
// this module (so stored orders read the same), the reader gives back what was written, and
// anything else is refused rather than read as fewer conditions.
#include "orders/stored_conditions.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace qorgau::orders {
namespace {

bool same(const std::vector<Condition>& a, const std::vector<Condition>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].code != b[i].code || a[i].metres != b[i].metres || a[i].places != b[i].places) {
      return false;
    }
  }
  return true;
}

const std::vector<Condition> kEveryShape = {
    {"no_contact", std::nullopt, std::nullopt},
    {"no_approach", 200, std::nullopt},
    {"no_visiting", std::nullopt, "Мектеп №12, \"Береке\" базары\nжәне оның маңы"},
    {"no_weapons", std::nullopt, std::nullopt},
};

TEST(StoredConditions, ReadBackAsWritten) {
  EXPECT_TRUE(same(read_stored_conditions(write_stored_conditions(kEveryShape)), kEveryShape));
  EXPECT_TRUE(read_stored_conditions(write_stored_conditions({})).empty());
}

TEST(StoredConditions, WrittenAsTheJsonTreeWroteThem) {
  EXPECT_EQ(write_stored_conditions(kEveryShape),
            R"([{"code":"no_contact"},{"code":"no_approach","metres":200},)"
            R"({"code":"no_visiting","places":"Мектеп №12, \"Береке\" базары\nжәне оның маңы"},)"
            R"({"code":"no_weapons"}])");
  // The earlier writer built each item as a nlohmann::json object, whose keys come out sorted.
  nlohmann::json tree = nlohmann::json::array();
  tree.push_back({{"code", "no_approach"}, {"metres", 200}});
  tree.push_back({{"code", "no_visiting"}, {"places", "x"}});
  EXPECT_EQ(write_stored_conditions(
                {{"no_approach", 200, std::nullopt}, {"no_visiting", std::nullopt, "x"}}),
            tree.dump());
}

TEST(StoredConditions, ReadsKeysInAnyOrderAndSkipsUnknownScalars) {
  auto read = read_stored_conditions(
      R"([ {"metres": 50, "note": null, "code": "no_approach", "since": 1.5, "ok": true} ])");
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].code, "no_approach");
  EXPECT_EQ(read[0].metres, 50);
  EXPECT_EQ(read[0].places, std::nullopt);
}

TEST(StoredConditions, RefusesAnythingElse) {
  for (const char* bad : {
           "",
           "{}",
           R"({"code":"no_contact"})",
           R"([{"code":"no_contact"}] x)",
           R"(["no_contact"])",
           R"([[{"code":"no_contact"}]])",
           R"([{}])",
           R"([{"code":""}])",
           R"([{"code":7}])",
           R"([{"code":"no_approach","metres":"200"}])",
           R"([{"code":"no_approach","metres":2.5}])",
           R"([{"code":"no_approach","metres":18446744073709551615}])",
           R"([{"code":"no_visiting","places":["a"]}])",
           R"([{"code":"no_contact","extra":{"a":1}}])",
           R"([{"code":"no_contact")",
       }) {
    EXPECT_THROW(read_stored_conditions(bad), std::runtime_error) << bad;
  }
}

}  // namespace
}  // namespace qorgau::orders
