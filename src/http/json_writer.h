// JSON text written straight into a string, for the hottest answers (the field verification),
// where building a nlohmann::json tree first (a node and allocations per value), dumping it
// and freeing it cost more than the lookup behind the answer. Everything else uses
// nlohmann::json.
//
// Invariants:
//  - the text is what nlohmann::json::dump() gives for the same document when the caller
//    writes each object's keys in sorted order (nlohmann sorts them; tested against it):
//    no spaces; strings escaped as dump() escapes them (\" \\ \b \f \n \r \t, other control
//    characters as \u00xx, everything else as is);
//  - a string that is not well-formed UTF-8 is refused with std::invalid_argument, as dump()
//    refuses it, so no malformed text reaches a client;
//  - the caller writes a well-formed document: every key inside an object is followed by one
//    value, and every begin has its end (checked only by tests, not at run time).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace qorgau::http {

class JsonWriter {
 public:
  // `capacity`: bytes reserved up front, so a typical answer is written without regrowing.
  explicit JsonWriter(std::size_t capacity = 512) { out_.reserve(capacity); }

  // Objects and arrays nest at most this deep; deeper throws std::logic_error.
  static constexpr int kMaxDepth = 64;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(bool flag);
  JsonWriter& null();

  // The text written; the writer is empty afterwards.
  std::string take();

 private:
  // Writes the ',' due before a member or element (none after a key, or first in its parent).
  void separate();
  void open(char bracket);
  void close(char bracket);
  void string(std::string_view text);

  std::string out_;
  // Bit d: something was written in the object or array open at depth d (0 = outermost).
  std::uint64_t has_items_ = 0;
  int depth_ = 0;  // objects and arrays open
  bool after_key_ = false;
};

}  // namespace qorgau::http
