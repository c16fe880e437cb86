#include "core/regions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>

#include "core/embedded.h"

namespace qorgau::core {
namespace {

constexpr std::string_view kHeader = "kato,iso_3166_2,name_en,name_kk,name_ru,kind\n";
constexpr std::string_view kAstana = "710000000,KZ-71,Astana,Астана,Астана,city\n";
constexpr std::string_view kAbai =
    "100000000,KZ-10,Abai Region,Абай облысы,Абайская область,region\n";

std::string csv_of(std::initializer_list<std::string_view> lines) {
  std::string csv;
  for (std::string_view line : lines) {
    csv += line;
  }
  return csv;
}

// Expects parse_regions_csv to throw a runtime_error whose message contains `fragment`.
void expect_rejected(const std::string& csv, const std::string& fragment) {
  try {
    parse_regions_csv(csv);
    ADD_FAILURE() << "accepted: " << csv;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
        << "message '" << e.what() << "' lacks '" << fragment << "'";
  }
}

const Region& find(const std::vector<Region>& regions, std::string_view kato) {
  auto it =
      std::find_if(regions.begin(), regions.end(), [&](const Region& r) { return r.kato == kato; });
  if (it == regions.end()) {
    throw std::out_of_range(std::string(kato));
  }
  return *it;
}

TEST(RegionsTest, EmbeddedKazakhstanFile) {
  auto regions = parse_regions_csv(embedded::resource("reference/kz/regions.csv"));
  ASSERT_EQ(regions.size(), 20u);
  EXPECT_EQ(std::count_if(regions.begin(), regions.end(),
                          [](const Region& r) { return r.kind == "city"; }),
            3);
  const Region& astana = find(regions, "710000000");
  EXPECT_EQ(astana.iso_3166_2, "KZ-71");
  EXPECT_EQ(astana.kind, "city");
  EXPECT_EQ(astana.name.kk, "Астана");
  EXPECT_EQ(astana.name.en, "Astana");
  const Region& abai = find(regions, "100000000");
  EXPECT_EQ(abai.name.kk, "Абай облысы");
  EXPECT_EQ(abai.name.ru, "Абайская область");
  EXPECT_EQ(abai.name.en, "Abai Region");
  EXPECT_EQ(abai.kind, "region");
  for (const Region& r : regions) {
    EXPECT_TRUE(r.name.complete()) << r.kato;
  }
}

TEST(RegionsTest, ColumnsInAnyOrderAndExtraColumnsIgnored) {
  auto regions = parse_regions_csv(
      "kind,name_ru,note,name_kk,name_en,iso_3166_2,kato\r\n"
      "city,Астана,capital,Астана,Astana,KZ-71,710000000\r\n"
      "\r\n");
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(regions[0].kato, "710000000");
  EXPECT_EQ(regions[0].iso_3166_2, "KZ-71");
  EXPECT_EQ(regions[0].kind, "city");
  EXPECT_EQ(regions[0].name.ru, "Астана");
  EXPECT_EQ(regions[0].name.en, "Astana");
}

TEST(RegionsTest, ByteOrderMarkAndMissingFinalNewline) {
  std::string csv = "\xEF\xBB\xBF" + csv_of({kHeader, kAstana, kAbai});
  csv.pop_back();
  auto regions = parse_regions_csv(csv);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[1].name.kk, "Абай облысы");  // file order kept
}

TEST(RegionsTest, MissingColumn) {
  expect_rejected("kato,iso_3166_2,name_en,name_kk,kind\n710000000,KZ-71,Astana,Астана,city\n",
                  "missing column 'name_ru'");
  expect_rejected("kato,iso_3166_2,name_en,name_kk,name_ru,kind,kato\n", "'kato' appears twice");
  expect_rejected("", "missing header");
  expect_rejected("\n" + csv_of({kHeader, kAstana}), "line 1");
}

TEST(RegionsTest, BadKato) {
  expect_rejected(csv_of({kHeader, kAbai, "71000000,KZ-71,Astana,Астана,Астана,city\n"}),
                  "line 3: KATO code '71000000' is not 9 digits");
  expect_rejected(csv_of({kHeader, "7100000001,KZ-71,Astana,Астана,Астана,city\n"}), "line 2");
  expect_rejected(csv_of({kHeader, "71000000A,KZ-71,Astana,Астана,Астана,city\n"}), "KATO");
}

TEST(RegionsTest, DuplicateCodes) {
  expect_rejected(csv_of({kHeader, kAstana, kAbai, "710000000,KZ-99,Again,Қайта,Снова,city\n"}),
                  "line 4: duplicate KATO code '710000000'");
  expect_rejected(csv_of({kHeader, kAstana, "720000000,KZ-71,Again,Қайта,Снова,city\n"}),
                  "line 3: duplicate ISO 3166-2 code");
}

TEST(RegionsTest, ShortAndLongRows) {
  expect_rejected(csv_of({kHeader, kAstana, "100000000,KZ-10,Abai Region,Абай облысы,region\n"}),
                  "line 3: expected 6 fields, found 5");
  expect_rejected(csv_of({kHeader, "710000000,KZ-71,Astana,Астана,Астана,city,extra\n"}),
                  "line 2: expected 6 fields, found 7");
}

TEST(RegionsTest, IncompleteOrInvalidValues) {
  expect_rejected(csv_of({kHeader, "710000000,KZ-71,Astana,,Астана,city\n"}),
                  "line 2: empty name_kk");
  expect_rejected(csv_of({kHeader, "710000000,KZ-71,Astana,Астана,Астана,town\n"}), "kind 'town'");
  expect_rejected(csv_of({kHeader, "710000000,kz71,Astana,Астана,Астана,city\n"}), "ISO 3166-2");
  expect_rejected(csv_of({kHeader, "710000000,KZ-71,\"Astana\",Астана,Астана,city\n"}), "quoted");
  expect_rejected(csv_of({kHeader}), "no regions");
}

}  // namespace
}  // namespace qorgau::core
