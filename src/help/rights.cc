#include "help/rights.h"

#include <set>
#include <stdexcept>

#include <toml++/toml.h>

namespace qorgau::help {

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error("help rights: " + where + ": " + what);
}

std::string text(const toml::table& table, std::string_view key, const std::string& where) {
  auto value = table[key].value<std::string>();
  if (!value || value->empty()) fail(where + "." + std::string(key), "expected a non-empty string");
  return *value;
}

const toml::table& subtable(const toml::table& table, std::string_view key,
                            const std::string& where) {
  const toml::table* sub = table[key].as_table();
  if (!sub) fail(where + "." + std::string(key), "expected kk, ru and en");
  if (sub->size() != 3) fail(where + "." + std::string(key), "expected exactly kk, ru and en");
  return *sub;
}

core::LocalizedText localized(const toml::table& table, std::string_view key,
                              const std::string& where) {
  const toml::table& sub = subtable(table, key, where);
  std::string at = where + "." + std::string(key);
  return {text(sub, "kk", at), text(sub, "ru", at), text(sub, "en", at)};
}

std::vector<std::string> paragraphs(const toml::table& body, std::string_view language,
                                    const std::string& where) {
  const toml::array* array = body[language].as_array();
  std::string at = where + ".body." + std::string(language);
  if (!array || array->empty()) fail(at, "expected a non-empty list of paragraphs");
  std::vector<std::string> out;
  for (const auto& item : *array) {
    auto value = item.value<std::string>();
    if (!value || value->empty()) fail(at, "every paragraph must be a non-empty string");
    out.push_back(*value);
  }
  return out;
}

}  // namespace

const std::vector<std::string>& RightsTopic::paragraphs(core::Language language) const {
  switch (language) {
    case core::Language::kKk:
      return paragraphs_kk;
    case core::Language::kRu:
      return paragraphs_ru;
    case core::Language::kEn:
      return paragraphs_en;
  }
  return paragraphs_en;
}

std::vector<RightsTopic> parse_rights(std::string_view toml_text) {
  toml::table document;
  try {
    document = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    fail("file", std::string(e.description()));
  }
  for (auto&& [key, node] : document) {
    if (key.str() != "topic") fail(std::string(key.str()), "unknown key");
  }
  const toml::array* topics = document["topic"].as_array();
  if (!topics || topics->empty()) fail("topic", "expected at least one [[topic]]");
  std::vector<RightsTopic> out;
  std::set<std::string> ids;
  for (size_t i = 0; i < topics->size(); ++i) {
    std::string where = "topic[" + std::to_string(i) + "]";
    const toml::table* table = topics->get(i)->as_table();
    if (!table) fail(where, "expected a table");
    static const std::set<std::string> kKeys = {"id", "title", "summary", "body", "verified"};
    for (auto&& [key, node] : *table) {
      if (!kKeys.contains(std::string(key.str()))) {
        fail(where + "." + std::string(key.str()), "unknown key");
      }
    }
    RightsTopic topic;
    topic.id = text(*table, "id", where);
    if (!ids.insert(topic.id).second) fail(where + ".id", "duplicate id " + topic.id);
    topic.title = localized(*table, "title", where);
    topic.summary = localized(*table, "summary", where);
    const toml::table& body = subtable(*table, "body", where);
    topic.paragraphs_kk = paragraphs(body, "kk", where);
    topic.paragraphs_ru = paragraphs(body, "ru", where);
    topic.paragraphs_en = paragraphs(body, "en", where);
    if (auto verified = (*table)["verified"]; verified) {
      if (!verified.is_boolean()) fail(where + ".verified", "expected true or false");
      topic.verified = *verified.value<bool>();
    }
    out.push_back(std::move(topic));
  }
  return out;
}

}  // namespace qorgau::help
