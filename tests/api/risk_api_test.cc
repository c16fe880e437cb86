// Risk over HTTP: the shipped instrument, level computation, raise-never-lower, complete
// answers, loading instruments and their versions, the history, incidents (and merged public
// reports) forcing a re-assessment, the due-reviews queue within the caller's scope, and the
// review schedule across a restart. A refused request changes nothing (rows and audit counted).
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "core/embedded.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr std::int64_t kHourMs = 3'600'000;
constexpr const char* kInstrument = "/api/v1/risk/instruments/qorgau-risk-1";

std::string shipped_toml() {
  return std::string(embedded::resource("reference/risk/qorgau-risk-1.toml"));
}

class RiskApi : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200);  // police, Almaty
    ASSERT_EQ(admin_.login("admin", kDemoPassword).status, 200);
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }
  std::string snapshot() {
    std::string out;
    for (const char* table : {"risk_entries", "risk_reassessments", "risk_instruments",
                              "case_incidents", "case_events", "audit_log"}) {
      out += std::to_string(count(std::string("SELECT COUNT(*) FROM ") + table)) + ",";
    }
    return out;
  }
  // Expects `client` to be refused with `status` and `code` (and `field`), changing nothing.
  void expect_refused(Client& client, const std::string& path, const json& body, int status,
                      const std::string& code, const std::string& field = "") {
    std::string before = snapshot();
    Reply reply = client.post(path, body);
    std::string where = path + " " + body.dump().substr(0, 200) + " -> " + reply.body;
    EXPECT_EQ(reply.status, status) << where;
    EXPECT_EQ(reply.error_code(), code) << where;
    if (!field.empty()) {
      EXPECT_EQ(reply.json()["error"]["field"], field) << where;
    }
    EXPECT_EQ(snapshot(), before) << "a refused request changed something: " << where;
  }

  std::int64_t person(const std::string& full_name) {
    Reply reply = inspector_.post("/api/v1/people", {{"full_name", full_name}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["id"];
  }
  // A case the inspector opened in Almaty on a complaint.
  std::int64_t open_case() {
    Reply reply =
        inspector_.post("/api/v1/cases", {{"survivor_person_id", person("Айгүл Сәрсенова")},
                                          {"aggressor_person_id", person("Ерлан Сәрсенов")},
                                          {"basis", "complaint"},
                                          {"incident_types", {"physical_assault"}}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["id"];
  }
  std::string risk_path(std::int64_t case_id, const std::string& rest = "") {
    return "/api/v1/cases/" + std::to_string(case_id) + rest;
  }

  // Every item of the current instrument answered "no" (or its first option), then `given`.
  json answers(const json& given = json::object()) {
    json out = json::object();
    json instrument = inspector_.get(kInstrument).json();
    for (const auto& item : instrument["items"]) {
      out[item["id"].get<std::string>()] =
          item["answer"] == "choice" ? item["options"][0]["id"] : json("no");
    }
    out.update(given);
    return out;
  }
  json assessment(const json& given, const json& extra = json::object()) {
    json body = {{"instrument", "qorgau-risk-1"}, {"answers", answers(given)}};
    body.update(extra);
    return body;
  }
  Reply assess(std::int64_t case_id, const json& given, const json& extra = json::object()) {
    return inspector_.post(risk_path(case_id, "/risk/assessments"), assessment(given, extra));
  }
  // The reviews `client` sees for `case_id` in the due-reviews queue.
  std::vector<json> reviews_of(Client& client, std::int64_t case_id,
                               const std::string& query = "") {
    Reply reply = client.get("/api/v1/risk/reviews/due" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::vector<json> out;
    json reviews = reply.json()["reviews"];
    for (const auto& r : reviews) {
      if (r["case_id"] == case_id) out.push_back(r);
    }
    return out;
  }
  Reply upload(Client& client, const std::string& toml,
               const std::string& type = "application/toml") {
    return client.request("POST", "/api/v1/risk/instruments", toml, {{"Content-Type", type}});
  }

  TestServer server_;
  Client inspector_{server_.port()};
  Client admin_{server_.port()};
};

TEST_F(RiskApi, TheShippedInstrumentIsServedInThreeLanguages) {
  Reply list = inspector_.get("/api/v1/risk/instruments");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["instruments"].size(), 1u);
  json summary = list.json()["instruments"][0];
  EXPECT_EQ(summary["code"], "qorgau-risk-1");
  EXPECT_EQ(summary["version"], 1);
  EXPECT_EQ(summary["items"], 20);
  EXPECT_FALSE(summary["name"]["kk"].get<std::string>().empty());

  json instrument = inspector_.get(kInstrument).json();
  EXPECT_EQ(instrument["levels"], (json{{"low", 0}, {"medium", 6}, {"high", 14}, {"extreme", 24}}));
  ASSERT_EQ(instrument["items"].size(), 20u);
  json first = instrument["items"][0];
  EXPECT_EQ(first["id"], "strangulation");
  EXPECT_EQ(first["answer"], "yes_no_unknown");
  EXPECT_FALSE(first.contains("options"));
  for (const char* language : {"kk", "ru", "en"}) {
    EXPECT_FALSE(first["text"][language].get<std::string>().empty()) << language;
  }
  bool has_choice = false;
  for (const auto& item : instrument["items"]) {
    if (item["answer"] == "choice") {
      has_choice = true;
      EXPECT_GE(item["options"].size(), 2u);
      EXPECT_FALSE(item["options"][0].contains("weight")) << "weights stay on the server";
    }
  }
  EXPECT_TRUE(has_choice);
  EXPECT_EQ(inspector_.get("/api/v1/risk/instruments/no-such-thing").status, 404);
}

TEST_F(RiskApi, TheLevelIsComputedFromTheAnswers) {
  std::int64_t id = open_case();
  Reply low = assess(id, json::object());
  ASSERT_EQ(low.status, 201) << low.body;
  EXPECT_EQ(low.json()["score"], 0);
  EXPECT_EQ(low.json()["computed_level"], "low");
  EXPECT_EQ(low.json()["level"], "low");
  EXPECT_EQ(low.json()["raised"], false);
  EXPECT_EQ(low.json()["instrument"], (json{{"code", "qorgau-risk-1"}, {"version", 1}}));
  EXPECT_EQ(low.json()["required_actions"], json({"safety_plan"}));
  EXPECT_FALSE(low.json().contains("raise_reason"));
  EXPECT_EQ(low.json()["next_review_due_at"].get<std::int64_t>() -
                low.json()["assessed_at"].get<std::int64_t>(),
            60 * 24 * kHourMs);

  // "unknown" scores nothing.
  json unknowns = answers();
  for (auto& answer : unknowns) answer = "unknown";
  EXPECT_EQ(assess(id, unknowns).json()["score"], 0);

  // 3 + 3 = 6: medium by score.
  Reply medium = assess(id, {{"stalking", "yes"}, {"weapon_access", "yes"}});
  EXPECT_EQ(medium.json()["score"], 6);
  EXPECT_EQ(medium.json()["level"], "medium");

  // Strangulation alone scores 6, but no score lets it be less than high.
  Reply high = assess(id, {{"strangulation", "yes"}});
  EXPECT_EQ(high.json()["score"], 6);
  EXPECT_EQ(high.json()["computed_level"], "high");
  EXPECT_EQ(high.json()["next_review_due_at"].get<std::int64_t>() -
                high.json()["assessed_at"].get<std::int64_t>(),
            7 * 24 * kHourMs);

  // 6 + 5 + 6 + 4 (needed treatment) + 4 (separated recently) = 25: extreme.
  Reply extreme = assess(id, {{"strangulation", "yes"},
                              {"threat_to_kill", "yes"},
                              {"weapon_used", "yes"},
                              {"injury", "needed_treatment"},
                              {"separation", "separated_recently"}});
  EXPECT_EQ(extreme.json()["score"], 25);
  EXPECT_EQ(extreme.json()["level"], "extreme");
  auto actions = extreme.json()["required_actions"];
  EXPECT_NE(std::find(actions.begin(), actions.end(), "multi_agency_meeting"), actions.end());

  Reply risk = inspector_.get(risk_path(id, "/risk"));
  ASSERT_EQ(risk.status, 200) << risk.body;
  EXPECT_EQ(risk.json()["current"]["level"], "extreme");
  EXPECT_EQ(risk.json()["current"]["source"], "assessment");
  EXPECT_EQ(risk.json()["current"]["overdue"], false);
  EXPECT_EQ(risk.json()["current"]["reassessment_required"], false);
  EXPECT_EQ(risk.json()["current"]["reassessment_reason"], nullptr);
  EXPECT_EQ(risk.json()["history"].size(), 5u);
}

TEST_F(RiskApi, APreviewComputesTheLevelAndStoresNothing) {
  std::int64_t id = open_case();
  json body = assessment({{"strangulation", "yes"}});
  body.erase("raise_to");
  Reply preview = inspector_.post(risk_path(id, "/risk/assessments/preview"), body);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json()["score"], 6);
  EXPECT_EQ(preview.json()["computed_level"], "high");
  EXPECT_EQ(preview.json()["instrument"], (json{{"code", "qorgau-risk-1"}, {"version", 1}}));
  auto actions = preview.json()["required_actions"];
  EXPECT_NE(std::find(actions.begin(), actions.end(), "multi_agency_meeting"), actions.end());
  EXPECT_EQ(inspector_.get(risk_path(id, "/risk")).json()["history"].size(), 0u);

  // The same checks as a real assessment: an unanswered item is named.
  json incomplete = body;
  incomplete["answers"].erase("strangulation");
  Reply refused = inspector_.post(risk_path(id, "/risk/assessments/preview"), incomplete);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.json()["error"]["field"], "answers.strangulation");

  // Then the officer stores it raised, once: one history entry.
  Reply stored = assess(id, {{"strangulation", "yes"}},
                        {{"raise_to", "extreme"}, {"raise_reason", "Threatened her at work"}});
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(stored.json()["computed_level"], preview.json()["computed_level"]);
  EXPECT_EQ(inspector_.get(risk_path(id, "/risk")).json()["history"].size(), 1u);
}

TEST_F(RiskApi, TheOfficerMayRaiseWithAReasonButNeverLower) {
  std::int64_t id = open_case();
  std::string path = risk_path(id, "/risk/assessments");
  json high = {{"strangulation", "yes"}};
  expect_refused(inspector_, path,
                 assessment(high, {{"raise_to", "medium"}, {"raise_reason", "x"}}), 422,
                 "risk_level_lowered", "raise_to");
  expect_refused(inspector_, path, assessment(high, {{"raise_to", "extreme"}}), 400,
                 "validation_failed", "raise_reason");
  expect_refused(inspector_, path,
                 assessment(high, {{"raise_to", "extreme"}, {"raise_reason", "   "}}), 400,
                 "validation_failed", "raise_reason");
  expect_refused(inspector_, path, assessment(high, {{"raise_to", "severe"}}), 400,
                 "validation_failed", "raise_to");

  Reply raised =
      assess(id, high, {{"raise_to", "extreme"}, {"raise_reason", "He is being released today."}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  EXPECT_EQ(raised.json()["computed_level"], "high");
  EXPECT_EQ(raised.json()["level"], "extreme");
  EXPECT_EQ(raised.json()["raised"], true);
  EXPECT_EQ(raised.json()["raise_reason"], "He is being released today.");
  // Reviewed on the schedule of the level chosen, not the computed one.
  EXPECT_EQ(raised.json()["next_review_due_at"].get<std::int64_t>() -
                raised.json()["assessed_at"].get<std::int64_t>(),
            72 * kHourMs);

  // The reason is in the single view only, and encrypted at rest.
  Reply risk = inspector_.get(risk_path(id, "/risk"));
  EXPECT_EQ(risk.body.find("released"), std::string::npos);
  EXPECT_EQ(risk.json()["history"][0]["raised"], true);
  EXPECT_EQ(risk.json()["history"][0]["user_name"],
            inspector_.get("/api/v1/session").json()["user"]["display_name"])
      << "who assessed, by name";
  Reply one = inspector_.get(risk_path(id, "/risk/assessments/" + raised.json()["id"].dump()));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()["raise_reason"], "He is being released today.");
  EXPECT_EQ(one.json()["answers"]["strangulation"], "yes");
  EXPECT_EQ(count("SELECT COUNT(*) FROM risk_entries WHERE CAST(raise_reason_enc AS TEXT) "
                  "LIKE '%released%'"),
            0);
}

TEST_F(RiskApi, EveryItemMustBeAnswered) {
  std::int64_t id = open_case();
  std::string path = risk_path(id, "/risk/assessments");
  json missing = assessment(json::object());
  missing["answers"].erase("pregnancy");
  expect_refused(inspector_, path, missing, 400, "validation_failed", "answers.pregnancy");
  expect_refused(inspector_, path, assessment({{"injury", "yes"}}), 400, "validation_failed",
                 "answers.injury");
  expect_refused(inspector_, path, assessment({{"stalking", "sometimes"}}), 400,
                 "validation_failed", "answers.stalking");
  expect_refused(inspector_, path, assessment({{"horoscope", "yes"}}), 400, "validation_failed",
                 "answers.horoscope");
  expect_refused(inspector_, path, assessment({{"stalking", 1}}), 400, "validation_failed",
                 "answers.stalking");
  expect_refused(inspector_, path, {{"instrument", "qorgau-risk-1"}}, 400, "missing_field",
                 "answers");
  expect_refused(inspector_, path, {{"instrument", "dash"}, {"answers", answers()}}, 400,
                 "validation_failed", "instrument");
  expect_refused(inspector_, path, {{"instrument", "qorgau-risk-1"}, {"answers", {1, 2}}}, 400,
                 "wrong_type", "answers");
  // A case the caller does not reach is not found, and nothing is written.
  Client officer(server_.port());  // police, Astana
  ASSERT_EQ(officer.login("officer", kDemoPassword).status, 200);
  expect_refused(officer, path, assessment(json::object()), 404, "not_found");
  EXPECT_EQ(officer.get(risk_path(id, "/risk")).status, 404);
}

TEST_F(RiskApi, InstrumentsAreLoadedAsNewVersionsOnly) {
  expect_refused(admin_, "/api/v1/risk/instruments", json::object(), 415, "unsupported_media_type");
  std::string before = snapshot();
  Reply bad = upload(admin_, "code = \"x-risk\"\nversion = 1\nname = { kk = \"a\", ru = \"b\" }\n");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.error_code(), "invalid_instrument");
  EXPECT_EQ(bad.json()["error"]["field"], "name.en: missing");
  Reply negative =
      upload(admin_, std::regex_replace(shipped_toml(), std::regex("weight = 6"), "weight = -6"));
  EXPECT_EQ(negative.error_code(), "invalid_instrument");
  EXPECT_NE(negative.json()["error"]["field"].get<std::string>().find("weight"), std::string::npos);
  Reply same = upload(admin_, shipped_toml());
  EXPECT_EQ(same.error_code(), "invalid_instrument");
  EXPECT_EQ(same.json()["error"]["field"].get<std::string>().rfind("version", 0), 0u);
  EXPECT_EQ(snapshot(), before);

  std::int64_t id = open_case();
  Reply first = assess(id, json::object());
  ASSERT_EQ(first.status, 201);

  // Version 2: the same questions, a lower threshold for high.
  std::string v2 = std::regex_replace(shipped_toml(), std::regex("version = 1"), "version = 2");
  v2 = std::regex_replace(v2, std::regex("high = 14"), "high = 10");
  Reply loaded = upload(admin_, v2, "text/plain; charset=utf-8");
  ASSERT_EQ(loaded.status, 201) << loaded.body;
  EXPECT_EQ(loaded.json(), (json{{"code", "qorgau-risk-1"}, {"version", 2}}));
  EXPECT_EQ(upload(admin_, v2).error_code(), "invalid_instrument") << "version 2 exists";

  EXPECT_EQ(inspector_.get(kInstrument).json()["version"], 2);
  EXPECT_EQ(inspector_.get(kInstrument).json()["levels"]["high"], 10);
  Reply second = assess(id, {{"stalking", "yes"},
                             {"weapon_access", "yes"},
                             {"pregnancy", "yes"},
                             {"substance_abuse", "yes"}});  // 3 + 3 + 3 + 2 = 11
  EXPECT_EQ(second.json()["instrument"]["version"], 2);
  EXPECT_EQ(second.json()["level"], "high");
  // The first assessment keeps the version it was made with.
  Reply old = inspector_.get(risk_path(id, "/risk/assessments/" + first.json()["id"].dump()));
  EXPECT_EQ(old.json()["instrument"]["version"], 1);
  // Loading is audited.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'risk_instrument.create'"), 1);
  // An inspector may not load instruments.
  EXPECT_EQ(upload(inspector_, v2).status, 403);
}

TEST_F(RiskApi, AnIncidentForcesAReassessment) {
  std::int64_t id = open_case();
  ASSERT_EQ(assess(id, json::object()).status, 201);  // low: due in 60 days
  EXPECT_TRUE(reviews_of(inspector_, id).empty());

  std::string path = risk_path(id, "/incidents");
  expect_refused(inspector_, path, {{"occurred_on", "2999-01-01"}, {"types", {"physical_assault"}}},
                 400, "validation_failed", "occurred_on");
  expect_refused(inspector_, path, {{"occurred_on", "2026-11-01"}, {"types", {"shouting"}}}, 400,
                 "validation_failed", "types");
  expect_refused(inspector_, path, {{"occurred_on", "2026-11-01"}}, 400, "missing_field", "types");

  Reply recorded = inspector_.post(
      path, {{"occurred_on", "2026-11-01"}, {"types", {"physical_assault", "stalking"}}});
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.json(), (json{{"case_id", id},
                                   {"occurred_on", "2026-11-01"},
                                   {"types", {"physical_assault", "stalking"}}}));
  json current = inspector_.get(risk_path(id, "/risk")).json()["current"];
  EXPECT_EQ(current["reassessment_required"], true);
  EXPECT_EQ(current["reassessment_reason"], "new_incident");
  EXPECT_EQ(current["overdue"], true);
  auto reviews = reviews_of(inspector_, id, "?within_hours=0");
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0]["reason"], "new_incident");
  EXPECT_EQ(reviews[0]["overdue"], true);
  EXPECT_EQ(reviews[0]["level"], "low");
  json timeline = inspector_.get(risk_path(id)).json()["timeline"];
  std::vector<std::string> kinds;
  for (const auto& e : timeline) kinds.push_back(e["kind"]);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "incident_recorded"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "risk_assessed"), kinds.end());

  // The next assessment answers the demand.
  ASSERT_EQ(assess(id, json::object()).status, 201);
  EXPECT_EQ(inspector_.get(risk_path(id, "/risk")).json()["current"]["reassessment_required"],
            false);
  EXPECT_TRUE(reviews_of(inspector_, id).empty());
}

