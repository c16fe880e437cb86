// The poster is checked the way a reader meets it: poppler reads the PDF's text back (so every
// letter is real text in a font that has it, not an empty box) and zbar decodes the QR code from
// a 150 dpi rendering, as a phone camera would.
#include "help/poster.h"

#include <gtest/gtest.h>
#include <cstdlib>
#include <fstream>
#include <string>

#include "testing/run_command.h"
#include "testing/temp_dir.h"

namespace qorgau::help {
namespace {

using qorgau::testing::CommandResult;
using qorgau::testing::run_command;
using qorgau::testing::TempDir;

constexpr const char* kUrl = "https://qorgau.example.kz/help?region=110000000";

PosterContent kazakh_poster() {
  PosterContent c;
  c.language = "kk";
  c.heading = "Сіз жалғыз емессіз";
  c.lead = "Үйдегі зорлық-зомбылық — сіздің кінәңіз емес. Көмек жақын.";
  c.region = "Ақмола облысы";
  c.institution = "Әл-Фараби атындағы №12 мектеп, Өскемен, Ұлы Дала даңғылы, Шаһар ауданы";
  c.numbers_title = "Көмек керек болса, қоңырау шалыңыз";
  c.numbers = {{"111",
                "Отбасы, әйелдер және балалар құқықтарын қорғау мәселелері жөніндегі бірыңғай "
                "байланыс орталығы: тәулік бойы, тегін, чат та бар"},
               {"150", "Балалар мен жастарға арналған ұлттық сенім телефоны"},
               {"102", "Полиция"},
               {"112", "Шұғыл қызметтер"}};
  c.qr_caption = "Жақын маңдағы көмекті табу үшін кодты сканерлеңіз";
  c.url = kUrl;
  c.footer = "111 және 150 нөмірлеріне қоңырау шалу тегін.";
  return c;
}

// Runs of whitespace (line breaks where pango wrapped a line) become one space.
std::string squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

class PosterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm", "zbarimg"}) {
      if (run_command(std::string("command -v ") + tool + " >/dev/null 2>&1").status != 0) {
        FAIL() << tool << " is missing: the poster tests need poppler-utils and zbar-tools "
               << "(run scripts/install-deps.sh)";
      }
    }
  }

  // Writes the PDF into the temporary directory and returns its path.
  std::string save(const std::string& pdf, const std::string& name = "poster.pdf") {
    std::string path = (dir_.path() / name).string();
    std::ofstream out(path, std::ios::binary);
    out << pdf;
    EXPECT_TRUE(out.good());
    return path;
  }

  // pdfinfo's "Pages:" count, or -1.
  int pages(const std::string& path) {
    std::string details = info(path);
    auto at = details.find("Pages:");
    if (at == std::string::npos) return -1;
    return std::atoi(details.c_str() + at + 6);
  }

  std::string info(const std::string& path) {
    CommandResult r = run_command("pdfinfo '" + path + "' 2>&1");
    EXPECT_EQ(r.status, 0) << r.output;
    return r.output;
  }

  std::string text(const std::string& path) {
    CommandResult r = run_command("pdftotext -enc UTF-8 '" + path + "' - 2>&1");
    EXPECT_EQ(r.status, 0) << r.output;
    return squeeze(r.output);
  }

  TempDir dir_;
};

TEST_F(PosterTest, IsOneA4PortraitPage) {
  std::string pdf = render_poster(kazakh_poster());
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  std::string path = save(pdf);
  EXPECT_EQ(pages(path), 1);
  std::string details = info(path);
  EXPECT_NE(details.find("595.276 x 841.89 pts (A4)"), std::string::npos) << details;
}

TEST_F(PosterTest, KazakhTextComesBackExactly) {
  const PosterContent content = kazakh_poster();
  std::string extracted = text(save(render_poster(content)));
  const std::string expected[] = {content.heading,
                                  content.lead,
                                  content.region,
                                  content.institution,
                                  content.numbers_title,
                                  content.qr_caption,
                                  content.footer,
                                  "111",
                                  "150",
                                  "102",
                                  "112",
                                  "Шұғыл қызметтер",
                                  "ұлттық сенім телефоны",
                                  "құқықтарын қорғау мәселелері жөніндегі бірыңғай",
                                  kUrl};
  std::string all;
  for (const auto& s : expected) {
    EXPECT_NE(extracted.find(s), std::string::npos) << "missing: " << s << "\nin: " << extracted;
    all += s;
  }
  // The strings above hold every letter special to Kazakh, so each was drawn as itself.
  for (const char* letter : {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ө", "Ұ", "Ү"}) {
    EXPECT_NE(all.find(letter), std::string::npos) << "the test should cover " << letter;
  }
}

TEST_F(PosterTest, QrCodeDecodesToTheUrl) {
  std::string path = save(render_poster(kazakh_poster()));
  std::string png = (dir_.path() / "page").string();
  CommandResult render =
      run_command("pdftoppm -png -r 150 -singlefile '" + path + "' '" + png + "' 2>&1");
  ASSERT_EQ(render.status, 0) << render.output;
  CommandResult decoded = run_command("zbarimg --raw -q '" + png + ".png'");
  ASSERT_EQ(decoded.status, 0) << "zbarimg found no code: " << decoded.output;
  EXPECT_EQ(decoded.output, std::string(kUrl) + "\n");
}

TEST_F(PosterTest, TextIsNeverMarkup) {
  PosterContent content = kazakh_poster();
  content.language = "en";
  content.institution = "<b>School</b> & <span size=\"1\">Co</span>";
  std::string extracted = text(save(render_poster(content)));
  EXPECT_NE(extracted.find("<b>School</b> & <span size=\"1\">Co</span>"), std::string::npos)
      << extracted;
}

TEST_F(PosterTest, LongContentStaysOnOnePage) {
  PosterContent content = kazakh_poster();
  content.institution = std::string(120, 'W');
  for (int i = 0; i < 8; ++i) content.numbers.push_back(content.numbers[0]);
  EXPECT_EQ(pages(save(render_poster(content))), 1);
}

TEST_F(PosterTest, OptionalTextsMayBeLeftOut) {
  PosterContent content;
  content.language = "en";
  content.heading = "You are not alone";
  content.numbers = {{"111", "Help line"}};
  content.url = kUrl;
  std::string extracted = text(save(render_poster(content)));
  EXPECT_NE(extracted.find("You are not alone"), std::string::npos) << extracted;
  EXPECT_NE(extracted.find("111 Help line"), std::string::npos) << extracted;
}

TEST_F(PosterTest, UrlThatNoQrCodeHoldsIsAnError) {
  PosterContent content = kazakh_poster();
  content.url = "https://qorgau.example.kz/" + std::string(3000, 'a');
  EXPECT_THROW(render_poster(content), PosterError);
  content.url.clear();
  EXPECT_THROW(render_poster(content), PosterError);
}

}  // namespace
}  // namespace qorgau::help
