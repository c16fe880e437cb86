// Protective orders over HTTP: every kind's legal bounds, the lifecycle (serve, extend,
// revoke), attendance, field verification by IIN and by name and birth date (showing nothing
// else about the case, audited without the IIN), expiry, and violations with their follow-ups.
// Every refusal changes nothing (rows and audit entries counted).
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/calendar_day.h"
#include "core/iin.h"
#include "core/time_zone.h"
#include "orders/bounds.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;
using namespace std::chrono;

std::string valid_iin(int year, unsigned month, unsigned day, core::Sex sex, int serial) {
  for (;; ++serial) {
    if (auto iin = core::make_iin(year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                                 std::chrono::day{day}},
                                  sex, serial)) {
      return *iin;
    }
  }
}

std::int64_t now_ms() {
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A local day in Almaty, `offset` days from today.
std::string almaty_day(int offset) {
  static const core::TimeZone zone = core::TimeZone::load("Asia/Almaty");
  return core::format_day(year_month_day(sys_days(zone.local_date(now_ms())) + days(offset)));
}

json with(json body, const json& extra) {
  body.update(extra);
  return body;
}

json police_order(json extra = json::object()) {
  json body = {
      {"kind", "police_protective"},
      {"starts_on", almaty_day(-1)},
      {"duration_days", 30},
      {"conditions", {{{"code", "no_contact"}}, {{"code", "no_approach"}, {"metres", 200}}}},
      {"protected_contact_route", "Call her sister, evenings only"}};
  body.update(extra);
  return body;
}

json court(json extra = json::object()) {
  json body = {{"starts_on", almaty_day(0)},
               {"conditions", {{{"code", "no_visiting"}, {"places", "Her workplace on Abai Ave"}}}},
               {"protected_contact_route", "Through the crisis centre"},
               {"court", {{"name", "Almaly district court"}, {"decision_number", "2-1234/26"}}}};
  body.update(extra);
  return body;
}

class Orders : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string out;
    ASSERT_EQ(server_.run_cli({"user", "add", "--username", "judge.orders", "--display-name",
                               "Judge", "--role", "judge", "--agency-id", "3"},
                              "judge-passphrase-2026\n", &out),
              0)
        << out;
    ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200);  // police, Almaty
    ASSERT_EQ(operator_.login("operator", kDemoPassword).status, 200);    // 111, Astana
    ASSERT_EQ(judge_.login("judge.orders", "judge-passphrase-2026").status, 200);
    ASSERT_EQ(auditor_.login("auditor", kDemoPassword).status, 200);
    aggressor_iin_ = valid_iin(1985, 6, 17, core::Sex::kMale, 4100);
    case_id_ = open_case("Ерлан Қасымов", aggressor_iin_);
  }

  std::int64_t person(const json& body) {
    Reply reply = inspector_.post("/api/v1/people", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["id"];
  }

  std::int64_t open_case(const std::string& aggressor_name, const std::string& aggressor_iin) {
    json body = {
        {"survivor_person_id", person({{"full_name", "Мәдина Қасымова"}})},
        {"aggressor_person_id", person({{"full_name", aggressor_name}, {"iin", aggressor_iin}})},
        {"basis", "complaint"},
        {"incident_types", {"physical_assault"}}};
    Reply reply = inspector_.post("/api/v1/cases", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["id"];
  }

  std::string orders_path() { return "/api/v1/cases/" + std::to_string(case_id_) + "/orders"; }
  // The orders of this test's case in a list reply (demo data has orders of its own cases).
  std::vector<json> of_this_case(const Reply& listed) {
    EXPECT_EQ(listed.status, 200) << listed.body;
    std::vector<json> out;
    const json orders = listed.json()["orders"];
    for (const auto& o : orders) {
      if (o["case_id"] == case_id_) out.push_back(o);
    }
    return out;
  }
  static std::string order_path(const json& order, const std::string& verb) {
    return "/api/v1/orders/" + std::to_string(order["id"].get<std::int64_t>()) + "/" + verb;
  }

  json issue(Client& client, const json& body) {
    Reply reply = client.post(orders_path(), body);
    EXPECT_EQ(reply.status, 201) << body.dump() << " -> " << reply.body;
    return reply.json();
  }

  json served(const json& body) {
    json order = issue(inspector_, body);
    Reply reply = inspector_.post(order_path(order, "serve"), json::object());
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json();
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }

  void execute(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    database.connect()->execute(sql);
  }

  std::string snapshot() {
    std::string out;
    for (const char* table : {"orders", "order_violations", "order_follow_ups", "order_attendance",
                              "case_events", "audit_log", "risk_entries"}) {
      out += std::to_string(count(std::string("SELECT COUNT(*) FROM ") + table)) + ",";
    }
    out += std::to_string(count("SELECT COUNT(*) FROM orders WHERE served_at IS NOT NULL")) + ",";
    out += std::to_string(count("SELECT COALESCE(SUM(extended + violated), 0) FROM orders")) + ",";
    out += std::to_string(count("SELECT COUNT(*) FROM orders WHERE revoked_at IS NOT NULL"));
    return out;
  }

  void expect_refused(Client& client, const std::string& path, const json& body, int status,
                      const std::string& code, const std::string& field = "") {
    std::string before = snapshot();
    Reply reply = client.post(path, body);
    std::string where = path + " " + body.dump() + " -> " + reply.body.substr(0, 300);
    EXPECT_EQ(reply.status, status) << where;
    EXPECT_EQ(reply.error_code(), code) << where;
    if (!field.empty()) {
      EXPECT_EQ(reply.json()["error"].value("field", ""), field) << where;
    }
    EXPECT_EQ(snapshot(), before) << where;
  }

  json verify(Client& client, const json& body) {
    Reply reply = client.post("/api/v1/orders/verify", body);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json();
  }

  TestServer server_;
  Client inspector_{server_.port()};
  Client operator_{server_.port()};
  Client judge_{server_.port()};
  Client auditor_{server_.port()};
  std::string aggressor_iin_;
  std::int64_t case_id_ = 0;
};

TEST_F(Orders, PoliceOrderIsIssuedWithServerComputedDatesInAlmaty) {
  json order = issue(inspector_, police_order());
  const std::string id = order["id"].dump();
  EXPECT_EQ(order["number"], "O-" + std::string(6 - id.size(), '0') + id);
  EXPECT_EQ(order["case_id"], case_id_);
  EXPECT_EQ(order["kind"], "police_protective");
  EXPECT_EQ(order["status"], "issued");
  EXPECT_EQ(order["starts_on"], almaty_day(-1));
  EXPECT_EQ(order["ends_on"], almaty_day(28));
  // The end of the last day in Almaty (UTC+5): 19:00 UTC.
  std::int64_t ends_at = order["ends_at"];
  EXPECT_EQ((ends_at / 1000 / 3600) % 24, 19);
  EXPECT_EQ(order["conditions"][1], (json{{"code", "no_approach"}, {"metres", 200}}));
  EXPECT_EQ(order["protected_contact_route"], "Call her sister, evenings only");
  EXPECT_EQ(order["extended"], false);
  EXPECT_TRUE(order["served_at"].is_null());
  // The case's timeline and the list show it.
  Reply listed = inspector_.get(orders_path());
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json()["orders"][0]["id"], order["id"]);
  Reply found = inspector_.get("/api/v1/cases/" + std::to_string(case_id_));
  EXPECT_NE(found.body.find("order_issued"), std::string::npos);
  // Free text is encrypted at rest.
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders WHERE CAST(contact_route_enc AS TEXT) LIKE "
                  "'%sister%'"),
            0);
}