TEST_F(RiskApi, MergingAPublicReportForcesAReassessment) {
  std::int64_t id = open_case();
  ASSERT_EQ(assess(id, json::object()).status, 201);
  Client public_client(server_.port());
  Reply submitted =
      public_client.post("/api/v1/intake/reports",
                         {{"reporter", {{"type", "witness"}}},
                          {"incident", {{"types", {"physical_assault"}}, {"region", "750000000"}}},
                          {"victim", {{"full_name", "Айгүл Сәрсенова"}}},
                          {"aggressor", {{"full_name", "Ерлан Сәрсенов"}}},
                          {"immediate_danger", false},
                          {"consent", {"contact_me"}}});
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  std::int64_t report = count("SELECT max(id) FROM intake_reports");
  Reply merged = inspector_.post("/api/v1/intake/reports/" + std::to_string(report) + "/merge",
                                 {{"case_id", id}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  json current = inspector_.get(risk_path(id, "/risk")).json()["current"];
  EXPECT_EQ(current["reassessment_reason"], "new_incident");
  EXPECT_EQ(current["overdue"], true);
}

TEST_F(RiskApi, TheQueueShowsOnlyCasesTheCallerReaches) {
  std::int64_t id = open_case();  // owned by the Almaty police (agency 3), never assessed
  auto mine = reviews_of(inspector_, id);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["reason"], "never_assessed");
  EXPECT_EQ(mine[0]["level"], nullptr);
  EXPECT_EQ(mine[0]["overdue"], true);
  EXPECT_EQ(mine[0]["region_kato"], "750000000");
  EXPECT_EQ(mine[0]["owner_agency_id"], 3);
  EXPECT_FALSE(mine[0]["case_number"].get<std::string>().empty());
  EXPECT_EQ(reviews_of(inspector_, id, "?agency_id=3").size(), 1u);
  EXPECT_TRUE(reviews_of(inspector_, id, "?agency_id=4").empty());
  EXPECT_EQ(reviews_of(inspector_, id, "?region=750000000").size(), 1u);
  EXPECT_TRUE(reviews_of(inspector_, id, "?region=710000000").empty());

  Client officer(server_.port());  // police of another region (Astana)
  ASSERT_EQ(officer.login("officer", kDemoPassword).status, 200);
  EXPECT_TRUE(reviews_of(officer, id).empty());
  Client caseworker(server_.port());  // another agency (a crisis centre), agency scope
  ASSERT_EQ(caseworker.login("caseworker", kDemoPassword).status, 200);
  EXPECT_TRUE(reviews_of(caseworker, id).empty());

  EXPECT_EQ(inspector_.get("/api/v1/risk/reviews/due?within_hours=-1").status, 400);
  EXPECT_EQ(inspector_.get("/api/v1/risk/reviews/due?region=1").status, 400);
  // Reading the queue is audited.
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'risk.reviews_due'"), 1);
}

TEST_F(RiskApi, ReadsAndWritesOfACasesRiskAreAudited) {
  std::int64_t id = open_case();
  std::int64_t aid = assess(id, json::object()).json()["id"];
  inspector_.get(risk_path(id, "/risk"));
  inspector_.get(risk_path(id, "/risk/assessments/" + std::to_string(aid)));
  inspector_.post(risk_path(id, "/incidents"),
                  {{"occurred_on", "2026-11-01"}, {"types", {"stalking"}}});
  for (const char* action : {"risk.assess", "risk.read", "risk.assessment_read", "case.incident"}) {
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM audit_log WHERE object_type = 'case' AND "
                                "object_id = '") +
                    std::to_string(id) + "' AND action = '" + action + "'"),
              1)
        << action;
  }
}

