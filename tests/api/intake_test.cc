// Public intake over HTTP: a reporter without an account submits a report,
// keeps the receipt, sees the status and adds information; the 111 contact
// centre and the police triage the queue of their region and close a report.
// Every bad input gets a clear error and changes nothing; the public routes
// are rate-limited per address.
#include <gtest/gtest.h>

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <boost/asio.hpp>

#include <chrono>
#include <set>

#include "core/iin.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr const char* kAlmaty = "750000000";
constexpr const char* kAstana = "710000000";

std::string valid_iin(int year, unsigned month, unsigned day, core::Sex sex) {
  using namespace std::chrono;
  for (int serial = 2000;; ++serial) {
    if (auto iin = core::make_iin(year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                                 std::chrono::day{day}},
                                  sex, serial)) {
      return *iin;
    }
  }
}

json report(const std::string& region, const std::string& type, bool danger,
            const std::string& description) {
  return {{"reporter", {{"type", "witness"}}},
          {"incident",
           {{"types", {type}},
            {"region", region},
            {"place_type", "home"},
            {"description", description}}},
          {"victim", {{"sex", "female"}, {"iin", valid_iin(1991, 3, 14, core::Sex::kFemale)}}},
          {"aggressor", {{"relationship", "spouse"}}},
          {"children_present", false},
          {"immediate_danger", danger},
          {"contact", {{"ways", {"sms"}}, {"times", {"evening"}}, {"phone", "+7 700 000 00 00"}}},
          {"consent", {"contact_me"}}};
}

TestServer::Options generous_limits() {
  TestServer::Options options;
  options.env = {{"QORGAU_INTAKE_REPORTS_PER_HOUR", "1000"},
                 {"QORGAU_INTAKE_RECEIPT_LOOKUPS_PER_HOUR", "1000"}};
  return options;
}

