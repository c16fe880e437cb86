#include "cases/table.h"

namespace qorgau::cases {

std::string neutralise_formula(std::string_view value) {
  std::string text;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r')) {
    text.push_back('\'');
  }
  text.append(value);
  return text;
}

std::string cell_text(const Cell& cell) {
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return std::to_string(*number);
  return std::get<std::string>(cell);
}

}  // namespace qorgau::cases
