// Files attached to a public report over HTTP: the reporter's receipt (in
// headers) lets her attach photos and documents; she sees kind, size and
// SHA-256, never the names; staff of the report's region reach the file until
// a case takes it in, and the chain of custody reads "public upload, handed
// over to the accepting agency"; every bad request gets its own clear error and
// changes nothing: no row, no blob, no temporary file, no audit entry.
#include <gtest/gtest.h>

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <boost/asio.hpp>
#include <thread>

#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kAttach = "/api/v1/intake/attachments";
constexpr const char* kAlmaty = "750000000";
constexpr const char* kAstana = "710000000";
constexpr int kAlmatyPolice = 3;  // the inspector's agency in the demo data

json report_in(const std::string& region) {
  return {{"reporter", {{"type", "survivor"}}},
          {"incident",
           {{"types", {"physical_assault"}},
            {"region", region},
            {"description", "He broke the door; photos attached."}}},
          {"victim", {{"full_name", "Айгерим Нурланова"}}},
          {"aggressor", {{"full_name", "Марат Нурланов"}}},
          {"immediate_danger", false}};
}

// A small JPEG-looking file: the type is sniffed from the first bytes.
std::string jpeg(std::size_t size, char fill) {
  std::string out = "\xFF\xD8\xFF\xE0";
  out.append(size - out.size(), fill);
  return out;
}

struct Receipt {
  std::string code;
  std::string secret;
};

// Sends the head of an attachment declaring `declared` bytes, then only
// `sent` of them. Without `wait_for_answer` it closes the connection at once (a
// reporter losing her signal); with it, it returns the answer's status line.
std::string send_partly(std::uint16_t port, const Receipt& receipt, std::size_t declared,
                        std::size_t sent, bool wait_for_answer) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  std::string bytes =
      std::string("POST ") + kAttach + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
      "\r\nContent-Type: application/octet-stream\r\nX-Receipt-Code: " + receipt.code +
      "\r\nX-Receipt-Secret: " + receipt.secret +
      "\r\nContent-Length: " + std::to_string(declared) + "\r\n\r\n" +
      (sent > 0 ? jpeg(sent, 'z') : "");
  asio::write(socket, asio::buffer(bytes));
  std::string status;
  if (wait_for_answer) {
    asio::streambuf answer;
    boost::system::error_code ec;
    asio::read_until(socket, answer, "\r\n", ec);
    std::istream in(&answer);
    std::getline(in, status);
  }
  socket.close();
  return status;
}

class IntakeAttachments : public ::testing::Test {
 protected:
  explicit IntakeAttachments(TestServer::Options options = {}) : server_(std::move(options)) {}

  void SetUp() override { ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200); }

  Receipt submit(const std::string& region = kAlmaty) {
    Reply reply = reporter_.post("/api/v1/intake/reports", report_in(region));
    EXPECT_EQ(reply.status, 201) << reply.body;
    return {reply.json()["receipt_code"], reply.json()["receipt_secret"]};
  }

  Reply attach(const Receipt& receipt, const std::string& bytes,
               std::map<std::string, std::string> headers = {}) {
    headers.emplace("Content-Type", "application/octet-stream");
    if (!receipt.code.empty()) headers.emplace("X-Receipt-Code", receipt.code);
    if (!receipt.secret.empty()) headers.emplace("X-Receipt-Secret", receipt.secret);
    return reporter_.request("POST", kAttach, bytes, headers);
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }
  std::int64_t report_id(const Receipt& receipt) {
    return count("SELECT id FROM intake_reports WHERE receipt_code = '" + receipt.code + "'");
  }

  // What a refused request must leave as it was.
  struct Snapshot {
    std::int64_t evidence = 0, custody = 0, audit = 0;
    std::size_t blobs = 0, waiting = 0;
    bool operator==(const Snapshot&) const = default;
  };
  Snapshot snapshot() {
    // A refused upload's temporary file goes when its connection ends.
    for (int i = 0; i < 100 && !files_in(server_.data_dir() / "tmp").empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return {count("SELECT COUNT(*) FROM evidence"), count("SELECT COUNT(*) FROM evidence_custody"),
            count("SELECT COUNT(*) FROM audit_log"),
            files_in(server_.data_dir() / "evidence").size(),
            files_in(server_.data_dir() / "tmp").size()};
  }
  void expect_refused(const Reply& reply, int status, const std::string& code,
                      const Snapshot& before, const std::string& field = "") {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.error_code(), code) << reply.body;
    if (!field.empty()) {
      EXPECT_NE(reply.json()["error"]["message"].get<std::string>().find(field), std::string::npos)
          << reply.body;
    }
    Snapshot after = snapshot();
    EXPECT_EQ(after.evidence, before.evidence) << code;
    EXPECT_EQ(after.custody, before.custody) << code;
    EXPECT_EQ(after.audit, before.audit) << code;
    EXPECT_EQ(after.blobs, before.blobs) << code;
    EXPECT_EQ(after.waiting, 0u) << code;
  }

  TestServer server_;
  Client reporter_{server_.port()};
  Client inspector_{server_.port()};
};

