// The crisis-centre network over HTTP: a case worker finds a bed for a woman
// with two children, holds it and sends an opaque referral; the centre
// accepts and admits her; occupancy follows everywhere. Then bad input:
// every refusal is a clear error and changes nothing.
#include <gtest/gtest.h>

#include <chrono>

#include "core/iin.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr int kMeiirim = 1;  // demo: Almaty, 12 beds for women, 7 taken
constexpr int kBereke = 2;   // demo: Astana, full

std::string valid_iin(int year, unsigned month, unsigned day, core::Sex sex) {
  using namespace std::chrono;
  for (int serial = 1000;; ++serial) {
    if (auto iin = core::make_iin(year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                                 std::chrono::day{day}},
                                  sex, serial)) {
      return *iin;
    }
  }
}

class Shelters : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(caseworker_.login("caseworker", kDemoPassword).status, 200);
    ASSERT_EQ(shelter_.login("shelter", kDemoPassword).status, 200);
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }

  json centre(Client& client, int id) {
    Reply reply = client.get("/api/v1/shelters/" + std::to_string(id));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json();
  }

  // The state a refused request must leave untouched.
  std::string snapshot() {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    auto c = database.connect();
    std::string out;
    for (const char* sql :
         {"SELECT COUNT(*) FROM shelter_holds", "SELECT COUNT(*) FROM shelter_referrals",
          "SELECT COUNT(*) FROM shelter_admissions", "SELECT COUNT(*) FROM people",
          "SELECT COUNT(*) FROM shelter_occupancy_log", "SELECT COUNT(*) FROM shelter_turnaways",
          "SELECT SUM(occupied_women + occupied_children) FROM shelters",
          "SELECT COUNT(*) FROM shelter_referrals WHERE status = 'sent'"}) {
      out += std::to_string(c->query_one(sql)->integer(0)) + ",";
    }
    return out;
  }

  void expect_refused(Client& client, const std::string& method, const std::string& path,
                      const json& body, int status, const std::string& code) {
    std::string before = snapshot();
    Reply reply = client.request(method, path, body.dump());
    EXPECT_EQ(reply.status, status) << path << " " << body.dump() << " -> " << reply.body;
    EXPECT_EQ(reply.error_code(), code) << path << " " << body.dump();
    auto parsed = json::parse(reply.body, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded());
    EXPECT_FALSE(parsed["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(snapshot(), before) << "a refused request changed something: " << path;
  }

  TestServer server_;
  Client caseworker_{server_.port()};
  Client shelter_{server_.port(), "kk"};
};

TEST_F(Shelters, BedSearchHoldReferralAdmissionAndOccupancyEverywhere) {
  // The case worker looks for a bed in Almaty for a woman with two children.
  Reply search = caseworker_.get("/api/v1/shelters?region=750000000&women=1&children=2");
  ASSERT_EQ(search.status, 200) << search.body;
  auto found = search.json()["shelters"];
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["id"], kMeiirim);
  EXPECT_TRUE(found[0]["fits"].get<bool>());
  EXPECT_EQ(found[0]["available"]["women"], 5);
  EXPECT_FALSE(found[0].contains("address")) << "referrers never see a shelter's address";

  Reply hold = caseworker_.post("/api/v1/shelters/1/holds", {{"women", 1}, {"children", 2}});
  ASSERT_EQ(hold.status, 201) << hold.body;
  std::int64_t hold_id = hold.json()["hold"]["id"];
  EXPECT_EQ(hold.json()["hold"]["status"], "active");
  auto minutes = (hold.json()["hold"]["expires_at"].get<std::int64_t>() -
                  hold.json()["hold"]["created_at"].get<std::int64_t>()) /
                 60000;
  EXPECT_EQ(minutes, 90);
  EXPECT_EQ(centre(caseworker_, kMeiirim)["available"]["women"], 4);

  Reply sent =
      caseworker_.post("/api/v1/shelter-referrals", {{"hold_id", hold_id},
                                                     {"urgency", "now"},
                                                     {"needs", {"language_kk", "infant"}},
                                                     {"callback_phone", "+7 700 555 01 02"}});
  ASSERT_EQ(sent.status, 201) << sent.body;
  std::int64_t referral_id = sent.json()["referral"]["id"];

  // The centre sees the household, its needs and the call-back number: nothing else.
  Reply incoming = shelter_.get("/api/v1/shelter-referrals");
  ASSERT_EQ(incoming.status, 200);
  auto referral = incoming.json()["referrals"][0];
  EXPECT_EQ(referral["id"], referral_id);
  EXPECT_EQ(referral["direction"], "incoming");
  EXPECT_EQ(referral["children"], 2);
  EXPECT_EQ(referral["callback_phone"], "+7 700 555 01 02");
  for (const char* field : {"full_name", "name", "iin", "address", "birth_date"}) {
    EXPECT_FALSE(referral.contains(field)) << field;
  }
  ASSERT_EQ(shelter_
                .post("/api/v1/shelter-referrals/" + std::to_string(referral_id) + "/accept",
                      json::object())
                .status,
            200);

  std::string iin = valid_iin(1993, 5, 17, core::Sex::kFemale);
  Reply admitted =
      shelter_.post("/api/v1/shelters/1/admissions",
                    {{"referral_id", referral_id},
                     {"full_name", "Динара Сапарқызы Төлеуова"},
                     {"iin", iin},
                     {"children",
                      {{{"full_name", "Әлихан Төлеуов"}, {"birth_date", "2019-02-03"}},
                       {{"full_name", "Аружан Төлеуова"}, {"birth_date", "2022-08-30"}}}}});
  ASSERT_EQ(admitted.status, 201) << admitted.body;
  auto admission = admitted.json()["admission"];
  EXPECT_EQ(admission["woman"]["iin"], iin);
  EXPECT_EQ(admission["children"].size(), 2u);
  EXPECT_EQ(admission["max_stay_alert"], "ok");
  // Six calendar months (the kz maximum stay) from admission: 181–184 days.
  auto stay_days = (admission["max_stay_ends_at"].get<std::int64_t>() -
                    admission["admitted_at"].get<std::int64_t>()) /
                   86'400'000;
  EXPECT_GE(stay_days, 181);
  EXPECT_LE(stay_days, 184);

  // Occupancy moved once (the hold became the admission), for everyone.
  json after = centre(caseworker_, kMeiirim);
  EXPECT_EQ(after["occupied"]["women"], 8);
  EXPECT_EQ(after["occupied"]["children"], 11);
  EXPECT_EQ(after["held"]["women"], 0);
  EXPECT_EQ(after["available"]["women"], 4);
  Client ministry(server_.port());
  ASSERT_EQ(ministry.login("ministry", kDemoPassword).status, 200);
  EXPECT_EQ(centre(ministry, kMeiirim)["occupied"]["women"], 8);

  // The referral is over: its details are purged, its counts stay.
  auto outgoing = caseworker_.get("/api/v1/shelter-referrals").json()["referrals"][0];
  EXPECT_EQ(outgoing["status"], "admitted");
  EXPECT_TRUE(outgoing["callback_phone"].is_null());
  EXPECT_TRUE(outgoing["needs"].empty());
  EXPECT_EQ(outgoing["children"], 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM shelter_referrals WHERE callback_phone_enc IS NOT NULL"),
            0);

  // Services, then discharge frees the places.
  std::string path = "/api/v1/shelter-admissions/" + std::to_string(admission["id"].get<int>());
  ASSERT_EQ(shelter_.post(path + "/services", {{"kind", "psychological"}}).status, 200);
  Reply discharged = shelter_.post(path + "/discharge", {{"destination", "relatives"}});
  ASSERT_EQ(discharged.status, 200) << discharged.body;
  EXPECT_EQ(discharged.json()["admission"]["services"][0]["kind"], "psychological");
  EXPECT_EQ(centre(caseworker_, kMeiirim)["occupied"]["women"], 7);

  // The ministry's report counts the admission and the stay; nobody is named.
  Reply report = ministry.get("/api/v1/shelter-reports?from=2026-01-01&to=2026-12-31");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.body.find("Төлеуова"), std::string::npos);
  bool counted = false;
  json centres = report.json()["centres"];
  for (const auto& c : centres) {
    if (c["shelter_id"] == kMeiirim) counted = c["admissions"].get<int>() >= 1;
  }
  EXPECT_TRUE(counted);

  // Every read of the residents' identities is audited.
  ASSERT_EQ(shelter_.get("/api/v1/shelters/1/admissions?status=all").status, 200);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.read'"), 3);
}

