// Deny by default, proved over HTTP: every role against every route.
//
// The expected matrix below is written out by hand, independently of
// src/accounts/roles.cc, and is the specification: 'Y' means the role may use
// the route (the server must not answer 401/403), '.' means it must get
// 403 forbidden. The test also fails if the server has a route this table
// does not list, so no endpoint can be added without deciding who may use it.
#include <gtest/gtest.h>

#include <set>

#include "test_server.h"

namespace qorgau::testing {
namespace {

const std::vector<std::string> kRoles = {
    "system_admin",        "auditor",       "agency_admin", "operator_111", "police_inspector",
    "case_worker",         "shelter_staff", "prosecutor",   "judge",        "analyst",
    "ministry_coordinator"};

struct Row {
  std::string method;
  std::string path;
  std::string access;  // "public", "any_user", or the expected role matrix
};

// Columns: system_admin auditor agency_admin operator_111 police_inspector
//          case_worker shelter_staff prosecutor judge analyst ministry_coordinator
const std::vector<Row> kMatrix = {
    {"GET", "/api/v1/health", "public"},
    {"GET", "/api/v1/reference/regions", "public"},
    {"GET", "/api/v1/reference/emergency-numbers", "public"},
    {"GET", "/api/v1/help/poster.pdf", "public"},
    {"POST", "/api/v1/session", "public"},
    {"GET", "/api/v1/session", "any_user"},
    {"GET", "/api/v1/roles", "any_user"},
    {"GET", "/api/v1/users", "YYY........"},
    {"POST", "/api/v1/users", "Y.Y........"},
    {"POST", "/api/v1/users/{id}/disable", "Y.Y........"},
    {"POST", "/api/v1/users/{id}/reset-password", "Y.Y........"},
    {"GET", "/api/v1/agencies", "YYYYYY.Y.YY"},
    {"POST", "/api/v1/agencies", "Y.........."},
    {"GET", "/api/v1/audit", "YY........."},
    {"POST", "/api/v1/audit/verify", "YY........."},
    {"POST", "/api/v1/people", "...YYYY...."},
    {"GET", "/api/v1/people/{id}", "...YYYYYY.."},
    {"POST", "/api/v1/people/search", "...YYYYYY.."},
    {"GET", "/api/v1/help/services", "public"},
    {"POST", "/api/v1/help/services", "..........Y"},
    {"PUT", "/api/v1/help/services/{id}", "..........Y"},
    {"GET", "/api/v1/help/rights", "public"},
    {"GET", "/api/v1/shelters", "...YYYY...Y"},
    {"POST", "/api/v1/shelters", "..........Y"},
    {"GET", "/api/v1/shelters/{id}", "...YYYY...Y"},
    {"PUT", "/api/v1/shelters/{id}", "......Y...Y"},
    {"POST", "/api/v1/shelters/{id}/occupancy", "......Y...Y"},
    {"POST", "/api/v1/shelters/{id}/holds", "...YYY....."},
    {"POST", "/api/v1/shelter-holds/{id}/release", "...YYY....."},
    {"POST", "/api/v1/shelter-referrals", "...YYY....."},
    {"GET", "/api/v1/shelter-referrals", "...YYYY...Y"},
    {"POST", "/api/v1/shelter-referrals/{id}/accept", "......Y...Y"},
    {"POST", "/api/v1/shelter-referrals/{id}/decline", "......Y...Y"},
    {"POST", "/api/v1/shelters/{id}/admissions", "......Y...Y"},
    {"GET", "/api/v1/shelters/{id}/admissions", "......Y...Y"},
    {"POST", "/api/v1/shelter-admissions/{id}/services", "......Y...Y"},
    {"POST", "/api/v1/shelter-admissions/{id}/discharge", "......Y...Y"},
    {"POST", "/api/v1/shelters/{id}/turnaways", "......Y...Y"},
    {"GET", "/api/v1/shelter-reports", ".........YY"},
    {"POST", "/api/v1/intake/reports", "public"},
    {"POST", "/api/v1/intake/receipt", "public"},
    {"POST", "/api/v1/intake/receipt/add", "public"},
    {"POST", "/api/v1/intake/attachments", "public"},
    {"GET", "/api/v1/intake/triage", "...YY......"},
    {"GET", "/api/v1/intake/reports/{id}", "...YY......"},
    {"POST", "/api/v1/intake/reports/{id}/review", "...YY......"},
    {"POST", "/api/v1/intake/reports/{id}/close", "...YY......"},
    {"POST", "/api/v1/evidence", "...YYY....."},
    {"GET", "/api/v1/evidence/{id}", "...YYY.YY.."},
    {"GET", "/api/v1/evidence/{id}/content", "...YYY.YY.."},
    {"POST", "/api/v1/evidence/{id}/verify", "...YYY.YY.."},
    {"POST", "/api/v1/evidence/{id}/handover", "...YYY....."},
    {"GET", "/api/v1/evidence/{id}/custody", "...YYY.YY.."},
    {"POST", "/api/v1/intake/reports/{id}/accept", "...YY......"},
    {"POST", "/api/v1/intake/reports/{id}/merge", "...YY......"},
    {"POST", "/api/v1/cases", "...YYY....."},
    {"GET", "/api/v1/cases", "...YYY.YY.."},
    {"GET", "/api/v1/cases/export.csv", "...YYY.YY.."},
    {"GET", "/api/v1/cases/export.xlsx", "...YYY.YY.."},
    {"GET", "/api/v1/cases/export/gbvims.csv", "...YYY...YY"},
    {"GET", "/api/v1/cases/export/gbvims.xlsx", "...YYY...YY"},
    {"POST", "/api/v1/cases/search", "...YYY.YY.."},
    {"GET", "/api/v1/cases/{id}", "...YYY.YY.."},
    {"GET", "/api/v1/cases/{id}/bundle.pdf", "...YYY.YY.."},
    {"GET", "/api/v1/cases/{id}/bundle.zip", "...YYY.YY.."},
    {"POST", "/api/v1/cases/{id}/transition", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/offence", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/assign", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/notes", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/tasks", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/tasks/{task_id}/done", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/services", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/referrals", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/orders", "....Y...Y.."},
    {"GET", "/api/v1/cases/{id}/orders", "...YYY.YY.."},
    {"GET", "/api/v1/orders", "...YYY.YY.."},
    {"POST", "/api/v1/orders/verify", "...YY..YY.."},
    {"POST", "/api/v1/orders/{id}/violations", "...YY..YY.."},
    {"POST", "/api/v1/orders/{id}/serve", "....Y...Y.."},
    {"POST", "/api/v1/orders/{id}/extend", "....Y...Y.."},
    {"POST", "/api/v1/orders/{id}/revoke", "....Y...Y.."},
    {"POST", "/api/v1/orders/{id}/attendance", "....Y...Y.."},
    {"GET", "/api/v1/case-referrals", "...YYY.YY.."},
    {"POST", "/api/v1/case-referrals/{id}/accept", "...YYY....."},
    {"POST", "/api/v1/case-referrals/{id}/decline", "...YYY....."},
    {"GET", "/api/v1/risk/instruments", "...YYY.YY.."},
    {"GET", "/api/v1/risk/instruments/{code}", "...YYY.YY.."},
    {"POST", "/api/v1/risk/instruments", "Y.........."},
    {"GET", "/api/v1/risk/reviews/due", "...YYY.YY.."},
    {"POST", "/api/v1/cases/{id}/risk/assessments", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/risk/assessments/preview", "...YYY....."},
    {"GET", "/api/v1/cases/{id}/risk", "...YYY.YY.."},
    {"GET", "/api/v1/cases/{id}/risk/assessments/{aid}", "...YYY.YY.."},
    {"POST", "/api/v1/cases/{id}/incidents", "...YYY....."},
    {"PUT", "/api/v1/cases/{id}/notification-consent", "...YYY....."},
    {"GET", "/api/v1/cases/{id}/notification-consent", "...YYY.YY.."},
    {"DELETE", "/api/v1/cases/{id}/notification-consent", "...YYY....."},
    {"GET", "/api/v1/cases/{id}/notifications", "...YYY.YY.."},
    {"POST", "/api/v1/cases/{id}/notifications/{nid}/acknowledge", "...YYY....."},
    {"POST", "/api/v1/cases/{id}/aggressor-release", "...YYY....."},
    {"POST", "/api/v1/inbox/messages", "public"},
    {"POST", "/api/v1/inbox/messages/{id}/acknowledge", "public"},
    // Logging out ends the session, so it is tried last for each role.
    {"DELETE", "/api/v1/session", "any_user"},
};

class AuthorizationMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    // Every test user works at the demo Almaty police (agency 3), where the
    // demo people are, so scope never hides a record a role may see.
    for (const auto& role : kRoles) {
      std::string out;
      ASSERT_EQ(server_.run_cli({"user", "add", "--username", "matrix." + role, "--display-name",
                                 "Matrix " + role, "--role", role, "--agency-id", "3"},
                                "matrix-passphrase-2026\n", &out),
                0)
          << out;
    }
    std::string out;
    ASSERT_EQ(server_.run_cli({"user", "add", "--username", "matrix.target", "--display-name",
                               "Target", "--role", "case_worker", "--agency-id", "3"},
                              "matrix-passphrase-2026\n", &out),
              0);
    target_user_id_ = out.substr(out.find_last_of(' ') + 1);
    target_user_id_.erase(target_user_id_.find_last_not_of("\n") + 1);
  }

