// The court bundle over HTTP, checked as a court clerk would: the archive is
// unpacked by Python's zipfile, `sha256sum -c SHA256SUMS` passes in it, every
// original's SHA-256 is the one its upload receipt gave, and the PDF, read
// back by pdftotext, names the case, lists every hash and custody event, and
// keeps its Kazakh letters. Outside the case's scope the bundle does not
// exist (404); the archive writes a custody "download" per original.
#include <gtest/gtest.h>

#include <fstream>

#include "store/sqlite/sqlite_database.h"
#include "test_server.h"
#include "testing/run_command.h"
#include "testing/temp_dir.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr const char* kAlmaty = "750000000";
// A small PDF and an MP4 as phones write them (the ftyp box is what media_type.cc sniffs).
const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
const std::string kMp4 = std::string(
                             "\0\0\0\x20"
                             "ftypisom\0\0\x02\0isomiso2avc1mp41",
                             32) +
                         std::string(5000, 'v');
// "Сот-медициналық қорытынды.pdf", percent-encoded for the X-Evidence-Filename header.
const std::string kPdfName = "Сот-медициналық қорытынды.pdf";

std::string percent_encoded(const std::string& text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    out += '%';
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
  }
  return out;
}

class CourtBundle : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"python3", "pdftotext", "sha256sum"}) {
      if (run_command(std::string("command -v ") + tool + " >/dev/null 2>&1").status != 0) {
        FAIL() << tool << " is not installed: run scripts/install-deps.sh";
      }
    }
    ASSERT_EQ(inspector_.login("inspector", kDemoPassword).status, 200);    // police, Almaty
    ASSERT_EQ(prosecutor_.login("prosecutor", kDemoPassword).status, 200);  // Almaty
    ASSERT_EQ(operator_.login("operator", kDemoPassword).status, 200);      // 111, Astana
    ASSERT_EQ(shelter_.login("shelter", kDemoPassword).status, 200);

    Reply submitted = public_.post(
        "/api/v1/intake/reports",
        {{"reporter", {{"type", "witness"}}},
         {"incident",
          {{"types", {"physical_assault", "psychological_abuse"}}, {"region", kAlmaty}}},
         {"victim", {{"full_name", "Құралай Әлиһанова"}}},
         {"aggressor", {{"full_name", "Ерлан Өмірбеков"}, {"relationship", "spouse"}}},
         {"immediate_danger", false},
         {"consent", {"contact_me"}}});
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    std::int64_t report_id = count("SELECT id FROM intake_reports WHERE receipt_code = '" +
                                   submitted.json()["receipt_code"].get<std::string>() + "'");
    Reply accepted =
        inspector_.post("/api/v1/intake/reports/" + std::to_string(report_id) + "/accept",
                        {{"ground", "witnesses"}});
    ASSERT_EQ(accepted.status, 201) << accepted.body;
    case_id_ = accepted.json()["id"];
    case_number_ = accepted.json()["case_number"];

    pdf_receipt_ = upload(kPdf, percent_encoded(kPdfName));
    mp4_receipt_ = upload(kMp4, "");
  }

  json upload(const std::string& content, const std::string& encoded_name) {
    std::map<std::string, std::string> headers{{"Content-Type", "application/octet-stream"}};
    if (!encoded_name.empty()) headers["X-Evidence-Filename"] = encoded_name;
    Reply reply = inspector_.request(
        "POST", "/api/v1/evidence?attached_to_type=case&attached_to_id=" + std::to_string(case_id_),
        content, headers);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["evidence"];
  }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }

  std::string bundle_path(const std::string& form, const std::string& query = "") {
    return "/api/v1/cases/" + std::to_string(case_id_) + "/bundle." + form + query;
  }

  static std::string text_of_file(const std::filesystem::path& path) {
    return run_command("pdftotext -enc UTF-8 '" + path.string() + "' - 2>&1").output;
  }

  std::string pdf_text(const std::string& pdf) {
    auto path = dir_.path() / "text.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return text_of_file(path);
  }

  TestServer server_;
  Client public_{server_.port()};
  Client inspector_{server_.port()};
  Client prosecutor_{server_.port()};
  Client operator_{server_.port()};
  Client shelter_{server_.port()};
  TempDir dir_;
  std::int64_t case_id_ = 0;
  std::string case_number_;
  json pdf_receipt_;
  json mp4_receipt_;
};