class Intake : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(operator_.login("operator", kDemoPassword).status, 200);    // 111, Astana
    ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200);  // police, Almaty
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }

  std::int64_t id_of(const std::string& code) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    auto row = database.connect()->query_one(
        "SELECT id FROM intake_reports WHERE receipt_code = $1", {code});
    return row ? row->integer(0) : 0;
  }

  // The state a refused request must leave untouched.
  std::string snapshot() {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    auto c = database.connect();
    std::string out;
    for (const char* sql :
         {"SELECT COUNT(*) FROM intake_reports", "SELECT COUNT(*) FROM intake_report_updates",
          "SELECT COUNT(*) FROM audit_log",
          "SELECT COUNT(*) FROM intake_reports WHERE status = 'received'",
          "SELECT COUNT(*) FROM intake_reports WHERE close_reason IS NOT NULL"}) {
      out += std::to_string(c->query_one(sql)->integer(0)) + ",";
    }
    return out;
  }

  // Sends a bad request; it must answer `status` `code` with a message naming
  // `field` (when given) and change nothing.
  void expect_refused(Client& client, const std::string& method, const std::string& path,
                      const std::string& body, int status, const std::string& code,
                      const std::string& field = "",
                      std::map<std::string, std::string> headers = {}) {
    std::string before = snapshot();
    Reply reply = client.request(method, path, body, std::move(headers));
    std::string where = path + " " + body.substr(0, 200) + " -> " + reply.body.substr(0, 300);
    EXPECT_EQ(reply.status, status) << where;
    EXPECT_EQ(reply.error_code(), code) << where;
    auto parsed = json::parse(reply.body, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << where;
    std::string message = parsed["error"]["message"].get<std::string>();
    EXPECT_FALSE(message.empty());
    if (!field.empty()) {
      EXPECT_NE(message.find(field), std::string::npos) << where;
    }
    EXPECT_EQ(snapshot(), before) << "a refused request changed something: " << where;
  }

  json submit(const json& body) {
    Reply reply = public_.post("/api/v1/intake/reports", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json();
  }

  TestServer server_{generous_limits()};
  Client public_{server_.port()};
  Client operator_{server_.port()};
  Client inspector_{server_.port()};
};

TEST_F(Intake, TheReporterSeesTheStatusAndAddsInformation) {
  json answer = submit(report(kAlmaty, "physical_assault", false, "He hit her on Friday."));
  EXPECT_EQ(answer["status"], "received");
  EXPECT_EQ(answer["urgency"], "high");
  EXPECT_FALSE(answer.contains("emergency_numbers")) << "only with immediate danger";
  std::string code = answer["receipt_code"];
  std::string secret = answer["receipt_secret"];
  EXPECT_EQ(code.size(), 15u);
  EXPECT_EQ(code.substr(0, 4), "QRG-");

  Reply seen = public_.post("/api/v1/intake/receipt", {{"code", code}, {"secret", secret}});
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json()["status"], "received");
  EXPECT_FALSE(seen.json()["submitted_at"].get<std::string>().empty());
  EXPECT_FALSE(seen.json()["status_text"].get<std::string>().empty());
  EXPECT_TRUE(seen.json()["updates"].empty());
  EXPECT_EQ(seen.body.find("He hit her"), std::string::npos) << "the receipt shows no narrative";

  Reply added = public_.post("/api/v1/intake/receipt/add",
                             {{"code", code}, {"secret", secret}, {"text", "He came back."}});
  ASSERT_EQ(added.status, 201) << added.body;
  ASSERT_EQ(added.json()["updates"].size(), 1u);
  EXPECT_EQ(added.json()["updates"][0]["text"], "He came back.");

  // Typed by hand: lower case, spaces instead of dashes, no prefix.
  std::string typed_code = code.substr(4);
  for (char& c : typed_code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string typed_secret = secret;
  for (char& c : typed_secret) c = c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  seen = public_.post("/api/v1/intake/receipt", {{"code", typed_code}, {"secret", typed_secret}});
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json()["updates"][0]["text"], "He came back.");

  // The staff see the report decrypted, with the addition, and the read is audited.
  std::int64_t id = id_of(code);
  Reply staff = inspector_.get("/api/v1/intake/reports/" + std::to_string(id));
  ASSERT_EQ(staff.status, 200) << staff.body;
  EXPECT_EQ(staff.json()["incident"]["description"], "He hit her on Friday.");
  EXPECT_EQ(staff.json()["victim"]["iin"], valid_iin(1991, 3, 14, core::Sex::kFemale));
  EXPECT_EQ(staff.json()["contact"]["phone"], "+7 700 000 00 00");
  EXPECT_EQ(staff.json()["updates"][0]["text"], "He came back.");
  EXPECT_TRUE(staff.json()["case_id"].is_null());
  EXPECT_EQ(staff.json()["receipt_code"], code);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'intake_report.read' AND "
                  "object_id = '" +
                  std::to_string(id) + "'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'intake_report.%' AND "
                  "source_ip NOT IN ('public', 'cli') AND actor_user_id IS NULL"),
            0)
      << "public submissions are audited without the reporter's address";
}

TEST_F(Intake, ImmediateDangerShowsTheEmergencyNumbersAtOnce) {
  json answer = submit(report(kAlmaty, "online_harassment", true, "He is at the door now."));
  EXPECT_EQ(answer["urgency"], "critical");
  ASSERT_TRUE(answer.contains("emergency_numbers"));
  Reply reference = public_.get("/api/v1/reference/emergency-numbers");
  EXPECT_EQ(answer["emergency_numbers"], reference.json()["numbers"]);
  EXPECT_FALSE(answer["emergency_numbers"].empty());
}

