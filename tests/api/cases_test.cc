// Cases over HTTP. Triage: a public report is accepted into a new case (its
// survivor and aggressor become people; people who may already be known come
// back as possible duplicates, never merged) or merged into an existing case,
// and the reporter's receipt then says "accepted". Every bad input gets a
// clear error and changes nothing (rows and audit entries counted).
#include <gtest/gtest.h>

#include <chrono>

#include "core/iin.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr const char* kAstana = "710000000";
constexpr const char* kAlmaty = "750000000";

std::string valid_iin(int year, unsigned month, unsigned day, core::Sex sex) {
  for (int serial = 2000;; ++serial) {
    if (auto iin = core::make_iin(
            std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}},
            sex, serial)) {
      return *iin;
    }
  }
}

json report(const std::string& region, const std::string& reporter, json victim, json aggressor) {
  return {{"reporter", {{"type", reporter}}},
          {"incident", {{"types", {"physical_assault"}}, {"region", region}}},
          {"victim", std::move(victim)},
          {"aggressor", std::move(aggressor)},
          {"immediate_danger", false},
          {"consent", {"contact_me"}}};
}

class Cases : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(operator_.login("operator", kDemoPassword).status, 200);    // 111, Astana
    ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200);  // police, Almaty
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }

  std::string snapshot() {
    std::string out;
    for (const char* sql : {"SELECT COUNT(*) FROM cases", "SELECT COUNT(*) FROM people",
                            "SELECT COUNT(*) FROM person_name_keys",
                            "SELECT COUNT(*) FROM case_events", "SELECT COUNT(*) FROM audit_log",
                            "SELECT COUNT(*) FROM intake_reports WHERE status = 'accepted'"}) {
      out += std::to_string(count(sql)) + ",";
    }
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
      EXPECT_NE(reply.json()["error"]["message"].get<std::string>().find(field), std::string::npos)
          << where;
    }
    EXPECT_EQ(snapshot(), before) << "a refused request changed something: " << where;
  }

  // Submits a public report; returns {id, code, secret}.
  std::tuple<std::int64_t, std::string, std::string> submit(const json& body) {
    Reply reply = public_.post("/api/v1/intake/reports", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    std::string code = reply.json()["receipt_code"];
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    std::int64_t id =
        database.connect()
            ->query_one("SELECT id FROM intake_reports WHERE receipt_code = $1", {code})
            ->integer(0);
    return {id, code, reply.json()["receipt_secret"]};
  }

  std::string path(std::int64_t report_id, const std::string& verb) {
    return "/api/v1/intake/reports/" + std::to_string(report_id) + "/" + verb;
  }

  TestServer server_;
  Client public_{server_.port()};
  Client operator_{server_.port()};
  Client inspector_{server_.port()};
};

TEST_F(Cases, OperatorAcceptsAWitnessReportIntoACaseWithoutAComplaint) {
  std::string iin = valid_iin(1991, 3, 14, core::Sex::kFemale);
  auto [id, code, secret] =
      submit(report(kAstana, "witness", {{"full_name", "Айгүл Сәрсенова"}, {"iin", iin}},
                    {{"full_name", "Ерлан Сәрсенов"}, {"relationship", "spouse"}}));
  std::int64_t audit_before = count("SELECT COUNT(*) FROM audit_log");

  Reply accepted = operator_.post(path(id, "accept"), {{"ground", "witnesses"}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  json c = accepted.json();
  EXPECT_EQ(c["status"], "opened");
  EXPECT_EQ(c["basis"], "without_complaint");
  EXPECT_EQ(c["ground"], "witnesses");
  EXPECT_EQ(c["report_id"], id);
  EXPECT_EQ(c["region_kato"], kAstana);
  EXPECT_EQ(c["incident_types"], json::array({"physical_assault"}));
  EXPECT_EQ(c["survivor"]["full_name"], "Айгүл Сәрсенова");
  EXPECT_EQ(c["survivor"]["iin"], iin);
  EXPECT_EQ(c["aggressor"]["full_name"], "Ерлан Сәрсенов");
  EXPECT_TRUE(c["possible_duplicates"]["survivor"].empty());
  std::string number = c["case_number"];
  EXPECT_EQ(number.rfind("C-", 0), 0u);
  // Two people, the acceptance and the case are audited in the same transaction.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audit_before + 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'opened'"), 1);

  Reply receipt = public_.post("/api/v1/intake/receipt", {{"code", code}, {"secret", secret}});
  ASSERT_EQ(receipt.status, 200);
  EXPECT_EQ(receipt.json()["status"], "accepted");
  EXPECT_EQ(receipt.body.find(number), std::string::npos) << "the receipt names no case";

  Reply staff = operator_.get("/api/v1/intake/reports/" + std::to_string(id));
  EXPECT_EQ(staff.json()["case_id"], c["id"]);

  expect_refused(operator_, path(id, "accept"), {{"ground", "witnesses"}}, 409, "invalid_state");
}

TEST_F(Cases, TheSurvivorsOwnReportIsHerComplaint) {
  auto [id, code, secret] = submit(report(kAstana, "survivor", {{"full_name", "Динара Омарова"}},
                                          {{"full_name", "Бауыржан Омаров"}}));
  expect_refused(operator_, path(id, "accept"), {{"ground", "witnesses"}}, 400, "validation_failed",
                 "ground");
  Reply accepted = operator_.post(path(id, "accept"), json::object());
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(accepted.json()["basis"], "complaint");
  EXPECT_EQ(accepted.json()["ground"], nullptr);
}

TEST_F(Cases, KnownPeopleComeBackAsPossibleDuplicatesAndAreReusedOnlyWhenChosen) {
  auto [first, c1, s1] = submit(report(kAstana, "witness", {{"full_name", "Айгүл Сәрсенова"}},
                                       {{"full_name", "Ерлан Сәрсенов"}}));
  Reply one = operator_.post(path(first, "accept"), {{"ground", "witnesses"}});
  ASSERT_EQ(one.status, 201) << one.body;
  std::int64_t survivor = one.json()["survivor"]["id"];

  auto [second, c2, s2] = submit(report(kAstana, "witness", {{"full_name", "Aigul Sarsenova"}},
                                        {{"full_name", "Yerlan Sarsenov"}}));
  Reply two = operator_.post(path(second, "accept"), {{"ground", "video"}});
  ASSERT_EQ(two.status, 201) << two.body;
  json duplicates = two.json()["possible_duplicates"];
  ASSERT_EQ(duplicates["survivor"].size(), 1u) << two.body;
  EXPECT_EQ(duplicates["survivor"][0]["person"]["id"], survivor);
  EXPECT_EQ(duplicates["survivor"][0]["matched_by"], json::array({"name"}));
  EXPECT_EQ(duplicates["aggressor"].size(), 1u);
  EXPECT_NE(two.json()["survivor"]["id"], survivor) << "never merged silently";

  auto [third, c3, s3] = submit(report(kAstana, "witness", {{"full_name", "Aigul Sarsenova"}},
                                       {{"full_name", "Марат Қасымов"}}));
  std::int64_t people_before = count("SELECT COUNT(*) FROM people");
  Reply three = operator_.post(path(third, "accept"),
                               {{"ground", "witnesses"}, {"survivor_person_id", survivor}});
  ASSERT_EQ(three.status, 201) << three.body;
  EXPECT_EQ(three.json()["survivor"]["id"], survivor);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), people_before + 1);  // the new aggressor only
}

