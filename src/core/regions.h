// The first-level administrative units of a jurisdiction (in Kazakhstan since 2022: 17 regions
// and 3 cities of republican significance), read from the jurisdiction's regions CSV.
//
// CSV format: UTF-8 (an optional byte-order mark is skipped), comma-separated, no quoting (a
// field containing '"' is rejected), LF or CRLF line ends, blank lines ignored. The first line is
// a header that must name the columns kato, iso_3166_2, name_en, name_kk, name_ru and kind, in
// any order; other columns are ignored. Every row has as many fields as the header.
//
// Invariants of a parsed list: at least one region; every KATO code is 9 ASCII digits and unique;
// every ISO 3166-2 code looks like "KZ-71" (two capital letters, '-', 1-3 capital letters or
// digits) and is unique; kind is "region" or "city"; every name is present in all languages.
// Rows keep the file's order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"

namespace qorgau::core {

struct Region {
  std::string kato;        // КАТО, the national classifier of administrative units: "710000000"
  std::string iso_3166_2;  // "KZ-71"
  std::string kind;        // "region" or "city"
  LocalizedText name;
};

// Parses a regions CSV. Throws std::runtime_error naming the line number (1-based, the header
// is line 1) and the problem when the input breaks the format or an invariant above.
std::vector<Region> parse_regions_csv(std::string_view csv);

}  // namespace qorgau::core
