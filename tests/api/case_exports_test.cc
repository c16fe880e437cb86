// Case exports over HTTP: the case list as XLSX beside its CSV (one column
// definition, the same filters, scope and audit), and the GBVIMS Incident
// Recorder-style anonymised export, in which nothing that names or locates a
// person survives: a case opened from a report full of personal data is
// exported and every one of those strings is looked for in the CSV and in
// every file of the unzipped XLSX.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <vector>

#include "core/iin.h"
#include "store/sqlite/sqlite_database.h"
#include "test_server.h"
#include "testing/unzip.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string survivor_iin() {
  for (int serial = 3000;; ++serial) {
    if (auto iin =
            core::make_iin(std::chrono::year_month_day{std::chrono::year{1991},
                                                       std::chrono::month{3}, std::chrono::day{14}},
                           core::Sex::kFemale, serial)) {
      return *iin;
    }
  }
}

// Everything in the report below that names, locates or contacts someone, or tells their story.
struct Secrets {
  std::string iin = survivor_iin();
  std::vector<std::string> all() const {
    return {
        "Айгүл",
        "Сәрсенова",
        "Ерлан",
        "Сәрсенов",
        iin,
        "+7 701 555 0199",
        "7015550199",
        "aigul.private@example.kz",
        "Медеу ауданы",
        "Абай 10",
        "He locked her in the cellar",
        "Бақыт Көршіқызы",
        "Көмек",
        "1991-03-14",
    };
  }
};

class CaseExports : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200);  // police, Almaty
    ASSERT_EQ(analyst_.login("analyst", kDemoPassword).status, 200);      // national
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }

  // A case accepted from a public report in Almaty full of personal data; returns its number.
  std::string case_from_report() {
    json body = {
        {"reporter", {{"type", "witness"}, {"name", "Бақыт Көршіқызы"}, {"organisation", "Көмек"}}},
        {"incident",
         {{"types", {"stalking", "rape"}},
          {"date", "2026-01-10"},
          {"region", "750000000"},
          {"locality", "Медеу ауданы, Абай 10"},
          {"place_type", "home"},
          {"description", "He locked her in the cellar for two days."}}},
        {"victim", {{"full_name", "Айгүл Сәрсенова"}, {"iin", secrets_.iin}, {"sex", "female"}}},
        {"aggressor",
         {{"full_name", "Ерлан Сәрсенов"},
          {"sex", "male"},
          {"age_group", "41_60"},
          {"relationship", "spouse"}}},
        {"children_present", true},
        {"immediate_danger", false},
        {"contact",
         {{"ways", {"phone_call", "email"}},
          {"times", {"evening"}},
          {"phone", "+7 701 555 0199"},
          {"email", "aigul.private@example.kz"}}},
        {"consent", {"contact_me"}}};
    Reply submitted = public_.post("/api/v1/intake/reports", body);
    EXPECT_EQ(submitted.status, 201) << submitted.body;
    std::string receipt = submitted.json()["receipt_code"];
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    std::int64_t report_id =
        database.connect()
            ->query_one("SELECT id FROM intake_reports WHERE receipt_code = $1", {receipt})
            ->integer(0);
    Reply accepted =
        inspector_.post("/api/v1/intake/reports/" + std::to_string(report_id) + "/accept",
                        {{"ground", "witnesses"}});
    EXPECT_EQ(accepted.status, 201) << accepted.body;
    std::int64_t case_id = accepted.json()["id"];
    std::int64_t agency = inspector_.get("/api/v1/session").json()["user"]["agency"]["id"];
    for (const char* kind : {"medical", "shelter"}) {
      Reply service =
          inspector_.post("/api/v1/cases/" + std::to_string(case_id) + "/services",
                          {{"kind", kind}, {"date", "2026-01-12"}, {"provider_agency_id", agency}});
      EXPECT_EQ(service.status, 201) << service.body;
    }
    receipt_ = receipt;
    return accepted.json()["case_number"];
  }

  void expect_download(Reply& reply, const std::string& type, const std::string& file) {
    EXPECT_EQ(reply.status, 200) << reply.body.substr(0, 300);
    EXPECT_EQ(reply.headers["content-type"], type);
    EXPECT_EQ(reply.headers["content-disposition"], "attachment; filename=\"" + file + "\"");
  }

  void expect_no_leftovers() {
    // The server makes its private tmp/ at start-up; the exports leave nothing in it.
    auto tmp = server_.data_dir() / "tmp";
    ASSERT_TRUE(std::filesystem::is_directory(tmp));
    EXPECT_TRUE(std::filesystem::is_empty(tmp));
  }

  TestServer server_;
  Client public_{server_.port()};
  Client inspector_{server_.port()};
  Client analyst_{server_.port()};
  Secrets secrets_;
  std::string receipt_;
};

