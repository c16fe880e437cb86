#include "orders/orders.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_database.h"
#include "testing/temp_dir.h"

namespace qorgau::orders {
namespace {

constexpr std::int64_t kNow = 1'800'000'000'000;

TEST(OrderStatus, DerivedInPrecedenceOrder) {
  EXPECT_EQ(derive_status(true, true, true, kNow + 1, kNow), "revoked");
  EXPECT_EQ(derive_status(false, true, false, kNow - 1, kNow), "revoked");
  EXPECT_EQ(derive_status(true, false, true, kNow, kNow), "expired");  // ends_at is exclusive
  EXPECT_EQ(derive_status(false, false, false, kNow - 1, kNow), "expired");
  EXPECT_EQ(derive_status(false, false, false, kNow + 1, kNow), "issued");
  EXPECT_EQ(derive_status(true, false, true, kNow + 1, kNow), "violated");
  EXPECT_EQ(derive_status(true, false, false, kNow + 1, kNow), "active");
}

// The SQL filter of the order list and the C++ rule agree on every combination.
TEST(OrderStatus, SqlPredicateMatchesTheDerivedStatus) {
  testing::TempDir dir;
  store::SqliteDatabase database(dir.path() / "orders.db");
  auto c = database.connect();
  c->execute_script(
      "CREATE TABLE orders (id INTEGER PRIMARY KEY, served_at BIGINT, revoked_at BIGINT, "
      "violated INTEGER NOT NULL, ends_at BIGINT NOT NULL)");
  struct Case {
    bool served, revoked, violated;
    std::int64_t ends_at;
  };
  std::vector<Case> cases;
  for (bool served : {false, true}) {
    for (bool revoked : {false, true}) {
      for (bool violated : {false, true}) {
        for (std::int64_t ends_at : {kNow - 1, kNow, kNow + 1}) {
          cases.push_back({served, revoked, violated, ends_at});
        }
      }
    }
  }
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& x = cases[i];
    c->execute(
        "INSERT INTO orders VALUES ($1, $2, $3, $4, $5)",
        {static_cast<std::int64_t>(i), x.served ? store::Value(kNow - 10) : store::Value(nullptr),
         x.revoked ? store::Value(kNow - 5) : store::Value(nullptr),
         static_cast<std::int64_t>(x.violated), x.ends_at});
  }
  for (std::string_view status : order_statuses()) {
    std::vector<store::Value> params;
    std::string where = status_predicate(status, [&] {
      params.emplace_back(kNow);
      return std::string("$1");
    });
    auto rows = c->query("SELECT id FROM orders o WHERE " + where + " ORDER BY id", params);
    std::vector<std::int64_t> by_sql;
    for (const auto& row : rows) by_sql.push_back(row.integer(0));
    std::vector<std::int64_t> by_rule;
    for (size_t i = 0; i < cases.size(); ++i) {
      const Case& x = cases[i];
      if (derive_status(x.served, x.revoked, x.violated, x.ends_at, kNow) == status) {
        by_rule.push_back(static_cast<std::int64_t>(i));
      }
    }
    EXPECT_EQ(by_sql, by_rule) << status;
  }
}

TEST(OrderNumber, SixDigitsAtLeast) {
  EXPECT_EQ(order_number(1), "O-000001");
  EXPECT_EQ(order_number(1234567), "O-1234567");
}

}  // namespace
}  // namespace qorgau::orders
