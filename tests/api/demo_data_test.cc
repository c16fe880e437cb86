// The demo data's protection cases (src/app/demo_protection.h): made through the modules, they
// show on the risk and orders screens of the Almaty inspector as a real case would, and the
// inbox whose code and secret `qorgau demo-data` prints opens and receives "order served".
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <string>
#include <vector>

#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

class DemoData : public ::testing::Test {
 protected:
  DemoData() : server_(TestServer::Options{false, {}, {}}) {}

  void SetUp() override {
    ASSERT_EQ(server_.run_cli({"demo-data"}, "", &printed_), 0) << printed_;
    ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200);
  }

  std::vector<json> orders(const std::string& query) {
    Reply reply = inspector_.get("/api/v1/orders" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["orders"];
  }

  TestServer server_;
  std::string printed_;
  Client inspector_{server_.port()};
};

TEST_F(DemoData, TheInspectorHasOrdersInForceEndingSoonAndExpired) {
  std::vector<json> in_force = orders("?status=in_force");
  ASSERT_EQ(in_force.size(), 2u);
  std::vector<json> ending = orders("?status=active&expiring_within_days=3");
  ASSERT_EQ(ending.size(), 1u);
  EXPECT_EQ(ending[0]["days_left"], 2);
  EXPECT_EQ(ending[0]["kind"], "police_protective");
  std::vector<json> expired = orders("?status=expired");
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0]["days_left"], -1);
  // The other order in force runs 30 days from today.
  json month = in_force[0]["id"] == ending[0]["id"] ? in_force[1] : in_force[0];
  EXPECT_EQ(month["days_left"], 29);
  EXPECT_EQ(month["status"], "active");
}

TEST_F(DemoData, OneCaseIsHighRiskAndOneReviewIsOverdueAfterANewIncident) {
  std::vector<std::string> levels;
  for (const json& order : orders("")) {
    Reply risk = inspector_.get("/api/v1/cases/" + order["case_id"].dump() + "/risk");
    ASSERT_EQ(risk.status, 200) << risk.body;
    levels.push_back(risk.json()["current"]["level"]);
  }
  std::sort(levels.begin(), levels.end());
  EXPECT_EQ(levels, (std::vector<std::string>{"high", "low", "medium"}));

  Reply due = inspector_.get("/api/v1/risk/reviews/due");
  ASSERT_EQ(due.status, 200) << due.body;
  int overdue_after_incident = 0;
  const json reviews = due.json()["reviews"];
  for (const json& review : reviews) {
    if (review["overdue"] == true && review["reason"] == "new_incident") {
      ++overdue_after_incident;
      EXPECT_EQ(review["level"], "low");
    }
  }
  EXPECT_EQ(overdue_after_incident, 1);
}

TEST_F(DemoData, TheTimelineNamesTheInspectorWhoActed) {
  json order = orders("?status=expired").at(0);
  Reply view = inspector_.get("/api/v1/cases/" + order["case_id"].dump());
  ASSERT_EQ(view.status, 200) << view.body;
  std::vector<std::string> kinds;
  const json timeline = view.json()["timeline"];
  for (const json& event : timeline) {
    kinds.push_back(event["kind"]);
    EXPECT_EQ(event["user_name"], "Гүлнар Инспекторова (demo)") << event;
  }
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"opened", "assigned", "risk_assessed", "order_issued"}));
}

TEST_F(DemoData, ThePrintedInboxOpensAndIsToldOfTheServedOrder) {
  std::smatch found;
  ASSERT_TRUE(std::regex_search(printed_, found, std::regex("code ([^,\\s]+), secret (\\S+)")))
      << printed_;
  const std::string code = found[1];
  const std::string secret = found[2];
  // Her case is the one whose order runs a month; staff see when the message was sent.
  std::string case_path;
  for (const json& order : orders("?status=in_force")) {
    if (order["days_left"] == 29) case_path = "/api/v1/cases/" + order["case_id"].dump();
  }
  ASSERT_FALSE(case_path.empty());
  ASSERT_TRUE(eventually([&] {
    json sent = inspector_.get(case_path + "/notifications").json()["notifications"];
    return sent.size() == 1 && sent[0]["kind"] == "order_served" && sent[0]["sends"] == 1;
  })) << server_.server_log();
  Client her(server_.port());
  Reply inbox = her.post("/api/v1/inbox/messages", {{"code", code}, {"secret", secret}});
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  ASSERT_EQ(inbox.json()["messages"].size(), 1u);
  EXPECT_EQ(inbox.json()["messages"][0]["kind"], "order_served");
  EXPECT_EQ(her.post("/api/v1/inbox/messages", {{"code", code}, {"secret", secret + "x"}}).status,
            404);
}

}  // namespace
}  // namespace qorgau::testing
