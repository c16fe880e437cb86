// The help poster over HTTP: anyone may download it without logging in, a valid request gets a
// PDF named after the region and language, and every bad parameter is refused with
// validation_failed naming it.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <fstream>

#include "core/error.h"
#include "test_server.h"
#include "testing/temp_dir.h"

namespace qorgau::testing {
namespace {

constexpr const char* kPoster = "/api/v1/help/poster.pdf";

// Percent-encodes a query value (UTF-8 bytes as %XX).
std::string encode(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// The poster's text as pdftotext reads it, whitespace runs squeezed to one space.
std::string pdf_text(const std::string& pdf) {
  TempDir dir;
  std::string path = (dir.path() / "poster.pdf").string();
  std::ofstream(path, std::ios::binary) << pdf;
  FILE* pipe = ::popen(("pdftotext -enc UTF-8 '" + path + "' - 2>&1").c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  if (!pipe) return "";
  std::string text;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, n);
  EXPECT_EQ(::pclose(pipe), 0) << "pdftotext (Debian poppler-utils) failed: " << text;
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

TestServer::Options without_demo_data() {
  TestServer::Options options;
  options.demo_data = false;  // the poster reads no stored data
  return options;
}

void expect_refused(Client& client, const std::string& target, const std::string& field) {
  Reply reply = client.get(target);
  EXPECT_EQ(reply.status, core::error_info(core::ErrorCode::kValidationFailed).http_status)
      << target;
  EXPECT_EQ(reply.error_code(), "validation_failed") << target << " " << reply.body;
  EXPECT_NE(reply.body.find(field), std::string::npos) << target << " " << reply.body;
}

TEST(PosterApi, AnyoneGetsAPdfForARegionAndLanguage) {
  TestServer server(without_demo_data());
  Client anonymous(server.port(), "en");
  std::string school = "№12 мектеп-гимназия";
  Reply reply = anonymous.get(std::string(kPoster) +
                              "?region=710000000&lang=kk&institution=" + encode(school));
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.headers["content-type"], "application/pdf");
  EXPECT_EQ(reply.headers["content-disposition"],
            "attachment; filename=\"qorgau-poster-710000000-kk.pdf\"");
  EXPECT_EQ(reply.headers["cache-control"], "no-store");
  ASSERT_EQ(reply.body.substr(0, 5), "%PDF-");
  std::string text = pdf_text(reply.body);
  EXPECT_NE(text.find("Сіз жалғыз емессіз"), std::string::npos) << text;
  EXPECT_NE(text.find("Астана"), std::string::npos) << text;
  EXPECT_NE(text.find(school), std::string::npos) << text;
  EXPECT_NE(text.find("111"), std::string::npos) << text;
  // Without public_url the link is built from the Host header the client sent.
  EXPECT_NE(
      text.find("http://127.0.0.1:" + std::to_string(server.port()) + "/help?region=710000000"),
      std::string::npos)
      << text;

  // The language of the poster is the query's, not the browser's.
  Reply russian = anonymous.get(std::string(kPoster) + "?region=750000000&lang=RU");
  ASSERT_EQ(russian.status, 200) << russian.body;
  EXPECT_EQ(russian.headers["content-disposition"],
            "attachment; filename=\"qorgau-poster-750000000-ru.pdf\"");
  text = pdf_text(russian.body);
  EXPECT_NE(text.find("Вы не одни"), std::string::npos) << text;
  EXPECT_NE(text.find("Алматы"), std::string::npos) << text;
}

TEST(PosterApi, RouteIsPublic) {
  TestServer server(without_demo_data());
  std::string out;
  ASSERT_EQ(server.run_cli({"routes"}, "", &out), 0);
  bool found = false;
  for (const auto& route : nlohmann::json::parse(out)) {
    if (route["path"] != kPoster) continue;
    found = true;
    EXPECT_EQ(route["method"], "GET");
    EXPECT_EQ(route["access"], "public");
  }
  EXPECT_TRUE(found) << out;
}

TEST(PosterApi, ConfiguredPublicUrlIsTheLinksBase) {
  TestServer::Options options = without_demo_data();
  options.env["QORGAU_PUBLIC_URL"] = "https://qorgau.example.kz/";
  TestServer server(options);
  Client client(server.port());
  Reply reply = client.get(std::string(kPoster) + "?region=110000000&lang=en");
  ASSERT_EQ(reply.status, 200) << reply.body;
  std::string text = pdf_text(reply.body);
  EXPECT_NE(text.find("https://qorgau.example.kz/help?region=110000000"), std::string::npos)
      << text;
  EXPECT_NE(text.find("You are not alone"), std::string::npos) << text;
}

TEST(PosterApi, BadParametersAreRefusedNamingTheField) {
  TestServer server(without_demo_data());
  Client client(server.port());
  const std::string base = kPoster;
  expect_refused(client, base + "?lang=kk", "region");
  expect_refused(client, base + "?region=999999999&lang=kk", "region");
  expect_refused(client, base + "?region=71&lang=kk", "region");
  expect_refused(client, base + "?region=710000000", "lang");
  expect_refused(client, base + "?region=710000000&lang=de", "lang");
  expect_refused(client, base + "?region=710000000&lang=", "lang");
  const std::string ok = base + "?region=710000000&lang=ru&institution=";
  expect_refused(client, ok + std::string(121, 'a'), "institution");
  expect_refused(client, ok + encode("School\n2"), "institution");
  expect_refused(client, ok + "%FF%FE", "institution");
  expect_refused(client, ok + encode("School \u202e2"), "institution");
  // Characters are counted, not bytes: 120 Cyrillic letters are 240 bytes and are accepted.
  std::string letters;
  for (int i = 0; i < 120; ++i) letters += "ә";
  EXPECT_EQ(client.get(ok + encode(letters)).status, 200);
  EXPECT_EQ(client.get(ok + encode("   ")).status, 200) << "blank is no institution";
  // The Host header is only used when it is a plain host:port.
  Reply reply = client.request("GET", base + "?region=710000000&lang=en", "",
                               {{"Host", "evil.example/phish?x="}});
  EXPECT_EQ(reply.error_code(), "validation_failed") << reply.body;
  EXPECT_NE(reply.body.find("host"), std::string::npos) << reply.body;
}

}  // namespace
}  // namespace qorgau::testing
