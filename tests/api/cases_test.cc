// Cases over HTTP. Triage: a public report is accepted into a new case (its
// survivor and aggressor become people; people who may already be known come
// back as possible duplicates, never merged) or merged into an existing case,
// and the reporter's receipt then says "accepted". Every bad input gets a
// clear error and changes nothing (rows and audit entries counted).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>

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
    for (const char* sql :
         {"SELECT COUNT(*) FROM cases", "SELECT COUNT(*) FROM people",
          "SELECT COUNT(*) FROM person_name_keys", "SELECT COUNT(*) FROM case_events",
          "SELECT COUNT(*) FROM audit_log",
          "SELECT COUNT(*) FROM intake_reports WHERE status = 'accepted'",
          "SELECT COUNT(*) FROM case_notes", "SELECT COUNT(*) FROM case_tasks",
          "SELECT COUNT(*) FROM case_services", "SELECT COUNT(*) FROM case_referrals",
          "SELECT COUNT(*) FROM cases WHERE status = 'opened'",
          "SELECT COUNT(*) FROM case_referrals WHERE status = 'pending'"}) {
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

  std::int64_t person(Client& client, const std::string& full_name) {
    Reply reply = client.post("/api/v1/people", {{"full_name", full_name}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["id"];
  }

  // A case opened by the inspector on a complaint; returns its id.
  std::int64_t open_case(const std::string& survivor, const std::string& aggressor,
                         json extra = json::object()) {
    json body = {{"survivor_person_id", person(inspector_, survivor)},
                 {"aggressor_person_id", person(inspector_, aggressor)},
                 {"basis", "complaint"},
                 {"incident_types", {"physical_assault"}}};
    body.update(extra);
    Reply reply = inspector_.post("/api/v1/cases", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["id"];
  }

  std::string case_path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/cases/" + std::to_string(id) + rest;
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
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE kind = 'opened' AND case_id = " +
                  c["id"].dump()),
            1);

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

TEST_F(Cases, TheCaseViewListsItsOwnEvidenceAndThatOfTheReportsMergedIntoIt) {
  auto [first, c1, s1] = submit(report(kAlmaty, "witness", {{"full_name", "Айгүл Сәрсенова"}},
                                       {{"full_name", "Ерлан Сәрсенов"}}));
  auto [second, c2, s2] = submit(report(kAlmaty, "witness", {{"full_name", "Aigul"}}, {}));
  auto [other, c3, s3] = submit(report(kAlmaty, "witness", {{"full_name", "Dana"}}, {}));
  auto upload = [&](const std::string& type, std::int64_t id, const std::string& content) {
    Reply r = inspector_.request(
        "POST",
        "/api/v1/evidence?attached_to_type=" + type + "&attached_to_id=" + std::to_string(id),
        content, {{"Content-Type", "application/octet-stream"}});
    EXPECT_EQ(r.status, 201) << r.body;
    json receipt = r.json();
    return receipt["evidence"]["id"].get<std::int64_t>();
  };
  std::int64_t on_second = upload("report", second, "%PDF-1.4 merged report");
  upload("report", other, "%PDF-1.4 a report of another case");

  Reply opened = inspector_.post(path(first, "accept"), {{"ground", "witnesses"}});
  ASSERT_EQ(opened.status, 201) << opened.body;
  std::int64_t case_id = opened.json()["id"];
  std::int64_t on_case = upload("case", case_id, "%PDF-1.4 the case's own");
  ASSERT_EQ(inspector_.post(path(second, "merge"), {{"case_id", case_id}}).status, 200);

  Reply view = inspector_.get("/api/v1/cases/" + std::to_string(case_id));
  ASSERT_EQ(view.status, 200) << view.body;
  json page = view.json();
  std::vector<std::int64_t> ids;
  for (const auto& e : page["evidence"]) ids.push_back(e["id"]);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{on_second, on_case}));
  EXPECT_EQ(page["evidence"][0]["attached_to"]["type"], "report");
  EXPECT_EQ(page["evidence"][0]["sha256"].get<std::string>().size(), 64U);
}

