#include "cases/xlsx.h"

#include <xlsxwriter.h>

#include <atomic>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>

namespace qorgau::cases {

namespace fs = std::filesystem;

namespace {

// Deletes the file when the scope ends, however it ends.
class RemovedOnExit {
 public:
  explicit RemovedOnExit(fs::path path) : path_(std::move(path)) {}
  ~RemovedOnExit() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  RemovedOnExit(const RemovedOnExit&) = delete;
  RemovedOnExit& operator=(const RemovedOnExit&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

fs::path fresh_name(const fs::path& dir) {
  static std::atomic<std::uint64_t> counter{0};
  std::random_device random;
  std::uint64_t bits = (static_cast<std::uint64_t>(random()) << 32) ^ random();
  return dir /
         ("export-" + std::to_string(bits) + "-" + std::to_string(counter.fetch_add(1)) + ".xlsx");
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(error));
  }
}

void write_sheet(lxw_workbook* workbook, const Table& table, const std::string& sheet_name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  if (sheet == nullptr || bold == nullptr) throw std::runtime_error("xlsx: cannot add a sheet");
  format_set_bold(bold);
  for (size_t column = 0; column < table.header.size(); ++column) {
    auto col = static_cast<lxw_col_t>(column);
    check(worksheet_set_column(sheet, col, col, table.widths.at(column), nullptr), "width");
    check(worksheet_write_string(sheet, 0, col, neutralise_formula(table.header[column]).c_str(),
                                 bold),
          "header");
  }
  worksheet_freeze_panes(sheet, 1, 0);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    auto row = static_cast<lxw_row_t>(r + 1);
    const auto& cells = table.rows[r];
    for (size_t column = 0; column < cells.size(); ++column) {
      auto col = static_cast<lxw_col_t>(column);
      if (const auto* number = std::get_if<std::int64_t>(&cells[column])) {
        check(worksheet_write_number(sheet, row, col, static_cast<double>(*number), nullptr),
              "number");
        continue;
      }
      const auto& text = std::get<std::string>(cells[column]);
      if (text.empty()) continue;  // an empty cell stays blank
      check(worksheet_write_string(sheet, row, col, neutralise_formula(text).c_str(), nullptr),
            "string");
    }
  }
}

}  // namespace

std::string xlsx_workbook(const Table& table, std::string_view sheet_name,
                          const fs::path& private_dir) {
  if (!fs::exists(private_dir)) {
    fs::create_directories(private_dir);
    fs::permissions(private_dir, fs::perms::owner_all, fs::perm_options::replace);
  }
  RemovedOnExit file(fresh_name(private_dir));
  std::string scratch = private_dir.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = scratch.data();
  options.use_zip64 = LXW_FALSE;
  WorkbookPtr workbook(workbook_new_opt(file.path().c_str(), &options));
  if (!workbook) throw std::runtime_error("xlsx: cannot create a workbook");
  write_sheet(workbook.get(), table, std::string(sheet_name));
  // workbook_close() writes the file and frees the workbook, failed or not.
  check(workbook_close(workbook.release()), "close");
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || !bytes) throw std::runtime_error("xlsx: cannot read the workbook back");
  return std::move(bytes).str();
}

}  // namespace qorgau::cases