TEST_F(IntakeAttachments, AFileIsAcknowledgedSeenOnTheReceiptTakenInByTheCaseAndIntact) {
  Receipt receipt = submit();
  const std::string photo = jpeg(300 * 1024, 'p');
  Reply stored = attach(receipt, photo, {{"X-Evidence-Filename", "IMG%20door%20%D0%B4%D0%B2.jpg"}});
  ASSERT_EQ(stored.status, 201) << stored.body;
  json a = stored.json()["attachment"];
  EXPECT_EQ(a["kind"], "photo");
  EXPECT_EQ(a["mime"], "image/jpeg");
  EXPECT_EQ(a["size"], photo.size());
  EXPECT_EQ(a["sha256"], sha256_hex(photo));
  EXPECT_TRUE(a["received_at"].is_string());
  EXPECT_EQ(a.size(), 5u) << a.dump();

  // The receipt shows the file, without its name.
  Reply seen = reporter_.post("/api/v1/intake/receipt",
                              {{"code", receipt.code}, {"secret", receipt.secret}});
  ASSERT_EQ(seen.status, 200);
  ASSERT_EQ(seen.json()["attachments"].size(), 1u);
  json shown = seen.json()["attachments"][0];
  EXPECT_EQ(shown, (json{{"kind", "photo"},
                         {"size", photo.size()},
                         {"sha256", sha256_hex(photo)},
                         {"received_at", a["received_at"]}}));
  EXPECT_EQ(seen.body.find("IMG"), std::string::npos);
  Reply added = reporter_.post("/api/v1/intake/receipt/add",
                               {{"code", receipt.code}, {"secret", receipt.secret}, {"text", "+"}});
  EXPECT_EQ(added.json()["attachments"], seen.json()["attachments"]);

  // Triage sees it unowned, with its name; the region's staff reach it.
  std::string report = std::to_string(report_id(receipt));
  Reply detail = inspector_.get("/api/v1/intake/reports/" + report);
  ASSERT_EQ(detail.status, 200);
  ASSERT_EQ(detail.json()["attachments"].size(), 1u);
  json e = detail.json()["attachments"][0];
  EXPECT_EQ(e["agency_id"], nullptr);
  EXPECT_EQ(e["uploaded_by"], nullptr);
  EXPECT_EQ(e["filename"], "IMG door дв.jpg");
  EXPECT_EQ(e["attached_to"], (json{{"type", "report"}, {"id", report_id(receipt)}}));
  std::string id = e["id"].dump();
  Reply content = inspector_.get("/api/v1/evidence/" + id + "/content");
  ASSERT_EQ(content.status, 200);
  EXPECT_EQ(sha256_hex(content.body), sha256_hex(photo));

  // Accepted into a case: the police agency takes it in.
  Reply accepted = inspector_.post("/api/v1/intake/reports/" + report + "/accept", json::object());
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  std::string case_id = accepted.json()["id"].dump();
  // Sent after the acceptance: it follows the report into the case at once.
  const std::string pdf = "%PDF-1.4\n" + std::string(5000, 'd');
  ASSERT_EQ(attach(receipt, pdf).status, 201);

  Reply custody = inspector_.get("/api/v1/evidence/" + id + "/custody");
  ASSERT_EQ(custody.status, 200);
  json events = custody.json()["custody"];
  ASSERT_GE(events.size(), 3u) << events.dump();
  EXPECT_EQ(events[0]["action"], "upload");
  EXPECT_EQ(events[0]["by"], "public_reporter");
  EXPECT_EQ(events[0]["user"], nullptr);
  EXPECT_EQ(events[0]["agency"], nullptr);
  EXPECT_EQ(events[1]["action"], "download");
  EXPECT_EQ(events[1]["by"], "staff");
  EXPECT_EQ(events[2]["action"], "handover");
  EXPECT_EQ(events[2]["by"], "staff");
  EXPECT_EQ(events[2]["user"]["display_name"], "Гүлнар Инспекторова (demo)");
  EXPECT_EQ(events[2]["to_agency"]["id"], kAlmatyPolice);

  Reply view = inspector_.get("/api/v1/cases/" + case_id);
  ASSERT_EQ(view.status, 200) << view.body;
  json evidence = view.json()["evidence"];
  ASSERT_EQ(evidence.size(), 2u) << evidence.dump();
  EXPECT_EQ(evidence[0]["sha256"], sha256_hex(photo));
  EXPECT_EQ(evidence[0]["agency_id"], kAlmatyPolice);
  EXPECT_EQ(evidence[1]["sha256"], sha256_hex(pdf));
  EXPECT_EQ(evidence[1]["agency_id"], kAlmatyPolice);
  Reply late = inspector_.get("/api/v1/evidence/" + evidence[1]["id"].dump() + "/custody");
  json late_events = late.json()["custody"];
  ASSERT_EQ(late_events.size(), 2u) << late_events.dump();
  EXPECT_EQ(late_events[0]["by"], "public_reporter");
  EXPECT_EQ(late_events[1]["action"], "handover");
  EXPECT_EQ(late_events[1]["by"], "system");
  EXPECT_EQ(late_events[1]["to_agency"]["id"], kAlmatyPolice);

  // Every upload and hand-over is in the audit log, the public ones without an address.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'evidence.upload' AND "
                  "actor_user_id IS NULL AND source_ip = 'public'"),
            2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'evidence.handover'"), 2);
}

