// A table to export as CSV or XLSX: named columns, each with a width for
// spreadsheets, and rows of cells that are text or whole numbers. An export
// defines its columns once, as a list of Column<Row> (what each column is
// called and how a row yields its cell), and both writers (csv.h, xlsx.h)
// take the Table that tabulate() makes of it, so no column is written twice.
//
// Invariants: every row has exactly as many cells as the header; text cells
// are data, never formulas: both writers pass text through
// neutralise_formula(), the one place that decides what looks like a formula.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qorgau::cases {

// Text ("" for an empty cell) or a whole number.
using Cell = std::variant<std::string, std::int64_t>;

template <typename Row>
struct Column {
  std::string name;
  double width = 12;  // in characters
  std::function<Cell(const Row&)> value;
};

struct Table {
  std::vector<std::string> header;
  std::vector<double> widths;
  std::vector<std::vector<Cell>> rows;
};

template <typename Row>
Table tabulate(const std::vector<Column<Row>>& columns, const std::vector<Row>& rows) {
  Table table;
  for (const auto& column : columns) {
    table.header.push_back(column.name);
    table.widths.push_back(column.width);
  }
  table.rows.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<Cell>& cells = table.rows.emplace_back();
    cells.reserve(columns.size());
    for (const auto& column : columns) cells.push_back(column.value(row));
  }
  return table;
}

// Text a spreadsheet would read as a formula (starting with = + - @, a tab or
// a carriage return) gets a leading apostrophe, so it is shown as text and
// never evaluated; anything else is returned as it is.
std::string neutralise_formula(std::string_view value);

// The cell as text: the text itself, or the number in decimal.
std::string cell_text(const Cell& cell);

}  // namespace qorgau::cases