TEST_F(Intake, BadReportsAreRefusedClearlyAndChangeNothing) {
  const std::string path = "/api/v1/intake/reports";
  json body = report(kAlmaty, "rape", false, "x");
  body.erase("reporter");
  expect_refused(public_, "POST", path, body.dump(), 400, "missing_field", "reporter");
  body = report(kAlmaty, "rape", false, "x");
  body["incident"].erase("region");
  expect_refused(public_, "POST", path, body.dump(), 400, "missing_field", "incident.region");
  body = report(kAlmaty, "theft", false, "x");
  expect_refused(public_, "POST", path, body.dump(), 400, "validation_failed", "incident.types");
  body = report("999999999", "rape", false, "x");
  expect_refused(public_, "POST", path, body.dump(), 400, "validation_failed", "incident.region");
  body = report(kAlmaty, "rape", false, "x");
  body["aggressor"]["relationship"] = "boss";
  expect_refused(public_, "POST", path, body.dump(), 400, "validation_failed",
                 "aggressor.relationship");
  body = report(kAlmaty, "rape", false, "x");
  body["consent"] = {"tell_everyone"};
  expect_refused(public_, "POST", path, body.dump(), 400, "validation_failed", "consent");
  body = report(kAlmaty, "rape", false, "x");
  std::string iin = valid_iin(1991, 3, 14, core::Sex::kFemale);
  iin[11] = static_cast<char>('0' + (iin[11] - '0' + 1) % 10);
  body["victim"]["iin"] = iin;
  expect_refused(public_, "POST", path, body.dump(), 400, "invalid_iin", "victim.iin");
  body = report(kAlmaty, "rape", false, "x");
  body["aggressor"]["iin"] = "123";
  expect_refused(public_, "POST", path, body.dump(), 400, "invalid_iin", "aggressor.iin");
  body = report(kAlmaty, "rape", false, "x");
  body["incident"]["date"] = "2099-01-01";
  expect_refused(public_, "POST", path, body.dump(), 400, "validation_failed", "incident.date");
  body = report(kAlmaty, "rape", false, "x");
  body["incident"]["date"] = "2026-02-30";
  expect_refused(public_, "POST", path, body.dump(), 400, "validation_failed", "incident.date");
  body = report(kAlmaty, "rape", false, "x");
  body["contact"].erase("phone");
  expect_refused(public_, "POST", path, body.dump(), 400, "missing_field", "contact.phone");
  body = report(kAlmaty, "rape", false, "x");
  body["immediate_danger"] = "yes";
  expect_refused(public_, "POST", path, body.dump(), 400, "wrong_type", "immediate_danger");
  body = report(kAlmaty, "rape", false, "x");
  body["victim"]["blood_type"] = "A";
  expect_refused(public_, "POST", path, body.dump(), 400, "unknown_field", "victim.blood_type");
  expect_refused(public_, "POST", path, "{\"reporter\": ", 400, "invalid_json");
  expect_refused(public_, "POST", path, report(kAlmaty, "rape", false, "x").dump(), 415,
                 "unsupported_media_type", "", {{"Content-Type", "text/plain"}});
  // Over 64 KB: a well-formed report with a long narrative.
  std::string big = report(kAlmaty, "rape", false, std::string(70 * 1024, 'a')).dump();
  expect_refused(public_, "POST", path, big, 413, "body_too_large");
  // Just under the field limit and the body limit: accepted.
  EXPECT_EQ(public_.post(path, report(kAlmaty, "rape", false, std::string(20000, 'a'))).status,
            201);
}

TEST_F(Intake, AWrongCodeOrSecretFindsNothingAndAddsNothing) {
  json a = submit(report(kAlmaty, "stalking", false, "a"));
  json b = submit(report(kAlmaty, "stalking", false, "b"));
  std::string code = a["receipt_code"];
  std::string secret = a["receipt_secret"];
  std::string other_secret = b["receipt_secret"];
  std::string wrong_code = code;
  wrong_code.back() = wrong_code.back() == 'Z' ? 'Y' : 'Z';
  for (const std::string path : {"/api/v1/intake/receipt", "/api/v1/intake/receipt/add"}) {
    auto with = [&](const std::string& c, const std::string& s) {
      json body = {{"code", c}, {"secret", s}};
      if (path.ends_with("/add")) body["text"] = "intruder";
      return body.dump();
    };
    expect_refused(public_, "POST", path, with(code, other_secret), 404, "receipt_not_found");
    expect_refused(public_, "POST", path, with(wrong_code, secret), 404, "receipt_not_found");
    expect_refused(public_, "POST", path, with("nonsense", secret), 404, "receipt_not_found");
    expect_refused(public_, "POST", path, with(code, "short"), 404, "receipt_not_found");
    json no_secret = {{"code", code}};
    if (path.ends_with("/add")) no_secret["text"] = "intruder";
    expect_refused(public_, "POST", path, no_secret.dump(), 400, "missing_field", "secret");
  }
  Reply wrong = public_.post("/api/v1/intake/receipt", {{"code", code}, {"secret", other_secret}});
  Reply unknown =
      public_.post("/api/v1/intake/receipt", {{"code", wrong_code}, {"secret", secret}});
  EXPECT_EQ(wrong.body, unknown.body) << "a wrong code and a wrong secret look the same";
  expect_refused(public_, "POST", "/api/v1/intake/receipt/add",
                 json{{"code", code}, {"secret", secret}, {"text", ""}}.dump(), 400,
                 "missing_field", "text");
  expect_refused(public_, "POST", "/api/v1/intake/receipt/add",
                 json{{"code", code}, {"secret", secret}, {"text", std::string(5001, 'a')}}.dump(),
                 400, "validation_failed", "text");
}