TEST_F(CourtBundle, TheArchiveHoldsThePdfTheSumsAndEveryOriginalWithItsReceiptHash) {
  std::int64_t downloads = count("SELECT COUNT(*) FROM evidence_custody WHERE action = 'download'");
  std::int64_t audited = count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.bundle'");
  Reply reply = prosecutor_.get(bundle_path("zip", "?lang=kk"));
  ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 300);
  EXPECT_EQ(reply.headers["content-type"], "application/zip");
  EXPECT_EQ(std::stoul(reply.headers["content-length"]), reply.body.size());
  EXPECT_NE(reply.headers["content-disposition"].find(case_number_ + "-bundle.zip"),
            std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evidence_custody WHERE action = 'download'"),
            downloads + 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.bundle'"), audited + 1);

  auto archive = dir_.path() / "bundle.zip";
  std::ofstream(archive, std::ios::binary) << reply.body;
  auto out = dir_.path() / "out";
  auto unpacked = run_command(
      "python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
      "assert z.testzip() is None; z.extractall(sys.argv[2]); "
      "print('\\n'.join(z.namelist()))\" '" +
      archive.string() + "' '" + out.string() + "' 2>&1");
  ASSERT_EQ(unpacked.status, 0) << unpacked.output;
  const std::string pdf_name =
      "evidence/" + std::to_string(pdf_receipt_["id"].get<std::int64_t>()) + "-" + kPdfName;
  const std::string mp4_id = std::to_string(mp4_receipt_["id"].get<std::int64_t>());
  const std::string mp4_name = "evidence/" + mp4_id + "-evidence-" + mp4_id + ".mp4";
  EXPECT_EQ(unpacked.output, "bundle.pdf\nSHA256SUMS\n" + pdf_name + "\n" + mp4_name + "\n");

  auto checked = run_command("cd '" + out.string() + "' && sha256sum -c SHA256SUMS 2>&1");
  EXPECT_EQ(checked.status, 0) << checked.output;
  auto sums = run_command("cat '" + (out / "SHA256SUMS").string() + "'").output;
  EXPECT_NE(sums.find(pdf_receipt_["sha256"].get<std::string>() + "  " + pdf_name + "\n"),
            std::string::npos)
      << sums;
  EXPECT_NE(sums.find(mp4_receipt_["sha256"].get<std::string>() + "  " + mp4_name + "\n"),
            std::string::npos)
      << sums;
  for (const auto& [name, receipt] :
       {std::pair{pdf_name, pdf_receipt_}, {mp4_name, mp4_receipt_}}) {
    auto hashed = run_command("sha256sum '" + (out / name).string() + "'").output;
    EXPECT_EQ(hashed.substr(0, 64), receipt["sha256"].get<std::string>()) << name;
  }

  std::string text = text_of_file(out / "bundle.pdf");
  EXPECT_NE(text.find(case_number_), std::string::npos);
  EXPECT_NE(text.find(pdf_receipt_["sha256"].get<std::string>()), std::string::npos) << text;
  EXPECT_NE(text.find(mp4_receipt_["sha256"].get<std::string>()), std::string::npos);
  EXPECT_NE(text.find("Көшірілді"), std::string::npos) << "the download just made is in custody";
  EXPECT_NE(text.find("Жүктелді"), std::string::npos) << "custody lists the upload";
  EXPECT_NE(text.find("Құралай Әлиһанова"), std::string::npos);
  EXPECT_NE(text.find(kPdfName), std::string::npos);
  for (const char* letter : {"Қ", "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"}) {
    EXPECT_NE(text.find(letter), std::string::npos) << letter;
  }
}