TEST_F(Orders, EveryKindsBoundsAreEnforced) {
  std::string path = orders_path();
  // Police: 1..30 days; no duration means the maximum.
  EXPECT_EQ(issue(inspector_, police_order({{"duration_days", 1}}))["ends_on"], almaty_day(-1));
  json longest = police_order();
  longest.erase("duration_days");
  EXPECT_EQ(issue(inspector_, longest)["ends_on"], almaty_day(28));
  expect_refused(inspector_, path, police_order({{"duration_days", 31}}), 422,
                 "order_out_of_bounds", "duration_days");
  expect_refused(inspector_, path, police_order({{"duration_days", 0}}), 422, "order_out_of_bounds",
                 "duration_days");
  // Emergency orders are not law in Kazakhstan.
  expect_refused(inspector_, path, police_order({{"kind", "emergency"}, {"duration_days", 5}}), 422,
                 "order_kind_unavailable", "kind");
  // Special requirements: 3..12 months.
  json special =
      issue(judge_, court({{"kind", "court_special_requirements"}, {"duration_months", 3}}));
  EXPECT_EQ(special["court"]["decision_number"], "2-1234/26");
  expect_refused(judge_, path,
                 court({{"kind", "court_special_requirements"}, {"duration_months", 2}}), 422,
                 "order_out_of_bounds", "duration_months");
  expect_refused(judge_, path,
                 court({{"kind", "court_special_requirements"}, {"duration_months", 13}}), 422,
                 "order_out_of_bounds", "duration_months");
  issue(judge_, court({{"kind", "court_special_requirements"}, {"duration_months", 12}}));
  // Cohabitation ban and correction programme: 1..12 months.
  issue(judge_, court({{"kind", "court_cohabitation_ban"}, {"duration_months", 1}}));
  expect_refused(judge_, path, court({{"kind", "court_cohabitation_ban"}, {"duration_months", 13}}),
                 422, "order_out_of_bounds", "duration_months");
  json programme = court({{"kind", "court_psychological_correction"}, {"duration_months", 6}});
  programme["conditions"] = json::array();
  issue(judge_, programme);
  programme["duration_months"] = 0;
  expect_refused(judge_, path, programme, 422, "order_out_of_bounds", "duration_months");
  // The other unit is refused.
  expect_refused(inspector_, path, police_order({{"duration_months", 1}}), 400, "validation_failed",
                 "duration_months");
}

