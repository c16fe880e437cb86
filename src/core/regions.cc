#include "core/regions.h"

#include <array>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace qorgau::core {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::array<std::string_view, 6> kRequiredColumns = {"kato",    "iso_3166_2", "name_en",
                                                              "name_kk", "name_ru",    "kind"};

[[noreturn]] void fail(std::size_t line, const std::string& problem) {
  throw std::runtime_error("regions CSV line " + std::to_string(line) + ": " + problem);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string> split_fields(std::string_view line, std::size_t line_number) {
  std::vector<std::string> fields;
  while (true) {
    std::size_t comma = line.find(',');
    std::string_view field = trim(line.substr(0, comma));
    if (field.find('"') != std::string_view::npos) {
      fail(line_number, "quoted fields are not supported");
    }
    fields.emplace_back(field);
    if (comma == std::string_view::npos) {
      return fields;
    }
    line.remove_prefix(comma + 1);
  }
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool valid_iso_3166_2(std::string_view code) {
  if (code.size() < 4 || code.size() > 6 || code[2] != '-') {
    return false;
  }
  if (!is_upper(code[0]) || !is_upper(code[1])) {
    return false;
  }
  for (char c : code.substr(3)) {
    if (!is_upper(c) && !(c >= '0' && c <= '9')) {
      return false;
    }
  }
  return true;
}

// Column name -> index, from the header line.
std::map<std::string, std::size_t> read_header(const std::vector<std::string>& names) {
  std::map<std::string, std::size_t> columns;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!columns.emplace(names[i], i).second) {
      fail(1, "column '" + names[i] + "' appears twice");
    }
  }
  for (std::string_view required : kRequiredColumns) {
    if (!columns.contains(std::string(required))) {
      fail(1, "missing column '" + std::string(required) + "'");
    }
  }
  return columns;
}

class RowReader {
 public:
  RowReader(const std::map<std::string, std::size_t>& columns, std::size_t line_number)
      : columns_(columns), line_number_(line_number) {}

  Region read(const std::vector<std::string>& fields) const {
    if (fields.size() != columns_.size()) {
      fail(line_number_, "expected " + std::to_string(columns_.size()) + " fields, found " +
                             std::to_string(fields.size()));
    }
    Region region{field(fields, "kato"), field(fields, "iso_3166_2"), field(fields, "kind"),
                  LocalizedText{field(fields, "name_kk"), field(fields, "name_ru"),
                                field(fields, "name_en")}};
    check(region);
    return region;
  }

 private:
  const std::string& field(const std::vector<std::string>& fields, const std::string& name) const {
    const std::string& value = fields[columns_.at(name)];
    if (value.empty()) {
      fail(line_number_, "empty " + name);
    }
    return value;
  }

  void check(const Region& region) const {
    if (region.kato.size() != 9 || !all_digits(region.kato)) {
      fail(line_number_, "KATO code '" + region.kato + "' is not 9 digits");
    }
    if (!valid_iso_3166_2(region.iso_3166_2)) {
      fail(line_number_, "ISO 3166-2 code '" + region.iso_3166_2 + "' is malformed");
    }
    if (region.kind != "region" && region.kind != "city") {
      fail(line_number_, "kind '" + region.kind + "' is neither 'region' nor 'city'");
    }
  }

  const std::map<std::string, std::size_t>& columns_;
  std::size_t line_number_;
};

// Rejects a KATO or ISO code seen on an earlier line.
class UniquenessCheck {
 public:
  void add(const Region& region, std::size_t line_number) {
    if (!katos_.insert(region.kato).second) {
      fail(line_number, "duplicate KATO code '" + region.kato + "'");
    }
    if (!iso_codes_.insert(region.iso_3166_2).second) {
      fail(line_number, "duplicate ISO 3166-2 code '" + region.iso_3166_2 + "'");
    }
  }

 private:
  std::set<std::string> katos_;
  std::set<std::string> iso_codes_;
};

}  // namespace

std::vector<Region> parse_regions_csv(std::string_view csv) {
  if (csv.starts_with(kByteOrderMark)) {
    csv.remove_prefix(kByteOrderMark.size());
  }
  std::optional<std::map<std::string, std::size_t>> columns;
  std::vector<Region> regions;
  UniquenessCheck uniqueness;
  std::size_t line_number = 0;
  while (!csv.empty()) {
    std::size_t newline = csv.find('\n');
    std::string_view line = trim(csv.substr(0, newline));
    csv = newline == std::string_view::npos ? std::string_view{} : csv.substr(newline + 1);
    ++line_number;
    if (line.empty()) {
      if (line_number == 1) {
        fail(1, "the header must be the first line");
      }
      continue;
    }
    std::vector<std::string> fields = split_fields(line, line_number);
    if (!columns) {
      columns = read_header(fields);
      continue;
    }
    regions.push_back(RowReader(*columns, line_number).read(fields));
    uniqueness.add(regions.back(), line_number);
  }
  if (!columns) {
    fail(1, "missing header");
  }
  if (regions.empty()) {
    fail(line_number, "no regions");
  }
  return regions;
}

}  // namespace qorgau::core
