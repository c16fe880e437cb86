// The three languages every user-facing string exists in, and how a request's
// language is chosen. Adding a language means adding an enumerator and a
// field to LocalizedText; the compiler then points at every place to fill in.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace qorgau::core {

enum class Language { kKk, kRu, kEn };

inline constexpr std::array<Language, 3> kAllLanguages = {Language::kKk, Language::kRu,
                                                          Language::kEn};

// "kk", "ru" or "en".
std::string_view code(Language language);

// Parses a two-letter code ("kk", "ru", "en", case-insensitive). nullopt otherwise.
std::optional<Language> parse_language(std::string_view code);

// Picks the first supported language from an HTTP Accept-Language header,
// honouring q-values ("ru-RU,ru;q=0.9,en;q=0.8" -> kRu). Region subtags are
// ignored. Returns `fallback` when nothing supported is listed.
Language negotiate_language(std::string_view accept_language, Language fallback);

// A text in every supported language. Invariant once loaded from reference
// data: no field is empty (loaders reject incomplete texts).
struct LocalizedText {
  std::string kk;
  std::string ru;
  std::string en;

  const std::string& in(Language language) const;
  std::string& in(Language language);
  bool complete() const { return !kk.empty() && !ru.empty() && !en.empty(); }
};

}  // namespace qorgau::core
