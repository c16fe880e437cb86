#include "core/toml_section.h"

#include <algorithm>

namespace qorgau::core {

namespace {

std::string describe(const std::string& key, const std::string& problem, const toml::node* node) {
  std::string where = node ? " (line " + std::to_string(node->source().begin.line) + ")" : "";
  return "key '" + key + "': " + problem + where;
}

}  // namespace

TomlKeyError::TomlKeyError(std::string key_path, const std::string& problem_text,
                           const toml::node* node)
    : std::runtime_error(describe(key_path, problem_text, node)),
      key(std::move(key_path)),
      problem(problem_text) {}

bool is_snake_case(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string TomlSection::key(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

const toml::node& TomlSection::node(std::string_view name) {
  const toml::node* found = table_.get(name);
  if (!found) {
    throw TomlKeyError(key(name), "missing", nullptr);
  }
  used_.emplace(name);
  return *found;
}

std::string TomlSection::string(std::string_view name, bool may_be_empty) {
  const toml::node& n = node(name);
  const auto* value = n.as_string();
  if (!value) {
    throw TomlKeyError(key(name), "expected a string", &n);
  }
  if (value->get().empty() && !may_be_empty) {
    throw TomlKeyError(key(name), "must not be empty", &n);
  }
  return value->get();
}

bool TomlSection::boolean(std::string_view name) {
  const toml::node& n = node(name);
  const auto* value = n.as_boolean();
  if (!value) {
    throw TomlKeyError(key(name), "expected true or false", &n);
  }
  return value->get();
}

std::int64_t TomlSection::integer(std::string_view name, std::int64_t min, std::int64_t max) {
  const toml::node& n = node(name);
  const auto* value = n.as_integer();
  if (!value) {
    throw TomlKeyError(key(name), "expected an integer", &n);
  }
  if (value->get() < min || value->get() > max) {
    throw TomlKeyError(
        key(name), "must be between " + std::to_string(min) + " and " + std::to_string(max), &n);
  }
  return value->get();
}

TomlSection TomlSection::table(std::string_view name) {
  const toml::node& n = node(name);
  const auto* value = n.as_table();
  if (!value) {
    throw TomlKeyError(key(name), "expected a table", &n);
  }
  return TomlSection(*value, key(name));
}

const toml::array& TomlSection::array(std::string_view name) {
  const toml::node& n = node(name);
  const auto* value = n.as_array();
  if (!value) {
    throw TomlKeyError(key(name), "expected an array", &n);
  }
  return *value;
}

LocalizedText TomlSection::text(std::string_view name) {
  TomlSection s = table(name);
  LocalizedText text{s.string("kk"), s.string("ru"), s.string("en")};
  s.done();
  return text;
}

std::vector<std::string> TomlSection::codes(std::string_view name) {
  std::vector<std::string> result;
  for (const toml::node& n : array(name)) {
    std::string item_key = key(name) + "[" + std::to_string(result.size()) + "]";
    const auto* value = n.as_string();
    if (!value) {
      throw TomlKeyError(item_key, "expected a string", &n);
    }
    if (!is_snake_case(value->get())) {
      throw TomlKeyError(item_key, "expected a snake_case code", &n);
    }
    if (std::find(result.begin(), result.end(), value->get()) != result.end()) {
      throw TomlKeyError(item_key, "duplicate '" + value->get() + "'", &n);
    }
    result.push_back(value->get());
  }
  return result;
}

std::vector<TomlSection> TomlSection::tables(std::string_view name) {
  std::vector<TomlSection> result;
  for (const toml::node& n : array(name)) {
    std::string item_key = key(name) + "[" + std::to_string(result.size()) + "]";
    const auto* value = n.as_table();
    if (!value) {
      throw TomlKeyError(item_key, "expected a table", &n);
    }
    result.emplace_back(*value, item_key);
  }
  return result;
}

void TomlSection::done() const {
  for (auto&& [name, n] : table_) {
    if (!used_.contains(std::string(name.str()))) {
      throw TomlKeyError(key(name.str()), "unknown key", &n);
    }
  }
}

}  // namespace qorgau::core
