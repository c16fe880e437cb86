#include "cases/matching.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace qorgau::cases {

namespace {

constexpr const char* kKeyField = "person_name_keys.name_key";

// Lower-case Kazakh and Russian Cyrillic, one letter at a time.
constexpr const char* kCyrillicRules =
    "а > a; ә > a; б > b; в > v; г > g; ғ > g; д > d; е > e; ё > e; ж > zh; з > z; и > i; "
    "й > i; к > k; қ > k; л > l; м > m; н > n; ң > n; о > o; ө > o; п > p; р > r; с > s; "
    "т > t; у > u; ұ > u; ү > u; ф > f; х > h; һ > h; ц > ts; ч > ch; ш > sh; щ > sh; ъ > ; "
    "ы > y; і > i; ь > ; э > e; ю > yu; я > ya;";

struct Transliterators {
  std::unique_ptr<icu::Transliterator> cyrillic;
  std::unique_ptr<icu::Transliterator> any_latin;
};

// ICU transliterators are not safe to share between threads: one pair per thread.
const Transliterators& transliterators() {
  thread_local const Transliterators kOwn = [] {
    Transliterators t;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    t.cyrillic.reset(icu::Transliterator::createFromRules(
        "qorgau-kk-ru-latin", icu::UnicodeString::fromUTF8(kCyrillicRules), UTRANS_FORWARD,
        parse_error, status));
    if (U_FAILURE(status) || !t.cyrillic) throw std::runtime_error("transliteration rules");
    t.any_latin.reset(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t.any_latin) throw std::runtime_error("ICU Any-Latin");
    return t;
  }();
  return kOwn;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::string skeleton(std::string word) {
  if (word.rfind("ie", 0) == 0) word.erase(0, 1);  // Yerlan, Ierlan -> Erlan
  replace_all(word, "kh", "h");
  replace_all(word, "zh", "z");
  replace_all(word, "sh", "s");
  replace_all(word, "ch", "c");
  for (char& c : word) {
    switch (c) {
      case 'y':
        c = 'i';
        break;
      case 'j':
        c = 'z';
        break;
      case 'q':
        c = 'k';
        break;
      case 'x':
        c = 'h';
        break;
      case 'w':
        c = 'u';
        break;
      default:
        break;
    }
  }
  if (word.rfind("ie", 0) == 0) word.erase(0, 1);
  word.erase(std::unique(word.begin(), word.end()), word.end());
  return word;
}

}  // namespace

std::string name_key(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  text.foldCase();
  const Transliterators& t = transliterators();
  t.cyrillic->transliterate(text);
  t.any_latin->transliterate(text);
  std::string latin;
  text.toUTF8String(latin);

  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(skeleton(word));
    word.clear();
  };
  for (char c : latin) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(c);
    } else if (c == '\'' || c == '`') {
      continue;  // apostrophes inside a name: O'Brien, Qoja'ev
    } else {
      flush();
    }
  }
  flush();
  std::sort(words.begin(), words.end());
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

void Matcher::remember(store::Connection& connection, std::int64_t person_id,
                       std::string_view full_name) const {
  std::string key = name_key(full_name);
  if (key.empty()) return;
  connection.execute(
      "INSERT INTO person_name_keys (person_id, name_key_bidx) VALUES ($1, $2) "
      "ON CONFLICT (person_id) DO UPDATE SET name_key_bidx = excluded.name_key_bidx",
      {person_id, protector_.index(key, kKeyField)});
}

std::vector<Candidate> Matcher::find(store::Connection& connection,
                                     const std::optional<std::string>& iin,
                                     const std::optional<std::string>& full_name) const {
  std::vector<Candidate> out;
  auto add = [&](const people::Person& person, const std::string& how) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const Candidate& c) { return c.person.id == person.id; });
    if (it == out.end()) {
      out.push_back({person, {how}});
    } else if (std::find(it->matched_by.begin(), it->matched_by.end(), how) ==
               it->matched_by.end()) {
      it->matched_by.push_back(how);
    }
  };
  if (iin) {
    for (const auto& person : people_.find_by_iin(connection, *iin)) add(person, "iin");
  }
  size_t by_iin = out.size();
  if (full_name) {
    for (const auto& person : people_.find_by_name(connection, *full_name)) add(person, "name");
    std::string key = name_key(*full_name);
    if (!key.empty()) {
      for (const auto& row :
           connection.query("SELECT person_id FROM person_name_keys WHERE name_key_bidx = $1",
                            {protector_.index(key, kKeyField)})) {
        if (auto person = people_.find(connection, row.integer(0))) add(*person, "name");
      }
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(by_iin), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.person.id < b.person.id; });
  return out;
}

}  // namespace qorgau::cases
