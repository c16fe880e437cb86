// The shape most request bodies have: one JSON object whose values are all strings of printable
// ASCII without escapes ({"iin":"900101300123"}), read straight into a tree. nlohmann's general
// parser costs several times more for it: it keeps a copy of every character it reads (for its
// error messages) and a stack per document, a dozen allocations for a field verification's body.
// JsonBody tries this reader first.
//
// Invariants:
//  - when it returns true, `out` equals nlohmann::json::parse(text) (for a repeated key, the
//    last value, as nlohmann keeps);
//  - for anything else, valid JSON or not, it returns false and leaves `out` as it was: the
//    caller then uses the general parser, so what is accepted or refused, and how, never
//    depends on this reader.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace qorgau::http {

bool read_flat_string_object(std::string_view text, nlohmann::json& out);

}  // namespace qorgau::http