TEST_F(Orders, BadOrdersAreRefusedWithTheirField) {
  std::string path = orders_path();
  // A condition the kind does not allow, a repeated one, one without its detail.
  expect_refused(inspector_, path, police_order({{"conditions", {{{"code", "no_weapons"}}}}}), 400,
                 "validation_failed", "conditions");
  expect_refused(
      inspector_, path,
      police_order({{"conditions", {{{"code", "no_contact"}}, {{"code", "no_contact"}}}}}), 400,
      "validation_failed", "conditions");
  expect_refused(inspector_, path, police_order({{"conditions", {{{"code", "no_approach"}}}}}), 400,
                 "validation_failed", "conditions");
  expect_refused(inspector_, path, police_order({{"conditions", json::array()}}), 400,
                 "validation_failed", "conditions");
  json programme = court({{"kind", "court_psychological_correction"}, {"duration_months", 6}});
  expect_refused(judge_, path, programme, 400, "validation_failed", "conditions");
  // Start window: yesterday .. 30 days ahead.
  expect_refused(inspector_, path, police_order({{"starts_on", almaty_day(-2)}}), 400,
                 "validation_failed", "starts_on");
  expect_refused(inspector_, path, police_order({{"starts_on", almaty_day(31)}}), 400,
                 "validation_failed", "starts_on");
  expect_refused(inspector_, path, police_order({{"starts_on", "2026-02-30"}}), 400,
                 "validation_failed", "starts_on");
  // Court kinds need the court; police kinds take none.
  json no_court = court({{"kind", "court_special_requirements"}, {"duration_months", 3}});
  no_court.erase("court");
  expect_refused(judge_, path, no_court, 400, "validation_failed", "court");
  expect_refused(inspector_, path,
                 police_order({{"court", {{"name", "X"}, {"decision_number", "1"}}}}), 400,
                 "validation_failed", "court");
  expect_refused(inspector_, path, police_order({{"kind", "protective"}}), 400, "validation_failed",
                 "kind");
  json no_route = police_order();
  no_route.erase("protected_contact_route");
  expect_refused(inspector_, path, no_route, 400, "missing_field", "protected_contact_route");
  // Only the police and judges issue orders.
  EXPECT_EQ(operator_.post(path, police_order()).status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders WHERE case_id = " + std::to_string(case_id_)), 0);
}

TEST_F(Orders, LifecycleServeExtendRevoke) {
  json order = issue(inspector_, police_order({{"duration_days", 10}}));
  expect_refused(inspector_, order_path(order, "serve"), {{"served_at", now_ms() + 3'600'000}}, 400,
                 "validation_failed", "served_at");
  Reply served = inspector_.post(order_path(order, "serve"), json::object());
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.json()["status"], "active");
  EXPECT_TRUE(served.json()["in_force"].get<bool>());
  EXPECT_FALSE(served.json()["served_by_user_id"].is_null());
  // Who issued and served it, by name as well as by number.
  std::string inspector_name = inspector_.get("/api/v1/session").json()["user"]["display_name"];
  EXPECT_FALSE(inspector_name.empty());
  EXPECT_EQ(served.json()["served_by_name"], inspector_name);
  EXPECT_EQ(served.json()["issued_by_name"], inspector_name);
  expect_refused(inspector_, order_path(order, "serve"), json::object(), 409, "invalid_state");
  // Extended within the 30 days from the start, never beyond.
  expect_refused(inspector_, order_path(order, "extend"), {{"ends_on", almaty_day(29)}}, 422,
                 "order_out_of_bounds", "ends_on");
  expect_refused(inspector_, order_path(order, "extend"), {{"ends_on", almaty_day(5)}}, 422,
                 "order_out_of_bounds", "ends_on");
  Reply extended = judge_.post(order_path(order, "extend"), {{"ends_on", almaty_day(28)}});
  ASSERT_EQ(extended.status, 200) << extended.body;
  EXPECT_EQ(extended.json()["ends_on"], almaty_day(28));
  EXPECT_EQ(extended.json()["extended"], true);
  expect_refused(inspector_, order_path(order, "revoke"), {{"reason", "changed_mind"}}, 400,
                 "validation_failed", "reason");
  Reply revoked = inspector_.post(order_path(order, "revoke"), {{"reason", "court_decision"}});
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.json()["status"], "revoked");
  EXPECT_EQ(revoked.json()["revoke_reason"], "court_decision");
  expect_refused(inspector_, order_path(order, "extend"), {{"ends_on", almaty_day(27)}}, 409,
                 "invalid_state");
  expect_refused(inspector_, order_path(order, "revoke"), {{"reason", "other"}}, 409,
                 "invalid_state");
  Reply timeline = inspector_.get("/api/v1/cases/" + std::to_string(case_id_));
  for (const char* kind : {"order_issued", "order_served", "order_extended", "order_revoked"}) {
    EXPECT_NE(timeline.body.find(kind), std::string::npos) << kind;
  }
  expect_refused(inspector_, "/api/v1/orders/999/serve", json::object(), 404, "not_found");
  // Verification no longer finds a revoked order.
  EXPECT_FALSE(verify(operator_, {{"iin", aggressor_iin_}})["under_active_order"].get<bool>());
}

