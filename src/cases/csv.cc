#include "cases/csv.h"

namespace qorgau::cases {

namespace {

std::string quoted_if_needed(std::string text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

}  // namespace

std::string csv_cell(std::string_view value) {
  return quoted_if_needed(neutralise_formula(value));
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line.push_back(',');
    line += csv_cell(cells[i]);
  }
  line += "\r\n";
  return line;
}

std::string csv_table(const Table& table) {
  std::string out = csv_row(table.header);
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(',');
      if (const auto* text = std::get_if<std::string>(&row[i])) {
        out += csv_cell(*text);
      } else {
        out += cell_text(row[i]);
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace qorgau::cases