TEST_F(IntakeAttachments, AFileMergedWithTheReportPassesToTheCasesOwner) {
  Receipt first = submit();
  ASSERT_EQ(inspector_
                .post("/api/v1/intake/reports/" + std::to_string(report_id(first)) + "/accept",
                      json::object())
                .status,
            201);
  std::int64_t case_id = count("SELECT id FROM cases ORDER BY id DESC LIMIT 1");
  Receipt second = submit();
  Reply stored = attach(second, jpeg(2000, 'm'));
  ASSERT_EQ(stored.status, 201);
  std::string report = std::to_string(report_id(second));
  Reply merged =
      inspector_.post("/api/v1/intake/reports/" + report + "/merge", {{"case_id", case_id}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(count("SELECT agency_id FROM evidence WHERE attached_to_type = 'report' AND "
                  "attached_to_id = " +
                  report),
            kAlmatyPolice);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evidence_custody WHERE action = 'handover' AND "
                  "user_id IS NOT NULL AND to_agency_id = " +
                  std::to_string(kAlmatyPolice)),
            1);
}

TEST_F(IntakeAttachments, StaffOutsideTheReportsRegionDoNotReachItsFile) {
  Receipt astana = submit(kAstana);
  ASSERT_EQ(attach(astana, jpeg(1000, 'a')).status, 201);
  std::int64_t id = count("SELECT id FROM evidence ORDER BY id DESC LIMIT 1");
  EXPECT_EQ(inspector_.get("/api/v1/evidence/" + std::to_string(id)).status, 404)
      << "Almaty police, a report from Astana";
  Client operator_111(server_.port());
  ASSERT_EQ(operator_111.login("operator", kDemoPassword).status, 200);
  EXPECT_EQ(operator_111.get("/api/v1/evidence/" + std::to_string(id)).status, 200)
      << "the 111 centre of Astana, the report's region";
}