TEST_F(Orders, AttendanceOnlyForACorrectionProgramme) {
  json programme = court({{"kind", "court_psychological_correction"}, {"duration_months", 6}});
  programme["conditions"] = json::array();
  json order = issue(judge_, programme);
  Reply recorded = judge_.post(order_path(order, "attendance"),
                               {{"session_on", almaty_day(0)}, {"attended", true}});
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  ASSERT_EQ(recorded.json()["attendance"].size(), 1u);
  EXPECT_EQ(recorded.json()["attendance"][0]["attended"], true);
  expect_refused(judge_, order_path(order, "attendance"),
                 {{"session_on", almaty_day(0)}, {"attended", false}}, 400, "validation_failed",
                 "session_on");
  expect_refused(judge_, order_path(order, "attendance"),
                 {{"session_on", almaty_day(1)}, {"attended", true}}, 400, "validation_failed",
                 "session_on");
  json police = issue(inspector_, police_order());
  expect_refused(inspector_, order_path(police, "attendance"),
                 {{"session_on", almaty_day(0)}, {"attended", true}}, 409, "invalid_state");
}

TEST_F(Orders, VerificationByIinShowsTheOrderAndNothingElse) {
  json order = served(police_order());
  issue(inspector_, police_order());  // issued, not served: not in force yet
  json answer = verify(operator_, {{"iin", aggressor_iin_}});  // 111 in another region
  EXPECT_TRUE(answer["under_active_order"].get<bool>());
  ASSERT_EQ(answer["orders"].size(), 1u);
  const json& shown = answer["orders"][0];
  EXPECT_EQ(shown["id"], order["id"]);
  EXPECT_EQ(shown["number"], order["number"]);
  EXPECT_EQ(shown["status"], "active");
  EXPECT_EQ(shown["conditions"], order["conditions"]);
  EXPECT_EQ(shown["protected_contact_route"], "Call her sister, evenings only");
  std::set<std::string> keys;
  for (const auto& [key, value] : shown.items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "number", "kind", "status", "starts_on", "ends_on",
                                         "conditions", "protected_contact_route"}));
  std::set<std::string> top;
  for (const auto& [key, value] : answer.items()) top.insert(key);
  EXPECT_EQ(top, (std::set<std::string>{"checked_at", "under_active_order", "orders"}));
  Reply raw = operator_.post("/api/v1/orders/verify", {{"iin", aggressor_iin_}});
  for (const char* secret : {"Ерлан", "Қасымов", "Мәдина", "C-0", "case"}) {
    EXPECT_EQ(raw.body.find(secret), std::string::npos) << secret;
  }
  // Someone else: no order.
  json nobody = verify(inspector_, {{"iin", valid_iin(1990, 1, 1, core::Sex::kMale, 5000)}});
  EXPECT_FALSE(nobody["under_active_order"].get<bool>());
  EXPECT_TRUE(nobody["orders"].empty());
  // Bad input.
  expect_refused(operator_, "/api/v1/orders/verify", {{"iin", "123456789012"}}, 400, "invalid_iin",
                 "iin");
  expect_refused(operator_, "/api/v1/orders/verify", json::object(), 400, "validation_failed",
                 "iin");
  expect_refused(operator_, "/api/v1/orders/verify",
                 {{"full_name", "Ерлан Қасымов"}, {"birth_date", "1985-13-01"}}, 400,
                 "validation_failed", "birth_date");
  // Case workers do not verify.
  Client caseworker(server_.port());
  ASSERT_EQ(caseworker.login("caseworker", kDemoPassword).status, 200);
  Reply refused = caseworker.post("/api/v1/orders/verify", {{"iin", aggressor_iin_}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body.find("Call her sister"), std::string::npos);
}

