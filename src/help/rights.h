// "Know your rights": the plain-language pages of the public help portal.
// They are jurisdiction data (the file named by `help_rights` in the
// jurisdiction TOML, e.g. reference/kz/help/rights.toml), not code, so
// lawyers can edit them and other countries can ship their own.
//
// File format (TOML):
//   [[topic]]
//   id = "law_2024"                      # snake_case, unique
//   title.kk = "..."  title.ru = "..."  title.en = "..."
//   summary.kk = "..." ...               # one sentence
//   body.kk = ["paragraph", ...]  body.ru = [...]  body.en = [...]
//   verified = false                     # optional: a legal detail is not yet checked
// Invariants of a parsed catalogue: at least one topic; ids unique; every
// text present and non-empty in every language; no unknown keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"

namespace qorgau::help {

struct RightsTopic {
  std::string id;
  core::LocalizedText title;
  core::LocalizedText summary;
  std::vector<std::string> paragraphs_kk;
  std::vector<std::string> paragraphs_ru;
  std::vector<std::string> paragraphs_en;
  bool verified = true;

  const std::vector<std::string>& paragraphs(core::Language language) const;
};

// Parses the file; throws std::runtime_error naming the topic and key at fault.
std::vector<RightsTopic> parse_rights(std::string_view toml_text);

}  // namespace qorgau::help
