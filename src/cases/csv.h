// CSV for spreadsheets (RFC 4180), safe to open: text cells go through
// neutralise_formula() (table.h), so a spreadsheet shows them as text and
// never evaluates them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cases/table.h"

namespace qorgau::cases {

// One cell: neutralised, then quoted when it holds a comma, quote or line break.
std::string csv_cell(std::string_view value);
// One line of cells, ending in CRLF.
std::string csv_row(const std::vector<std::string>& cells);
// The header line, then one line per row; numbers are written as they are.
std::string csv_table(const Table& table);

}  // namespace qorgau::cases
