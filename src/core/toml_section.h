// Strict reading of a TOML table for data files (the jurisdiction, risk instruments): typed
// accessors that name the full dotted key in their errors ("item[3].text.kk"), and a record of
// the keys read so that done() rejects every key nobody asked for (typos, stale keys).
//
// Invariant: every accessor either returns a value of the asked type within its bounds or
// throws TomlKeyError naming the key; nothing is defaulted silently.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/language.h"

namespace qorgau::core {

// A key of a data file that is missing, of the wrong type, out of bounds or unknown.
// what() reads "key 'item[2].weight': must be between 0 and 100 (line 14)".
struct TomlKeyError : std::runtime_error {
  TomlKeyError(std::string key_path, const std::string& problem, const toml::node* node);
  std::string key;      // dotted path of the offending key
  std::string problem;  // what is wrong with it, without the line
};

// Lowercase ASCII letters, digits and '_', at least one character.
bool is_snake_case(std::string_view s);

class TomlSection {
 public:
  // Upper bound of positive(): catches a typo long before an overflow of std::chrono arithmetic.
  static constexpr std::int64_t kMaxPositive = 100'000;

  TomlSection(const toml::table& table, std::string path) : table_(table), path_(std::move(path)) {}

  // The dotted path of `name` in this table.
  std::string key(std::string_view name) const;
  bool has(std::string_view name) const { return table_.get(name) != nullptr; }

  const toml::node& node(std::string_view name);
  std::string string(std::string_view name, bool may_be_empty = false);
  bool boolean(std::string_view name);
  std::int64_t integer(std::string_view name, std::int64_t min, std::int64_t max);
  // An integer in [1, kMaxPositive].
  std::int64_t positive(std::string_view name) { return integer(name, 1, kMaxPositive); }
  TomlSection table(std::string_view name);
  const toml::array& array(std::string_view name);
  // A table {kk, ru, en} of non-empty strings and nothing else.
  LocalizedText text(std::string_view name);
  // A list of unique snake_case codes.
  std::vector<std::string> codes(std::string_view name);
  // Tables of an array of tables ([[name]]), each with its indexed key path "name[i]".
  std::vector<TomlSection> tables(std::string_view name);
  // Throws for the first key of the table that no accessor asked for.
  void done() const;

 private:
  const toml::table& table_;
  std::string path_;
  std::set<std::string, std::less<>> used_;
};

}  // namespace qorgau::core
