#include "http/json_writer.h"

#include <unicode/utf8.h>

#include <charconv>
#include <stdexcept>
#include <utility>

namespace qorgau::http {

namespace {

bool well_formed_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto length = static_cast<std::int32_t>(text.size());
  std::int32_t at = 0;
  while (at < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
    if (has_items_ & bit) out_ += ',';
    has_items_ |= bit;
  }
}

void JsonWriter::open(char bracket) {
  if (depth_ == kMaxDepth) throw std::logic_error("json: nested deeper than JsonWriter allows");
  separate();
  out_ += bracket;
  has_items_ &= ~(std::uint64_t{1} << depth_);
  ++depth_;
}

void JsonWriter::close(char bracket) {
  --depth_;
  out_ += bracket;
}

JsonWriter& JsonWriter::begin_object() {
  open('{');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  open('[');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  string(name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  string(text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  separate();
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, number);
  out_.append(digits, end);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

std::string JsonWriter::take() {
  has_items_ = 0;
  depth_ = 0;
  after_key_ = false;
  return std::exchange(out_, {});
}

void JsonWriter::string(std::string_view text) {
  out_ += '"';
  bool ascii = true;
  std::size_t copied = 0;  // text[copied, i) is still to be copied as is
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      ascii = false;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text, copied, i - copied);
    copied = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xf];
      }
    }
  }
  if (!ascii && !well_formed_utf8(text)) {
    throw std::invalid_argument("json: a string is not well-formed UTF-8");
  }
  out_.append(text, copied, text.size() - copied);
  out_ += '"';
}

}  // namespace qorgau::http
