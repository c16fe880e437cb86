#include "cases/xlsx.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"
#include "testing/unzip.h"

namespace qorgau::cases {
namespace {

namespace fs = std::filesystem;

Table sample() {
  Table table;
  table.header = {"code", "count", "note"};
  table.widths = {12, 8, 30};
  table.rows = {
      {std::string("C-000001"), std::int64_t{42}, std::string("=HYPERLINK(\"http://x\")")},
      {std::string("Сәрсенова"), std::int64_t{-7}, std::string()}};
  return table;
}

TEST(CaseXlsx, WritesValuesAsStringAndNumberCellsNeverFormulas) {
  testing::TempDir dir;
  std::string bytes = xlsx_workbook(sample(), "cases", dir.path() / "tmp");
  ASSERT_EQ(bytes.rfind("PK", 0), 0u) << "a zip archive";
  std::string sheet = testing::unzip(bytes, "xl/worksheets/sheet1.xml");
  std::string strings = testing::unzip(bytes, "xl/sharedStrings.xml");
  ASSERT_FALSE(sheet.empty());
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  EXPECT_EQ(sheet.find("<f "), std::string::npos);
  EXPECT_NE(sheet.find("<v>42</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>-7</v>"), std::string::npos) << sheet;
  EXPECT_NE(strings.find("'=HYPERLINK("), std::string::npos) << strings;
  EXPECT_EQ(strings.find(">=HYPERLINK("), std::string::npos) << strings;
  EXPECT_NE(strings.find("Сәрсенова"), std::string::npos);
  EXPECT_NE(strings.find("C-000001"), std::string::npos);
  // The header is bold and frozen; the widths are the table's.
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("width=\"30.7109375\""), std::string::npos) << sheet;
  EXPECT_NE(testing::unzip(bytes, "xl/styles.xml").find("<b/>"), std::string::npos);
  EXPECT_NE(testing::unzip(bytes, "xl/workbook.xml").find("name=\"cases\""), std::string::npos);
}

TEST(CaseXlsx, LeavesNoFileBehindInItsPrivateDirectory) {
  testing::TempDir dir;
  fs::path private_dir = dir.path() / "tmp";
  xlsx_workbook(sample(), "cases", private_dir);
  EXPECT_EQ((fs::status(private_dir).permissions() & fs::perms::all), fs::perms::owner_all);
  EXPECT_TRUE(fs::is_empty(private_dir));
  // A failure (a sheet name Excel refuses) throws and still leaves nothing behind.
  EXPECT_THROW(xlsx_workbook(sample(), "bad/name", private_dir), std::runtime_error);
  EXPECT_TRUE(fs::is_empty(private_dir));
}

}  // namespace
}  // namespace qorgau::cases
