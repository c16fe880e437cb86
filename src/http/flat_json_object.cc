#include "http/flat_json_object.h"

#include <string>
#include <utility>

namespace qorgau::http {

namespace {

// RFC 8259 whitespace.
void skip_whitespace(std::string_view text, std::size_t& at) {
  while (at < text.size() &&
         (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
    ++at;
  }
}

// A string of printable ASCII without escapes; false for any other string (or no string).
bool read_plain_string(std::string_view text, std::size_t& at, std::string_view& out) {
  if (at >= text.size() || text[at] != '"') return false;
  std::size_t begin = ++at;
  while (at < text.size()) {
    char c = text[at];
    if (c == '"') {
      out = text.substr(begin, at - begin);
      ++at;
      return true;
    }
    if (c < 0x20 || c > 0x7e || c == '\\') return false;
    ++at;
  }
  return false;
}

}  // namespace

bool read_flat_string_object(std::string_view text, nlohmann::json& out) {
  std::size_t at = 0;
  skip_whitespace(text, at);
  if (at >= text.size() || text[at] != '{') return false;
  ++at;
  nlohmann::json object = nlohmann::json::object();
  skip_whitespace(text, at);
  if (at < text.size() && text[at] == '}') {
    ++at;
  } else {
    while (true) {
      std::string_view key, value;
      if (!read_plain_string(text, at, key)) return false;
      skip_whitespace(text, at);
      if (at >= text.size() || text[at] != ':') return false;
      ++at;
      skip_whitespace(text, at);
      if (!read_plain_string(text, at, value)) return false;
      object[std::string(key)] = std::string(value);
      skip_whitespace(text, at);
      if (at >= text.size()) return false;
      if (text[at] == '}') {
        ++at;
        break;
      }
      if (text[at] != ',') return false;
      ++at;
      skip_whitespace(text, at);
    }
  }
  skip_whitespace(text, at);
  if (at != text.size()) return false;
  out = std::move(object);
  return true;
}

}  // namespace qorgau::http