TEST_F(Cases, TheStoryFromAPublicReportToACrisisCentreThatSeesOnlyWhatSheAgreedToShare) {
  // A neighbour reports; the 111 operator accepts it into a case without a complaint.
  json body = report(kAstana, "witness", {{"full_name", "Айгүл Сәрсенова"}},
                     {{"full_name", "Ерлан Сәрсенов"}});
  body["incident"]["description"] = "Screams every night behind the wall";
  body["contact"] = {{"ways", {"sms"}}, {"times", {"evening"}}, {"phone", "+7 700 123 45 67"}};
  auto [report_id, code, secret] = submit(body);
  Reply accepted = operator_.post(path(report_id, "accept"), {{"ground", "witnesses"}});
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  std::int64_t id = accepted.json()["id"];
  // The operator hands it to the Almaty police (agency 3).
  Reply assigned = operator_.post(case_path(id, "/assign"), {{"agency_id", 3}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.json()["assigned_agency_id"], 3);

  // The inspector adds a note and refers her to the crisis centre (agency 4), sharing
  // only her name and contact, as she agreed.
  Reply note =
      inspector_.post(case_path(id, "/notes"), {{"text", "Visited; the neighbour confirms"}});
  ASSERT_EQ(note.status, 201) << note.body;
  Reply referral =
      inspector_.post(case_path(id, "/referrals"),
                      {{"to_agency_id", 4}, {"share", {"survivor_name", "survivor_contact"}}});
  ASSERT_EQ(referral.status, 201) << referral.body;
  std::int64_t referral_id = referral.json()["id"];
  EXPECT_EQ(referral.json()["status"], "pending");

  // The case worker at the crisis centre sees the referral, not yet the case.
  Client worker(server_.port());
  ASSERT_EQ(worker.login("caseworker", kDemoPassword).status, 200);
  Reply incoming = worker.get("/api/v1/case-referrals");
  ASSERT_EQ(incoming.status, 200);
  ASSERT_EQ(incoming.json()["referrals"].size(), 1u);
  EXPECT_EQ(incoming.json()["referrals"][0]["id"], referral_id);
  EXPECT_EQ(worker.get(case_path(id)).status, 404);
  Reply taken = worker.post("/api/v1/case-referrals/" + std::to_string(referral_id) + "/accept",
                            json::object());
  ASSERT_EQ(taken.status, 200) << taken.body;
  EXPECT_EQ(taken.json()["status"], "accepted");

  std::int64_t reads = count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.read'");
  Reply seen = worker.get(case_path(id));
  ASSERT_EQ(seen.status, 200) << seen.body;
  json view = seen.json();
  EXPECT_EQ(view["access"], "referral");
  EXPECT_EQ(view["shared"]["survivor_name"], "Айгүл Сәрсенова");
  EXPECT_EQ(view["shared"]["survivor_contact"]["phone"], "+7 700 123 45 67");
  EXPECT_EQ(view["shared"].size(), 2u);
  for (const char* hidden :
       {"Ерлан", "Visited", "Screams", "survivor_person_id", "timeline", "notes", "aggressor"}) {
    EXPECT_EQ(seen.body.find(hidden), std::string::npos) << hidden;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.read'"), reads + 1);
  // Seeing is not changing: the centre cannot write to the case.
  EXPECT_EQ(worker.post(case_path(id, "/notes"), {{"text", "x"}}).status, 404);

  // The inspector sees everything, in one screen.
  Reply full = inspector_.get(case_path(id));
  ASSERT_EQ(full.status, 200);
  json all = full.json();
  EXPECT_EQ(all["access"], "full");
  EXPECT_EQ(all["aggressor"]["full_name"], "Ерлан Сәрсенов");
  EXPECT_EQ(all["notes"][0]["text"], "Visited; the neighbour confirms");
  std::string inspector_name = inspector_.get("/api/v1/session").json()["user"]["display_name"];
  EXPECT_FALSE(inspector_name.empty());
  EXPECT_EQ(all["notes"][0]["author_name"], inspector_name) << "who wrote it, by name";
  EXPECT_TRUE(all["assigned_user_name"].is_null()) << "assigned to the agency, no one in it";
  EXPECT_EQ(all["referrals"][0]["status"], "accepted");
  std::vector<std::string> kinds;
  for (const auto& e : all["timeline"]) kinds.push_back(e["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"opened", "assigned", "note_added", "referral_sent",
                                             "referral_accepted"}));
  // Each event names who acted: the operator opened and assigned it, the inspector wrote and
  // referred, the case worker accepted.
  std::vector<std::string> actors;
  for (const auto& e : all["timeline"]) actors.push_back(e["user_name"]);
  EXPECT_EQ(actors,
            (std::vector<std::string>{"Жанар Операторова (demo)", "Жанар Операторова (demo)",
                                      "Гүлнар Инспекторова (demo)", "Гүлнар Инспекторова (demo)",
                                      "Мадина Кейсова (demo)"}));
  for (const auto& e : all["timeline"]) EXPECT_TRUE(e["user_id"].is_number_integer()) << e;

  // The reporter's receipt shows "accepted".
  Reply receipt = public_.post("/api/v1/intake/receipt", {{"code", code}, {"secret", secret}});
  EXPECT_EQ(receipt.json()["status"], "accepted");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case_referral.accept'"), 1);
}

TEST_F(Cases, TheLifecycleFollowsTheLawAndBadInputChangesNothing) {
  std::int64_t id = open_case("Динара Омарова", "Бауыржан Омаров");
  std::int64_t survivor = count("SELECT MAX(id) FROM people") - 1;
  json good = {{"survivor_person_id", survivor},
               {"aggressor_person_id", survivor + 1},
               {"basis", "complaint"},
               {"incident_types", {"physical_assault"}}};
  auto without = [&](const std::string& key) {
    json b = good;
    b.erase(key);
    return b;
  };
  auto with = [&](const std::string& key, json value) {
    json b = good;
    b[key] = std::move(value);
    return b;
  };
  expect_refused(inspector_, "/api/v1/cases", without("basis"), 400, "missing_field", "basis");
  expect_refused(inspector_, "/api/v1/cases", without("survivor_person_id"), 400, "missing_field",
                 "survivor_person_id");
  expect_refused(inspector_, "/api/v1/cases", without("incident_types"), 400, "missing_field",
                 "incident_types");
  expect_refused(inspector_, "/api/v1/cases", with("basis", "rumour"), 400, "validation_failed",
                 "basis");
  expect_refused(inspector_, "/api/v1/cases", with("incident_types", {"shouting"}), 400,
                 "validation_failed", "incident_types");
  expect_refused(inspector_, "/api/v1/cases", with("offence", "theft"), 400, "validation_failed",
                 "offence");
  expect_refused(inspector_, "/api/v1/cases", with("basis", "without_complaint"), 400,
                 "missing_field", "ground");
  expect_refused(inspector_, "/api/v1/cases", with("region_kato", "123"), 400, "unknown_region");
  expect_refused(inspector_, "/api/v1/cases", with("aggressor_person_id", survivor), 400,
                 "validation_failed", "aggressor_person_id");
  expect_refused(inspector_, "/api/v1/cases/search", {{"iin", "123456789012"}}, 400, "invalid_iin");
  expect_refused(inspector_, "/api/v1/cases/search", json::object(), 400, "missing_field", "iin");

  expect_refused(inspector_, case_path(id, "/transition"), {{"to", "decided"}}, 409,
                 "invalid_state");
  expect_refused(inspector_, case_path(id, "/transition"), {{"to", "archived"}}, 400,
                 "validation_failed", "to");
  expect_refused(inspector_, case_path(id, "/transition"), {{"to", "closed"}}, 400, "missing_field",
                 "reason");
  expect_refused(inspector_, case_path(id, "/notes"), {{"text", " "}}, 400, "missing_field",
                 "text");
  expect_refused(inspector_, case_path(id, "/tasks"),
                 {{"title", "Call"}, {"due_date", "2026-02-30"}}, 400, "validation_failed",
                 "due_date");
  expect_refused(inspector_, case_path(id, "/services"),
                 {{"kind", "massage"}, {"date", "2026-01-01"}, {"provider_agency_id", 4}}, 400,
                 "validation_failed", "kind");
  expect_refused(inspector_, case_path(id, "/referrals"), {{"to_agency_id", 4}}, 400,
                 "missing_field", "share");
  expect_refused(inspector_, case_path(id, "/referrals"),
                 {{"to_agency_id", 4}, {"share", {"everything"}}}, 400, "validation_failed",
                 "share");
  expect_refused(inspector_, case_path(id, "/referrals"),
                 {{"to_agency_id", 999}, {"share", {"survivor_name"}}}, 400, "unknown_agency");
  expect_refused(operator_, case_path(id, "/notes"), {{"text", "not my region"}}, 404, "not_found");

  // A repeat battery: the law bars closing it by reconciliation.
  Reply offence =
      inspector_.post(case_path(id, "/offence"), {{"offence", "battery"}, {"repeat", true}});
  ASSERT_EQ(offence.status, 200) << offence.body;
  expect_refused(inspector_, case_path(id, "/transition"),
                 {{"to", "closed"}, {"reason", "reconciliation"}}, 409, "reconciliation_barred");
  Reply barred = inspector_.post(case_path(id, "/transition"),
                                 {{"to", "closed"}, {"reason", "reconciliation"}});
  EXPECT_NE(barred.json()["error"]["message"].get<std::string>().find("reconciliation"),
            std::string::npos);

  for (const char* to : {"under_investigation", "sent_to_court", "decided"}) {
    Reply moved = inspector_.post(case_path(id, "/transition"), {{"to", to}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json()["status"], to);
  }
  Reply task = inspector_.post(case_path(id, "/tasks"),
                               {{"title", "Court date"}, {"due_date", "2026-12-01"}});
  ASSERT_EQ(task.status, 201) << task.body;
  std::string done =
      case_path(id, "/tasks/" + std::to_string(task.json()["id"].get<int>()) + "/done");
  EXPECT_EQ(inspector_.post(done, json::object()).status, 200);
  expect_refused(inspector_, done, json::object(), 409, "invalid_state");
  Reply service =
      inspector_.post(case_path(id, "/services"),
                      {{"kind", "legal"}, {"date", "2026-01-10"}, {"provider_agency_id", 5}});
  ASSERT_EQ(service.status, 201) << service.body;
  Reply closed = inspector_.post(case_path(id, "/transition"),
                                 {{"to", "closed"}, {"reason", "decision_executed"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["close_reason"], "decision_executed");
  expect_refused(inspector_, case_path(id, "/transition"), {{"to", "opened"}}, 409,
                 "invalid_state");
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.transition' AND object_id = '" +
            std::to_string(id) + "'"),
      4);
}

TEST_F(Cases, ListsFilterSortPageAndSearchWithinScope) {
  // Demo data has Almaty cases of its own (the inspector's, opened first): the lists below are
  // read without them.
  std::set<std::int64_t> demo;
  const json before = inspector_.get("/api/v1/cases?per_page=100").json();
  for (const auto& c : before["cases"]) demo.insert(c["id"].get<std::int64_t>());
  std::int64_t first = open_case("Айгүл Сәрсенова", "Ерлан Сәрсенов");
  std::int64_t second =
      open_case("Динара Омарова", "Бауыржан Омаров", {{"incident_types", {"rape"}}});
  std::int64_t third = open_case("Сәуле Ахметова", "Марат Ахметов");
  ASSERT_EQ(
      inspector_.post(case_path(third, "/transition"), {{"to", "under_investigation"}}).status,
      200);

  auto ids = [&demo](const Reply& reply) {
    std::vector<std::int64_t> out;
    json body = reply.json();
    for (const auto& c : body["cases"]) {
      if (!demo.contains(c["id"].get<std::int64_t>())) out.push_back(c["id"]);
    }
    return out;
  };
  Reply all = inspector_.get("/api/v1/cases?sort=opened_at");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(ids(all), (std::vector<std::int64_t>{first, second, third}));
  const std::size_t total = demo.size() + 3;
  EXPECT_EQ(all.json()["total"], total);
  EXPECT_EQ(ids(inspector_.get("/api/v1/cases")),
            (std::vector<std::int64_t>{third, second, first}));
  EXPECT_EQ(ids(inspector_.get("/api/v1/cases?type=rape")), std::vector<std::int64_t>{second});
  EXPECT_EQ(ids(inspector_.get("/api/v1/cases?status=under_investigation")),
            std::vector<std::int64_t>{third});
  // Pages of two, in order, are together the whole list.
  std::vector<std::int64_t> paged;
  for (std::size_t p = 1; p <= (total + 1) / 2; ++p) {
    Reply page =
        inspector_.get("/api/v1/cases?sort=opened_at&per_page=2&page=" + std::to_string(p));
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json()["total"], total);
    EXPECT_EQ(page.json()["cases"].size(), p * 2 <= total ? 2u : 1u);
    for (std::int64_t id : ids(page)) paged.push_back(id);
  }
  EXPECT_EQ(paged, (std::vector<std::int64_t>{first, second, third}));
  EXPECT_EQ(ids(inspector_.get(std::string("/api/v1/cases?region=") + kAlmaty)).size(), 3u);
  EXPECT_TRUE(ids(inspector_.get(std::string("/api/v1/cases?region=") + kAstana)).empty());
  EXPECT_TRUE(ids(inspector_.get("/api/v1/cases?assigned=me")).empty());
  EXPECT_TRUE(ids(inspector_.get("/api/v1/cases?from=2999-01-01")).empty());
  EXPECT_EQ(ids(inspector_.get("/api/v1/cases?from=2020-01-01&to=2999-12-31")).size(), 3u);
  Reply number = inspector_.get(case_path(second));
  std::string case_number = number.json()["case_number"];
  EXPECT_EQ(ids(inspector_.get("/api/v1/cases?q=" + case_number)),
            std::vector<std::int64_t>{second});
  // The operator in Astana reaches none of them.
  EXPECT_TRUE(ids(operator_.get("/api/v1/cases")).empty());
  for (const char* bad : {"status=lost", "type=shouting", "sort=name", "per_page=1000",
                          "from=yesterday", "assigned=someone", "region=1", "q=%27%3B"}) {
    Reply reply = inspector_.get(std::string("/api/v1/cases?") + bad);
    EXPECT_EQ(reply.status, 400) << bad << " " << reply.body;
  }
  // Search by a Latin spelling finds the Cyrillic survivor's case, in the body, not the URL.
  Reply found = inspector_.post("/api/v1/cases/search", {{"full_name", "Aigul Sarsenova"}});
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(ids(found), std::vector<std::int64_t>{first});
  EXPECT_TRUE(
      ids(operator_.post("/api/v1/cases/search", {{"full_name", "Aigul Sarsenova"}})).empty());
}

TEST_F(Cases, ExportsTheFilteredListAsSafeCsv) {
  std::int64_t first = open_case("Айгүл Сәрсенова", "Ерлан Сәрсенов");
  open_case("Динара Омарова", "Бауыржан Омаров", {{"incident_types", {"rape", "stalking"}}});
  Reply number = inspector_.get(case_path(first));
  std::string case_number = number.json()["case_number"];

  std::int64_t exports = count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.export'");
  Reply csv = inspector_.get("/api/v1/cases/export.csv?sort=opened_at");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_NE(csv.headers["content-disposition"].find("cases.csv"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("case_number,status,basis,ground,incident_types,", 0), 0u);
  EXPECT_NE(csv.body.find("\r\n" + case_number + ",opened,complaint,,physical_assault,750000000,"),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("\"rape,stalking\""), std::string::npos) << csv.body;
  EXPECT_EQ(csv.body.find("Сәрсенова"), std::string::npos) << "codes only, no names";
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.export'"), exports + 1);

  Reply filtered = inspector_.get("/api/v1/cases/export.csv?type=rape");
  ASSERT_EQ(filtered.status, 200);
  EXPECT_EQ(filtered.body.find(case_number), std::string::npos);
  EXPECT_EQ(std::count(filtered.body.begin(), filtered.body.end(), '\n'), 2);
  EXPECT_EQ(inspector_.get("/api/v1/cases/export.csv?status=lost").status, 400);
  Reply elsewhere = operator_.get("/api/v1/cases/export.csv");
  ASSERT_EQ(elsewhere.status, 200);
  EXPECT_EQ(std::count(elsewhere.body.begin(), elsewhere.body.end(), '\n'), 1);  // header only
}

}  // namespace
}  // namespace qorgau::testing