// The CSV's lines as cells (no quoted commas in these exports' single-code cells).
std::vector<std::vector<std::string>> rows_of(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find("\r\n", start);
    std::string line = csv.substr(start, end - start);
    start = end + 2;
    std::vector<std::string> cells;
    bool quoted = false;
    std::string cell;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell.push_back(c);
      }
    }
    cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST_F(CaseExports, TheCaseListAsXlsxHasTheCsvsColumnsAsCellsNeverFormulas) {
  std::string number = case_from_report();
  std::int64_t exports = count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.export'");
  Reply csv = inspector_.get("/api/v1/cases/export.csv?q=" + number);
  expect_download(csv, "text/csv; charset=utf-8", "cases.csv");
  Reply xlsx = inspector_.get("/api/v1/cases/export.xlsx?q=" + number);
  expect_download(xlsx, kXlsx, "cases.xlsx");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.export'"), exports + 2);
  expect_no_leftovers();

  std::string sheet = unzip(xlsx.body, "xl/worksheets/sheet1.xml");
  std::string strings = unzip(xlsx.body, "xl/sharedStrings.xml");
  ASSERT_FALSE(sheet.empty()) << "not a readable xlsx";
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  EXPECT_EQ(sheet.find("<f "), std::string::npos);
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  // Every text value of the CSV is in the workbook: one definition of the columns.
  auto rows = rows_of(csv.body);
  ASSERT_EQ(rows.size(), 2u) << csv.body;
  for (const auto& row : rows) {
    for (const auto& cell : row) {
      if (cell.empty()) continue;
      // Ids are number cells; codes (the KATO region code too) are shared strings.
      bool as_number = sheet.find("<v>" + cell + "</v>") != std::string::npos;
      bool as_text = strings.find(">" + cell + "<") != std::string::npos;
      EXPECT_TRUE(as_number || as_text) << cell;
    }
  }
  EXPECT_NE(strings.find(number), std::string::npos);
  EXPECT_EQ(unzip(xlsx.body).find("Сәрсенова"), std::string::npos) << "codes only, no names";

  // The list's filters, validation and scope.
  EXPECT_EQ(inspector_.get("/api/v1/cases/export.xlsx?status=lost").status, 400);
  Client operator_(server_.port());
  ASSERT_EQ(operator_.login("operator", kDemoPassword).status, 200);  // Astana
  Reply elsewhere = operator_.get("/api/v1/cases/export.xlsx?q=" + number);
  ASSERT_EQ(elsewhere.status, 200);
  EXPECT_EQ(unzip(elsewhere.body, "xl/sharedStrings.xml").find(number), std::string::npos);
  expect_no_leftovers();
}