TEST_F(IntakeAttachments, EveryBadRequestIsRefusedClearlyAndChangesNothing) {
  Receipt receipt = submit();
  const std::string photo = jpeg(4000, 'x');
  Snapshot before = snapshot();

  expect_refused(attach({"", receipt.secret}, photo), 400, "missing_field", before,
                 "X-Receipt-Code");
  expect_refused(attach({receipt.code, ""}, photo), 400, "missing_field", before,
                 "X-Receipt-Secret");
  Receipt wrong_secret{receipt.code, submit().secret};
  before = snapshot();  // the second report's own audit entry
  expect_refused(attach(wrong_secret, photo), 404, "receipt_not_found", before);
  expect_refused(attach({"QRG-22222-22222", receipt.secret}, photo), 404, "receipt_not_found",
                 before);
  expect_refused(attach({"not a code", "nor a secret"}, photo), 404, "receipt_not_found", before);
  // Refused on the headers alone: a gigabyte announced, not one byte of it sent.
  EXPECT_EQ(send_partly(server_.port(), wrong_secret, 1'000'000'000, 0, true).substr(0, 12),
            "HTTP/1.1 404");
  expect_refused(attach(receipt, "MZ\x90" + std::string(5000, '\0')), 415, "unsupported_file_type",
                 before);
  expect_refused(attach(receipt, ""), 415, "unsupported_file_type", before);
  expect_refused(attach(receipt, photo, {{"X-Evidence-Filename", "a%0Ab.jpg"}}), 400,
                 "validation_failed", before, "X-Evidence-Filename");
  expect_refused(attach(receipt, photo, {{"X-Evidence-Filename", "%FF%FE.jpg"}}), 400,
                 "validation_failed", before, "X-Evidence-Filename");
  // An overlong "/" (a path trick), an encoded surrogate, a right-to-left override ("gpj.exe").
  for (const char* name : {"a%C0%AFb.jpg", "a%ED%A0%80.jpg", "photo%E2%80%AEgpj.exe"}) {
    expect_refused(attach(receipt, photo, {{"X-Evidence-Filename", name}}), 400,
                   "validation_failed", before, "X-Evidence-Filename");
  }
  // The receipt goes in headers, never in the URL: a query string changes nothing.
  expect_refused(
      reporter_.request(
          "POST", std::string(kAttach) + "?code=" + receipt.code + "&secret=" + receipt.secret,
          photo, {{"Content-Type", "application/octet-stream"}}),
      400, "missing_field", before, "X-Receipt-Code");

  // A closed report takes no more files.
  Receipt closed = submit();
  ASSERT_EQ(inspector_
                .post("/api/v1/intake/reports/" + std::to_string(report_id(closed)) + "/close",
                      {{"reason", "not_gbv"}})
                .status,
            200);
  before = snapshot();
  expect_refused(attach(closed, photo), 409, "report_closed", before);

  // At most kMaxAttachmentsPerReport (20) files a report.
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(attach(receipt, jpeg(100, static_cast<char>('a' + i))).status, 201) << i;
  }
  before = snapshot();
  expect_refused(attach(receipt, photo), 409, "too_many_attachments", before);
}

TEST_F(IntakeAttachments, ADroppedConnectionLeavesNothing) {
  Receipt receipt = submit();
  Snapshot before = snapshot();
  send_partly(server_.port(), receipt, 2'000'000, 600'000, false);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server sees the end
  Snapshot after = snapshot();  // and waits for the temporary file to go
  EXPECT_EQ(after, before);
  Reply seen = reporter_.post("/api/v1/intake/receipt",
                              {{"code", receipt.code}, {"secret", receipt.secret}});
  EXPECT_TRUE(seen.json()["attachments"].empty());
}

TEST_F(IntakeAttachments, StaffUploadsMustNameACaseOrReportTheyReach) {
  Receipt astana = submit(kAstana);
  Snapshot before = snapshot();
  std::map<std::string, std::string> octets{{"Content-Type", "application/octet-stream"}};
  auto staff_upload = [&](const std::string& query) {
    return inspector_.request("POST", "/api/v1/evidence?" + query, "%PDF-1.4 x", octets);
  };
  expect_refused(staff_upload("attached_to_type=case&attached_to_id=999999"), 400,
                 "validation_failed", before, "attached_to_id");
  expect_refused(staff_upload("attached_to_type=report&attached_to_id=999999"), 400,
                 "validation_failed", before, "attached_to_id");
  expect_refused(
      staff_upload("attached_to_type=report&attached_to_id=" + std::to_string(report_id(astana))),
      400, "validation_failed", before, "attached_to_id");
  Receipt almaty = submit();
  Reply fine =
      staff_upload("attached_to_type=report&attached_to_id=" + std::to_string(report_id(almaty)));
  EXPECT_EQ(fine.status, 201) << fine.body;
}

class SmallIntakeLimits : public IntakeAttachments {
 protected:
  SmallIntakeLimits()
      : IntakeAttachments(TestServer::Options{true,
                                              {},
                                              {{"QORGAU_EVIDENCE_MAX_BYTES", "100000"},
                                               {"QORGAU_INTAKE_ATTACHMENTS_PER_HOUR", "3"}}}) {}
};

TEST_F(SmallIntakeLimits, AnOversizedFileAndTooManyAttemptsAreRefused) {
  Receipt receipt = submit();
  Snapshot before = snapshot();
  expect_refused(attach(receipt, jpeg(200000, 'b')), 413, "body_too_large", before);
  ASSERT_EQ(attach(receipt, jpeg(90000, 'c')).status, 201);
  ASSERT_EQ(attach(receipt, jpeg(900, 'd')).status, 201);
  before = snapshot();
  expect_refused(attach(receipt, jpeg(900, 'e')), 429, "too_many_requests", before);
  expect_refused(attach({"QRG-22222-22222", receipt.secret}, jpeg(900, 'e')), 429,
                 "too_many_requests", before);
}

}  // namespace
}  // namespace qorgau::testing
