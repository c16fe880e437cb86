#include "cases/csv.h"

#include <gtest/gtest.h>

namespace qorgau::cases {
namespace {

TEST(CaseCsv, FormulaCellsGetALeadingApostrophe) {
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_cell("+7 700"), "'+7 700");
  EXPECT_EQ(csv_cell("-1"), "'-1");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_cell("\tcmd"), "'\tcmd");
  EXPECT_EQ(csv_cell("\rcmd"), "\"'\rcmd\"");
  EXPECT_EQ(csv_cell("C-000001"), "C-000001");
  EXPECT_EQ(csv_cell(""), "");
}

TEST(CaseCsv, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csv_cell("rape,physical_assault"), "\"rape,physical_assault\"");
  EXPECT_EQ(csv_cell("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(csv_cell("a\nb"), "\"a\nb\"");
  EXPECT_EQ(csv_row({"a", "b,c", "=1"}), "a,\"b,c\",'=1\r\n");
}

TEST(CaseCsv, WritesATableNumbersAsTheyAre) {
  struct Row {
    std::string code;
    std::int64_t count;
  };
  std::vector<Column<Row>> columns = {{"code", 10, [](const Row& r) -> Cell { return r.code; }},
                                      {"count", 5, [](const Row& r) -> Cell { return r.count; }}};
  Table table = tabulate(columns, std::vector<Row>{{"=cmd", -3}, {"a,b", 42}});
  EXPECT_EQ(csv_table(table), "code,count\r\n'=cmd,-3\r\n\"a,b\",42\r\n");
  EXPECT_EQ(table.widths, (std::vector<double>{10, 5}));
}

}  // namespace
}  // namespace qorgau::cases