TEST_F(Cases, BadAcceptsAreRefusedAndChangeNothing) {
  auto [id, code, secret] = submit(report(kAstana, "witness", {{"full_name", "Айгүл Сәрсенова"}},
                                          {{"full_name", "Ерлан Сәрсенов"}}));
  expect_refused(operator_, path(id, "accept"), json::object(), 400, "missing_field", "ground");
  expect_refused(operator_, path(id, "accept"), {{"ground", "rumour"}}, 400, "validation_failed",
                 "ground");
  expect_refused(operator_, path(id, "accept"), {{"ground", "witnesses"}, {"colour", "red"}}, 400,
                 "unknown_field", "colour");
  expect_refused(operator_, path(id, "accept"),
                 {{"ground", "witnesses"}, {"survivor_person_id", 999999}}, 400,
                 "validation_failed", "survivor_person_id");
  expect_refused(operator_, path(id, "accept"),
                 {{"ground", "witnesses"}, {"survivor_person_id", "x"}}, 400, "wrong_type",
                 "survivor_person_id");
  expect_refused(operator_, path(999999, "accept"), {{"ground", "witnesses"}}, 404, "not_found");
  // A police inspector in Almaty does not reach a report from Astana.
  expect_refused(inspector_, path(id, "accept"), {{"ground", "witnesses"}}, 404, "not_found");

  auto [nameless, c2, s2] =
      submit(report(kAstana, "witness", {{"sex", "female"}}, {{"full_name", "Ерлан Сәрсенов"}}));
  expect_refused(operator_, path(nameless, "accept"), {{"ground", "witnesses"}}, 400,
                 "missing_field", "survivor_person_id");
}

TEST_F(Cases, AReportIsMergedIntoAnExistingCase) {
  auto [first, c1, s1] = submit(report(kAlmaty, "witness", {{"full_name", "Айгүл Сәрсенова"}},
                                       {{"full_name", "Ерлан Сәрсенов"}}));
  Reply opened = inspector_.post(path(first, "accept"), {{"ground", "witnesses"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  std::int64_t case_id = opened.json()["id"];

  auto [second, code, secret] = submit(report(kAlmaty, "witness", {{"full_name", "Aigul"}}, {}));
  expect_refused(inspector_, path(second, "merge"), json::object(), 400, "missing_field",
                 "case_id");
  expect_refused(inspector_, path(second, "merge"), {{"case_id", 999999}}, 400, "validation_failed",
                 "case_id");
  // The operator in Astana reaches neither the report nor the case.
  expect_refused(operator_, path(second, "merge"), {{"case_id", case_id}}, 404, "not_found");

  std::int64_t events = count("SELECT COUNT(*) FROM case_events");
  Reply merged = inspector_.post(path(second, "merge"), {{"case_id", case_id}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.json()["case_id"], case_id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events"), events + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'report_merged'"), 1);
  Reply receipt = public_.post("/api/v1/intake/receipt", {{"code", code}, {"secret", secret}});
  EXPECT_EQ(receipt.json()["status"], "accepted");
  expect_refused(inspector_, path(second, "merge"), {{"case_id", case_id}}, 409, "invalid_state");
}

}  // namespace
}  // namespace qorgau::testing
