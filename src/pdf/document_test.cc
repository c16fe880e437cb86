// A long document is read back with poppler (pdfinfo, pdftotext): it flows
// onto several pages, every page is numbered "n / N" with the right total, no
// row is lost between pages, and Kazakh letters come back as text.
#include "pdf/document.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>

#include "testing/run_command.h"
#include "testing/temp_dir.h"

namespace qorgau::pdf {
namespace {

using qorgau::testing::run_command;
using qorgau::testing::TempDir;

// The text without spaces and line breaks: pdftotext guesses spaces from the gaps between
// glyphs, and narrow gaps (around "/" or between single letters) come back without one.
std::string compact(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n') out.push_back(c);
  }
  return out;
}

class DocumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfinfo", "pdftotext"}) {
      if (run_command(std::string("command -v ") + tool + " >/dev/null 2>&1").status != 0) {
        FAIL() << tool << " is not installed: run scripts/install-deps.sh";
      }
    }
  }

  // Writes the PDF; returns its text (pages separated by form feeds).
  std::string text_of(const std::string& pdf) {
    auto path = dir_.path() / "doc.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    return run_command("pdftotext -enc UTF-8 '" + path.string() + "' - 2>&1").output;
  }

  int pages_of(const std::string& pdf) {
    auto path = dir_.path() / "pages.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    auto info = run_command("pdfinfo '" + path.string() + "' 2>&1").output;
    auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
  }

  TempDir dir_;
};

TEST_F(DocumentTest, ALongDocumentFlowsOntoNumberedPagesWithEveryRow) {
  Document d;
  d.language = "kk";
  d.title = "Сынақ";
  d.footer = "Іс C-000001";
  Block rows{Block::Kind::kRows, "", {}};
  const std::string hash("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  for (int i = 0; i < 150; ++i) {
    std::string value = "мән ";
    value += std::to_string(i);
    value += ' ';
    value += hash;
    rows.rows.push_back({"row-" + std::to_string(i), value});
  }
  const std::string title = "Сотқа арналған іс материалдары";
  const std::string letters = "Қ ә ғ ң ө ұ ү һ і";
  d.blocks = {Block{Block::Kind::kTitle, title, {}}, Block{Block::Kind::kHeading, letters, {}},
              rows, Block{Block::Kind::kParagraph, "Соңы.", {}}};
  std::string pdf = render_document(d);
  int pages = pages_of(pdf);
  ASSERT_GE(pages, 3);
  std::string text = text_of(pdf);
  const std::string flat = compact(text);
  for (int p = 1; p <= pages; ++p) {
    std::string number = "C-000001·" + std::to_string(p) + "/" + std::to_string(pages);
    EXPECT_NE(flat.find(number), std::string::npos) << number;
  }
  EXPECT_EQ(flat.find("C-000001·" + std::to_string(pages + 1) + "/"), std::string::npos);
  for (int i = 0; i < 150; ++i) {
    std::string label = "row-" + std::to_string(i);
    bool found = false;
    for (auto at = text.find(label); at != std::string::npos && !found;
         at = text.find(label, at + 1)) {
      found = at + label.size() == text.size() ||
              !std::isdigit(static_cast<unsigned char>(text[at + label.size()]));
    }
    EXPECT_TRUE(found) << label;
  }
  EXPECT_NE(text.find(hash), std::string::npos) << "a 64-character hash stays on one line";
  EXPECT_NE(flat.find(compact(letters)), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("Соңы."), std::string::npos);
}

TEST_F(DocumentTest, AnEmptyDocumentIsOneNumberedPage) {
  Document d;
  d.language = "en";
  d.footer = "Empty";
  std::string pdf = render_document(d);
  EXPECT_EQ(pages_of(pdf), 1);
  EXPECT_NE(compact(text_of(pdf)).find("Empty·1/1"), std::string::npos) << text_of(pdf);
}

}  // namespace
}  // namespace qorgau::pdf