  std::string concrete(const std::string& path) const {
    std::string out = path;
    auto at = out.find("{id}");
    if (at == std::string::npos) return out;
    // Users' routes act on a sacrificial user; people's on demo person 1; intake's on demo
    // report 1 (Almaty).
    out.replace(at, 4, path.find("/users/") != std::string::npos ? target_user_id_ : "1");
    return out;
  }

  Reply send(Client& client, const Row& row) {
    std::string body = row.method == "POST" ? "{}" : "";
    return client.request(row.method, concrete(row.path), body);
  }

  TestServer server_;
  std::string target_user_id_;
};

TEST_F(AuthorizationMatrix, TableCoversEveryRouteTheServerHas) {
  std::string out;
  ASSERT_EQ(server_.run_cli({"routes"}, "", &out), 0);
  std::set<std::pair<std::string, std::string>> served, listed;
  for (const auto& r : nlohmann::json::parse(out)) {
    served.insert({r["method"].get<std::string>(), r["path"].get<std::string>()});
  }
  for (const auto& row : kMatrix) listed.insert({row.method, row.path});
  EXPECT_EQ(served, listed) << "add the new route to kMatrix with the roles that may use it";
  for (const auto& r : nlohmann::json::parse(out)) {
    for (const auto& row : kMatrix) {
      if (row.method != r["method"] || row.path != r["path"]) continue;
      if (row.access == "public" || row.access == "any_user") {
        EXPECT_EQ(r["access"], row.access) << row.path;
      } else {
        EXPECT_EQ(r["access"], "permission") << row.path;
      }
    }
  }
}

TEST_F(AuthorizationMatrix, AnonymousCallersReachOnlyPublicRoutes) {
  Client anonymous(server_.port());
  for (const auto& row : kMatrix) {
    Reply reply = send(anonymous, row);
    if (row.access == "public") {
      EXPECT_NE(reply.status, 401) << row.method << " " << row.path;
      EXPECT_NE(reply.status, 403) << row.method << " " << row.path;
    } else {
      EXPECT_EQ(reply.status, 401) << row.method << " " << row.path;
      EXPECT_EQ(reply.error_code(), "not_authenticated") << row.path;
    }
  }
}

TEST_F(AuthorizationMatrix, EveryRoleGetsExactlyItsRoutes) {
  for (size_t column = 0; column < kRoles.size(); ++column) {
    const std::string& role = kRoles[column];
    Client client(server_.port());
    ASSERT_EQ(client.login("matrix." + role, "matrix-passphrase-2026").status, 200) << role;
    for (const auto& row : kMatrix) {
      if (row.access == "public" && row.method == "POST") continue;  // logging in again
      bool allowed =
          row.access == "public" || row.access == "any_user" || row.access.at(column) == 'Y';
      Reply reply = send(client, row);
      std::string where = role + " " + row.method + " " + row.path + " -> " +
                          std::to_string(reply.status) + " " + reply.body.substr(0, 120);
      if (allowed) {
        EXPECT_NE(reply.status, 401) << where;
        EXPECT_NE(reply.status, 403) << where;
        EXPECT_LT(reply.status, 500) << where;
      } else {
        EXPECT_EQ(reply.status, 403) << where;
        EXPECT_EQ(reply.error_code(), "forbidden") << where;
      }
    }
  }
}

TEST_F(AuthorizationMatrix, RefusalsAreAudited) {
  Client client(server_.port());
  ASSERT_EQ(client.login("matrix.analyst", "matrix-passphrase-2026").status, 200);
  ASSERT_EQ(client.get("/api/v1/people/1").status, 403);
  Client auditor(server_.port());
  ASSERT_EQ(auditor.login("auditor", kDemoPassword).status, 200);
  auto entries = auditor.get("/api/v1/audit?limit=500").json()["entries"];
  bool found = false;
  for (const auto& e : entries) {
    if (e["action"] == "access.denied" && e["actor"] == "matrix.analyst" &&
        e["object_id"] == "/api/v1/people/{id}") {
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace qorgau::testing
