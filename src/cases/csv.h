// CSV for spreadsheets (RFC 4180), safe to open: a cell that a spreadsheet
// would read as a formula (starting with = + - @, a tab or a carriage return)
// gets a leading apostrophe, so it is shown as text and never evaluated.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace qorgau::cases {

// One cell: neutralised, then quoted when it holds a comma, quote or line break.
std::string csv_cell(std::string_view value);
// One line of cells, ending in CRLF.
std::string csv_row(const std::vector<std::string>& cells);

}  // namespace qorgau::cases
