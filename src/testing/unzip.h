// Test support: the content of a zip archive held in memory (an .xlsx),
// extracted by the unzip tool, independently of the library that wrote it.
// Header-only; used by unit and API tests.
#pragma once

#include <cstdio>
#include <fstream>
#include <string>

#include "testing/temp_dir.h"

namespace qorgau::testing {

// The bytes of `entry` ("xl/worksheets/sheet1.xml"), or of every entry one
// after the other when `entry` is empty; "" when the archive cannot be read.
inline std::string unzip(const std::string& archive, const std::string& entry = "") {
  TempDir dir;
  auto file = dir.path() / "archive.zip";
  {
    std::ofstream out(file, std::ios::binary);
    out << archive;
  }
  std::string command = "unzip -p '" + file.string() + "'";
  if (!entry.empty()) command += " '" + entry + "'";
  command += " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return "";
  std::string out;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

}  // namespace qorgau::testing