TEST_F(Shelters, HoldsAndReferralsRefuseBadInputAndChangeNothing) {
  expect_refused(caseworker_, "POST", "/api/v1/shelters/1/holds", {{"women", 1}, {"children", -1}},
                 400, "validation_failed");
  expect_refused(caseworker_, "POST", "/api/v1/shelters/1/holds", {{"women", 0}}, 400,
                 "validation_failed");
  expect_refused(caseworker_, "POST", "/api/v1/shelters/1/holds", {{"children", 1}}, 400,
                 "missing_field");
  expect_refused(caseworker_, "POST", "/api/v1/shelters/99/holds", {{"women", 1}}, 404,
                 "not_found");
  expect_refused(caseworker_, "POST", "/api/v1/shelters/2/holds", {{"women", 1}}, 409,
                 "no_vacancy");
  expect_refused(caseworker_, "POST", "/api/v1/shelters/1/holds", {{"women", 1}, {"children", 9}},
                 409, "no_vacancy");

  Reply hold = caseworker_.post("/api/v1/shelters/1/holds", {{"women", 1}});
  ASSERT_EQ(hold.status, 201);
  std::int64_t hold_id = hold.json()["hold"]["id"];
  json good = {{"hold_id", hold_id}, {"urgency", "today"}, {"callback_phone", "+7 700 555 01 02"}};
  json bad = good;
  bad["urgency"] = "yesterday";
  expect_refused(caseworker_, "POST", "/api/v1/shelter-referrals", bad, 400, "validation_failed");
  bad = good;
  bad["callback_phone"] = "call me";
  expect_refused(caseworker_, "POST", "/api/v1/shelter-referrals", bad, 400, "validation_failed");
  bad = good;
  bad["needs"] = {"her_name"};
  expect_refused(caseworker_, "POST", "/api/v1/shelter-referrals", bad, 400, "validation_failed");
  bad = good;
  bad["full_name"] = "Айгүл";
  expect_refused(caseworker_, "POST", "/api/v1/shelter-referrals", bad, 400, "unknown_field");
  bad = good;
  bad["hold_id"] = 999;
  expect_refused(caseworker_, "POST", "/api/v1/shelter-referrals", bad, 404, "not_found");
  // Another agency's hold is not yours to refer.
  Client inspector(server_.port());
  ASSERT_EQ(inspector.login("inspector", kDemoPassword).status, 200);
  expect_refused(inspector, "POST", "/api/v1/shelter-referrals", good, 404, "not_found");

  Reply sent = caseworker_.post("/api/v1/shelter-referrals", good);
  ASSERT_EQ(sent.status, 201) << sent.body;
  expect_refused(caseworker_, "POST", "/api/v1/shelter-referrals", good, 409, "invalid_state");
  std::string referral =
      "/api/v1/shelter-referrals/" + std::to_string(sent.json()["referral"]["id"].get<int>());
  expect_refused(shelter_, "POST", referral + "/decline", {{"reason", "busy"}}, 400,
                 "validation_failed");
  // Declining for lack of space releases the hold and counts a turn-away.
  Reply declined = shelter_.post(referral + "/decline", {{"reason", "no_space"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json()["referral"]["status"], "declined");
  EXPECT_EQ(count("SELECT COUNT(*) FROM shelter_turnaways"), 1);
  EXPECT_EQ(centre(caseworker_, kMeiirim)["held"]["women"], 0);
  expect_refused(shelter_, "POST", referral + "/accept", json::object(), 409, "invalid_state");
}

TEST_F(Shelters, AdmissionsAndOccupancyRefuseBadInputAndChangeNothing) {
  const std::string admit = "/api/v1/shelters/1/admissions";
  expect_refused(shelter_, "POST", admit, {{"full_name", "Жанна Ким"}}, 400, "missing_field");
  expect_refused(shelter_, "POST", admit, {{"full_name", "Жанна Ким"}, {"iin", "880101300120"}},
                 400, "invalid_iin");
  expect_refused(
      shelter_, "POST", admit,
      {{"full_name", "Жанна Ким"}, {"birth_date", "1990-01-01"}, {"children", {{{"age", 3}}}}}, 400,
      "unknown_field");
  expect_refused(shelter_, "POST", admit,
                 {{"full_name", "Жанна Ким"}, {"birth_date", "1990-01-01"}, {"referral_id", 77}},
                 404, "not_found");
  // The other city's centre is not this user's: it does not exist for her.
  expect_refused(shelter_, "POST", "/api/v1/shelters/2/admissions",
                 {{"full_name", "Жанна Ким"}, {"birth_date", "1990-01-01"}}, 404, "not_found");
  expect_refused(shelter_, "GET", "/api/v1/shelters/2/admissions", nullptr, 404, "not_found");

  const std::string occupancy = "/api/v1/shelters/1/occupancy";
  expect_refused(shelter_, "POST", occupancy, {{"women", -8}}, 400, "validation_failed");
  expect_refused(shelter_, "POST", occupancy, {{"women", 6}}, 409, "over_capacity_reason_required");
  Reply one_tap = shelter_.post(occupancy, {{"women", 1}});
  ASSERT_EQ(one_tap.status, 200) << one_tap.body;
  EXPECT_EQ(one_tap.json()["occupied"]["women"], 8);
  EXPECT_EQ(one_tap.json()["address"], "Demo street 31, Almaty") << "own staff see the address";

  // Full house: a walk-in admission needs a reason, and the reason reaches the ministry.
  ASSERT_EQ(shelter_.post(occupancy, {{"women", 4}}).status, 200);
  expect_refused(shelter_, "POST", admit,
                 {{"full_name", "Жанна Ким"}, {"birth_date", "1990-01-01"}}, 409,
                 "over_capacity_reason_required");
  Reply over = shelter_.post(admit, {{"full_name", "Жанна Ким"},
                                     {"birth_date", "1990-01-01"},
                                     {"over_capacity_reason", "Night arrival with police escort"}});
  ASSERT_EQ(over.status, 201) << over.body;
  Client ministry(server_.port());
  ASSERT_EQ(ministry.login("ministry", kDemoPassword).status, 200);
  Reply report = ministry.get("/api/v1/shelter-reports?from=2026-01-01&to=2026-12-31");
  ASSERT_EQ(report.status, 200);
  EXPECT_NE(report.body.find("Night arrival with police escort"), std::string::npos);
  EXPECT_EQ(ministry.get("/api/v1/shelter-reports?from=2026-12-31&to=2026-01-01").error_code(),
            "validation_failed");
  EXPECT_EQ(ministry.get("/api/v1/shelter-reports?from=2026-02-30&to=2026-03-01").error_code(),
            "validation_failed");
}

TEST_F(Shelters, PublicDirectoryNeverShowsAShelterAddress) {
  Client anonymous(server_.port());
  Reply reply = anonymous.get("/api/v1/help/services?needs=shelter");
  ASSERT_EQ(reply.status, 200);
  json services = reply.json()["services"];
  ASSERT_GE(services.size(), 2u);
  for (const auto& s : services) {
    EXPECT_EQ(s["kind"], "crisis_centre");
    EXPECT_TRUE(s["address"].is_null());
  }
  EXPECT_EQ(reply.body.find("Demo street"), std::string::npos);
  EXPECT_EQ(anonymous.get("/api/v1/help/services?region=1").error_code(), "validation_failed");
  EXPECT_EQ(anonymous.get("/api/v1/help/services?needs=shelter,pets").error_code(),
            "validation_failed");
  EXPECT_EQ(anonymous.get("/api/v1/help/rights?lang=de").error_code(), "validation_failed");
  Reply rights = anonymous.get("/api/v1/help/rights?lang=kk");
  ASSERT_EQ(rights.status, 200);
  EXPECT_GE(rights.json()["topics"].size(), 1u);

  // The database refuses a public address on a crisis centre even if code tried.
  Client ministry(server_.port());
  ASSERT_EQ(ministry.login("ministry", kDemoPassword).status, 200);
  json centre = {{"kind", "crisis_centre"},
                 {"name", {{"kk", "A"}, {"ru", "A"}, {"en", "A"}}},
                 {"region_kato", "750000000"},
                 {"locality", {{"kk", "A"}, {"ru", "A"}, {"en", "A"}}},
                 {"phone", "+7 700 000 00 99"},
                 {"hours_24_7", true},
                 {"hours", {{"kk", "A"}, {"ru", "A"}, {"en", "A"}}},
                 {"languages", {"kk"}},
                 {"description", {{"kk", "A"}, {"ru", "A"}, {"en", "A"}}},
                 {"address", {{"kk", "Street 1"}, {"ru", "Street 1"}, {"en", "Street 1"}}}};
  expect_refused(ministry, "POST", "/api/v1/help/services", centre, 400, "validation_failed");
}

}  // namespace
}  // namespace qorgau::testing
