// The server answers its health check, serves the reference data, and stops
// cleanly on SIGTERM.
#include <gtest/gtest.h>

#include "test_server.h"

namespace qorgau::testing {
namespace {

TEST(Health, ReportsStatusVersionAndStorage) {
  TestServer server;
  Client client(server.port());
  Reply reply = client.get("/api/v1/health");
  ASSERT_EQ(reply.status, 200);
  auto body = reply.json();
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["storage"], "sqlite");
  EXPECT_FALSE(body["version"].get<std::string>().empty());
  EXPECT_GE(body["schema_version"].get<int>(), 3);
  EXPECT_EQ(reply.headers["cache-control"], "no-store");
  EXPECT_NE(reply.headers["content-security-policy"].find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(server.stop(), 0);
}

TEST(Reference, ListsTwentyRegionsInThreeLanguages) {
  TestServer server;
  Client client(server.port());
  auto regions = client.get("/api/v1/reference/regions").json()["regions"];
  ASSERT_EQ(regions.size(), 20u);
  bool found_astana = false;
  for (const auto& r : regions) {
    if (r["kato"] == "710000000") {
      found_astana = true;
      EXPECT_EQ(r["name"]["kk"], "Астана");
      EXPECT_EQ(r["kind"], "city");
    }
  }
  EXPECT_TRUE(found_astana);
  auto numbers = client.get("/api/v1/reference/emergency-numbers").json()["numbers"];
  ASSERT_FALSE(numbers.empty());
  EXPECT_EQ(numbers[0]["number"], "111");
}

}  // namespace
}  // namespace qorgau::testing