TEST_F(CourtBundle, ThePdfIsInTheAskedLanguageWithTheCaseAndItsEvidence) {
  std::int64_t downloads = count("SELECT COUNT(*) FROM evidence_custody WHERE action = 'download'");
  Reply en = prosecutor_.get(bundle_path("pdf", "?lang=en"));
  ASSERT_EQ(en.status, 200) << en.body.substr(0, 300);
  EXPECT_EQ(en.headers["content-type"], "application/pdf");
  std::string text = pdf_text(en.body);
  for (const char* expected :
       {"Court bundle", "Case summary", "Timeline", "Evidence manifest", "Physical assault",
        "Psychological abuse", "Witness statements", "Case opened", "Uploaded", "video/mp4",
        "Ерлан Өмірбеков", "Internal case notes are not included", "1 / ",
        // Almaty has been at UTC+05:00 since 1 March 2024 (tzdata, not ICU's older copy).
        "Asia/Almaty", "(UTC+05:00)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  EXPECT_NE(text.find(case_number_), std::string::npos);
  EXPECT_NE(text.find(pdf_receipt_["sha256"].get<std::string>()), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evidence_custody WHERE action = 'download'"), downloads)
      << "the PDF alone carries no original out";

  Reply ru = prosecutor_.get(bundle_path("pdf", "?lang=ru"));
  ASSERT_EQ(ru.status, 200);
  EXPECT_NE(pdf_text(ru.body).find("Материалы дела для суда"), std::string::npos);
  // Without lang: the jurisdiction's default language (Kazakh for kz).
  Reply fallback = prosecutor_.get(bundle_path("pdf"));
  ASSERT_EQ(fallback.status, 200);
  EXPECT_NE(pdf_text(fallback.body).find("Сотқа арналған іс материалдары"), std::string::npos);
}

TEST_F(CourtBundle, AFileTheReporterAttachedNamesHerAsItsUploader) {
  Reply submitted =
      public_.post("/api/v1/intake/reports",
                   {{"reporter", {{"type", "survivor"}}},
                    {"incident", {{"types", {"physical_assault"}}, {"region", kAlmaty}}},
                    {"victim", {{"full_name", "Айнұр Сейітова"}}},
                    {"aggressor", {{"full_name", "Бауыржан Сейітов"}}},
                    {"immediate_danger", false}});
  ASSERT_EQ(submitted.status, 201);
  std::string code = submitted.json()["receipt_code"];
  Reply attached = public_.request("POST", "/api/v1/intake/attachments", "\xFF\xD8\xFF\xE0photo",
                                   {{"Content-Type", "application/octet-stream"},
                                    {"X-Receipt-Code", code},
                                    {"X-Receipt-Secret", submitted.json()["receipt_secret"]}});
  ASSERT_EQ(attached.status, 201) << attached.body;
  std::int64_t report_id =
      count("SELECT id FROM intake_reports WHERE receipt_code = '" + code + "'");
  Reply accepted = inspector_.post(
      "/api/v1/intake/reports/" + std::to_string(report_id) + "/accept", json::object());
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  Reply pdf =
      prosecutor_.get("/api/v1/cases/" + accepted.json()["id"].dump() + "/bundle.pdf?lang=en");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  std::string text = pdf_text(pdf.body);
  EXPECT_NE(text.find(attached.json()["attachment"]["sha256"].get<std::string>()),
            std::string::npos);
  EXPECT_NE(text.find("the reporter (with the receipt)"), std::string::npos) << text;
  EXPECT_NE(text.find("Гүлнар Инспекторова"), std::string::npos) << "the hand-over's user";
}

TEST_F(CourtBundle, OutsideTheScopeTheBundleDoesNotExistAndBadInputIsRefused) {
  std::int64_t audited = count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.bundle'");
  std::int64_t custody = count("SELECT COUNT(*) FROM evidence_custody");
  for (const char* form : {"pdf", "zip"}) {
    Reply astana = operator_.get(bundle_path(form));  // Astana's 111 reaches no Almaty case
    EXPECT_EQ(astana.status, 404) << form;
    EXPECT_EQ(astana.error_code(), "not_found");
    Reply shelter = shelter_.get(bundle_path(form));
    EXPECT_EQ(shelter.status, 403) << form;
    EXPECT_EQ(shelter.error_code(), "forbidden");
    Reply bad = prosecutor_.get(bundle_path(form, "?lang=de"));
    EXPECT_EQ(bad.status, 400) << form;
    EXPECT_EQ(bad.error_code(), "validation_failed");
    Reply missing = prosecutor_.get("/api/v1/cases/999999/bundle." + std::string(form));
    EXPECT_EQ(missing.status, 404);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.bundle'"), audited);
  EXPECT_EQ(count("SELECT COUNT(*) FROM evidence_custody"), custody);
}

// A blob that fails to decrypt while the archive streams cuts the connection: the client gets
// fewer bytes than Content-Length announced and an error, never a complete-looking archive.
TEST_F(CourtBundle, ADamagedOriginalCutsTheArchiveMidStream) {
  std::string blob;
  {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    blob = database.connect()
               ->query_one("SELECT blob FROM evidence WHERE id = $1",
                           {mp4_receipt_["id"].get<std::int64_t>()})
               ->text(0);
  }
  auto path = server_.data_dir() / "evidence" / (blob + ".blob");
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(200);  // inside the first sealed chunk, past the header
    char byte = 0;
    file.get(byte);
    file.seekp(200);
    file.put(static_cast<char>(byte ^ 0x5A));
  }
  EXPECT_ANY_THROW(prosecutor_.get(bundle_path("zip")));
  // The server lives on, and the PDF (no originals) is still served.
  EXPECT_EQ(prosecutor_.get(bundle_path("pdf")).status, 200);
}

}  // namespace
}  // namespace qorgau::testing
