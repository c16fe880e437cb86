// Nothing acknowledged is lost, files included: clients submit reports, each
// followed by one or two files of a few hundred KB to a few MB, while the
// server is killed with SIGKILL. After a restart every acknowledged report is
// there and decrypts, every acknowledged file is listed on its receipt and its
// bytes, downloaded by staff, hash to the acknowledged SHA-256; no evidence
// row lacks its blob and no blob (or half-written file) lacks its row; every
// stored file verifies; the database passes PRAGMA integrity_check and the
// audit chain verifies.
#include <gtest/gtest.h>

#include <cstring>
#include <mutex>
#include <set>
#include <vector>

#include "crash_harness.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kClients = 4;
constexpr std::size_t kFilesBeforeKill = 14;

struct AcknowledgedReport {
  std::string code;
  std::string secret;
  std::string description;
};

struct AcknowledgedFile {
  std::string code;
  std::string secret;
  std::string sha256;
  std::size_t size = 0;
};

// A JPEG-looking file of `size` bytes, different for every seed.
std::string photo(std::size_t size, std::uint64_t seed) {
  std::string out = "\xFF\xD8\xFF\xE1";
  out.resize(size);
  std::uint64_t x = 0x9E3779B97F4A7C15ULL ^ (seed * 0xD1B54A32D192ED03ULL);
  for (std::size_t i = 4; i + 8 <= size; i += 8) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    std::memcpy(out.data() + i, &x, 8);
  }
  return out;
}

TEST(IntakeAttachmentCrash, AcknowledgedFilesSurviveAKillAndNothingIsHalfStored) {
  TestServer::Options options;
  options.env = {{"QORGAU_INTAKE_REPORTS_PER_HOUR", "100000"},
                 {"QORGAU_INTAKE_RECEIPT_LOOKUPS_PER_HOUR", "100000"},
                 {"QORGAU_INTAKE_ATTACHMENTS_PER_HOUR", "100000"}};
  TestServer server(options);
  const std::uint16_t port = server.port();

  std::mutex mutex;
  std::vector<AcknowledgedReport> reports;
  std::vector<AcknowledgedFile> files;
  kill_while_submitting(
      server, kClients,
      [&](int t, std::uint64_t n) {
        Client client(port);
        std::string description =
            "Crash narrative " + std::to_string(t) + "-" + std::to_string(n) + ": Ш қ ү ә";
        Reply reply = client.post("/api/v1/intake/reports", crash_report(description));
        if (reply.status != 201) return;
        AcknowledgedReport report{reply.json()["receipt_code"], reply.json()["receipt_secret"],
                                  description};
        {
          std::lock_guard lock(mutex);
          reports.push_back(report);
        }
        for (std::uint64_t k = 0; k < 1 + (n + static_cast<std::uint64_t>(t)) % 2; ++k) {
          std::uint64_t seed = (static_cast<std::uint64_t>(t) << 40) | (n << 8) | k;
          std::size_t size = std::size_t{300} * 1024 +
                             static_cast<std::size_t>(seed * 7919 % (std::uint64_t{2800} * 1024));
          std::string bytes = photo(size, seed);
          Reply stored = client.request("POST", "/api/v1/intake/attachments", bytes,
                                        {{"Content-Type", "application/octet-stream"},
                                         {"X-Receipt-Code", report.code},
                                         {"X-Receipt-Secret", report.secret}});
          if (stored.status != 201) return;
          json a = stored.json()["attachment"];
          EXPECT_EQ(a["sha256"], sha256_hex(bytes));
          std::lock_guard lock(mutex);
          files.push_back({report.code, report.secret, a["sha256"], size});
        }
      },
      [&] {
        std::lock_guard lock(mutex);
        return files.size();
      },
      kFilesBeforeKill);
  ASSERT_GE(files.size(), kFilesBeforeKill);
  EXPECT_EQ(integrity_check(server.data_dir()), "ok");
  server.start();  // the start-up sweep runs first
  Client reporter(server.port());
  Client inspector(server.port());
  ASSERT_EQ(inspector.login("inspector", kDemoPassword).status, 200);
  store::SqliteDatabase database(server.data_dir() / "qorgau.db");
  auto connection = database.connect();

  for (const auto& ack : reports) {
    Reply seen =
        reporter.post("/api/v1/intake/receipt", {{"code", ack.code}, {"secret", ack.secret}});
    ASSERT_EQ(seen.status, 200) << "acknowledged report lost: " << ack.code;
    auto row =
        connection->query_one("SELECT id FROM intake_reports WHERE receipt_code = $1", {ack.code});
    ASSERT_TRUE(row);
    Reply staff = inspector.get("/api/v1/intake/reports/" + std::to_string(row->integer(0)));
    ASSERT_EQ(staff.status, 200) << staff.body;
    EXPECT_EQ(staff.json()["incident"]["description"], ack.description);
  }

  for (const auto& ack : files) {
    Reply seen =
        reporter.post("/api/v1/intake/receipt", {{"code", ack.code}, {"secret", ack.secret}});
    ASSERT_EQ(seen.status, 200);
    bool listed = false;
    const json receipt = seen.json();
    for (const auto& a : receipt["attachments"]) {
      listed = listed || (a["sha256"] == ack.sha256 && a["size"] == ack.size);
    }
    EXPECT_TRUE(listed) << "acknowledged file lost: " << ack.sha256;
    auto row = connection->query_one("SELECT id FROM evidence WHERE sha256 = $1", {ack.sha256});
    ASSERT_TRUE(row) << ack.sha256;
    Reply content =
        inspector.get("/api/v1/evidence/" + std::to_string(row->integer(0)) + "/content");
    ASSERT_EQ(content.status, 200);
    EXPECT_EQ(content.body.size(), ack.size);
    EXPECT_EQ(sha256_hex(content.body), ack.sha256);
  }

  // Rows and blobs match one to one, nothing half-written is left, and every
  // stored file, acknowledged or not, is whole.
  std::set<std::string> blobs_of_rows;
  for (const auto& row : connection->query("SELECT id, blob FROM evidence")) {
    blobs_of_rows.insert(row.text(1) + ".blob");
    Reply verified = inspector.post(
        "/api/v1/evidence/" + std::to_string(row.integer(0)) + "/verify", json::object());
    EXPECT_EQ(verified.json()["intact"], true) << verified.body;
  }
  std::set<std::string> blob_files;
  for (const auto& file : files_in(server.data_dir() / "evidence")) {
    blob_files.insert(file.filename().string());
  }
  EXPECT_EQ(blob_files, blobs_of_rows);
  EXPECT_TRUE(files_in(server.data_dir() / "tmp").empty());
  std::int64_t rows = connection->query_one("SELECT COUNT(*) FROM evidence")->integer(0);
  EXPECT_GE(rows, static_cast<std::int64_t>(files.size()));
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) FROM evidence_custody WHERE action = 'upload'")
                ->integer(0),
            rows);
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'evidence.upload'")
                ->integer(0),
            rows);
  EXPECT_EQ(connection->query_one("PRAGMA integrity_check")->text(0), "ok");
  connection.reset();
  server.stop();
  std::string out;
  EXPECT_EQ(server.run_cli({"audit", "verify"}, "", &out), 0) << out;
}

}  // namespace
}  // namespace qorgau::testing
