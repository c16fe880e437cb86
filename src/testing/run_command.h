// Test support: runs a shell command and captures its standard output, for
// tests that check a file the way an outside tool reads it (pdftotext, unzip,
// python3). Header-only; used by tests.
#pragma once

#include <stdio.h>
#include <sys/wait.h>

#include <array>
#include <string>

namespace qorgau::testing {

struct CommandResult {
  int status = -1;  // the exit status, or -1 if the command did not exit normally
  std::string output;
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), n);
  }
  int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace qorgau::testing
