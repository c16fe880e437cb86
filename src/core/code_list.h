// Lists of machine codes ("shelter,children") stored in one text column.
// Codes are snake_case identifiers and never contain a comma.
#pragma once

#include <string>
#include <vector>

namespace qorgau::core {

// {"a", "b"} -> "a,b"
std::string join_codes(const std::vector<std::string>& codes);
// "a,b" -> {"a", "b"}; empty items are dropped.
std::vector<std::string> split_codes(const std::string& text);

}  // namespace qorgau::core