TEST_F(Intake, TheQueueFiltersByRegionAndUrgencyWithinTheCallersScope) {
  json almaty = submit(report(kAlmaty, "online_harassment", true, "Almaty danger"));
  json astana = submit(report(kAstana, "stalking", false, "Astana stalking"));
  std::int64_t almaty_id = id_of(almaty["receipt_code"]);
  std::int64_t astana_id = id_of(astana["receipt_code"]);
  auto ids = [](const Reply& reply) {
    std::set<std::int64_t> out;
    json body = reply.json();  // kept alive: the loop below refers into it
    for (const auto& r : body["reports"]) out.insert(r["id"].get<std::int64_t>());
    return out;
  };
  Reply queue = operator_.get("/api/v1/intake/triage");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_TRUE(ids(queue).count(astana_id));
  EXPECT_FALSE(ids(queue).count(almaty_id)) << "an Astana operator does not see Almaty";
  json listed = queue.json();
  for (const auto& r : listed["reports"]) EXPECT_EQ(r["region_kato"], kAstana);
  EXPECT_TRUE(ids(operator_.get(std::string("/api/v1/intake/triage?region=") + kAlmaty)).empty());
  EXPECT_EQ(operator_.get("/api/v1/intake/reports/" + std::to_string(almaty_id)).status, 404);
  EXPECT_EQ(operator_
                .post("/api/v1/intake/reports/" + std::to_string(almaty_id) + "/close",
                      {{"reason", "not_gbv"}})
                .status,
            404);

  queue = inspector_.get("/api/v1/intake/triage");
  EXPECT_TRUE(ids(queue).count(almaty_id));
  EXPECT_FALSE(ids(queue).count(astana_id));
  EXPECT_EQ(queue.json()["reports"][0]["id"], almaty_id) << "the critical report comes first";
  EXPECT_EQ(queue.json()["reports"][0]["urgency"], "critical");
  EXPECT_EQ(queue.body.find("Almaty danger"), std::string::npos) << "the queue holds no text";
  Reply critical = inspector_.get("/api/v1/intake/triage?urgency=critical");
  EXPECT_EQ(ids(critical), std::set<std::int64_t>{almaty_id});
  Reply low = inspector_.get("/api/v1/intake/triage?urgency=low&region=750000000");
  EXPECT_TRUE(ids(low).empty());
  Reply closed = inspector_.get("/api/v1/intake/triage?status=closed");
  EXPECT_TRUE(ids(closed).empty());

  expect_refused(inspector_, "GET", "/api/v1/intake/triage?region=123", "", 400,
                 "validation_failed", "region");
  expect_refused(inspector_, "GET", "/api/v1/intake/triage?urgency=urgent", "", 400,
                 "validation_failed", "urgency");
  expect_refused(inspector_, "GET", "/api/v1/intake/triage?status=lost", "", 400,
                 "validation_failed", "status");
}