TEST_F(RiskApi, TheReviewScheduleSurvivesARestart) {
  std::int64_t scheduled = open_case();
  Reply high = assess(scheduled, {{"strangulation", "yes"}});
  ASSERT_EQ(high.status, 201);
  std::int64_t due_at = high.json()["next_review_due_at"];
  std::int64_t forced = open_case();
  ASSERT_EQ(assess(forced, json::object()).status, 201);
  ASSERT_EQ(inspector_
                .post(risk_path(forced, "/incidents"),
                      {{"occurred_on", "2026-11-01"}, {"types", {"stalking"}}})
                .status,
            201);

  ASSERT_EQ(server_.stop(), 0);
  server_.start();
  Client again(server_.port());
  ASSERT_EQ(again.login("inspector", kDemoPassword).status, 200);
  json current = again.get(risk_path(scheduled, "/risk")).json()["current"];
  EXPECT_EQ(current["level"], "high");
  EXPECT_EQ(current["next_review_due_at"], due_at);
  EXPECT_EQ(current["overdue"], false);
  auto week = reviews_of(again, scheduled, "?within_hours=168");
  ASSERT_EQ(week.size(), 1u);
  EXPECT_EQ(week[0]["due_at"], due_at);
  EXPECT_EQ(week[0]["reason"], "scheduled");
  EXPECT_TRUE(reviews_of(again, scheduled, "?within_hours=24").empty());
  // The forced re-assessment is still due, and overdue since before the restart.
  auto forced_reviews = reviews_of(again, forced, "?within_hours=0");
  ASSERT_EQ(forced_reviews.size(), 1u);
  EXPECT_EQ(forced_reviews[0]["reason"], "new_incident");
  EXPECT_EQ(forced_reviews[0]["overdue"], true);
}

}  // namespace
}  // namespace qorgau::testing