TEST_F(Orders, VerificationByNameAndBirthDateAcrossCaseAndSpacing) {
  json order = served(police_order());
  json answer =
      verify(operator_, {{"full_name", "  ЕРЛАН   қасымов "}, {"birth_date", "1985-06-17"}});
  ASSERT_EQ(answer["orders"].size(), 1u);
  EXPECT_EQ(answer["orders"][0]["id"], order["id"]);
  json wrong_date =
      verify(operator_, {{"full_name", "Ерлан Қасымов"}, {"birth_date", "1985-06-18"}});
  EXPECT_FALSE(wrong_date["under_active_order"].get<bool>());
}

TEST_F(Orders, EveryVerificationIsAuditedWithoutTheIin) {
  json order = served(police_order());
  std::int64_t before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'orders.verify'");
  verify(operator_, {{"iin", aggressor_iin_}});
  verify(operator_, {{"full_name", "Ерлан Қасымов"}, {"birth_date", "1985-06-17"}});
  verify(operator_, {{"iin", valid_iin(1990, 1, 1, core::Sex::kMale, 5000)}});
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'orders.verify'"), before + 3);
  // Page through the whole log (each page read is itself audited, so stop at the last page).
  std::vector<std::string> shown;
  for (json after = 0; !after.is_null();) {
    Reply log = auditor_.get("/api/v1/audit?limit=500&after=" + after.dump());
    ASSERT_EQ(log.status, 200);
    EXPECT_EQ(log.body.find(aggressor_iin_), std::string::npos);
    EXPECT_EQ(log.body.find("Қасымов"), std::string::npos);
    json page = log.json();
    for (const auto& e : page["entries"]) {
      if (e["action"] == "orders.verify") shown.push_back(e["object_id"]);
    }
    after = page["next_after"];
  }
  EXPECT_EQ(shown,
            (std::vector<std::string>{std::to_string(order["id"].get<std::int64_t>()),
                                      std::to_string(order["id"].get<std::int64_t>()), "none"}));
}