TEST_F(CaseExports, TheGbvimsExportNamesNoOneAndCodesTheIncident) {
  std::string number = case_from_report();
  std::int64_t exports =
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.export_gbvims'");
  // The analyst reads no case, yet exports the anonymised incidents of the whole country.
  EXPECT_EQ(analyst_.get("/api/v1/cases").status, 403);
  Reply csv = analyst_.get("/api/v1/cases/export/gbvims.csv");
  expect_download(csv, "text/csv; charset=utf-8", "gbvims.csv");
  Reply xlsx = analyst_.get("/api/v1/cases/export/gbvims.xlsx");
  expect_download(xlsx, kXlsx, "gbvims.xlsx");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.export_gbvims'"),
            exports + 2);
  expect_no_leftovers();

  std::string unzipped = unzip(xlsx.body);
  ASSERT_NE(unzipped.find("worksheet"), std::string::npos) << "not a readable xlsx";
  EXPECT_EQ(unzip(xlsx.body, "xl/worksheets/sheet1.xml").find("<f>"), std::string::npos);
  std::vector<std::string> secrets = secrets_.all();
  secrets.push_back(number);
  secrets.push_back(receipt_);
  for (const auto& secret : secrets) {
    EXPECT_EQ(csv.body.find(secret), std::string::npos) << secret << " in the CSV";
    EXPECT_EQ(unzipped.find(secret), std::string::npos) << secret << " in the XLSX";
  }

  // This case's incident, among the demo data's cases: the only "stalking,rape".
  auto rows = rows_of(csv.body);
  std::vector<std::map<std::string, std::string>> ours;
  for (size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> fields;
    for (size_t i = 0; i < rows[0].size(); ++i) fields[rows[0][i]] = rows[r].at(i);
    if (fields["incident_types"] == "stalking,rape") ours.push_back(fields);
  }
  ASSERT_EQ(ours.size(), 1u) << csv.body;
  std::map<std::string, std::string> row = ours[0];
  EXPECT_EQ(row["incident_code"].rfind("GBV-", 0), 0u);
  EXPECT_EQ(row["incident_month"], "2026-01");
  EXPECT_EQ(row["region_kato"], "750000000");
  EXPECT_EQ(row["region_name"], "Almaty");
  EXPECT_EQ(row["gbv_type"], "rape");
  EXPECT_EQ(row["incident_types"], "stalking,rape");
  EXPECT_EQ(row["survivor_sex"], "female");
  EXPECT_EQ(row["survivor_age_group"], "26_40");  // 34 on 2026-01-10
  EXPECT_EQ(row["perpetrator_sex"], "male");
  EXPECT_EQ(row["perpetrator_age_group"], "41_60");
  EXPECT_EQ(row["perpetrator_relationship"], "spouse");
  EXPECT_EQ(row["children_present"], "yes");
  EXPECT_EQ(row["case_status"], "opened");
  EXPECT_EQ(row["case_basis"], "without_complaint");
  EXPECT_EQ(row["service_medical"], "yes");
  EXPECT_EQ(row["service_shelter"], "yes");
  EXPECT_EQ(row["service_psychological"], "no");
  EXPECT_EQ(row["service_legal"], "no");
  EXPECT_EQ(row["service_social"], "no");
  EXPECT_EQ(rows[0].size(), 20u);
  // The same code in both formats and from one export to the next.
  EXPECT_NE(unzipped.find(row["incident_code"]), std::string::npos);
  EXPECT_NE(inspector_.get("/api/v1/cases/export/gbvims.csv").body.find(row["incident_code"]),
            std::string::npos);
}

TEST_F(CaseExports, TheGbvimsExportKeepsToTheCallersScopeAndFilters) {
  std::string number = case_from_report();
  Client operator_(server_.port());
  ASSERT_EQ(operator_.login("operator", kDemoPassword).status, 200);  // Astana
  Reply astana = operator_.get("/api/v1/cases/export/gbvims.csv");
  ASSERT_EQ(astana.status, 200);
  EXPECT_EQ(rows_of(astana.body).size(), 1u) << "an Almaty case is outside Astana's region";
  Reply other_type = analyst_.get("/api/v1/cases/export/gbvims.csv?type=forced_marriage");
  ASSERT_EQ(other_type.status, 200);
  EXPECT_EQ(rows_of(other_type.body).size(), 1u);
  std::int64_t audited = count("SELECT COUNT(*) FROM audit_log");
  Reply bad = analyst_.get("/api/v1/cases/export/gbvims.xlsx?region=12");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_code(), "validation_failed");
  // A case-number filter would link incident codes back to cases: refused.
  Reply by_number = analyst_.get("/api/v1/cases/export/gbvims.csv?q=" + number);
  EXPECT_EQ(by_number.status, 400);
  EXPECT_EQ(by_number.error_code(), "validation_failed");
  EXPECT_NE(by_number.body.find("“q”"), std::string::npos) << by_number.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audited);
  Client judge(server_.port());
  ASSERT_EQ(server_.run_cli({"user", "add", "--username", "export.judge", "--display-name", "Judge",
                             "--role", "judge", "--agency-id", "3"},
                            "judge-passphrase-2026\n"),
            0);
  ASSERT_EQ(judge.login("export.judge", "judge-passphrase-2026").status, 200);
  EXPECT_EQ(judge.get("/api/v1/cases/export/gbvims.csv").status, 403);
  expect_no_leftovers();
}

}  // namespace
}  // namespace qorgau::testing
