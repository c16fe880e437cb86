// A Table (table.h) as an Office Open XML workbook (.xlsx), through
// libxlsxwriter: one sheet, a bold header row frozen in place, the columns'
// widths. Every cell is a string or a number cell, never a formula, and text
// goes through neutralise_formula() exactly as in CSV, so the file is as safe
// to open as the CSV of the same table.
//
// libxlsxwriter writes only to files. The workbook and the library's own
// scratch files are made in `private_dir` (the data directory's tmp/,
// created 0700 when absent, swept at start-up); the workbook is read back and
// its file deleted before xlsx_workbook() returns or throws.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "cases/table.h"

namespace qorgau::cases {

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The workbook's bytes; std::runtime_error when the library or the file fails.
std::string xlsx_workbook(const Table& table, std::string_view sheet_name,
                          const std::filesystem::path& private_dir);

}  // namespace qorgau::cases