TEST_F(Orders, ExpiredOrdersAreNotReturned) {
  json order = served(police_order());
  EXPECT_TRUE(verify(operator_, {{"iin", aggressor_iin_}})["under_active_order"].get<bool>());
  // Time passes: the order's last day ended a moment ago.
  execute("UPDATE orders SET ends_at = " + std::to_string(now_ms() - 1) +
          " WHERE id = " + std::to_string(order["id"].get<std::int64_t>()));
  EXPECT_FALSE(verify(operator_, {{"iin", aggressor_iin_}})["under_active_order"].get<bool>());
  Reply listed = inspector_.get(orders_path());
  EXPECT_EQ(listed.json()["orders"][0]["status"], "expired");
  EXPECT_EQ(listed.json()["orders"][0]["in_force"], false);
  EXPECT_EQ(of_this_case(inspector_.get("/api/v1/orders?status=expired")).size(), 1u);
  EXPECT_EQ(of_this_case(inspector_.get("/api/v1/orders?status=active")).size(), 0u);
  expect_refused(inspector_, order_path(order, "extend"), {{"ends_on", almaty_day(28)}}, 409,
                 "invalid_state");
}

TEST_F(Orders, ExpiringOrdersAreListedSoonestFirstWithinReach) {
  json later = served(police_order());
  json sooner = served(police_order({{"duration_days", 3}}));
  std::vector<json> listed =
      of_this_case(inspector_.get("/api/v1/orders?status=active&expiring_within_days=7"));
  ASSERT_EQ(listed.size(), 1u);
  json row = listed[0];
  EXPECT_EQ(row["id"], sooner["id"]);
  EXPECT_EQ(row["days_left"], 1);
  EXPECT_EQ(row["case_number"].get<std::string>().substr(0, 2), "C-");
  std::vector<json> all = of_this_case(inspector_.get("/api/v1/orders?status=in_force"));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["id"], sooner["id"]);
  EXPECT_EQ(all[1]["id"], later["id"]);
  // The 111 operator of Astana does not reach this Almaty case.
  EXPECT_EQ(operator_.get("/api/v1/orders").json()["orders"].size(), 0u);
  EXPECT_EQ(inspector_.get("/api/v1/orders?status=finished").status, 400);
  EXPECT_EQ(inspector_.get("/api/v1/orders?region=1").status, 400);
}

