// A risk instrument: a questionnaire defined as data (one TOML file per instrument and version;
// reference/risk/qorgau-risk-1.toml is the one shipped), so that an agency can load another
// without a new binary. An assessment stores the code and version it used and every answer.
//
// The file:
//   code = "qorgau-risk-1"          lowercase letters, digits and '-', 3..64 characters
//   version = 1                     1..1000000
//   name = {kk, ru, en}
//   [thresholds] medium = 5  high = 12  extreme = 20   the lowest score of each level above low
//   [[item]] id = "strangulation"  text = {kk, ru, en}  answer = "yes_no_unknown"
//            weight = 5            points of a "yes" ("no" and "unknown" score 0)
//            at_least = "high"     optional: the lowest level a "yes" allows
//   [[item]] id = "..." text = {..} answer = "choice"
//            [[item.option]] id = "..." text = {..} weight = 2 at_least = "..."(optional)
//
// Invariants of a parsed Instrument (parse_instrument throws InstrumentError otherwise):
// - no key is missing, of the wrong type or unknown; every text has kk, ru and en, non-empty;
// - 0 < thresholds.medium < thresholds.high < thresholds.extreme <= kMaxScore;
// - 1 to kMaxItems items with unique snake_case ids; weights are integers in 0..kMaxWeight;
// - a yes_no_unknown item has no options; a choice item has 2..kMaxOptions options with unique
//   snake_case ids, none of them named "unknown";
// - at_least names a level.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"
#include "risk/level.h"

namespace qorgau::risk {

inline constexpr std::int64_t kMaxWeight = 100;
inline constexpr std::size_t kMaxItems = 100;
inline constexpr std::size_t kMaxOptions = 20;
inline constexpr std::int64_t kMaxScore = kMaxWeight * static_cast<std::int64_t>(kMaxItems);
inline constexpr std::size_t kMaxInstrumentBytes = std::size_t{256} * 1024;

enum class AnswerKind { kYesNoUnknown, kChoice };

// "yes_no_unknown", "choice".
std::string_view answer_kind_name(AnswerKind kind);

struct Option {
  std::string id;
  core::LocalizedText text;
  std::int64_t weight = 0;
  std::optional<Level> at_least;
};

struct Item {
  std::string id;
  core::LocalizedText text;
  AnswerKind answer = AnswerKind::kYesNoUnknown;
  std::int64_t weight = 0;        // yes_no_unknown: the points of "yes"
  std::optional<Level> at_least;  // yes_no_unknown: the floor a "yes" sets
  std::vector<Option> options;    // choice only
};

// The lowest score of each level above low (low starts at 0).
struct Thresholds {
  std::int64_t medium = 0;
  std::int64_t high = 0;
  std::int64_t extreme = 0;
};

struct Instrument {
  std::string code;
  std::int64_t version = 0;
  core::LocalizedText name;
  Thresholds thresholds;
  std::vector<Item> items;  // file order: the order they are asked in

  const Item* find_item(std::string_view id) const;
};

// An invalid instrument file; `problem` names the key and what is wrong with it
// ("item[3].weight: must be between 0 and 100"), and is what the API returns as the field.
struct InstrumentError : std::runtime_error {
  explicit InstrumentError(const std::string& problem_text)
      : std::runtime_error("invalid risk instrument: " + problem_text), problem(problem_text) {}
  std::string problem;
};

// Parses and validates an instrument file (see the invariants).
Instrument parse_instrument(std::string_view toml_text);

}  // namespace qorgau::risk
