#include "risk/instrument.h"

#include <algorithm>

#include <toml++/toml.h>

#include "core/toml_section.h"

namespace qorgau::risk {

namespace {

using core::TomlKeyError;
using core::TomlSection;

[[noreturn]] void fail(const std::string& key, const std::string& problem) {
  throw InstrumentError(key + ": " + problem);
}

bool is_code(std::string_view s) {
  return s.size() >= 3 && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

std::string snake_case_id(TomlSection& s) {
  std::string id = s.string("id");
  if (!core::is_snake_case(id) || id.size() > 64) {
    fail(s.key("id"), "expected a snake_case code of at most 64 characters");
  }
  return id;
}

std::optional<Level> optional_level(TomlSection& s) {
  if (!s.has("at_least")) return std::nullopt;
  std::optional<Level> level = parse_level(s.string("at_least"));
  if (!level) fail(s.key("at_least"), "expected \"low\", \"medium\", \"high\" or \"extreme\"");
  return level;
}

std::int64_t weight(TomlSection& s) {
  return s.integer("weight", 0, kMaxWeight);
}

std::vector<Option> read_options(TomlSection& item) {
  std::vector<Option> options;
  for (TomlSection& s : item.tables("option")) {
    Option option{snake_case_id(s), s.text("text"), weight(s), optional_level(s)};
    if (option.id == "unknown") fail(s.key("id"), "\"unknown\" is every item's own answer");
    for (const Option& earlier : options) {
      if (earlier.id == option.id) fail(s.key("id"), "duplicate '" + option.id + "'");
    }
    s.done();
    options.push_back(std::move(option));
  }
  if (options.size() < 2 || options.size() > kMaxOptions) {
    fail(item.key("option"), "a choice needs 2 to " + std::to_string(kMaxOptions) + " options");
  }
  return options;
}

Item read_item(TomlSection& s) {
  Item item;
  item.id = snake_case_id(s);
  item.text = s.text("text");
  std::string answer = s.string("answer");
  if (answer == answer_kind_name(AnswerKind::kYesNoUnknown)) {
    item.answer = AnswerKind::kYesNoUnknown;
    item.weight = weight(s);
    item.at_least = optional_level(s);
  } else if (answer == answer_kind_name(AnswerKind::kChoice)) {
    item.answer = AnswerKind::kChoice;
    item.options = read_options(s);
  } else {
    fail(s.key("answer"), "expected \"yes_no_unknown\" or \"choice\"");
  }
  s.done();  // a choice with a weight, or a yes/no with options, ends here as an unknown key
  return item;
}

Thresholds read_thresholds(TomlSection& root) {
  TomlSection s = root.table("thresholds");
  Thresholds t{s.integer("medium", 1, kMaxScore), s.integer("high", 1, kMaxScore),
               s.integer("extreme", 1, kMaxScore)};
  s.done();
  if (!(t.medium < t.high)) fail(s.key("high"), "must be greater than medium");
  if (!(t.high < t.extreme)) fail(s.key("extreme"), "must be greater than high");
  return t;
}

Instrument read_instrument(const toml::table& document) {
  TomlSection root(document, "");
  Instrument instrument;
  instrument.code = root.string("code");
  if (!is_code(instrument.code)) {
    fail("code", "expected 3 to 64 lowercase letters, digits or '-'");
  }
  instrument.version = root.integer("version", 1, 1'000'000);
  instrument.name = root.text("name");
  instrument.thresholds = read_thresholds(root);
  for (TomlSection& s : root.tables("item")) {
    Item item = read_item(s);
    if (instrument.find_item(item.id)) fail(s.key("id"), "duplicate '" + item.id + "'");
    instrument.items.push_back(std::move(item));
  }
  if (instrument.items.empty() || instrument.items.size() > kMaxItems) {
    fail("item", "expected 1 to " + std::to_string(kMaxItems) + " items");
  }
  root.done();
  return instrument;
}

}  // namespace

std::string_view answer_kind_name(AnswerKind kind) {
  return kind == AnswerKind::kChoice ? "choice" : "yes_no_unknown";
}

const Item* Instrument::find_item(std::string_view id) const {
  for (const Item& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

Instrument parse_instrument(std::string_view toml_text) {
  if (toml_text.size() > kMaxInstrumentBytes) {
    throw InstrumentError("file: larger than " + std::to_string(kMaxInstrumentBytes) + " bytes");
  }
  toml::table document;
  try {
    document = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    throw InstrumentError("line " + std::to_string(e.source().begin.line) + ": " +
                          std::string(e.description()));
  }
  try {
    return read_instrument(document);
  } catch (const TomlKeyError& e) {
    std::string problem = e.problem;
    throw InstrumentError(e.key + ": " + problem);
  }
}

}  // namespace qorgau::risk
