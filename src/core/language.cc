#include "core/language.h"

#include <utility>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace qorgau::core {

std::string_view code(Language language) {
  switch (language) {
    case Language::kKk:
      return "kk";
    case Language::kRu:
      return "ru";
    case Language::kEn:
      return "en";
  }
  return "en";
}

std::optional<Language> parse_language(std::string_view text) {
  if (text.size() != 2) return std::nullopt;
  std::string lower;
  for (char c : text)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (Language l : kAllLanguages) {
    if (code(l) == lower) return l;
  }
  return std::nullopt;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Quality of one Accept-Language element ("ru;q=0.9" -> 0.9). Malformed -> 0.
double quality(std::string_view params) {
  auto q = params.find("q=");
  if (q == std::string_view::npos) return 1.0;
  std::string value(trim(params.substr(q + 2)));
  char* end = nullptr;
  double parsed = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || parsed < 0 || parsed > 1) return 0.0;
  return parsed;
}

}  // namespace

Language negotiate_language(std::string_view header, Language fallback) {
  std::optional<Language> best;
  double best_q = 0.0;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view tag = trim(item.substr(0, semi));
    double q = semi == std::string_view::npos ? 1.0 : quality(item.substr(semi + 1));
    auto language = parse_language(tag.substr(0, std::min<size_t>(tag.find('-'), tag.size())));
    if (language && q > best_q) {
      best = language;
      best_q = q;
    }
  }
  return best.value_or(fallback);
}

const std::string& LocalizedText::in(Language language) const {
  switch (language) {
    case Language::kKk:
      return kk;
    case Language::kRu:
      return ru;
    case Language::kEn:
      return en;
  }
  return en;
}

std::string& LocalizedText::in(Language language) {
  return const_cast<std::string&>(std::as_const(*this).in(language));
}

}  // namespace qorgau::core