// Verifications are answered from memory (orders/verification_index.h) while no order has
// changed, and from the database until the copy has caught up after a change: either way,
// each change is in the very next answer. Between changes the test waits long enough for the
// copy to load, so that both sources answer in turn.
TEST_F(Orders, EveryChangeIsInTheNextVerificationWhereverItIsAnsweredFrom) {
  auto answer = [&] {
    json checked = verify(operator_, {{"iin", aggressor_iin_}});
    checked.erase("checked_at");
    return checked;
  };
  auto steady = [&](const json& expected, const std::string& after) {
    for (int i = 0; i < 8; ++i) {
      EXPECT_EQ(answer(), expected) << after << ", answer " << i;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  };
  json none = answer();
  EXPECT_FALSE(none["under_active_order"].get<bool>());
  steady(none, "before any order");

  json order = issue(inspector_, police_order({{"duration_days", 10}}));
  EXPECT_EQ(answer(), none) << "issued, not yet served";
  ASSERT_EQ(inspector_.post(order_path(order, "serve"), json::object()).status, 200);
  json active = answer();
  ASSERT_TRUE(active["under_active_order"].get<bool>()) << "served";
  EXPECT_EQ(active["orders"][0]["status"], "active");
  EXPECT_EQ(active["orders"][0]["ends_on"], almaty_day(8));
  steady(active, "served");

  ASSERT_EQ(judge_.post(order_path(order, "extend"), {{"ends_on", almaty_day(28)}}).status, 200);
  json extended = answer();
  EXPECT_EQ(extended["orders"][0]["ends_on"], almaty_day(28)) << "extended";
  steady(extended, "extended");

  ASSERT_EQ(operator_
                .post(order_path(order, "violations"), {{"occurred_at", now_ms() - 60'000},
                                                        {"place", "At her door"},
                                                        {"description", "Came to the door"}})
                .status,
            201);
  json violated = answer();
  EXPECT_EQ(violated["orders"][0]["status"], "violated") << "violated";
  steady(violated, "violated");

  ASSERT_EQ(inspector_.post(order_path(order, "revoke"), {{"reason", "court_decision"}}).status,
            200);
  EXPECT_EQ(answer(), none) << "revoked";
  steady(none, "revoked");
}

TEST_F(Orders, ViolationOpensFollowUpAndRepeatEscalates) {
  json order = served(police_order());
  std::string path = order_path(order, "violations");
  json body = {{"occurred_at", now_ms() - 60'000},
               {"place", "Outside her workplace"},
               {"description", "Waited at the entrance and shouted at her"}};
  expect_refused(operator_, path, with(body, {{"occurred_at", now_ms() + 600'000}}), 400,
                 "validation_failed", "occurred_at");
  expect_refused(operator_, path, with(body, {{"evidence_ids", {999}}}), 400, "validation_failed",
                 "evidence_ids");
  json unserved = issue(inspector_, police_order());
  expect_refused(operator_, order_path(unserved, "violations"), body, 409, "invalid_state");
  // The 111 operator who found it records it without reaching the case.
  Reply first = operator_.post(path, body);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["violation"]["place"], "Outside her workplace");
  json follow_up = first.json()["follow_up"];
  EXPECT_EQ(follow_up["kind"], "administrative_case");
  EXPECT_EQ(follow_up["repeat"], false);
  EXPECT_EQ(follow_up["arrest_requested"], false);
  EXPECT_EQ(follow_up["status"], "opened");
  EXPECT_NE(follow_up["basis"].get<std::string>().find("461"), std::string::npos);
  json now_order = inspector_.get(orders_path()).json()["orders"][0];
  EXPECT_EQ(now_order["status"], "violated");
  EXPECT_EQ(now_order["violations"].size(), 1u);
  EXPECT_EQ(now_order["follow_ups"].size(), 1u);
  json checked = verify(operator_, {{"iin", aggressor_iin_}});
  EXPECT_EQ(checked["orders"][0]["status"], "violated");
  // The case was never assessed (low): the breach raises it a step and demands a re-assessment.
  EXPECT_EQ(first.json()["risk_level"], "medium");
  json risk = inspector_.get("/api/v1/cases/" + std::to_string(case_id_) + "/risk").json();
  EXPECT_EQ(risk["current"]["level"], "medium");
  EXPECT_EQ(risk["current"]["source"], "escalation");
  EXPECT_EQ(risk["current"]["reassessment_reason"], "order_violation");
  // A second breach in the case is a repeat: arrest is requested (administrative in kz), and
  // the risk rises again.
  Reply second = inspector_.post(path, body);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()["follow_up"]["repeat"], true);
  EXPECT_EQ(second.json()["follow_up"]["arrest_requested"], true);
  EXPECT_EQ(second.json()["risk_level"], "high");
  Reply timeline = inspector_.get("/api/v1/cases/" + std::to_string(case_id_));
  EXPECT_NE(timeline.body.find("order_violated"), std::string::npos);
  EXPECT_NE(timeline.body.find("follow_up_opened"), std::string::npos);
  EXPECT_NE(timeline.body.find("risk_escalated"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_violations WHERE CAST(place_enc AS TEXT) LIKE "
                  "'%workplace%'"),
            0);
}

}  // namespace
}  // namespace qorgau::testing