TEST_F(Intake, ClosingAReportShowsClosedToTheReporter) {
  json answer = submit(report(kAlmaty, "psychological_abuse", false, "Threats every day"));
  std::string code = answer["receipt_code"];
  std::string secret = answer["receipt_secret"];
  std::string id = std::to_string(id_of(code));
  auto status = [&] {
    return public_.post("/api/v1/intake/receipt", {{"code", code}, {"secret", secret}}).json();
  };

  Reply reviewed = inspector_.post("/api/v1/intake/reports/" + id + "/review", json::object());
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(reviewed.json()["status"], "in_review");
  EXPECT_EQ(status()["status"], "in_review");
  EXPECT_EQ(inspector_.post("/api/v1/intake/reports/" + id + "/review", json::object()).status, 200)
      << "reviewing again changes nothing";

  const std::string close = "/api/v1/intake/reports/" + id + "/close";
  expect_refused(inspector_, "POST", close, json{{"reason", "bored"}}.dump(), 400,
                 "validation_failed", "reason");
  expect_refused(inspector_, "POST", close, json::object().dump(), 400, "missing_field", "reason");
  expect_refused(inspector_, "POST", close,
                 json{{"reason", "duplicate"}, {"note", std::string(2001, 'n')}}.dump(), 400,
                 "validation_failed", "note");
  Reply closed = inspector_.post(close, {{"reason", "duplicate"}, {"note", "Same as the 12th"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["close_reason"], "duplicate");
  EXPECT_EQ(closed.json()["close_note"], "Same as the 12th");

  json seen = status();
  EXPECT_EQ(seen["status"], "closed");
  EXPECT_FALSE(seen["status_text"].get<std::string>().empty());
  EXPECT_EQ(seen.dump().find("Same as the 12th"), std::string::npos) << "the note is for staff";
  EXPECT_EQ(seen.dump().find("duplicate"), std::string::npos) << "no reason code, a neutral text";

  expect_refused(public_, "POST", "/api/v1/intake/receipt/add",
                 json{{"code", code}, {"secret", secret}, {"text", "more"}}.dump(), 409,
                 "report_closed");
  expect_refused(inspector_, "POST", close, json{{"reason", "not_gbv"}}.dump(), 409,
                 "invalid_state");
  expect_refused(inspector_, "POST", "/api/v1/intake/reports/" + id + "/review", "{}", 409,
                 "invalid_state");
  for (const char* action : {"intake_report.review", "intake_report.close"}) {
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM audit_log WHERE action = '") + action +
                    "' AND object_id = '" + id + "'"),
              1)
        << action;
  }
}

TEST_F(Intake, AReportCutOffMidwayLeavesNothing) {
  std::string before = snapshot();
  std::string body = report(kAlmaty, "rape", false, "Cut off in the middle").dump();
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), server_.port()});
    std::string head =
        "POST /api/v1/intake/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n";
    boost::asio::write(socket, boost::asio::buffer(head + body.substr(0, body.size() / 2)));
  }  // the connection drops with half the body sent
  EXPECT_EQ(public_.get("/api/v1/health").status, 200);
  EXPECT_EQ(snapshot(), before) << "half a request stored something";
  submit(report(kAlmaty, "rape", false, "Sent whole"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM intake_reports"),
            count("SELECT COUNT(*) FROM audit_log WHERE action = 'intake_report.create'"));
}

TEST(IntakeLimits, ReportsAndReceiptLookupsAreRateLimitedPerAddress) {
  TestServer::Options options;
  options.env = {{"QORGAU_INTAKE_REPORTS_PER_HOUR", "3"},
                 {"QORGAU_INTAKE_RECEIPT_LOOKUPS_PER_HOUR", "3"}};
  TestServer server(options);
  Client client(server.port());
  auto reports = [&] {
    store::SqliteDatabase database(server.data_dir() / "qorgau.db");
    return database.connect()->query_one("SELECT COUNT(*) FROM intake_reports")->integer(0);
  };
  json body = report(kAlmaty, "stalking", false, "again");
  json first;
  for (int i = 0; i < 3; ++i) {
    Reply reply = client.post("/api/v1/intake/reports", body);
    ASSERT_EQ(reply.status, 201) << reply.body;
    if (i == 0) first = reply.json();
  }
  std::int64_t before = reports();
  Reply refused = client.post("/api/v1/intake/reports", body);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.error_code(), "too_many_requests");
  EXPECT_EQ(reports(), before);

  json lookup = {{"code", first["receipt_code"]}, {"secret", first["receipt_secret"]}};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(client.post("/api/v1/intake/receipt", lookup).status, 200);
  }
  EXPECT_EQ(client.post("/api/v1/intake/receipt", lookup).status, 429);
  Reply add = client.post(
      "/api/v1/intake/receipt/add",
      {{"code", first["receipt_code"]}, {"secret", first["receipt_secret"]}, {"text", "t"}});
  EXPECT_EQ(add.status, 429);
}

}  // namespace
}  // namespace qorgau::testing
