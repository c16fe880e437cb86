// Personal data is encrypted at rest: after people are stored and read back
// over the API, no byte sequence of their names or IINs appears in any file
// of the data directory (database, WAL, shared memory, key file) nor in the
// server's log.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/demo_data.h"
#include "core/iin.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every word of 4+ bytes of a name, and the name itself.
std::vector<std::string> needles_for(const std::string& name) {
  std::vector<std::string> out{name};
  std::istringstream words(name);
  std::string word;
  while (words >> word) {
    if (word.size() >= 4) out.push_back(word);
  }
  return out;
}

void expect_absent_everywhere(const TestServer& server, const std::vector<std::string>& needles) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(server.data_dir())) {
    if (!entry.is_regular_file()) continue;
    ++files;
    std::string content = read_file(entry.path());
    for (const auto& needle : needles) {
      EXPECT_EQ(content.find(needle), std::string::npos)
          << "plaintext found in " << entry.path().filename();
    }
  }
  EXPECT_GE(files, 2u) << "expected at least the database and the key file";
  std::string log = server.server_log();
  for (const auto& needle : needles) {
    EXPECT_EQ(log.find(needle), std::string::npos) << "plaintext found in the server log";
  }
}

TEST(PlaintextAtRest, SeededAndNewPeopleNeverAppearInTheDataDirectory) {
  TestServer server;
  Client inspector(server.port());
  ASSERT_EQ(inspector.login("inspector", kDemoPassword).status, 200);

  // A person added over the API, with an IIN (born 1994-07-09, female).
  const std::string name = "Жансая Ерболқызы Түгелбаева";
  std::string iin;
  for (int serial = 5013; iin.empty(); ++serial) {
    using namespace std::chrono;
    iin = core::make_iin(year{1994} / July / 9, core::Sex::kFemale, serial).value_or("");
  }
  const std::string seeded_iin = app::demo_people().at(0).iin;
  Reply created = inspector.post("/api/v1/people", {{"full_name", name}, {"iin", iin}});
  ASSERT_EQ(created.status, 201) << created.body;

  // The seeded demo person is really stored: found by IIN, decrypted on read.
  Reply seeded = inspector.post("/api/v1/people/search", {{"iin", seeded_iin}});
  ASSERT_EQ(seeded.status, 200) << seeded.body;
  auto found = seeded.json()["people"];
  ASSERT_EQ(found.size(), 1u) << "the demo person's IIN should be findable";
  std::string seeded_name = found[0]["full_name"];
  EXPECT_EQ(seeded_name, app::demo_people().at(0).full_name);
  // And the new one by name, case- and space-insensitively.
  Reply by_name =
      inspector.post("/api/v1/people/search", {{"full_name", "  жансая  ерболқызы ТҮГЕЛБАЕВА "}});
  ASSERT_EQ(by_name.json()["people"].size(), 1u);
  EXPECT_EQ(by_name.json()["people"][0]["iin"], iin);

  std::vector<std::string> needles = needles_for(name);
  auto seeded_needles = needles_for(seeded_name);
  needles.insert(needles.end(), seeded_needles.begin(), seeded_needles.end());
  needles.push_back(iin);
  needles.push_back(seeded_iin);
  needles.push_back("Әсел Админ");  // a staff display name

  expect_absent_everywhere(server, needles);  // while running (WAL not checkpointed)
  ASSERT_EQ(server.stop(), 0);
  expect_absent_everywhere(server, needles);  // after shutdown
}

TEST(PlaintextAtRest, PublicReportsNeverAppearInTheDataDirectory) {
  TestServer server;
  Client reporter(server.port());
  std::string iin;
  for (int serial = 6021; iin.empty(); ++serial) {
    using namespace std::chrono;
    iin = core::make_iin(year{1989} / May / 3, core::Sex::kMale, serial).value_or("");
  }
  const nlohmann::json report = {
      {"reporter", {{"type", "witness"}, {"name", "Гүлмира Сапарқызы"}}},
      {"incident",
       {{"types", {"physical_assault"}},
        {"region", "750000000"},
        {"locality", "Самал-2 шағын ауданы"},
        {"description", "Ол әйелін баспалдақта итеріп жіберді, балалар жылап тұрды"}}},
      {"victim", {{"full_name", "Ләззат Оразбекова"}}},
      {"aggressor", {{"full_name", "Бауыржан Оразбеков"}, {"iin", iin}}},
      {"immediate_danger", false},
      {"contact",
       {{"ways", {"sms", "email"}},
        {"phone", "+7 701 555 44 33"},
        {"email", "gulmira.saparkyzy@example.kz"},
        {"note", "Кешкі сағат жетіден кейін"}}}};
  Reply created = reporter.post("/api/v1/intake/reports", report);
  ASSERT_EQ(created.status, 201) << created.body;
  Reply added =
      reporter.post("/api/v1/intake/receipt/add", {{"code", created.json()["receipt_code"]},
                                                   {"secret", created.json()["receipt_secret"]},
                                                   {"text", "Бүгін түнде тағы келді"}});
  ASSERT_EQ(added.status, 201) << added.body;

  std::vector<std::string> needles = {"Гүлмира Сапарқызы",
                                      "Самал-2",
                                      "баспалдақта итеріп",
                                      "Ләззат",
                                      "Оразбеков",
                                      iin,
                                      "701 555 44 33",
                                      "gulmira.saparkyzy",
                                      "Кешкі сағат",
                                      "тағы келді",
                                      created.json()["receipt_secret"]};
  expect_absent_everywhere(server, needles);
  ASSERT_EQ(server.stop(), 0);
  expect_absent_everywhere(server, needles);
}

}  // namespace
}  // namespace qorgau::testing
